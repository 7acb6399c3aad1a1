/**
 * The session model: everything the rules need to know about a live session, as plain data.
 * The room holds one `SessionModel`, calls the pure functions of `shared/rules/` with it, and
 * mirrors the result into the Colyseus state. Time (`now`, epoch ms) and randomness (a seed)
 * are always inputs; nothing here reads a clock or `Math.random`.
 */
import type { Route } from "../scenario/route.ts";
import type { Answer, DraftEdit } from "./answer.ts";

export type Phase = "lobby" | "playing" | "paused" | "debrief" | "ended";
/** facilitator: every team on the same step, revealed by the facilitator (café).
 *  team: each team advances on its own under a global timer (hackathon). */
export type Pace = "facilitator" | "team";
/** How many connected members must agree before a proposal is submitted. */
export type SubmissionRule = "any" | "majority" | "unanimous";

export interface SessionOptions {
  pace: Pace;
  /** Number of teams, or "auto": as many as needed so that no team exceeds `teamSize`. */
  teamCount: number | "auto";
  /** Maximum players per team (2–6 in practice). */
  teamSize: number;
  submissionRule: SubmissionRule;
  /** Attempts allowed per step and team (≥ 1). */
  maxAttempts: number;
  /** Overrides every step's own time limit when set (seconds). */
  stepTimeSeconds: number | null;
  /** Global timer for team-paced sessions (seconds); null = none. */
  sessionTimeSeconds: number | null;
  hintsEnabled: boolean;
  /** When true, nobody can join or change team once the session has started. */
  lockAfterStart: boolean;
  /** When true, players pick their team in the lobby; otherwise they are auto-balanced. */
  playersChooseTeam: boolean;
  /** The scenario's full route or its short route (`shortRoute`, for a café); absent: full. */
  route?: Route;
}

/** A countdown stored as data. Running: `endsAt` is set. Paused: `remainingMs` is set. */
export interface Timer {
  durationMs: number;
  endsAt: number | null;
  remainingMs: number | null;
}

export interface Player {
  id: string;
  name: string;
  teamId: string | null;
  roleId: string | null;
  connected: boolean;
  joinedAt: number;
  kicked: boolean;
}

/** How many attributed edits a team step keeps in the model (and so in the synced state). */
export const MAX_KEPT_EDITS = 100;

export interface EditRecord {
  playerId: string;
  edit: DraftEdit;
  at: number;
}

/** The quick reasons a teammate gives when disagreeing with a proposal. */
export const OBJECTION_REASONS = ["incomplete", "wrong", "discuss"] as const;
/** incomplete: something is missing; wrong: I think it is wrong; discuss: let's talk first. */
export type ObjectionReason = (typeof OBJECTION_REASONS)[number];

export interface Objection {
  playerId: string;
  reason: ObjectionReason;
  at: number;
}

/** The tokens a teammate may leave on a piece of the step: agree, disagree, a question. */
export const REACTIONS = ["agree", "disagree", "question"] as const;
export type ReactionKind = (typeof REACTIONS)[number];

/** A token on a piece; it stays until its author takes it back or an edit changes that piece. */
export interface Reaction {
  pieceId: string;
  playerId: string;
  reaction: ReactionKind;
  at: number;
}

export interface Proposal {
  /** Unique within the team step (`<stepId>/<n>`): approvals and withdrawals name it. */
  id: string;
  by: string;
  answer: Answer;
  approvals: string[];
  /** Teammates who disagree, with their reason (one each; approving removes it). */
  objections: Objection[];
  at: number;
}

/** Why a pending proposal went away without being submitted. */
export type CancelCause = "edit" | "withdrawn" | "restart";

/** The last proposal of a team step that was cancelled, so that its author can be told. */
export interface CancelledProposal {
  proposalId: string;
  /** The author of the proposal. */
  by: string;
  /** Who cancelled it (the editor, the member who withdrew it); null after a restart. */
  cancelledBy: string | null;
  cause: CancelCause;
  at: number;
}

export interface ItemFeedback {
  /** Id of the option, item, field, cell ("rowId:columnId"), row or column concerned. */
  id: string;
  correct: boolean;
  message?: string;
}

export interface ScoreResult {
  /** In [0, 1]. */
  score: number;
  items: ItemFeedback[];
}

export interface Attempt {
  answer: Answer;
  /** Score before hint penalties, in [0, 1]. */
  rawScore: number;
  /** Score after hint penalties, in [0, 1]. */
  score: number;
  feedback: ItemFeedback[];
  proposedBy: string;
  approvedBy: string[];
  at: number;
}

export interface TeamStep {
  stepId: string;
  draft: Answer;
  /** The latest attributed edits, at most MAX_KEPT_EDITS (the session log keeps them all). */
  edits: EditRecord[];
  /** playerId → number of edits made on this step (all of them, for results). */
  editsByPlayer: Record<string, number>;
  proposal: Proposal | null;
  /** Proposals made so far on this step (numbers the next proposal's id). */
  proposalsMade: number;
  /** The last cancelled proposal, until a new one is made. */
  cancelled: CancelledProposal | null;
  /** Reaction tokens on the step's pieces (one per player and piece). */
  reactions: Reaction[];
  attempts: Attempt[];
  hintsUsed: number;
  /** Solved (score 1), out of attempts, skipped or revealed: no more submissions. */
  closed: boolean;
  revealed: boolean;
  /** Best attempt's score, or 0 when closed without one. Null while open with no attempt. */
  score: number | null;
  /** Players (ids) present in the team while the step was played: they earn its skills. */
  participants: string[];
  startedAt: number | null;
  closedAt: number | null;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  /** Index of the step the team is on. */
  stepIndex: number;
  /** One entry per scenario step, in scenario order. */
  steps: TeamStep[];
  /** Team-paced: set when the team has finished every step. */
  finishedAt: number | null;
}

export interface SessionModel {
  scenarioId: string;
  options: SessionOptions;
  phase: Phase;
  /** Phase to return to when resuming from "paused". */
  pausedFrom: Phase | null;
  locked: boolean;
  players: Record<string, Player>;
  teams: Team[];
  /** Facilitator-paced: the step everybody is on. */
  currentStep: number;
  /** Step timer (facilitator-paced) or global timer (team-paced). */
  timer: Timer | null;
  /** Seed for every shuffle (order puzzles, team balancing). */
  seed: number;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
}

/** Why an action was refused. Stable codes: the protocol sends them to clients. */
export type RefusalReason =
  | "wrong-phase"
  | "session-locked"
  | "session-full"
  | "name-taken"
  | "name-invalid"
  | "unknown-player"
  | "unknown-team"
  | "team-full"
  | "not-in-team"
  | "unknown-step"
  | "step-closed"
  | "invalid-edit"
  /** approve / withdraw / disagree naming a proposal that is no longer the pending one. */
  | "stale-proposal"
  | "already-approved"
  /** disagree with one's own proposal (withdraw it instead). */
  | "own-proposal"
  | "no-attempts-left"
  | "hints-disabled"
  | "no-more-hints"
  | "not-revealed"
  | "no-next-step"
  | "invalid-option"
  /** startSession with no player in any team. */
  | "no-players"
  /** advanceTeam while the team's current step is still open. */
  | "step-open"
  /** joinPlayer with the id of a player the facilitator removed. */
  | "kicked"
  /** react / focus naming something that is not a piece of the step. */
  | "unknown-piece"
  /** Taking back a reaction token the player has not left there. */
  | "no-reaction";

/** The version of these rules. Bump it when the same log would replay to a different model (a scorer,
 *  a closing rule…): each session records the version it was created with. */
export const RULES_VERSION = 1;

export type Refusal = { ok: false; reason: RefusalReason; detail?: string };
export type Ok<T = object> = { ok: true; model: SessionModel } & T;
export type RuleResult<T = object> = Ok<T> | Refusal;
