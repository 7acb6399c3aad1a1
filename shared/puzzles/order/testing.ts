import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";

export const orderTesting: PuzzleTesting<"order"> = {
  type: "order",
  parts: ({ ids }) =>
    ids("e", 2, 6).chain((itemIds) =>
      fc.shuffledSubarray(itemIds, { minLength: itemIds.length, maxLength: itemIds.length }).map((order) => ({
        puzzle: { items: itemIds.map((id) => ({ id, label: id })) },
        solution: { order },
      })),
    ),
  anyDraft: (id) => fc.record({ type: fc.constant("order" as const), order: fc.array(id, { maxLength: 8 }) }),
  draftFor: (puzzle) =>
    fc.shuffledSubarray(puzzle.items.map((i) => i.id)).map((order) => ({ type: "order" as const, order })),
  anyEdit: (id) => fc.record({ op: fc.constant("move-item" as const), itemId: id, toIndex: fc.nat(5) }),
  editsTo: (_draft, target) =>
    target.order.map((itemId, toIndex) => ({ op: "move-item" as const, itemId, toIndex })),
  wrongDraft: (_puzzle, solution) => ({ type: "order", order: [...solution.order].reverse() }),
  oneMistake: (_puzzle, solution) => {
    // The first two items swapped.
    const order = [...solution.order];
    [order[0], order[1]] = [order[1] as string, order[0] as string];
    return { type: "order", order };
  },
};
