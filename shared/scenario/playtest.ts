/**
 * Playtest: simulated teams play a scenario through the shared rules engine (session, edits,
 * hints, submissions), edit by edit like real players. Pure and seeded: same scenario and seed,
 * same report.
 *
 * Strategies: « solution » plays the solution edit by edit (a step it cannot bring to 1 is
 * unsolvable), « solution avec indices » does the same after taking every hint, « partielle » plays
 * a random part of the solution, « hasard » plays random edits. One attempt per step and team.
 */

import { puzzleType } from "../puzzles/registry.ts";
import {
  type Answer,
  advanceTeam,
  applyDraftEdit,
  applyEdit,
  createSession,
  type DraftEdit,
  defaultOptions,
  deriveSeed,
  emptyAnswer,
  joinPlayer,
  mulberry32,
  proposeSubmission,
  type SessionModel,
  scoreAnswer,
  startSession,
  takeHint,
} from "../rules/index.ts";
import type { Scenario, Step } from "./schema.ts";

export const STRATEGIES = ["solution", "indices", "partielle", "hasard"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<Strategy, string> = {
  solution: "solution",
  indices: "solution avec tous les indices",
  partielle: "réponses partielles",
  hasard: "réponses au hasard",
};

export interface Distribution {
  min: number;
  mean: number;
  max: number;
  /** Counts of scores in [0, 0.2[, [0.2, 0.4[, [0.4, 0.6[, [0.6, 0.8[, [0.8, 1[, and exactly 1. */
  histogram: number[];
}

export interface StepReport {
  index: number;
  id: string;
  title: string;
  type: Step["type"];
  /** The solution, played edit by edit through the rules, scores 1. */
  solvable: boolean;
  /** Why not, in French, when not solvable. */
  problem?: string;
  scores: Record<Strategy, Distribution>;
  hints: { count: number; totalCost: number };
  /** Edits a team needs to reach the solution. */
  editsToSolve: number;
  estimatedSeconds: number;
  timeLimitSeconds: number;
}

export interface PlaytestReport {
  scenarioId: string;
  teams: number;
  steps: StepReport[];
  estimatedMinutes: number;
  plannedMinutes: number;
  solvable: boolean;
}

/**
 * Simulated teams per strategy by default: 200, so that the share of random teams who pass a step
 * is within a few points of what another 200 teams would measure (with 20 it could say 45 % for
 * a step where 25 % of random teams pass).
 */
export const DEFAULT_PLAYTEST_TEAMS = 200;

export interface PlaytestOptions {
  seed?: number;
  /** Simulated teams per strategy (DEFAULT_PLAYTEST_TEAMS). */
  teams?: number;
}

// ---------------------------------------------------------------------------------------------
// Edits that lead from a draft to the solution.

/** The edits a team makes to go from the initial draft to the solution; `problem` when it cannot. */
export function solutionEdits(step: Step): { edits: DraftEdit[]; problem?: string } {
  return puzzleType(step.type).solutionEdits(step.puzzle, step.solution);
}

/** Random edits, as a team guessing would make. */
function randomEdits(step: Step, random: () => number): DraftEdit[] {
  return puzzleType(step.type).randomEdits(step.puzzle, step.solution, random);
}

function editsFor(strategy: Strategy, step: Step, random: () => number): DraftEdit[] {
  if (strategy === "hasard") return randomEdits(step, random);
  const { edits } = solutionEdits(step);
  if (strategy === "partielle") {
    const share = random();
    return edits.filter(() => random() < share);
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Simulation through the session rules.

function distribution(scores: readonly number[]): Distribution {
  const histogram = [0, 0, 0, 0, 0, 0];
  for (const score of scores) {
    const bin = score >= 1 ? 5 : Math.min(4, Math.floor(score * 5));
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  const total = scores.reduce((sum, score) => sum + score, 0);
  return {
    min: scores.length ? Math.min(...scores) : 0,
    mean: scores.length ? total / scores.length : 0,
    max: scores.length ? Math.max(...scores) : 0,
    histogram,
  };
}

function expectOk<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`playtest: ${what} refusé (${JSON.stringify(result)})`);
  return result as Extract<T, { ok: true }>;
}

interface Simulation {
  /** Per step, one score per team. */
  scores: number[][];
  /** Per step, edits the rules refused (for the solution strategies, a sign of an unplayable step). */
  refused: string[][];
}

/** Plays one strategy for `teams` teams. */
function simulate(scenario: Scenario, strategy: Strategy, teams: number, seed: number): Simulation {
  const members = Math.max(1, scenario.roles.length);
  const options = {
    ...defaultOptions("team"),
    teamCount: teams,
    teamSize: members,
    submissionRule: "any" as const,
    maxAttempts: 1,
    sessionTimeSeconds: null,
  };
  let now = 0;
  let model: SessionModel = createSession(scenario, options, { now, seed });
  for (let i = 0; i < teams * members; i++) {
    model = expectOk(
      joinPlayer(model, scenario, { playerId: `p${i}`, name: `Joueur ${i + 1}`, now }),
      "joinPlayer",
    ).model;
  }
  model = expectOk(startSession(model, scenario, now), "startSession").model;
  const random = mulberry32(deriveSeed(seed, strategy));
  const scores: number[][] = scenario.steps.map(() => []);
  const refused: string[][] = scenario.steps.map(() => []);

  scenario.steps.forEach((step, stepIndex) => {
    for (const team of model.teams) {
      const members = team.memberIds;
      const actor = (i: number) => members[i % members.length] ?? "";
      if (strategy === "indices")
        for (let h = 0; h < step.hints.length; h++)
          model = expectOk(takeHint(model, scenario, actor(h), step.id, now), "takeHint").model;
      // Every edit is made by a member in turn, then one submission (rule "any": submitted at once).
      editsFor(strategy, step, random).forEach((edit, i) => {
        now += 1000;
        const result = applyEdit(model, scenario, actor(i), step.id, edit, now);
        if (result.ok) model = result.model;
        else refused[stepIndex]?.push(`${edit.op} (${result.reason})`);
      });
      model = expectOk(proposeSubmission(model, scenario, actor(0), step.id, now), "proposeSubmission").model;
      const played = model.teams.find((t) => t.id === team.id)?.steps[stepIndex];
      scores[stepIndex]?.push(played?.score ?? 0);
      model = expectOk(advanceTeam(model, scenario, actor(0), step.id, now), "advanceTeam").model;
    }
  });
  return { scores, refused };
}

// ---------------------------------------------------------------------------------------------
// Duration estimate: reading, handling, discussing.

const READING_WORDS_PER_MINUTE = 180;
const SECONDS_PER_EDIT = 6;
const DISCUSSION_SECONDS = 45;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function stepText(step: Step): string {
  const materials = step.materials.map((material) =>
    material.kind === "text"
      ? `${material.title} ${material.body}`
      : material.kind === "table"
        ? `${material.title} ${material.columns.join(" ")} ${material.rows.flat().join(" ")}`
        : `${material.title} ${material.alt}`,
  );
  const puzzle = JSON.stringify(step.puzzle).replace(/"[a-zA-Z]+":|[{}[\]",]/g, " ");
  return [step.title, step.prompt, ...materials, puzzle].join(" ");
}

export function estimateStepSeconds(step: Step): number {
  const reading = (words(stepText(step)) / READING_WORDS_PER_MINUTE) * 60;
  const handling = solutionEdits(step).edits.length * SECONDS_PER_EDIT;
  return Math.round(reading + handling + DISCUSSION_SECONDS);
}

// ---------------------------------------------------------------------------------------------

/** Plays the scenario with every strategy and reports per step. */
export function playtest(scenario: Scenario, options: PlaytestOptions = {}): PlaytestReport {
  const seed = options.seed ?? 1;
  const teams = options.teams ?? DEFAULT_PLAYTEST_TEAMS;
  const results = Object.fromEntries(
    STRATEGIES.map((strategy) => [strategy, simulate(scenario, strategy, teams, deriveSeed(seed, strategy))]),
  ) as Record<Strategy, Simulation>;
  const steps = scenario.steps.map((step, index): StepReport => {
    const plan = solutionEdits(step);
    const scores = Object.fromEntries(
      STRATEGIES.map((strategy) => [strategy, distribution(results[strategy].scores[index] ?? [])]),
    ) as Record<Strategy, Distribution>;
    // Solvable: the solution, played through the rules, scores 1 for every team, and scoring the
    // solution answer from the initial draft agrees.
    const replayed = plan.edits.reduce<Answer>(
      (draft, edit) => applyEditToDraft(step, draft, edit),
      emptyAnswer(step, seed),
    );
    const direct = scoreAnswer(step, replayed).score;
    const refusedEdits = [...new Set(results.solution.refused[index] ?? [])];
    const solvable = !plan.problem && refusedEdits.length === 0 && scores.solution.min === 1 && direct === 1;
    const problem =
      plan.problem ??
      (refusedEdits.length > 0
        ? `coups de la solution refusés par les règles : ${refusedEdits.join(", ")}`
        : solvable
          ? undefined
          : `la solution jouée coup par coup obtient ${scores.solution.min.toFixed(2)} et non 1`);
    return {
      index,
      id: step.id,
      title: step.title,
      type: step.type,
      solvable,
      ...(problem ? { problem } : {}),
      scores,
      hints: { count: step.hints.length, totalCost: step.hints.reduce((sum, hint) => sum + hint.cost, 0) },
      editsToSolve: plan.edits.length,
      estimatedSeconds: estimateStepSeconds(step),
      timeLimitSeconds: step.timeLimitSeconds,
    };
  });
  return {
    scenarioId: scenario.id,
    teams,
    steps,
    estimatedMinutes: Math.round(steps.reduce((sum, step) => sum + step.estimatedSeconds, 0) / 60),
    plannedMinutes: scenario.metadata.durationMinutes,
    solvable: steps.every((step) => step.solvable),
  };
}

function applyEditToDraft(step: Step, draft: Answer, edit: DraftEdit): Answer {
  return applyDraftEdit(step, draft, edit) ?? draft;
}
