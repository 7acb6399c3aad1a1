/** categorize on the table: one pile per category and a tray for the cards not placed yet. */
import type { CategorizeEdit } from "../../../../shared/puzzles/categorize/schema.ts";
import { t } from "../../i18n/index.ts";
import type { AnswerOf, PuzzleTable } from "../types.ts";

/** The edit that puts an item into a category (null: back to the list); null when nothing changes.
 *  The DOM's select and drops and the table's drops all send it. */
export function placeEdit(
  draft: AnswerOf<"categorize">,
  itemId: string,
  bucketId: string | null,
): CategorizeEdit | null {
  return (draft.placements[itemId] ?? null) === bucketId ? null : { op: "place-item", itemId, bucketId };
}

export const categorizeTable: PuzzleTable<"categorize"> = {
  picture: (puzzle, draft, marks) => ({
    layout: "piles",
    zones: puzzle.buckets.map((bucket) => ({ id: bucket.id, label: bucket.label })),
    tray: t("categorize.items"),
    pieces: puzzle.items.map((item) => ({
      id: item.id,
      label: item.label,
      tag: "",
      zone: draft.placements[item.id] ?? null,
      mark: marks.get(item.id) ?? null,
    })),
    links: [],
    kinds: [],
  }),
  drop: (puzzle, draft, drop) => {
    if (!("zone" in drop)) return null;
    if (drop.zone !== null && !puzzle.buckets.some((bucket) => bucket.id === drop.zone)) return null;
    return placeEdit(draft, drop.piece, drop.zone);
  },
};
