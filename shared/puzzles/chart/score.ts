import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { CHOICES, type ChartDraft, type ChartPuzzle, type ChartSolution, type Choice } from "./schema.ts";

/** The choices a solution scores (those it lists accepted values for), with them. */
export function scoredChoices(solution: ChartSolution): [Choice, readonly string[]][] {
  return CHOICES.flatMap((choice) => {
    const accepted = solution[choice];
    return accepted ? [[choice, accepted] as [Choice, readonly string[]]] : [];
  });
}

/**
 * One point per scored choice among the accepted answers, plus (judge variant) the real flaws
 * flagged minus the false ones (never below zero), over the number of scored choices and real
 * flaws. Feedback per choice made and per flaw flagged.
 */
export function scoreChart(puzzle: ChartPuzzle, solution: ChartSolution, draft: ChartDraft): ScoreResult {
  const scored = scoredChoices(solution);
  const items: ItemFeedback[] = [];
  let right = 0;
  for (const [choice, accepted] of scored) {
    const picked = draft[choice];
    if (picked === null) continue;
    const correct = accepted.includes(picked);
    if (correct) right++;
    items.push({ id: choice, correct });
  }
  const real = new Set(solution.flaws ?? []);
  let flagged = 0;
  for (const flaw of puzzle.judge?.flaws ?? []) {
    if (!draft.flags.includes(flaw.id)) continue;
    const correct = real.has(flaw.id);
    flagged += correct ? 1 : -1;
    items.push({ id: flaw.id, correct });
  }
  const total = scored.length + real.size;
  return { score: total === 0 ? 1 : (right + Math.max(0, flagged)) / total, items };
}
