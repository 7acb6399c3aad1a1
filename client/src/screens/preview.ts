/**
 * Designer preview (dev server only): plays a scenario solo with every role's documents (marked
 * with their role), a step picker, a "show the solution" switch, the score of the current draft,
 * and a reload on file save that keeps the current step. A file that no longer validates shows its
 * findings instead of the game.
 */
import { html } from "lit-html";
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import { applyDraftEdit, emptyAnswer, solutionAnswer } from "../../../shared/rules/drafts.ts";
import { revealedStep, toPublicStep } from "../../../shared/rules/public.ts";
import { scoreAnswer } from "../../../shared/rules/scoring/index.ts";
import type { Finding } from "../../../shared/scenario/findings.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { announce, requestRender, type Screen } from "../app.ts";
import { t } from "../i18n/index.ts";
import { loadPreview, watchScenarios } from "../net/dev-preview.ts";
import { puzzleView } from "../puzzles/registry.ts";
import { materialCard } from "../ui/material.ts";
import { explanationView } from "../ui/reveal.ts";
import { percent } from "../view/state.ts";

const stepKey = (id: string) => `datatruc.preview.step.${id}`;

export function previewScreen(scenarioId: string): Screen {
  let scenario: Scenario | null = null;
  let findings: Finding[] = [];
  let state: "loading" | "ok" | "invalid" | "unavailable" = "loading";
  let stepIndex = Number(sessionStorage.getItem(stepKey(scenarioId)) ?? 0) || 0;
  let showSolution = false;
  let drafts = new Map<string, Answer>();
  let version = 0;

  const load = async (reloaded: boolean) => {
    const result = await loadPreview(scenarioId);
    if (result.kind === "ok") {
      const previous = scenario;
      scenario = result.scenario;
      findings = result.findings;
      state = "ok";
      if (previous) drafts = keepCompatibleDrafts(previous, result.scenario, drafts);
      stepIndex = Math.min(stepIndex, result.scenario.steps.length - 1);
    } else {
      state = result.kind;
      findings = result.kind === "invalid" ? result.findings : [];
    }
    version++;
    if (reloaded) announce(state === "ok" ? t("preview.reloaded") : t("preview.findings"));
    requestRender();
  };
  void load(false);
  const stopWatching = watchScenarios((changed) => {
    if (changed === scenarioId) void load(true);
  });

  const setStep = (index: number) => {
    stepIndex = index;
    sessionStorage.setItem(stepKey(scenarioId), String(index));
    requestRender();
  };

  const roleNames = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => scenario?.roles.find((role) => role.id === id)?.name ?? id).join(", ");

  const gameView = (s: Scenario) => {
    const step = s.steps[stepIndex];
    if (!step) return null;
    const publicStep = toPublicStep(step, s.id);
    const draft = showSolution ? solutionAnswer(step) : (drafts.get(step.id) ?? emptyAnswer(step, 1));
    const score = scoreAnswer(step, draft);
    const send = (edit: DraftEdit) => {
      const next = applyDraftEdit(step, drafts.get(step.id) ?? emptyAnswer(step, 1), edit);
      if (next) drafts.set(step.id, next);
      requestRender();
    };
    return html`
      <section class="card" aria-labelledby="step-title" data-version=${version}>
        <p class="muted">${t("board.step", { index: stepIndex + 1, total: s.steps.length })} · ${step.type}</p>
        <h2 id="step-title">${step.title}</h2>
        <p class="prompt">${step.prompt}</p>
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">${t("board.materials")}</h2>
        <p class="muted">${t("preview.allRoles")}</p>
        <div class="materials">
          ${step.materials.map((m) => materialCard(m, m.visibleTo ? roleNames(m.visibleTo) : null))}
        </div>
      </section>
      <section class="card" aria-labelledby="puzzle-title">
        <h2 id="puzzle-title">${t("board.puzzle")}</h2>
        ${puzzleView({ step: publicStep, draft, editable: !showSolution, marks: new Map(score.items.map((i) => [i.id, i.correct])), send })}
        <p class="notice info" role="status">${t("preview.score", { score: percent(score.score) })}</p>
      </section>
      ${showSolution ? html`<section class="card">${explanationView(revealedStep(step))}</section>` : null}`;
  };

  return {
    title: () => t("preview.title", { title: scenario?.metadata.title ?? scenarioId }),
    view: () => {
      const s = scenario;
      const header = html`<h1 tabindex="-1">${t("preview.title", { title: s?.metadata.title ?? scenarioId })}</h1>`;
      if (state === "loading") return html`${header}<p>${t("app.loading")}</p>`;
      if (state === "unavailable") return html`${header}<p class="notice warn">${t("preview.devOnly")}</p>`;
      if (state === "invalid" || !s) {
        return html`${header}
          <div class="notice bad" role="alert" data-findings>
            <p><strong>${t("preview.findings")}</strong></p>
            <ul>
              ${findings.map(
                (f) =>
                  html`<li><code>${f.file}:${f.line}:${f.column}</code> ${t("preview.finding", { path: f.path, message: f.message })}</li>`,
              )}
            </ul>
          </div>`;
      }
      return html`${header}
        <div class="card row">
          <label for="step-picker" style="margin:0">${t("preview.step")}</label>
          <select id="step-picker" style="width:auto" @change=${(e: Event) => setStep(Number((e.target as HTMLSelectElement).value))}>
            ${s.steps.map((step, index) => html`<option value=${index} ?selected=${index === stepIndex}>${index + 1}. ${step.title}</option>`)}
          </select>
          <label class="check" style="margin:0"><input type="checkbox" .checked=${showSolution}
            @change=${(e: Event) => {
              showSolution = (e.target as HTMLInputElement).checked;
              requestRender();
            }} /> ${t("preview.showSolution")}</label>
        </div>
        ${findings.length > 0 ? html`<ul class="notice warn">${findings.map((f) => html`<li>${f.path} : ${f.message}</li>`)}</ul>` : null}
        ${gameView(s)}`;
    },
    dispose: () => stopWatching(),
  };
}

/** Keeps the drafts of steps whose puzzle did not change between two versions of the file. */
function keepCompatibleDrafts(
  before: Scenario,
  after: Scenario,
  drafts: Map<string, Answer>,
): Map<string, Answer> {
  const kept = new Map<string, Answer>();
  for (const step of after.steps) {
    const old = before.steps.find((s) => s.id === step.id);
    const draft = drafts.get(step.id);
    if (old && draft && JSON.stringify(old.puzzle) === JSON.stringify(step.puzzle)) kept.set(step.id, draft);
  }
  return kept;
}
