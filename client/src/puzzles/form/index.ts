import { html, nothing } from "lit-html";
import { t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView } from "../types.ts";
import { formPuzzle } from "./view.ts";

export const formView: PuzzleView<"form"> = {
  type: "form",
  render: formPuzzle,
  answerLines: (puzzle, draft) =>
    puzzle.fields.map((field) => {
      const raw = draft.values[field.id] ?? "";
      const option = field.options?.find((o) => o.value === raw);
      return { label: field.label, value: option?.label ?? raw };
    }),
  describeEdit: (puzzle, edit, name) => ({
    key: "edit.set-field",
    params: { name, field: labelOf(puzzle?.fields, edit.fieldId) },
  }),
  feedbackTarget: (puzzle, id) => labelOf(puzzle.fields, id),
  kitCard: (puzzle) =>
    html`<h4>${t("kit.fields")}</h4>
      <dl class="kit-fields">${puzzle.fields.map(
        (f) =>
          html`<dt>${f.label}</dt><dd>${
            f.options ? f.options.map((o) => html`☐ ${o.label} `) : html`<span class="kit-blank"></span>`
          }${f.help ? html`<br /><span class="muted">${f.help}</span>` : nothing}</dd>`,
      )}</dl>`,
};
