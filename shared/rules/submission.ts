/** Team work on the current step: draft edits, proposals and approvals, attempts, hints. */

import type { Hint, Scenario, Step } from "../scenario/schema.ts";
import type { DraftEdit } from "./answer.ts";
import { applyDraftEdit } from "./drafts.ts";
import type {
  Attempt,
  Player,
  Proposal,
  RuleResult,
  SessionModel,
  SubmissionRule,
  Team,
  TeamStep,
} from "./model.ts";
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
): RuleResult<{ teamId: string }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep, step } = seat;
  const draft = applyDraftEdit(step, teamStep.draft, edit);
  if (draft === null) return refuse("invalid-edit");
  const updated: TeamStep = {
    ...withParticipant(teamStep, playerId),
    draft,
    proposal: null,
    edits: [...teamStep.edits, { playerId, edit, at: now }],
  };
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, updated)), { teamId: team.id });
}

/** Proposes the current draft, approved by its author; submitted at once if the rule is already met. */
export function proposeSubmission(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  now: number,
): RuleResult<{ teamId: string; submitted: Attempt | null }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  if (teamStep.attempts.length >= model.options.maxAttempts) return refuse("no-attempts-left");
  const proposal: Proposal = { by: playerId, answer: teamStep.draft, approvals: [playerId], at: now };
  const proposed = replaceTeam(
    model,
    replaceTeamStep(team, team.stepIndex, { ...withParticipant(teamStep, playerId), proposal }),
  );
  const settled = settleProposal(proposed, scenario, team.id, now);
  return accept(settled.model, { teamId: team.id, submitted: settled.submitted });
}

/** A teammate approves the pending proposal; submitted when the rule is met. */
export function approveProposal(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  now: number,
): RuleResult<{ teamId: string; submitted: Attempt | null }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  const proposal = teamStep.proposal;
  if (!proposal) return refuse("no-proposal");
  if (proposal.approvals.includes(playerId)) return refuse("already-approved");
  const approved: TeamStep = {
    ...withParticipant(teamStep, playerId),
    proposal: { ...proposal, approvals: [...proposal.approvals, playerId] },
  };
  const settled = settleProposal(
    replaceTeam(model, replaceTeamStep(team, team.stepIndex, approved)),
    scenario,
    team.id,
    now,
  );
  return accept(settled.model, { teamId: team.id, submitted: settled.submitted });
}

/** Any member withdraws (or rejects) the pending proposal. */
export function withdrawProposal(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  _now?: number,
): RuleResult<{ teamId: string }> {
  const seat = seatFor(model, scenario, playerId, stepId);
  if ("ok" in seat) return seat;
  const { team, teamStep } = seat;
  if (!teamStep.proposal) return refuse("no-proposal");
  return accept(replaceTeam(model, replaceTeamStep(team, team.stepIndex, { ...teamStep, proposal: null })), {
    teamId: team.id,
  });
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
