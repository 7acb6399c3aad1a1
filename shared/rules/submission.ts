/** Team work on the current step: draft edits, proposals and approvals, attempts, hints. */

import type { Hint, Scenario, Step } from "../scenario/schema.ts";
import type { DraftEdit } from "./answer.ts";
import { applyDraftEdit } from "./drafts.ts";
import {
  type Attempt,
  type CancelCause,
  MAX_KEPT_EDITS,
  type ObjectionReason,
  type Player,
  type Proposal,
  type ReactionKind,
  type RuleResult,
  type SessionModel,
  type SubmissionRule,
  type Team,
  type TeamStep,
} from "./model.ts";
import { piecesEdited, stepPieces } from "./pieces.ts";
import { accept, refuse } from "./result.ts";
import { scoreAnswer } from "./scoring/index.ts";
import { closeTeamStep } from "./steps.ts";
import { connectedMembers, findTeam, replaceTeam, replaceTeamStep } from "./teams.ts";

interface Seat {
  player: Player;
  team: Team;
  teamStep: TeamStep;
  step: Step;
}

/** Finds the acting player's team and current step, or the reason the action is refused. */
function seatFor(model: SessionModel, scenario: Scenario, playerId: string, stepId: string) {
  if (model.phase !== "playing") return refuse("wrong-phase");
  const player = model.players[playerId];
  if (!player || player.kicked) return refuse("unknown-player");
  const team = findTeam(model, player.teamId);
  if (!team) return refuse("not-in-team");
  const teamStep = team.steps[team.stepIndex];
  const step = scenario.steps[team.stepIndex];
  if (
    team.finishedAt !== null ||
    !teamStep ||
    !step ||
    teamStep.stepId !== stepId ||
    teamStep.startedAt === null
  )
    return refuse("unknown-step");
  if (teamStep.closed) return refuse("step-closed");
  const seat: Seat = { player, team, teamStep, step };
  return seat;
}

const withParticipant = (step: TeamStep, playerId: string): TeamStep =>
  step.participants.includes(playerId) ? step : { ...step, participants: [...step.participants, playerId] };

/** Approvals needed under the rule, counting connected members only (at least one). */
export function approvalsNeeded(rule: SubmissionRule, connected: number): number {
  const members = Math.max(1, connected);
  if (rule === "any") return 1;
  if (rule === "majority") return Math.floor(members / 2) + 1;
  return members;
}

/** True when the proposal has enough approvals from connected members. */
export function proposalAccepted(model: SessionModel, team: Team, proposal: Proposal): boolean {
  const connected = connectedMembers(model, team);
  const approvals = proposal.approvals.filter((id) => connected.includes(id)).length;
  return approvals >= approvalsNeeded(model.options.submissionRule, connected.length);
}

/** Sum of the costs of the hints taken so far. */
function hintPenalty(step: Step, hintsUsed: number): number {
  return step.hints.slice(0, hintsUsed).reduce((sum, hint) => sum + hint.cost, 0);
}

/**
 * Submits the team step's proposal: scores it, applies hint costs, keeps the best score;
 * the step closes when solved (raw score 1) or out of attempts.
 */
function submit(model: SessionModel, step: Step, teamStep: TeamStep, proposal: Proposal, now: number) {
  const result = scoreAnswer(step, proposal.answer);
  const score = Math.max(0, result.score * (1 - hintPenalty(step, teamStep.hintsUsed)));
  const attempt: Attempt = {
    answer: proposal.answer,
    rawScore: result.score,
    score,
    feedback: result.items,
    proposedBy: proposal.by,
    approvedBy: proposal.approvals,
    at: now,
  };
  const attempts = [...teamStep.attempts, attempt];
  const submitted: TeamStep = {
    ...teamStep,
    proposal: null,
    attempts,
    score: Math.max(teamStep.score ?? 0, score),
  };
  const done = result.score === 1 || attempts.length >= model.options.maxAttempts;
  return { teamStep: done ? closeTeamStep(model, submitted, now) : submitted, attempt };
}

/** Submits the team's pending proposal on its current step if the rule is now met. */
export function settleProposal(
  model: SessionModel,
  scenario: Scenario,
  teamId: string,
  now: number,
): { model: SessionModel; submitted: Attempt | null } {
  const team = findTeam(model, teamId);
  const teamStep = team?.steps[team.stepIndex];
  const step = team ? scenario.steps[team.stepIndex] : undefined;
  if (model.phase !== "playing" || !team || !teamStep?.proposal || !step || teamStep.closed) {
    return { model, submitted: null };
  }
  if (!proposalAccepted(model, team, teamStep.proposal)) return { model, submitted: null };
  const done = submit(model, step, teamStep, teamStep.proposal, now);
  return {
    model: replaceTeam(model, replaceTeamStep(team, team.stepIndex, done.teamStep)),
    submitted: done.attempt,
  };
}

/** A player edits their team's draft of the current step; a pending proposal is cancelled. */
export function applyEdit(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  edit: DraftEdit,
  now: number,
): RuleResult<{ teamId: string; cancelled: string | null }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep, step } = seat;
  const draft = applyDraftEdit(step, teamStep.draft, edit);
  if (draft === null) return refuse("invalid-edit");
  // Tokens on a piece the edit changes are settled by it.
  const edited = piecesEdited(edit);
  const reactions = teamStep.reactions.filter((r) => !edited.has(r.pieceId));
  const updated: TeamStep = {
    ...cancelProposal(withParticipant(teamStep, playerId), "edit", playerId, now),
    draft,
    reactions: reactions.length === teamStep.reactions.length ? teamStep.reactions : reactions,
    edits: [...teamStep.edits.slice(1 - MAX_KEPT_EDITS), { playerId, edit, at: now }],
    editsByPlayer: { ...teamStep.editsByPlayer, [playerId]: (teamStep.editsByPlayer[playerId] ?? 0) + 1 },
  };
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, updated)), {
    teamId: team.id,
    cancelled: teamStep.proposal?.id ?? null,
  });
}

/** The seat of a player pointing at a piece of their team's current step (hold, edit, react), or
 *  the refusal: `unknown-piece` when it is not a piece of that step (`stepPieces`). */
export function pieceSeat(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  pieceId: string | null,
) {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  if (pieceId !== null && !stepPieces(seat.step).has(pieceId)) return refuse("unknown-piece");
  return seat;
}

/** Leaves a reaction token on a piece (replacing the player's own one there), or takes it back
 *  (`reaction` null). Refused when there is nothing to take back. */
export function reactToPiece(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  pieceId: string,
  reaction: ReactionKind | null,
  now: number,
): RuleResult<{ teamId: string }> {
  const seat = pieceSeat(model, scenario, playerId, stepId, pieceId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  const others = teamStep.reactions.filter((r) => !(r.playerId === playerId && r.pieceId === pieceId));
  if (reaction === null && others.length === teamStep.reactions.length) return refuse("no-reaction");
  const reactions = reaction === null ? others : [...others, { pieceId, playerId, reaction, at: now }];
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, { ...teamStep, reactions })), {
    teamId: team.id,
  });
}

/** Drops the step's pending proposal (if any), remembering it so that its author can be told. */
function cancelProposal(step: TeamStep, cause: CancelCause, by: string | null, now: number): TeamStep {
  const proposal = step.proposal;
  if (!proposal) return step;
  return {
    ...step,
    proposal: null,
    cancelled: { proposalId: proposal.id, by: proposal.by, cancelledBy: by, cause, at: now },
  };
}

/**
 * After a restart nobody is connected yet: a pending proposal would be submitted by the first
 * member back alone (the rule counts connected members). Every pending proposal is cancelled
 * instead (cause "restart"); the team proposes again once it is back.
 */
export function clearPendingProposals(model: SessionModel, now: number): SessionModel {
  let next = model;
  for (const team of model.teams) {
    team.steps.forEach((step, index) => {
      if (!step.proposal) return;
      const current = findTeam(next, team.id);
      if (current)
        next = replaceTeam(next, replaceTeamStep(current, index, cancelProposal(step, "restart", null, now)));
    });
  }
  return next;
}

/** The acting player's seat with the pending proposal named by `proposalId`, or the refusal
 *  (`stale-proposal` when it is no longer the pending one). */
function proposalSeat(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  proposalId: string,
) {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const proposal = seat.teamStep.proposal;
  if (!proposal || proposal.id !== proposalId) return refuse("stale-proposal");
  return { ...seat, proposal };
}

/** Proposes the current draft, approved by its author; submitted at once if the rule is already met. */
export function proposeSubmission(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  now: number,
): RuleResult<{ teamId: string; proposalId: string; submitted: Attempt | null }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  if (teamStep.attempts.length >= model.options.maxAttempts) return refuse("no-attempts-left");
  const proposalsMade = teamStep.proposalsMade + 1;
  const proposal: Proposal = {
    id: `${teamStep.stepId}/${proposalsMade}`,
    by: playerId,
    answer: teamStep.draft,
    approvals: [playerId],
    objections: [],
    at: now,
  };
  const proposed = replaceTeam(
    model,
    replaceTeamStep(team, team.stepIndex, {
      ...withParticipant(teamStep, playerId),
      proposal,
      proposalsMade,
      cancelled: null,
    }),
  );
  const settled = settleProposal(proposed, scenario, team.id, now);
  return accept(settled.model, { teamId: team.id, proposalId: proposal.id, submitted: settled.submitted });
}

/** A teammate approves the pending proposal named by `proposalId` (withdrawing their objection
 *  if they had one); submitted when the rule is met. A stale id is refused and changes nothing. */
export function approveProposal(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  proposalId: string,
  now: number,
): RuleResult<{ teamId: string; submitted: Attempt | null }> {
  const seat = proposalSeat(model, scenario, playerId, stepId, proposalId);
  if ("ok" in seat) return seat;
  const { team, teamStep, proposal } = seat;
  if (proposal.approvals.includes(playerId)) return refuse("already-approved");
  const approved: TeamStep = {
    ...withParticipant(teamStep, playerId),
    proposal: {
      ...proposal,
      approvals: [...proposal.approvals, playerId],
      objections: proposal.objections.filter((o) => o.playerId !== playerId),
    },
  };
  const settled = settleProposal(
    replaceTeam(model, replaceTeamStep(team, team.stepIndex, approved)),
    scenario,
    team.id,
    now,
  );
  return accept(settled.model, { teamId: team.id, submitted: settled.submitted });
}

/** Any member withdraws (or rejects) the pending proposal named by `proposalId`; its author is told. */
export function withdrawProposal(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  proposalId: string,
  now: number,
): RuleResult<{ teamId: string }> {
  const seat = proposalSeat(model, scenario, playerId, stepId, proposalId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  const withdrawn = cancelProposal(teamStep, "withdrawn", playerId, now);
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, withdrawn)), { teamId: team.id });
}

/**
 * A teammate disagrees with the pending proposal named by `proposalId`, with one of the quick
 * reasons (their approval, if any, is taken back; a second objection replaces the first). The
 * proposal stays pending: the proposer sees who disagrees and why. Its author cannot object to it.
 */
export function objectToProposal(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  proposalId: string,
  reason: ObjectionReason,
  now: number,
): RuleResult<{ teamId: string }> {
  const seat = proposalSeat(model, scenario, playerId, stepId, proposalId);
  if ("ok" in seat) return seat;
  const { team, teamStep, proposal } = seat;
  if (proposal.by === playerId) return refuse("own-proposal");
  const objected: TeamStep = {
    ...withParticipant(teamStep, playerId),
    proposal: {
      ...proposal,
      approvals: proposal.approvals.filter((id) => id !== playerId),
      objections: [
        ...proposal.objections.filter((o) => o.playerId !== playerId),
        { playerId, reason, at: now },
      ],
    },
  };
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, objected)), { teamId: team.id });
}

/** The team takes the next hint of its current step (its cost applies to later attempts). */
export function takeHint(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  _now?: number,
): RuleResult<{ teamId: string; hint: Hint }> {
  if (!model.options.hintsEnabled) return refuse("hints-disabled");
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep, step } = seat;
  const hint = step.hints[teamStep.hintsUsed];
  if (!hint) return refuse("no-more-hints");
  const updated: TeamStep = { ...withParticipant(teamStep, playerId), hintsUsed: teamStep.hintsUsed + 1 };
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, updated)), {
    teamId: team.id,
    hint: { ...hint },
  });
}
