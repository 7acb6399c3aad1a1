/** order on the table: the cards in one line, in the draft's order; a card dropped at a place moves there. */
import type { OrderEdit } from "../../../../shared/puzzles/order/schema.ts";
import type { PuzzleTable } from "../types.ts";

/** The edit that moves an item to a place of `order`; null when out of range or already there.
 *  The DOM's buttons and drops and the table's drops all send it. */
export function moveEdit(order: readonly string[], itemId: string, toIndex: number): OrderEdit | null {
  if (toIndex < 0 || toIndex >= order.length || order.indexOf(itemId) === toIndex) return null;
  if (!order.includes(itemId)) return null;
  return { op: "move-item", itemId, toIndex };
}

/** The draft's order, restricted to the puzzle's items (as both views show it). */
export function shownOrder(puzzle: { items: { id: string }[] }, order: readonly string[]): string[] {
  const known = new Set(puzzle.items.map((item) => item.id));
  return order.filter((id) => known.has(id));
}

export const orderTable: PuzzleTable<"order"> = {
  picture: (puzzle, draft, marks) => {
    const labels = new Map(puzzle.items.map((item) => [item.id, item.label]));
    return {
      layout: "line",
      zones: [],
      tray: "",
      pieces: shownOrder(puzzle, draft.order).map((id) => ({
        id,
        label: labels.get(id) ?? id,
        tag: "",
        zone: null,
        mark: marks.get(id) ?? null,
      })),
      links: [],
      kinds: [],
    };
  },
  drop: (puzzle, draft, drop) =>
    "index" in drop ? moveEdit(shownOrder(puzzle, draft.order), drop.piece, drop.index) : null,
};
