import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { categorize } from "./index.ts";

export const categorizeTesting: PuzzleTesting<"categorize"> = {
  type: "categorize",
  parts: ({ ids }) =>
    fc.tuple(ids("i", 2, 6), ids("b", 2, 4)).chain(([itemIds, bucketIds]) =>
      fc
        .array(fc.constantFrom(...bucketIds), { minLength: itemIds.length, maxLength: itemIds.length })
        .map((assigned) => ({
          puzzle: {
            items: itemIds.map((id) => ({ id, label: id })),
            buckets: bucketIds.map((id) => ({ id, label: id })),
          },
          solution: {
            buckets: Object.fromEntries(
              bucketIds.map((bucket) => [bucket, itemIds.filter((_, i) => assigned[i] === bucket)]),
            ),
          },
        })),
    ),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("categorize" as const),
      placements: fc.dictionary(id, id, { maxKeys: 8 }),
    }),
  draftFor(puzzle) {
    const buckets = puzzle.buckets.map((b) => b.id);
    return fc
      .array(fc.option(fc.constantFrom(...buckets), { nil: undefined }), {
        minLength: puzzle.items.length,
        maxLength: puzzle.items.length,
      })
      .map((picked) => ({
        type: "categorize" as const,
        placements: Object.fromEntries(
          puzzle.items.flatMap((item, i) => (picked[i] ? [[item.id, picked[i]] as const] : [])),
        ),
      }));
  },
  anyEdit: (id) =>
    fc.record({
      op: fc.constant("place-item" as const),
      itemId: id,
      bucketId: fc.oneof(id, fc.constantFrom("oui", "non", null)),
    }),
  editsTo: (draft, target) => [
    ...Object.entries(target.placements)
      .filter(([itemId, bucketId]) => draft.placements[itemId] !== bucketId)
      .map(([itemId, bucketId]) => ({ op: "place-item" as const, itemId, bucketId })),
    ...Object.keys(draft.placements)
      .filter((itemId) => !(itemId in target.placements))
      .map((itemId) => ({ op: "place-item" as const, itemId, bucketId: null })),
  ],
  wrongDraft(puzzle) {
    const bucket = puzzle.buckets.at(-1)?.id ?? "";
    return { type: "categorize", placements: Object.fromEntries(puzzle.items.map((i) => [i.id, bucket])) };
  },
  oneMistake(puzzle, solution) {
    // The first items of two buckets swapped.
    const right = categorize.solutionDraft(puzzle, solution);
    const [first, second] = Object.entries(solution.buckets).filter(([, items]) => items.length > 0);
    const a = first?.[1][0];
    const b = second?.[1][0];
    if (!first || !second || !a || !b) return { type: "categorize", placements: {} };
    return { type: "categorize", placements: { ...right.placements, [a]: second[0], [b]: first[0] } };
  },
};
