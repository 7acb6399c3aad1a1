/**
 * The rules engine's public API (notes/rules-api.md): pure functions, no I/O, no clock, no Math.random.
 * Import from here, not from the modules. A state-changing function returns `RuleResult`:
 * `{ ok: true, model, …extra }` or `{ ok: false, reason, detail? }`; it never throws and never mutates its input.
 *
 * Differences from notes/rules-api.md:
 * - `removePlayer(model, playerId, scenario?)` and `kickPlayer(model, playerId, scenario?)` take the scenario
 *   as an optional last argument: with it, the team's roles are re-covered after the departure.
 *   `removePlayer` works in the lobby only (during play, use `setConnected(…, false)`).
 * - `setConnected(model, playerId, connected, now, scenario?)`: with the scenario, a pending proposal of the
 *   player's team is re-checked (a disconnection may meet the rule) and submitted if so. Refusal: unknown-player.
 * - `joinPlayer` with the id of a known player reconnects them (no name check); a kicked id is refused
 *   with the new reason "kicked". All teams full with a fixed team count: "session-full".
 * - New refusal reasons (added to model.ts): "no-players" (startSession with no seated player),
 *   "step-open" (advanceTeam before the step is closed), "kicked".
 * - `startSession` with an "auto" team count (and players not choosing) evens out team sizes first
 *   (`balanceTeams`: the latest members of the largest teams move; sizes then differ by at most one).
 * - `chooseTeam` when players may not choose: "invalid-option". `addTime` without a timer with time left:
 *   "wrong-phase" (detail "no-timer").
 * - A step closes when the raw score (before hint costs) is 1, or when attempts are used up.
 * - `skipStep`: teams keep their best score so far (0 without attempt); the step is revealed. In team pace it
 *   moves every unfinished team past its current step.
 * - `withdrawProposal` may be called by any member of the team (it also serves as "reject").
 * - Proposals have an id (`<stepId>/<n>`); `approveProposal`, `withdrawProposal` and `objectToProposal`
 *   (disagree, with a quick reason) name it and refuse a stale one ("stale-proposal"). An edit or a
 *   withdrawal leaves `cancelled` on the team step for the author; `clearPendingProposals` after a restart.
 * - Team pace has no per-step timer: the model holds one timer (the global one).
 * - `skillsEarned` entries also carry `label` and `levelLabel`; `level` is the referential level id.
 * - `emptyAnswer`/`solutionAnswer`/`applyDraftEdit` live in drafts.ts (re-exported here).
 */
export * from "./answer.ts";
export * from "./carnet.ts";
export { applyDraftEdit, type BlankableStep, blankAnswer, emptyAnswer, solutionAnswer } from "./drafts.ts";
export {
  applyEvent,
  type EventEffects,
  type EventResult,
  type SeatEvent,
  type SessionEvent,
} from "./events.ts";
export * from "./material-roles.ts";
export * from "./missed.ts";
export * from "./model.ts";
export { cleanName, MAX_NAME_LENGTH, nameKey, sameName, validName, visibleText } from "./names.ts";
export { piecesEdited, stepPieces } from "./pieces.ts";
export {
  chooseTeam,
  type JoinRequest,
  joinPlayer,
  kickPlayer,
  movePlayer,
  removePlayer,
  setConnected,
} from "./players.ts";
export {
  type PublicPuzzle,
  type PublicScenario,
  type PublicStep,
  privateMaterialsFor,
  type RevealedStep,
  revealedStep,
  toPublicScenario,
  toPublicStep,
} from "./public.ts";
export {
  compareRanking,
  type PlayerResult,
  type PlayerStepResult,
  playerResults,
  type RankingEntry,
  ranking,
  type SkillEarned,
  skillsEarned,
  teamPoints,
  teamSolved,
} from "./results.ts";
export { deriveSeed, mulberry32, shuffle } from "./rng.ts";
export { checkField, type FieldCheck, scoreAnswer } from "./scoring/index.ts";
export * from "./seats.ts";
export {
  addTime,
  createSession,
  defaultOptions,
  endSession,
  lockSession,
  pauseSession,
  resumeSession,
  startSession,
  tick,
} from "./session.ts";
export { isWorkable, type TeamStepStatus, teamStepStatus } from "./step-status.ts";
export { advanceTeam, isRevealedTo, nextStep, revealStep, skipStep, stepDurationMs } from "./steps.ts";
export {
  applyEdit,
  approvalsNeeded,
  approveProposal,
  clearPendingProposals,
  objectToProposal,
  pieceSeat,
  proposalAccepted,
  proposeSubmission,
  reactToPiece,
  takeHint,
  withdrawProposal,
} from "./submission.ts";
export { remainingMs } from "./timers.ts";
export {
  playersToRecheck,
  revealedToAll,
  type Seat,
  type SeatRevealed,
  type SeatTeam,
  type SeatView,
  sameInputs,
  seatView,
  seatViewInputs,
  teamDrafts,
} from "./visibility.ts";
