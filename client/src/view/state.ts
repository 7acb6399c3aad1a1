/**
 * The synced room state as plain JSON (what `state.toJSON()` gives), mirroring server/state.ts and
 * docs/protocol.md §5, plus pure readers for it. JSON-string fields are parsed here, defensively:
 * a malformed value reads as "nothing" rather than breaking a screen.
 */
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { ItemFeedback, SubmissionRule } from "../../../shared/rules/model.ts";
import { approvalsNeeded } from "../../../shared/rules/submission.ts";
import type { Material } from "../../../shared/scenario/schema.ts";
import { typesetDisplay } from "../../../shared/text/typography.ts";

export interface TimerView {
  active: boolean;
  durationMs: number;
  endsAt: number;
  remainingMs: number;
}
export interface PlayerView {
  id: string;
  name: string;
  teamId: string;
  roleId: string;
  connected: boolean;
  privateMaterials?: string;
}
export interface TeamStepView {
  stepId: string;
  status: "pending" | "open" | "closed" | string;
  revealed: boolean;
  score: number;
  attempts: number;
  hintsUsed: number;
}
export interface ProposalView {
  stepId: string;
  by: string;
  approvals: string[];
  at: number;
}
export interface EditView {
  stepId: string;
  playerId: string;
  edit: string;
  at: number;
}
export interface AttemptView {
  stepId: string;
  answer: string;
  rawScore: number;
  score: number;
  feedback: string;
  proposedBy: string;
  approvedBy: string[];
  at: number;
}
export interface HintView {
  stepId: string;
  text: string;
  cost: number;
}
export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
  stepIndex: number;
  points: number;
  solved: number;
  rank: number;
  finished: boolean;
  steps: TeamStepView[];
  proposal?: ProposalView | null;
  work?: {
    drafts?: Record<string, string>;
    edits?: EditView[];
    attempts?: AttemptView[];
    hints?: HintView[];
  } | null;
}
export interface GameView {
  protocol: number;
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  phase: "lobby" | "playing" | "paused" | "debrief" | "ended" | string;
  locked: boolean;
  currentStep: number;
  stepCount: number;
  serverNow: number;
  timer?: TimerView;
  options?: {
    pace: string;
    submissionRule: SubmissionRule;
    maxAttempts: number;
    teamSize: number;
    teamCount: string;
    stepTimeSeconds: number;
    sessionTimeSeconds: number;
    hintsEnabled: boolean;
    lockAfterStart: boolean;
    playersChooseTeam: boolean;
  };
  facilitatorConnected: boolean;
  players: Record<string, PlayerView>;
  teams: TeamView[];
}

/** Reads a raw state snapshot into a GameView with every collection present. */
export function readGame(raw: unknown): GameView {
  const game = (raw ?? {}) as Partial<GameView>;
  return {
    protocol: game.protocol ?? 0,
    code: game.code ?? "",
    scenarioId: game.scenarioId ?? "",
    scenarioTitle: game.scenarioTitle ?? "",
    phase: game.phase ?? "lobby",
    locked: game.locked ?? false,
    currentStep: game.currentStep ?? 0,
    stepCount: game.stepCount ?? 0,
    serverNow: game.serverNow ?? 0,
    timer: game.timer,
    options: game.options,
    facilitatorConnected: game.facilitatorConnected ?? false,
    players: game.players ?? {},
    teams: (game.teams ?? []).map((team) => ({
      ...team,
      memberIds: team.memberIds ?? [],
      steps: team.steps ?? [],
    })),
  };
}

export function parseJson<T>(text: string | undefined | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function teamOf(game: GameView, playerId: string | null): TeamView | null {
  if (!playerId) return null;
  const teamId = game.players[playerId]?.teamId;
  return game.teams.find((team) => team.id === teamId) ?? null;
}

export function membersOf(game: GameView, team: TeamView): PlayerView[] {
  return team.memberIds.flatMap((id) => (game.players[id] ? [game.players[id]] : []));
}

export function unassignedPlayers(game: GameView): PlayerView[] {
  return Object.values(game.players).filter((player) => !player.teamId);
}

export function playerName(game: GameView, playerId: string): string {
  return game.players[playerId]?.name ?? "?";
}

/** The step index a team works on: the shared one under facilitator pace, its own under team pace. */
export function stepIndexOf(game: GameView, team: TeamView | null): number {
  if (game.options?.pace === "team" && team) return team.stepIndex;
  return team?.stepIndex ?? game.currentStep;
}

export function draftOf(team: TeamView | null, stepId: string): Answer | null {
  return parseJson<Answer>(team?.work?.drafts?.[stepId]);
}

export interface EditEntry {
  playerId: string;
  edit: DraftEdit;
  at: number;
}

export function editsOf(team: TeamView | null, stepId: string): EditEntry[] {
  return (team?.work?.edits ?? [])
    .filter((entry) => entry.stepId === stepId)
    .flatMap((entry) => {
      const edit = parseJson<DraftEdit>(entry.edit);
      return edit ? [{ playerId: entry.playerId, edit, at: entry.at }] : [];
    });
}

export interface AttemptEntry {
  answer: Answer | null;
  rawScore: number;
  score: number;
  feedback: ItemFeedback[];
  proposedBy: string;
  approvedBy: string[];
  at: number;
}

export function attemptsOf(team: TeamView | null, stepId: string): AttemptEntry[] {
  return (team?.work?.attempts ?? [])
    .filter((attempt) => attempt.stepId === stepId)
    .map((attempt) => ({
      answer: parseJson<Answer>(attempt.answer),
      rawScore: attempt.rawScore,
      score: attempt.score,
      feedback: parseJson<ItemFeedback[]>(attempt.feedback) ?? [],
      proposedBy: attempt.proposedBy,
      approvedBy: attempt.approvedBy ?? [],
      at: attempt.at,
    }));
}

export function hintsOf(team: TeamView | null, stepId: string): HintView[] {
  return (team?.work?.hints ?? []).filter((hint) => hint.stepId === stepId);
}

/** Private materials of a player for one step, typeset for display. Accepts `{ stepId: Material[] }` or a flat `Material[]`. */
export function privateMaterialsOf(
  player: PlayerView | undefined,
  stepId: string,
  stepMaterialIds?: Set<string>,
): Material[] {
  const parsed = parseJson<Record<string, Material[]> | Material[]>(player?.privateMaterials);
  if (!parsed) return [];
  if (Array.isArray(parsed))
    return typesetDisplay(stepMaterialIds ? parsed.filter((m) => stepMaterialIds.has(m.id)) : parsed);
  return typesetDisplay(parsed[stepId] ?? []);
}

/** Milliseconds left on a timer, on the client clock corrected by the server clock offset. */
export function remainingMs(
  timer: TimerView | undefined,
  clockOffsetMs: number,
  localNow: number,
): number | null {
  if (!timer?.active) return null;
  if (timer.endsAt > 0) return Math.max(0, timer.endsAt - (localNow + clockOffsetMs));
  return Math.max(0, timer.remainingMs);
}

/** Connected members needed for a submission: the rules' own count (shared/rules/submission.ts). */
export { approvalsNeeded };

export function percent(score: number): number {
  return Math.round(Math.max(0, score) * 100);
}
