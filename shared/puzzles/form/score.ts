import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { checkField } from "./check-field.ts";
import type { FormDraft, FormPuzzle, FormSolution } from "./schema.ts";

/** Share of the fields (those with a rule in the solution) whose value satisfies their rule. */
export function scoreForm(puzzle: FormPuzzle, solution: FormSolution, answer: FormDraft): ScoreResult {
  const items: ItemFeedback[] = [];
  let counted = 0;
  let right = 0;
  for (const field of puzzle.fields) {
    const fieldSolution = Object.hasOwn(solution.fields, field.id) ? solution.fields[field.id] : undefined;
    if (!fieldSolution) continue;
    counted++;
    const value = Object.hasOwn(answer.values, field.id) ? (answer.values[field.id] ?? "") : "";
    const check = checkField(fieldSolution.check, value);
    if (check.ok) {
      right++;
      items.push({ id: field.id, correct: true });
    } else {
      const message = fieldSolution.feedback ?? check.message;
      items.push({ id: field.id, correct: false, ...(message ? { message } : {}) });
    }
  }
  return { score: counted === 0 ? 1 : right / counted, items };
}
