/**
 * Designer preview (dev server only): plays a scenario solo with every role's documents (marked
 * with their role), a step picker, a "show the solution" switch, the score of the current draft,
 * and a reload on file save that keeps the current step. A file that no longer validates shows its
 * findings instead of the game; an unknown id says so and lists the scenarios.
 */
import { html } from "lit-html";
import type { Finding } from "../../../shared/scenario/findings.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { announce, requestRender, type Screen } from "../app.ts";
import { t } from "../i18n/index.ts";
import { loadPreview, watchScenarios } from "../net/dev-preview.ts";
import { findingsList } from "../ui/findings.ts";
import { keepCompatibleDrafts, previewPlay, stepPreview } from "../ui/step-preview.ts";

const stepKey = (id: string) => `datatruc.preview.step.${id}`;

export function previewScreen(scenarioId: string): Screen {
  let scenario: Scenario | null = null;
  let findings: Finding[] = [];
  let known: string[] = [];
  let state: "loading" | "ok" | "invalid" | "unknown" | "unavailable" = "loading";
  let stepIndex = Number(sessionStorage.getItem(stepKey(scenarioId)) ?? 0) || 0;
  const play = previewPlay();
  let version = 0;

  const load = async (reloaded: boolean) => {
    const result = await loadPreview(scenarioId);
    if (result.kind === "ok") {
      const previous = scenario;
      scenario = result.scenario;
      findings = result.findings;
      state = "ok";
      if (previous) keepCompatibleDrafts(previous, result.scenario, play);
      stepIndex = Math.min(stepIndex, result.scenario.steps.length - 1);
    } else {
      state = result.kind;
      findings = result.kind === "invalid" ? result.findings : [];
      known = result.kind === "unknown" ? result.scenarios : [];
    }
    version++;
    if (reloaded) announce(state === "ok" ? t("preview.reloaded") : t("preview.findings"));
    requestRender();
  };
  void load(false);
  const stopWatching = watchScenarios((changed) => {
    if (changed === scenarioId || state === "unknown") void load(true);
  });

  const setStep = (index: number) => {
    stepIndex = index;
    sessionStorage.setItem(stepKey(scenarioId), String(index));
    requestRender();
  };

  return {
    title: () => t("preview.title", { title: scenario?.metadata.title ?? scenarioId }),
    view: () => {
      const s = scenario;
      const header = html`<h1 tabindex="-1">${t("preview.title", { title: s?.metadata.title ?? scenarioId })}</h1>`;
      if (state === "loading") return html`${header}<p>${t("app.loading")}</p>`;
      if (state === "unavailable") return html`${header}<p class="notice warn">${t("preview.devOnly")}</p>`;
      if (state === "unknown") {
        return html`${header}
          <div class="notice bad" role="alert"><p>${t("preview.unknown", { id: scenarioId })}</p></div>
          <h2>${t("preview.known")}</h2>
          <ul>
            ${known.map((id) => html`<li><a href=${`/preview/${id}`} data-nav>${id}</a></li>`)}
          </ul>`;
      }
      if (state === "invalid" || !s) {
        return html`${header}
          <div class="notice bad" role="alert" data-findings>
            <p><strong>${t("preview.findings")}</strong></p>
            ${findingsList(findings)}
          </div>`;
      }
      return html`${header}
        <div class="card row">
          <label for="step-picker" style="margin:0">${t("preview.step")}</label>
          <select id="step-picker" style="width:auto" @change=${(e: Event) => setStep(Number((e.target as HTMLSelectElement).value))}>
            ${s.steps.map((step, index) => html`<option value=${index} ?selected=${index === stepIndex}>${index + 1}. ${step.title}</option>`)}
          </select>
          <label class="check" style="margin:0"><input type="checkbox" .checked=${play.showSolution}
            @change=${(e: Event) => {
              play.showSolution = (e.target as HTMLInputElement).checked;
              requestRender();
            }} /> ${t("preview.showSolution")}</label>
        </div>
        ${findings.length > 0 ? html`<ul class="notice warn">${findings.map((f) => html`<li>${f.path} : ${f.message}</li>`)}</ul>` : null}
        ${stepPreview(s, stepIndex, play, version)}`;
    },
    dispose: () => stopWatching(),
  };
}
