/** Scores an answer against a step: each puzzle type brings its scorer (shared/puzzles/<type>/). */

import { scoreDraft } from "../../puzzles/registry.ts";
import type { Step } from "../../scenario/schema.ts";
import type { Answer } from "../answer.ts";
import type { ScoreResult } from "../model.ts";

export { checkField, type FieldCheck } from "../../puzzles/form/check-field.ts";

/** Score in [0, 1] with per-item feedback. An answer of another puzzle type scores 0. */
export function scoreAnswer(step: Step, answer: Answer): ScoreResult {
  return scoreDraft(step, answer);
}
