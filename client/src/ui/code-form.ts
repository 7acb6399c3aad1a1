/**
 * The "join with a code" form (home page, and a join link whose code matches no game): checks the
 * code with the server before going on, and keeps a refused code in the field, marked invalid,
 * with the error next to it.
 */
import { html } from "lit-html";
import { navigate, requestRender } from "../app.ts";
import { t } from "../i18n/index.ts";
import { getSessionInfo } from "../net/api.ts";
import { normalizeCode } from "../router.ts";
import { joinErrorText } from "./errors.ts";
import { icon } from "./icons.ts";

export interface CodeFormState {
  value: string;
  error: string;
  checking: boolean;
}

export function codeFormState(value = "", error = ""): CodeFormState {
  return { value, error, checking: false };
}

async function submit(state: CodeFormState, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const raw = String(new FormData(event.target as HTMLFormElement).get("code") ?? "");
  state.value = raw;
  const code = normalizeCode(raw);
  state.error = "";
  if (!code) state.error = t("join.unknown");
  else {
    state.checking = true;
    requestRender();
    try {
      await getSessionInfo(code);
      state.checking = false;
      return navigate({ name: "join", code });
    } catch (error) {
      state.error = joinErrorText(error);
      if (state.error === t("join.unknown")) state.error = t("join.unknownCode", { code });
    }
  }
  state.checking = false;
  requestRender();
  queueMicrotask(() => document.getElementById("code")?.focus());
}

export function codeForm(state: CodeFormState) {
  const invalid = state.error !== "";
  return html`<form @submit=${(event: SubmitEvent) => void submit(state, event)}>
    <div class="field">
      <label for="code">${t("home.join.code")}</label>
      <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters"
        spellcheck="false" maxlength="16" required .value=${state.value}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${invalid ? "code-error code-help" : "code-help"} />
      <p class="help" id="code-help">${t("home.join.codeHelp")}</p>
    </div>
    ${invalid ? html`<p class="notice bad" role="alert" id="code-error">${state.error}</p>` : null}
    <button class="primary" type="submit" ?disabled=${state.checking}>${icon("join")} ${t("home.join.submit")}</button>
  </form>`;
}
