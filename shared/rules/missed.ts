/**
 * What the teams missed (the debrief leads with it, live and after the end): per step, from each
 * team's last attempt, the items of the expected answer it got wrong, the item most teams missed
 * first. Unlike the feedback given during play, which covers what a team picked or placed only,
 * this is said once the answer is revealed: a right option left unpicked or a document left unsorted
 * is missed too.
 */
import { leftOutItems } from "../puzzles/registry.ts";
import type { Scenario, Step } from "../scenario/schema.ts";
import type { Answer } from "./answer.ts";
import type { Team } from "./model.ts";
import { scoreAnswer } from "./scoring/index.ts";

export interface MissedItem {
  /** The item's id, as in the step's per-item feedback (option, document, field, cell…). */
  id: string;
  /** How many of the teams that answered got it wrong on their last attempt. */
  missed: number;
}

export interface StepMisses {
  stepId: string;
  /** Teams that sent at least one attempt on the step. */
  answered: number;
  /** The items at least one team missed, most missed first (ties: in the order first met). */
  items: MissedItem[];
}

/** The items of the step's expected answer that `answer` gets wrong. */
export function missedItems(step: Step, answer: Answer): string[] {
  const wrong = scoreAnswer(step, answer)
    .items.filter((item) => !item.correct)
    .map((item) => item.id);
  return [...new Set([...wrong, ...leftOutItems(step, answer)])];
}

/** From each team's last submitted answer on the step (null: the team sent nothing). */
export function stepMisses(step: Step, lastAnswers: readonly (Answer | null)[]): StepMisses {
  const counts = new Map<string, number>();
  for (const answer of lastAnswers) {
    if (answer) for (const id of missedItems(step, answer)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return {
    stepId: step.id,
    answered: lastAnswers.filter((answer) => answer !== null).length,
    items: [...counts].map(([id, missed]) => ({ id, missed })).sort((a, b) => b.missed - a.missed),
  };
}

/** Per step of the scenario, in order, what the teams missed on their last attempts. */
export function sessionMisses(scenario: Scenario, teams: readonly Team[]): StepMisses[] {
  return scenario.steps.map((step) =>
    stepMisses(
      step,
      teams.map((team) => team.steps.find((s) => s.stepId === step.id)?.attempts.at(-1)?.answer ?? null),
    ),
  );
}
