import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { scoreForm } from "../form/score.ts";
import { scoreOrder } from "../order/score.ts";
import type { LetterDraft, LetterPuzzle, LetterSolution } from "./schema.ts";

/** Feedback item ids: a part's block, a part's place in the letter, a placeholder's value. */
export const letterItem = {
  block: (partId: string) => `bloc:${partId}`,
  place: (partId: string) => `place:${partId}`,
  blank: (placeholderId: string) => `champ:${placeholderId}`,
};

/**
 * Scored per part: one point for its right block, one point for the order (the order scorer's share
 * of pairs in the right order, times the number of parts), one point per placeholder whose value
 * satisfies its rule. Feedback: the block chosen in each part (never which block was right), each
 * part's place, each placeholder (as a form field).
 */
export function scoreLetter(puzzle: LetterPuzzle, solution: LetterSolution, draft: LetterDraft): ScoreResult {
  const items: ItemFeedback[] = [];
  const blocks = new Map(puzzle.parts.flatMap((part) => part.blocks.map((block) => [block.id, block])));
  let rightBlocks = 0;
  for (const { part, block } of solution.parts) {
    const chosen = Object.hasOwn(draft.choices, part) ? draft.choices[part] : undefined;
    if (chosen === undefined) continue;
    const correct = chosen === block;
    if (correct) rightBlocks++;
    const feedback = blocks.get(chosen)?.feedback;
    items.push({ id: letterItem.block(part), correct, ...(feedback ? { message: feedback } : {}) });
  }
  const partCount = solution.parts.length;
  const order = scoreOrder(
    { order: solution.parts.map((entry) => entry.part) },
    { type: "order", order: draft.order },
  );
  for (const item of order.items) items.push({ id: letterItem.place(item.id), correct: item.correct });
  const filled = scoreForm(
    { fields: puzzle.placeholders },
    { fields: solution.placeholders },
    { type: "form", values: draft.values },
  );
  const rules = filled.items.length;
  const rightValues = filled.items.filter((item) => item.correct).length;
  for (const item of filled.items)
    if ((draft.values[item.id] ?? "") !== "") items.push({ ...item, id: letterItem.blank(item.id) });
  const total = 2 * partCount + rules;
  const points = rightBlocks + order.score * partCount + rightValues;
  return { score: total === 0 ? 1 : Math.min(1, Math.max(0, points / total)), items };
}
