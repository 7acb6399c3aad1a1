/**
 * Pure readers of the synced room state. Its shape and its lenient parser are shared
 * (`shared/synced-state.ts`, the one description of server/state.ts); JSON-string fields are decoded
 * with the shared schemas of what they hold: a malformed value reads as "nothing".
 */
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { ItemFeedback } from "../../../shared/rules/model.ts";
import { approvalsNeeded } from "../../../shared/rules/submission.ts";
import type { Material } from "../../../shared/scenario/schema.ts";
import {
  decodeAnswer,
  decodeEdit,
  decodeFeedback,
  decodeMaterials,
  type GameView,
  type HintView,
  type PlayerView,
  type TeamView,
  type TimerView,
} from "../../../shared/synced-state.ts";
import { typesetDisplay } from "../../../shared/text/typography.ts";

export {
  type AttemptView,
  type CancelledProposalView,
  type EditView,
  type GameView,
  type HintView,
  type PlayerView,
  type ProposalView,
  readGame,
  type TeamStepView,
  type TeamView,
  type TimerView,
} from "../../../shared/synced-state.ts";

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
  return decodeAnswer(team?.work?.drafts?.[stepId]);
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
      const edit = decodeEdit(entry.edit);
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
      answer: decodeAnswer(attempt.answer),
      rawScore: attempt.rawScore,
      score: attempt.score,
      feedback: decodeFeedback(attempt.feedback) ?? [],
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
  const parsed = decodeMaterials(player?.privateMaterials);
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
