/** Public check of an attestation's verification code: a field to type one, and the verdict. */
import { html } from "lit-html";
import { navigate, requestRender, type Screen } from "../app.ts";
import { formatDate, t } from "../i18n/index.ts";
import { type Attestation, getAttestation } from "../net/api.ts";

export function verifyScreen(verificationCode: string): Screen {
  let attestation: Attestation | null = null;
  let invalid = false;
  if (verificationCode)
    getAttestation(verificationCode)
      .then((a) => {
        attestation = a;
      })
      .catch(() => {
        invalid = true;
      })
      .finally(requestRender);

  const onCheck = (event: SubmitEvent) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get("verification") ?? "").trim();
    if (code) navigate({ name: "verify", verificationCode: code });
  };

  const verdict = () => {
    if (!verificationCode) return null;
    if (attestation)
      return html`<div class="notice ok" role="status">
        <p><strong>✔ ${t("verify.valid")}</strong></p>
        <p>${t("verify.details", { name: attestation.playerName, scenario: attestation.scenarioTitle, date: formatDate(attestation.issuedAt) })}</p>
        <p>${attestation.organisation}</p>
        <a href=${`/attestation/${encodeURIComponent(attestation.verificationCode)}`} data-nav>${t("verify.open")}</a>
      </div>`;
    if (invalid) return html`<p class="notice bad" role="alert">✘ ${t("verify.invalid")}</p>`;
    return html`<p>${t("app.loading")}</p>`;
  };

  return {
    title: () => t("verify.title"),
    view: () => html`<h1 tabindex="-1">${t("verify.title")}</h1>
      ${verificationCode ? html`<p><code>${verificationCode}</code></p>` : null}
      ${verdict()}
      <form class="card" style="max-width:32rem;margin-top:1rem" @submit=${onCheck}>
        <div class="field">
          <label for="verification">${t("verify.code")}</label>
          <input id="verification" name="verification" type="text" required autocomplete="off" spellcheck="false"
            autocapitalize="characters" maxlength="80" aria-describedby="verification-help" />
          <p class="help" id="verification-help">${t("verify.codeHelp")}</p>
        </div>
        <button class="primary" type="submit">${t("verify.check")}</button>
      </form>`,
  };
}
