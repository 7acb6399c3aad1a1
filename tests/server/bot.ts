/**
 * A bot's moves: the draft edits that turn a draft into a target answer, and a wrong answer, from
 * each puzzle type's test side (shared/puzzles/<type>/testing.ts). Test code only: the server applies
 * and scores edits with the pure rules.
 */
import { TESTING } from "../../shared/puzzles/testing.ts";
import type { Answer, DraftEdit } from "../../shared/rules/index.ts";
import type { Step } from "../../shared/scenario/schema.ts";

// biome-ignore lint/suspicious/noExplicitAny: dispatch by type name; step, draft and target share it.
function testingOf(type: string): any {
  const found = TESTING.find((entry) => entry.type === type);
  if (!found) throw new Error(`no test side for puzzle type ${type}`);
  return found;
}

/** Edits from `draft` to `target` (same puzzle type). */
export function editsTo(step: Step, draft: Answer, target: Answer): DraftEdit[] {
  if (step.type !== draft.type) throw new Error(`draft type ${draft.type} for a ${step.type} step`);
  if (draft.type !== target.type) return [];
  return testingOf(draft.type).editsTo(draft, target);
}

/** A plausible wrong answer: wrong options, everything in one bucket, reversed order, "x" in every
 *  field, untouched table. */
export function wrongAnswer(step: Step, draft: Answer): Answer {
  return testingOf(step.type).wrongDraft(step.puzzle, step.solution, draft);
}

/** The solution with one typical mistake (the type's `oneMistake`). */
export function oneMistake(step: Step): Answer {
  return testingOf(step.type).oneMistake(step.puzzle, step.solution);
}
