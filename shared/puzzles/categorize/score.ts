import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import type { CategorizeDraft, CategorizePuzzle, CategorizeSolution } from "./schema.ts";

/** The bucket each item belongs to, from a categorize solution. */
export function expectedBuckets(solution: CategorizeSolution): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [bucketId, itemIds] of Object.entries(solution.buckets)) {
    for (const itemId of itemIds) expected.set(itemId, bucketId);
  }
  return expected;
}

/** Share of the puzzle's items placed in their right bucket; feedback per placed item. */
export function scoreCategorize(
  puzzle: CategorizePuzzle,
  solution: CategorizeSolution,
  answer: CategorizeDraft,
): ScoreResult {
  const expected = expectedBuckets(solution);
  const items: ItemFeedback[] = [];
  let right = 0;
  for (const item of puzzle.items) {
    const placed = Object.hasOwn(answer.placements, item.id) ? answer.placements[item.id] : undefined;
    const correct = placed !== undefined && placed === expected.get(item.id);
    if (correct) right++;
    if (placed !== undefined) items.push({ id: item.id, correct });
  }
  return { score: puzzle.items.length === 0 ? 1 : right / puzzle.items.length, items };
}
