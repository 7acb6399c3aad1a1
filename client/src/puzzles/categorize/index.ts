import { html, nothing } from "lit-html";
import { t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView, type Sentence } from "../types.ts";
import { categorizeTable } from "./board.ts";
import { categorizePuzzle } from "./view.ts";

export const categorizeView: PuzzleView<"categorize"> = {
  type: "categorize",
  table: categorizeTable,
  render: categorizePuzzle,
  answerLines: (puzzle, draft) =>
    puzzle.buckets.map((bucket) => ({
      label: bucket.label,
      value: puzzle.items
        .filter((item) => draft.placements[item.id] === bucket.id)
        .map((item) => item.label)
        .join(" · "),
    })),
  describeEdit(puzzle, edit, name): Sentence {
    const item = labelOf(puzzle?.items, edit.itemId);
    return edit.bucketId === null
      ? { key: "edit.unplace-item", params: { name, item } }
      : { key: "edit.place-item", params: { name, item, bucket: labelOf(puzzle?.buckets, edit.bucketId) } };
  },
  feedbackTarget: (puzzle, id) => labelOf(puzzle.items, id),
  kitCard: (puzzle) =>
    html`<h4>${t("kit.items")}</h4>
      <ul class="kit-options">${puzzle.items.map((i) => html`<li>☐ ${i.label}${i.detail ? html` <span class="muted">(${i.detail})</span>` : nothing}</li>`)}</ul>
      <h4>${t("kit.buckets")}</h4>
      <ul class="kit-buckets">${puzzle.buckets.map((b) => html`<li>${b.label}</li>`)}</ul>`,
};
