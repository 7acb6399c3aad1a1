import { html, nothing } from "lit-html";
import { t } from "../i18n/index.ts";

/** A right/wrong mark from the last attempt, in words as well as colour. */
export function mark(marks: Map<string, boolean>, id: string) {
  const correct = marks.get(id);
  if (correct === undefined) return nothing;
  return correct
    ? html`<span class="badge ok">✔ ${t("feedback.correct")}</span>`
    : html`<span class="badge bad">✘ ${t("feedback.incorrect")}</span>`;
}
