/** Draft answers: the initial draft of a step, a solution answer, and applying one draft edit. */
import {
  applyDraftEdit as applyEditOfType,
  blankDraft,
  initialDraft,
  type PublicPuzzle,
  solutionDraft,
} from "../puzzles/registry.ts";
import type { Step } from "../scenario/schema.ts";
import type { Answer, DraftEdit } from "./answer.ts";

/** What a blank draft needs to know of a step: public data only (a `PublicStep` will do). */
export type BlankableStep = PublicPuzzle;

/** A blank draft: nothing chosen, placed or filled; order items as given; table rows as given. */
export function blankAnswer(step: BlankableStep): Answer {
  return blankDraft(step);
}

/**
 * The initial draft of a step: a blank draft, except that order items are shuffled with `seed` and
 * never left in solution order (the shuffle is rotated when it happens to match).
 */
export function emptyAnswer(step: Step, seed: number): Answer {
  return initialDraft(step, seed);
}

/** An answer that scores 1 (given a valid scenario): what the reveal shows as the right answer. */
export function solutionAnswer(step: Step): Answer {
  return solutionDraft(step);
}

/**
 * Applies one edit to a draft; null when the edit does not fit the step (wrong puzzle type,
 * unknown option/item/bucket/field/row/column, index out of range, operation not offered).
 */
export function applyDraftEdit(step: Step, draft: Answer, edit: DraftEdit): Answer | null {
  return applyEditOfType(step, draft, edit);
}
