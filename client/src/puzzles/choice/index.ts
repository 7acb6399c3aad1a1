import { html } from "lit-html";
import { t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView } from "../types.ts";
import { choicePuzzle } from "./view.ts";

export const choiceView: PuzzleView<"choice"> = {
  type: "choice",
  render: choicePuzzle,
  answerLines: (puzzle, draft) =>
    puzzle.options
      .filter((option) => draft.selected.includes(option.id))
      .map((option) => ({ label: "✔", value: option.label })),
  describeEdit: (puzzle, edit, name) => ({
    key: "edit.toggle-option",
    params: { name, label: labelOf(puzzle?.options, edit.optionId) },
  }),
  feedbackTarget: (puzzle, id) => labelOf(puzzle.options, id),
  kitCard: (puzzle) =>
    html`<h4>${t(puzzle.multiple ? "kit.optionsMultiple" : "kit.options")}</h4>
      <ul class="kit-options">${puzzle.options.map((o) => html`<li>☐ ${o.label}</li>`)}</ul>`,
};
