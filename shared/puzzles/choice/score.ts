import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { clamp01 } from "../util.ts";
import type { ChoiceDraft, ChoicePuzzle, ChoiceSolution } from "./schema.ts";

/**
 * Single choice: 1 when exactly one option is picked and it is correct, else 0.
 * Multiple choice: (right picks − wrong picks) / number of correct options, clamped to [0, 1].
 * Feedback covers the picked options only (it never tells which unpicked option was right).
 */
export function scoreChoice(
  puzzle: ChoicePuzzle,
  solution: ChoiceSolution,
  answer: ChoiceDraft,
): ScoreResult {
  const correct = new Set(solution.correct);
  const known = new Map(puzzle.options.map((option) => [option.id, option]));
  const selected = [...new Set(answer.selected)].filter((id) => known.has(id));
  const items: ItemFeedback[] = selected.map((id) => {
    const feedback = known.get(id)?.feedback;
    return { id, correct: correct.has(id), ...(feedback ? { message: feedback } : {}) };
  });
  if (!puzzle.multiple) {
    const [only] = selected;
    return { score: selected.length === 1 && only !== undefined && correct.has(only) ? 1 : 0, items };
  }
  const right = selected.filter((id) => correct.has(id)).length;
  const wrong = selected.length - right;
  return { score: clamp01((right - wrong) / correct.size), items };
}
