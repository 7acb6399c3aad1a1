import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { CHOICES, type ChartDraft, type ChartPuzzle, type ChartSolution, type Choice } from "./schema.ts";

/** The choices a solution scores (y and sort only when it lists accepted values), with them. */
export function scoredChoices(solution: ChartSolution): [Choice, readonly string[]][] {
  return CHOICES.flatMap((choice) => {
    const accepted = solution[choice];
    return accepted ? [[choice, accepted] as [Choice, readonly string[]]] : [];
  });
}

/** Share of the scored choices the team got right; feedback per choice the team made. */
export function scoreChart(_puzzle: ChartPuzzle, solution: ChartSolution, draft: ChartDraft): ScoreResult {
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
  return { score: scored.length === 0 ? 1 : right / scored.length, items };
}
