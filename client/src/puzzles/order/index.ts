import { html } from "lit-html";
import { t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView } from "../types.ts";
import { orderTable } from "./board.ts";
import { orderPuzzle } from "./view.ts";

export const orderView: PuzzleView<"order"> = {
  type: "order",
  table: orderTable,
  render: orderPuzzle,
  answerLines: (puzzle, draft) =>
    draft.order.map((id, index) => ({ label: `${index + 1}.`, value: labelOf(puzzle.items, id) })),
  describeEdit: (puzzle, edit, name) => ({
    key: "edit.move-item",
    params: { name, item: labelOf(puzzle?.items, edit.itemId), position: edit.toIndex + 1 },
  }),
  feedbackTarget: (puzzle, id) => labelOf(puzzle.items, id),
  kitCard: (puzzle) =>
    html`<h4>${t("kit.order")}</h4>
      <ul class="kit-options">${puzzle.items.map((i) => html`<li>___ ${i.label}</li>`)}</ul>`,
};
