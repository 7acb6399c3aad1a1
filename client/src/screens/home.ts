/** Home: join with a code · create a session from the catalogue · design mode (preview links). */
import { html, nothing } from "lit-html";
import type { SessionOptions } from "../../../shared/rules/model.ts";
import { navigate, requestRender, type Screen } from "../app.ts";
import { t } from "../i18n/index.ts";
import { ApiError, type CatalogueEntry, createSession, getCatalogue } from "../net/api.ts";
import { saveFacilitatorKey } from "../net/seats.ts";
import { codeForm, codeFormState } from "../ui/code-form.ts";
import { errorText } from "../ui/errors.ts";
import { icon } from "../ui/icons.ts";
import { readSessionOptions } from "../view/create-options.ts";

/** A labelled select of the creation form; its first option is the default. */
const selectField = (name: string, label: string, options: { value: string; text: string }[]) =>
  html`<div class="field">
    <label for=${name}>${label}</label>
    <select id=${name} name=${name}>
      ${options.map((option) => html`<option value=${option.value}>${option.text}</option>`)}
    </select>
  </div>`;

/** A labelled number input of the creation form: required when it has a default `value`. */
const numberField = (name: string, label: string, range: { min: number; max: number; value?: number }) =>
  html`<div class="field">
    <label for=${name}>${label}</label>
    <input id=${name} name=${name} type="number" min=${range.min} max=${range.max}
      value=${range.value ?? nothing} ?required=${range.value !== undefined} />
  </div>`;

export function homeScreen(): Screen {
  let catalogue: CatalogueEntry[] | null = null;
  let createKeyRequired = false;
  let catalogueError = "";
  let createOpen = false;
  let creating = false;
  let createError = "";
  const join = codeFormState();
  let selectedId = "";
  const selected = () => catalogue?.find((entry) => entry.id === selectedId) ?? catalogue?.[0];

  getCatalogue()
    .then((loaded) => {
      catalogue = loaded.entries;
      createKeyRequired = loaded.createKeyRequired;
    })
    .catch((error: unknown) => {
      catalogueError = errorText(error);
    })
    .finally(requestRender);

  const onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const scenarioId = String(data.get("scenarioId") ?? "");
    const organisation = String(data.get("organisation") ?? "").trim();
    const createKey = String(data.get("createKey") ?? "");
    const options: SessionOptions = readSessionOptions(data);
    creating = true;
    createError = "";
    requestRender();
    try {
      const { pace, teamCount, teamSize, route, ...rest } = options;
      const created = await createSession({
        scenarioId,
        pace,
        teamCount,
        teamSize,
        ...(route ? { route } : {}),
        options: rest,
        ...(organisation ? { organisation } : {}),
        ...(createKey ? { createKey } : {}),
      });
      saveFacilitatorKey(created.code, created.facilitatorKey);
      navigate({ name: "facilitator", code: created.code });
    } catch (error) {
      createError = error instanceof ApiError ? errorText(error) : String(error);
      creating = false;
      requestRender();
    }
  };

  const createForm = () => html`<form class="stack" @submit=${onCreate} aria-labelledby="create-title">
    <h3 id="create-title">${t("create.title")}</h3>
    <div class="field">
      <label for="scenarioId">${t("create.scenario")}</label>
      <select id="scenarioId" name="scenarioId" required aria-describedby="scenario-summary"
        @change=${(event: Event) => {
          selectedId = (event.target as HTMLSelectElement).value;
          requestRender();
        }}>
        ${(catalogue ?? []).map(
          (entry) =>
            html`<option value=${entry.id} ?selected=${entry.id === selected()?.id}>${entry.title}</option>`,
        )}
      </select>
      ${(() => {
        const entry = selected();
        if (!entry) return null;
        return html`<div class="help" id="scenario-summary">
          <p>${entry.summary}</p>
          <p>${t("create.scenarioMeta", {
            minutes: entry.durationMinutes ?? "?",
            steps: entry.stepCount ?? "?",
            audience: entry.audience ?? "",
          })}</p>
          ${entry.shortRoute ? html`<p>${t("create.shortMeta", { minutes: entry.shortRoute.durationMinutes, steps: entry.shortRoute.stepCount })}</p>` : null}
        </div>`;
      })()}
    </div>
    <div class="field">
      <label for="organisation">${t("create.organisation")}</label>
      <input id="organisation" name="organisation" type="text" maxlength="120" autocomplete="organization"
        aria-describedby="organisation-help" />
      <p class="help" id="organisation-help">${t("create.organisationHelp")}</p>
    </div>
    <fieldset>
      <legend>${t("create.route")}</legend>
      <label class="check"><input type="radio" name="route" value="full" checked /> ${t("create.route.full", {
        minutes: selected()?.durationMinutes ?? "?",
        steps: selected()?.stepCount ?? "?",
      })}</label>
      ${
        selected()?.shortRoute
          ? html`<label class="check"><input type="radio" name="route" value="short" /> ${t(
              "create.route.short",
              {
                minutes: selected()?.shortRoute?.durationMinutes ?? "?",
                steps: selected()?.shortRoute?.stepCount ?? "?",
              },
            )}</label>`
          : null
      }
    </fieldset>
    <fieldset>
      <legend>${t("create.pace")}</legend>
      <label class="check"><input type="radio" name="pace" value="facilitator" checked /> ${t("create.pace.facilitator")}</label>
      <label class="check"><input type="radio" name="pace" value="team" /> ${t("create.pace.team")}</label>
    </fieldset>
    <div class="grid">
      ${selectField("teamCount", t("create.teamCount"), [
        { value: "auto", text: t("create.teamCountAuto") },
        ...[1, 2, 3, 4, 5, 6, 8, 10].map((n) => ({ value: String(n), text: String(n) })),
      ])}
      ${numberField("teamSize", t("create.teamSize"), { min: 1, max: 6, value: 4 })}
      ${selectField("submissionRule", t("create.submissionRule"), [
        { value: "majority", text: t("create.rule.majority") },
        { value: "any", text: t("create.rule.any") },
        { value: "unanimous", text: t("create.rule.unanimous") },
      ])}
      ${numberField("maxAttempts", t("create.maxAttempts"), { min: 1, max: 10, value: 2 })}
      ${numberField("stepMinutes", t("create.stepTime"), { min: 1, max: 60 })}
      ${numberField("sessionMinutes", t("create.sessionTime"), { min: 5, max: 480 })}
    </div>
    <label class="check"><input type="checkbox" name="hintsEnabled" checked /> ${t("create.hints")}</label>
    <label class="check"><input type="checkbox" name="lockAfterStart" /> ${t("create.lockAfterStart")}</label>
    <label class="check"><input type="checkbox" name="playersChooseTeam" /> ${t("create.playersChooseTeam")}</label>
    ${
      createKeyRequired
        ? html`<div class="field">
            <label for="createKey">${t("create.createKey")}</label>
            <input id="createKey" name="createKey" type="password" required autocomplete="off"
              aria-describedby="createKey-help" />
            <p class="help" id="createKey-help">${t("create.createKeyHelp")}</p>
          </div>`
        : null
    }
    ${createError ? html`<p class="notice bad" role="alert">${createError}</p>` : null}
    <button class="primary" type="submit" ?disabled=${creating || !catalogue?.length}>
      ${icon("play")} ${creating ? t("create.creating") : t("create.submit")}
    </button>
  </form>`;

  return {
    title: () => t("home.title"),
    view: () => html`
      <h1 tabindex="-1">${t("home.title")}</h1>
      <p class="prompt">${t("home.tagline")}</p>
      <div class="grid">
        <section class="card" aria-labelledby="join-title">
          <h2 id="join-title">${t("home.join.title")}</h2>
          ${codeForm(join)}
        </section>
        <section class="card" aria-labelledby="create-section">
          <h2 id="create-section">${t("home.create.title")}</h2>
          <p>${t("home.create.text")}</p>
          ${catalogueError ? html`<p class="notice bad" role="alert">${catalogueError}</p>` : null}
          ${
            createOpen
              ? createForm()
              : html`<button type="button" class="primary" @click=${() => {
                  createOpen = true;
                  requestRender();
                  queueMicrotask(() => document.getElementById("scenarioId")?.focus());
                }}>${icon("plus")} ${t("home.create.open")}</button>`
          }
        </section>
        <section class="card" aria-labelledby="carnet-section">
          <h2 id="carnet-section">${t("home.carnet.title")}</h2>
          <p>${t("home.carnet.text")}</p>
          <a class="button" href="/carnet" data-nav>${t("home.carnet.open")}</a>
        </section>
        <section class="card" aria-labelledby="org-section">
          <h2 id="org-section">${t("home.org.title")}</h2>
          <p>${t("home.org.text")}</p>
          <a class="button" href="/organisation" data-nav>${t("home.org.open")}</a>
        </section>
        <section class="card" aria-labelledby="design-title">
          <h2 id="design-title">${t("home.design.title")}</h2>
          <p>${t("home.design.text")}</p>
          <ul>
            ${
              catalogue?.length === 0
                ? html`<li>${t("home.design.none")}</li>`
                : (catalogue ?? []).map(
                    (entry) =>
                      html`<li><a href=${`/preview/${entry.id}`} data-nav>${t("home.design.preview", { title: entry.title })}</a></li>`,
                  )
            }
          </ul>
        </section>
      </div>`,
  };
}
