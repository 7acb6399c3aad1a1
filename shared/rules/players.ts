/** Players: join, connection, leave, kick, move, choose a team. */
import type { Scenario } from "../scenario/schema.ts";
import type { Player, RuleResult, SessionModel, Team } from "./model.ts";
import { cleanName, nameKey, validName } from "./names.ts";
import { accept, refuse } from "./result.ts";
import { closeTeamStep } from "./steps.ts";
import { settleProposal } from "./submission.ts";
import {
  coverRoles,
  findTeam,
  newTeam,
  nextRole,
  pickBalancedTeam,
  replacePlayer,
  replaceTeam,
  replaceTeamStep,
} from "./teams.ts";

const isActivePhase = (model: SessionModel) => model.phase === "playing" || model.phase === "paused";

/** Adds a player to a team's current step participants when the session is under way. */
function markParticipant(model: SessionModel, teamId: string, playerId: string): SessionModel {
  const team = findTeam(model, teamId);
  if (!team || !isActivePhase(model) || team.finishedAt !== null) return model;
  const step = team.steps[team.stepIndex];
  if (!step || step.startedAt === null || step.closed || step.participants.includes(playerId)) return model;
  return replaceTeam(
    model,
    replaceTeamStep(team, team.stepIndex, { ...step, participants: [...step.participants, playerId] }),
  );
}

/** Puts a (team-less) player into a team with a role, marking them as a participant of its current step. */
function seat(model: SessionModel, scenario: Scenario, playerId: string, team: Team): SessionModel {
  const player = model.players[playerId];
  if (!player) return model;
  let next = replaceTeam(model, { ...team, memberIds: [...team.memberIds, playerId] });
  next = replacePlayer(next, { ...player, teamId: team.id, roleId: nextRole(model, scenario, team) });
  next = coverRoles(next, scenario, team.id);
  return player.connected ? markParticipant(next, team.id, playerId) : next;
}

/** Takes a player out of their team (and out of its pending proposal's approvals); roles re-covered with `scenario`. */
function unseat(model: SessionModel, scenario: Scenario | undefined, playerId: string): SessionModel {
  const player = model.players[playerId];
  const team = findTeam(model, player?.teamId ?? null);
  if (!player || !team) return model;
  const steps = team.steps.map((step) =>
    step.proposal &&
    (step.proposal.approvals.includes(playerId) ||
      step.proposal.objections.some((o) => o.playerId === playerId))
      ? {
          ...step,
          proposal: {
            ...step.proposal,
            approvals: step.proposal.approvals.filter((id) => id !== playerId),
            objections: step.proposal.objections.filter((o) => o.playerId !== playerId),
          },
        }
      : step,
  );
  let next = replaceTeam(model, {
    ...team,
    memberIds: team.memberIds.filter((id) => id !== playerId),
    steps,
  });
  next = replacePlayer(next, { ...player, teamId: null, roleId: null });
  return scenario ? coverRoles(next, scenario, team.id) : next;
}

export interface JoinRequest {
  playerId: string;
  name: string;
  /** The team the player asks for (honoured only when `options.playersChooseTeam`). */
  teamId?: string;
  now: number;
}

/**
 * Seats a new player (or reconnects a known, non-kicked id). Team: the one asked for when players
 * choose their team, else the least filled (seeded tie-break); in "auto" team count a team is
 * created when all are full. Role: the one the fewest members of the team hold.
 */
export function joinPlayer(
  model: SessionModel,
  scenario: Scenario,
  request: JoinRequest,
): RuleResult<{ player: Player }> {
  const { playerId, now } = request;
  const known = model.players[playerId];
  if (known?.kicked) return refuse("kicked");
  if (known) {
    const reconnected = setConnected(model, playerId, true, now);
    if (!reconnected.ok) return reconnected;
    const player = reconnected.model.players[playerId];
    return player ? accept(reconnected.model, { player }) : refuse("unknown-player");
  }
  if (model.phase === "debrief" || model.phase === "ended") return refuse("wrong-phase");
  if (model.locked) return refuse("session-locked");
  const name = cleanName(request.name);
  if (!validName(name)) return refuse("name-invalid");
  const key = nameKey(name);
  if (Object.values(model.players).some((p) => !p.kicked && nameKey(p.name) === key))
    return refuse("name-taken");

  let next = model;
  let team: Team | undefined;
  if (request.teamId !== undefined && model.options.playersChooseTeam) {
    team = findTeam(model, request.teamId);
    if (!team) return refuse("unknown-team");
    if (team.memberIds.length >= model.options.teamSize) return refuse("team-full");
  } else {
    team = pickBalancedTeam(model, playerId);
    if (!team) {
      if (model.options.teamCount !== "auto") return refuse("session-full");
      team = newTeam(model, scenario);
      if (isActivePhase(model)) team = openLateTeam(model, team, now);
      next = { ...next, teams: [...next.teams, team] };
    }
  }
  const player: Player = {
    id: playerId,
    name,
    teamId: null,
    roleId: null,
    connected: true,
    joinedAt: now,
    kicked: false,
  };
  next = seat(replacePlayer(next, player), scenario, playerId, team);
  const seated = next.players[playerId];
  return seated ? accept(next, { player: seated }) : refuse("unknown-player");
}

/**
 * A team created during play starts on step 0 (team pace) or on the current step (facilitator pace).
 * When the facilitator has already revealed the current step, the late team finds it closed and
 * revealed like everybody else, so that « next » is not blocked by it.
 */
function openLateTeam(model: SessionModel, team: Team, now: number): Team {
  const stepIndex = model.options.pace === "facilitator" ? model.currentStep : 0;
  const step = team.steps[stepIndex];
  if (!step) return team;
  const alreadyRevealed =
    model.options.pace === "facilitator" && model.teams.some((t) => t.steps[stepIndex]?.revealed === true);
  const opened = { ...step, startedAt: now };
  return replaceTeamStep(
    { ...team, stepIndex },
    stepIndex,
    alreadyRevealed ? { ...closeTeamStep(model, opened, now), revealed: true } : opened,
  );
}

/**
 * Marks a player connected or not. With `scenario`, a pending proposal of their team is re-checked
 * (a disconnection can make the submission rule met) and submitted if so.
 */
export function setConnected(
  model: SessionModel,
  playerId: string,
  connected: boolean,
  now: number,
  scenario?: Scenario,
): RuleResult {
  const player = model.players[playerId];
  if (!player || player.kicked) return refuse("unknown-player");
  let next = player.connected === connected ? model : replacePlayer(model, { ...player, connected });
  if (player.teamId !== null && connected) next = markParticipant(next, player.teamId, playerId);
  if (scenario && player.teamId !== null) next = settleProposal(next, scenario, player.teamId, now).model;
  return accept(next);
}

/** A player leaves in the lobby: forgotten entirely. During play, use setConnected instead. */
export function removePlayer(model: SessionModel, playerId: string, scenario?: Scenario): RuleResult {
  if (model.phase !== "lobby") return refuse("wrong-phase");
  if (!model.players[playerId]) return refuse("unknown-player");
  const unseated = unseat(model, scenario, playerId);
  const { [playerId]: _removed, ...players } = unseated.players;
  return accept({ ...unseated, players });
}

/** The facilitator removes a player: out of their team, cannot come back with the same id. */
export function kickPlayer(model: SessionModel, playerId: string, scenario?: Scenario): RuleResult {
  const player = model.players[playerId];
  if (!player || player.kicked) return refuse("unknown-player");
  if (model.phase === "ended") return refuse("wrong-phase");
  const next = unseat(model, scenario, playerId);
  const unseated = next.players[playerId];
  if (!unseated) return refuse("unknown-player");
  return accept(replacePlayer(next, { ...unseated, kicked: true, connected: false }));
}

function changeTeam(model: SessionModel, scenario: Scenario, playerId: string, teamId: string): RuleResult {
  const player = model.players[playerId];
  if (!player || player.kicked) return refuse("unknown-player");
  const team = findTeam(model, teamId);
  if (!team) return refuse("unknown-team");
  if (player.teamId === teamId) return accept(model);
  if (team.memberIds.length >= model.options.teamSize) return refuse("team-full");
  const unseated = unseat(model, scenario, playerId);
  const target = findTeam(unseated, teamId);
  return target ? accept(seat(unseated, scenario, playerId, target)) : refuse("unknown-team");
}

/** The facilitator moves a player to another team (any phase but ended); roles re-covered in both teams. */
export function movePlayer(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  teamId: string,
): RuleResult {
  if (model.phase === "ended") return refuse("wrong-phase");
  return changeTeam(model, scenario, playerId, teamId);
}

/** A player picks their team: lobby only, when `options.playersChooseTeam`. */
export function chooseTeam(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  teamId: string,
): RuleResult {
  if (model.phase !== "lobby") return refuse("wrong-phase");
  if (model.locked) return refuse("session-locked");
  if (!model.options.playersChooseTeam) return refuse("invalid-option");
  return changeTeam(model, scenario, playerId, teamId);
}

/**
 * Evens out team sizes (they then differ by at most one) by moving the latest members of the
 * largest teams to the smallest ones; roles re-covered. Used at start with an "auto" team count.
 */
export function balanceTeams(model: SessionModel, scenario: Scenario): SessionModel {
  let next = model;
  for (;;) {
    const sized = next.teams;
    if (sized.length < 2) return next;
    const largest = sized.reduce((a, b) => (b.memberIds.length > a.memberIds.length ? b : a));
    const smallest = sized.reduce((a, b) => (b.memberIds.length < a.memberIds.length ? b : a));
    if (largest.memberIds.length - smallest.memberIds.length <= 1) return next;
    const mover = largest.memberIds[largest.memberIds.length - 1];
    if (mover === undefined) return next;
    const unseated = unseat(next, scenario, mover);
    const target = findTeam(unseated, smallest.id);
    if (!target) return next;
    next = seat(unseated, scenario, mover, target);
  }
}
