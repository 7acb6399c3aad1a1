/** Scores an answer against a step: one scorer per puzzle type. */

import type { Step } from "../../scenario/schema.ts";
import type { Answer } from "../answer.ts";
import type { ScoreResult } from "../model.ts";
import { scoreCategorize } from "./categorize.ts";
import { scoreChoice } from "./choice.ts";
import { scoreForm } from "./form.ts";
import { scoreOrder } from "./order.ts";
import { scoreTable } from "./table.ts";

export { checkField, type FieldCheck } from "./check-field.ts";
export { scoreCategorize, scoreChoice, scoreForm, scoreOrder, scoreTable };

/** Score in [0, 1] with per-item feedback. An answer of another puzzle type scores 0. */
export function scoreAnswer(step: Step, answer: Answer): ScoreResult {
  if (step.type === "choice" && answer.type === "choice")
    return scoreChoice(step.puzzle, step.solution, answer);
  if (step.type === "categorize" && answer.type === "categorize")
    return scoreCategorize(step.puzzle, step.solution, answer);
  if (step.type === "order" && answer.type === "order") return scoreOrder(step.solution, answer);
  if (step.type === "form" && answer.type === "form") return scoreForm(step.puzzle, step.solution, answer);
  if (step.type === "table" && answer.type === "table") return scoreTable(step.puzzle, step.solution, answer);
  return { score: 0, items: [] };
}
