/**
 * The moments of a session as pure view-models, for the projected screen (the stage) and the
 * players' screens: the step's opening (character and situation), the race (each team's place on
 * the path and its status), live events without content, the reveal sequence (question, each team
 * in turn with per-item right/wrong, the most missed item, then the why) and the podium.
 */
import type { ItemFeedback } from "../../../shared/rules/model.ts";
import type { PublicScenario, PublicStep } from "../../../shared/rules/public.ts";
import type { Character } from "../../../shared/scenario/schema.ts";
import type { MessageKey, Params } from "../i18n/index.ts";
import { feedbackTarget } from "../view/answers.ts";
import { rankTeams } from "../view/ranking.ts";
import { attemptsOf, type GameView, type TeamView } from "../view/state.ts";

export interface Sentence {
  key: MessageKey;
  params: Params;
}

// ---------------------------------------------------------------------------------------------
// Step opening.

export interface Opening {
  stepIndex: number;
  title: string;
  character: Character | null;
  /** « Hélène Martin, cheffe du service Éducation, vous écrit : » (or null without a situation). */
  says: Sentence | null;
  text: string;
}

/** What the title card of a step shows: its character and situation, or its prompt without a story. */
export function stepOpening(scenario: PublicScenario, stepIndex: number): Opening | null {
  const step = scenario.steps[stepIndex];
  if (!step) return null;
  const situation = step.situation;
  const character = situation
    ? (scenario.story?.characters.find((c) => c.id === situation.character) ?? null)
    : null;
  if (!situation || !character)
    return { stepIndex, title: step.title, character: null, says: null, text: step.prompt };
  return {
    stepIndex,
    title: step.title,
    character,
    says: {
      key: `stage.says.${situation.channel ?? "ecrit"}` as MessageKey,
      params: { name: character.name, role: character.role },
    },
    text: situation.text,
  };
}

// ---------------------------------------------------------------------------------------------
// The race.

export type TeamStatus = "working" | "proposal" | "submitted" | "finished";

export interface RaceRow {
  id: string;
  /** Position of the team in `game.teams` (its colour and emblem). */
  index: number;
  name: string;
  /** Steps closed, 0…stepCount: where its token stands on the path. */
  position: number;
  status: TeamStatus;
  points: number;
}

function currentIndex(game: GameView, team: TeamView): number {
  return game.options?.pace === "team" ? team.stepIndex : game.currentStep;
}

export function teamStatus(game: GameView, team: TeamView): TeamStatus {
  const index = currentIndex(game, team);
  const stepId = team.steps[index]?.stepId;
  if (team.finished) return "finished";
  if (team.steps[index]?.status === "closed") return "submitted";
  if (team.proposal && (!stepId || team.proposal.stepId === stepId)) return "proposal";
  // Sent, scored, with attempts left: it may try again, but its answer is in.
  if ((team.steps[index]?.attempts ?? 0) > 0) return "submitted";
  return "working";
}

export function raceRows(game: GameView): RaceRow[] {
  return game.teams.map((team, index) => ({
    id: team.id,
    index,
    name: team.name,
    position: team.steps.filter((step) => step.status === "closed").length,
    status: teamStatus(game, team),
    points: Math.round(team.points * 100) / 100,
  }));
}

// ---------------------------------------------------------------------------------------------
// The last seconds of a step's timer.

/** From this many seconds left, the big timer says « Dernières secondes ! » and pulses. */
export const LAST_SECONDS = 30;
/** From this many seconds left, the stage ticks every second. */
const FINAL_TICKS = 5;

export const inLastSeconds = (seconds: number | null): boolean => seconds !== null && seconds <= LAST_SECONDS;

/**
 * The stage's cue at a timer tick (once a second): `enter` when a step's last seconds begin (a tick and
 * the announcement, once per step, even when the timer starts inside them), `tick` in the final
 * seconds, else nothing. `cuedStep` is the step whose last seconds were already announced.
 */
export function lastSecondsCue(
  seconds: number | null,
  step: number,
  cuedStep: number,
): "enter" | "tick" | null {
  if (seconds === null || seconds <= 0 || seconds > LAST_SECONDS) return null;
  if (cuedStep !== step) return "enter";
  return seconds <= FINAL_TICKS ? "tick" : null;
}

// ---------------------------------------------------------------------------------------------
// Live events, without content: who proposed, who submitted, who finished.

export function stageEvents(previous: GameView | null, next: GameView): Sentence[] {
  if (!previous) return [];
  const events: Sentence[] = [];
  for (const team of next.teams) {
    const before = previous.teams.find((other) => other.id === team.id);
    if (!before) continue;
    const params = { team: team.name };
    const proposal = team.proposal ? `${team.proposal.stepId}:${team.proposal.by}:${team.proposal.at}` : "";
    const proposalBefore = before.proposal
      ? `${before.proposal.stepId}:${before.proposal.by}:${before.proposal.at}`
      : "";
    if (proposal && proposal !== proposalBefore) events.push({ key: "stage.event.proposed", params });
    const attempts = team.steps.reduce((sum, step) => sum + step.attempts, 0);
    const attemptsBefore = before.steps.reduce((sum, step) => sum + step.attempts, 0);
    if (attempts > attemptsBefore) events.push({ key: "stage.event.submitted", params });
    if (team.finished && !before.finished) events.push({ key: "stage.event.finished", params });
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// The reveal sequence.

export type RevealFrame =
  | { kind: "question" }
  | { kind: "team"; team: number }
  | { kind: "missed" }
  | { kind: "why" };

/**
 * The question, each team in turn, the most missed item, then the explanation and its source.
 * Without per-item results (a screen that cannot see the teams' work) there is no "most missed".
 */
export function revealFrames(teamCount: number, withItems = true): RevealFrame[] {
  return [
    { kind: "question" },
    ...Array.from({ length: teamCount }, (_, team) => ({ kind: "team" as const, team })),
    ...(withItems ? [{ kind: "missed" as const }] : []),
    { kind: "why" },
  ];
}

export interface ItemRow {
  id: string;
  label: string;
  /** Per team (in the order given): right, wrong, or null when the team sent nothing. */
  results: (boolean | null)[];
  missed: number;
}

export interface ItemGrid {
  rows: ItemRow[];
  /** The item most teams got wrong (null when nobody missed anything). */
  mostMissed: string | null;
}

/** Per-item right/wrong across teams, from each team's last attempt on the step. */
export function itemGrid(step: PublicStep, feedbackByTeam: (ItemFeedback[] | null)[]): ItemGrid {
  const ids: string[] = [];
  for (const feedback of feedbackByTeam)
    for (const item of feedback ?? []) if (!ids.includes(item.id)) ids.push(item.id);
  const rows = ids.map((id) => {
    const results = feedbackByTeam.map((feedback) => {
      if (!feedback) return null;
      const item = feedback.find((entry) => entry.id === id);
      return item ? item.correct : null;
    });
    return {
      id,
      label: feedbackTarget(step, id),
      results,
      missed: results.filter((r) => r === false).length,
    };
  });
  const worst = rows.reduce<ItemRow | null>(
    (best, row) => (row.missed > (best?.missed ?? 0) ? row : best),
    null,
  );
  return { rows, mostMissed: worst?.id ?? null };
}

/** Each team's last attempt on a step (null when it sent nothing or its work is not visible). */
export function lastFeedback(teams: TeamView[], stepId: string): (ItemFeedback[] | null)[] {
  return teams.map((team) => attemptsOf(team, stepId).at(-1)?.feedback ?? null);
}

// ---------------------------------------------------------------------------------------------
// Podium.

export interface PodiumPlace {
  id: string;
  index: number;
  name: string;
  rank: number;
  points: number;
}

/** Every team by rank, with its index in `game.teams` (colour and emblem); the podium is the first three. */
export function standings(game: GameView): PodiumPlace[] {
  return rankTeams(game.teams).map((team, position) => ({
    id: team.id,
    index: game.teams.findIndex((other) => other.id === team.id),
    name: team.name,
    rank: team.rank || position + 1,
    points: team.points,
  }));
}
