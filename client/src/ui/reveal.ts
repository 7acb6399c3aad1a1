/** The explanation of a revealed step, its sources, and the right answer as lines. */
import { html, nothing } from "lit-html";
import type { PublicStep, RevealedStep } from "../../../shared/rules/public.ts";
import { contentLang, t } from "../i18n/index.ts";
import { answerLines, type Line } from "../view/answers.ts";

export function linesView(lines: Line[]) {
  if (lines.length === 0) return html`<p class="muted">${t("debrief.noAnswer")}</p>`;
  return html`<dl class="lines">
    ${lines.map((line) => html`<div class="row"><dt><strong>${line.label}</strong></dt><dd style="margin:0">${line.value}</dd></div>`)}
  </dl>`;
}

export function explanationView(revealed: RevealedStep) {
  // Plain blocks under their headings, not landmarks: the debrief repeats them for every step.
  return html`<div class="explanation" lang=${contentLang() ?? nothing}>
    <h3>${t("feedback.explanation")}</h3>
    <p>${revealed.explanation.text}</p>
    <h3>${t("feedback.sources")}</h3>
    <ul>
      ${revealed.explanation.sources.map(
        (source) =>
          html`<li>${source.url ? html`<a href=${source.url} target="_blank" rel="noopener">${source.label}</a>` : source.label}</li>`,
      )}
    </ul>
  </div>`;
}

export function solutionView(step: PublicStep, revealed: RevealedStep) {
  return html`<div class="solution" lang=${contentLang() ?? nothing}>
    <h3>${t("feedback.solution")}</h3>
    ${linesView(answerLines(step, revealed.answer))}
  </div>`;
}
