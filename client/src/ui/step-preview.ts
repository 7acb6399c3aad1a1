/**
 * One step as the designer previews it (the preview screen and the studio): the step's text, every
 * role's documents (each private one marked with its role), the puzzle to try, its hints (marked as
 * what players get on request), the score of the current answer and, with the solution shown, the
 * solution and its explanation. Right/wrong marks appear only after « Vérifier » (as after a
 * team's attempt) or with the solution: a fresh draft is not pre-marked.
 */
import { html } from "lit-html";
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import { applyDraftEdit, emptyAnswer, solutionAnswer } from "../../../shared/rules/drafts.ts";
import { revealedStep, toPublicStep } from "../../../shared/rules/public.ts";
import { scoreAnswer } from "../../../shared/rules/scoring/index.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { requestRender } from "../app.ts";
import { t } from "../i18n/index.ts";
import { puzzleView } from "../puzzles/registry.ts";
import { percent } from "../view/state.ts";
import { materialCard } from "./material.ts";
import { explanationView } from "./reveal.ts";

/** What the designer did in the preview: drafts per step, and which steps were checked. */
export interface PreviewPlay {
  drafts: Map<string, Answer>;
  /** Steps whose current draft was checked (marks shown); an edit clears it. */
  checked: Set<string>;
  showSolution: boolean;
}

export function previewPlay(): PreviewPlay {
  return { drafts: new Map(), checked: new Set(), showSolution: false };
}

/** Keeps the drafts of steps whose puzzle did not change between two versions of the scenario. */
export function keepCompatibleDrafts(before: Scenario, after: Scenario, play: PreviewPlay): void {
  for (const stepId of [...play.drafts.keys()]) {
    const old = before.steps.find((s) => s.id === stepId);
    const step = after.steps.find((s) => s.id === stepId);
    if (old && step && JSON.stringify(old.puzzle) === JSON.stringify(step.puzzle)) continue;
    play.drafts.delete(stepId);
    play.checked.delete(stepId);
  }
}

/** After « Vérifier »: what the team reads about each wrong item (feedback, a pattern's description…). */
function attemptMessages(items: readonly { id: string; correct: boolean; message?: string }[]) {
  const said = items.filter((item) => !item.correct && item.message);
  if (said.length === 0) return null;
  return html`<section class="card" aria-labelledby="preview-attempt-title">
    <h2 id="preview-attempt-title">${t("preview.attemptTitle")}</h2>
    <ul>${said.map((item) => html`<li><code>${item.id}</code> : ${item.message}</li>`)}</ul>
  </section>`;
}

/** The feedback the scenario writes per option, field… (players read it after an attempt or the reveal). */
function plannedFeedback(feedback: Record<string, string>) {
  const entries = Object.entries(feedback);
  if (entries.length === 0) return null;
  return html`<section class="card" aria-labelledby="preview-feedback-title">
    <h2 id="preview-feedback-title">${t("preview.feedbackTitle")}</h2>
    <p class="muted">${t("preview.feedbackNote")}</p>
    <ul>${entries.map(([id, text]) => html`<li><code>${id}</code> : ${text}</li>`)}</ul>
  </section>`;
}

export function stepPreview(s: Scenario, stepIndex: number, play: PreviewPlay, version = 0) {
  const step = s.steps[stepIndex];
  if (!step) return null;
  const roleNames = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => s.roles.find((role) => role.id === id)?.name ?? id).join(", ");
  const publicStep = toPublicStep(step, s.id);
  const draft = play.showSolution ? solutionAnswer(step) : (play.drafts.get(step.id) ?? emptyAnswer(step, 1));
  const score = scoreAnswer(step, draft);
  const marked = play.showSolution || play.checked.has(step.id);
  const marks = marked ? new Map(score.items.map((i) => [i.id, i.correct])) : new Map<string, boolean>();
  const send = (edit: DraftEdit) => {
    const next = applyDraftEdit(step, play.drafts.get(step.id) ?? emptyAnswer(step, 1), edit);
    if (next) play.drafts.set(step.id, next);
    play.checked.delete(step.id);
    requestRender();
  };
  const check = () => {
    play.checked.add(step.id);
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
      ${puzzleView({ step: publicStep, draft, editable: !play.showSolution, marks, send })}
      <p class="notice info" role="status">${t("preview.score", { score: percent(score.score) })}</p>
      ${play.showSolution ? null : html`<button type="button" @click=${check}>${t("preview.check")}</button>`}
    </section>
    ${attemptMessages(play.checked.has(step.id) && !play.showSolution ? score.items : [])}
    ${plannedFeedback(revealedStep(step).feedback)}
    ${
      step.hints.length > 0
        ? html`<section class="card" aria-labelledby="preview-hints-title">
            <h2 id="preview-hints-title">${t("hints.title")}</h2>
            <p class="muted">${t("preview.hintsNote")}</p>
            <ol>
              ${step.hints.map((hint) => html`<li>${hint.text} <span class="muted">(${t("preview.hintCost", { cost: percent(hint.cost) })})</span></li>`)}
            </ol>
          </section>`
        : null
    }
    ${play.showSolution ? html`<section class="card">${explanationView(revealedStep(step))}</section>` : null}`;
}
