/** Teams: creation, lookup, balancing, roles, and immutable updates of teams and team steps. */
import type { Scenario } from "../scenario/schema.ts";
import { emptyAnswer } from "./drafts.ts";
import type { Player, SessionModel, Team, TeamStep } from "./model.ts";
import { deriveSeed } from "./rng.ts";

/** The seed of a team's draft for a step: same team, step and session seed → same shuffle. */
export function draftSeed(model: SessionModel, teamId: string, stepId: string): number {
  return deriveSeed(model.seed, "draft", teamId, stepId);
}

export function newTeamSteps(model: SessionModel, scenario: Scenario, teamId: string): TeamStep[] {
  return scenario.steps.map((step) => ({
    stepId: step.id,
    draft: emptyAnswer(step, draftSeed(model, teamId, step.id)),
    edits: [],
    editsByPlayer: {},
    proposal: null,
    proposalsMade: 0,
    cancelled: null,
    reactions: [],
    attempts: [],
    hintsUsed: 0,
    closed: false,
    revealed: false,
    score: null,
    participants: [],
    startedAt: null,
    closedAt: null,
  }));
}

/** A new empty team with the first free id `equipe-N` and the name « Équipe N ». */
export function newTeam(model: SessionModel, scenario: Scenario): Team {
  const used = new Set(model.teams.map((team) => team.id));
  let n = 1;
  while (used.has(`equipe-${n}`)) n++;
  const id = `equipe-${n}`;
  return {
    id,
    name: `Équipe ${n}`,
    memberIds: [],
    stepIndex: 0,
    steps: newTeamSteps(model, scenario, id),
    finishedAt: null,
  };
}

export function findTeam(model: SessionModel, teamId: string | null): Team | undefined {
  return teamId === null ? undefined : model.teams.find((team) => team.id === teamId);
}

export function replaceTeam(model: SessionModel, team: Team): SessionModel {
  return { ...model, teams: model.teams.map((t) => (t.id === team.id ? team : t)) };
}

export function replacePlayer(model: SessionModel, player: Player): SessionModel {
  return { ...model, players: { ...model.players, [player.id]: player } };
}

export function replaceTeamStep(team: Team, index: number, step: TeamStep): Team {
  return { ...team, steps: team.steps.map((s, i) => (i === index ? step : s)) };
}

export function connectedMembers(model: SessionModel, team: Team): string[] {
  return team.memberIds.filter((id) => model.players[id]?.connected === true);
}

/** Teams with room left and the fewest members; ties broken in an order fixed by the seed. */
export function pickBalancedTeam(model: SessionModel, salt: string): Team | undefined {
  const open = model.teams.filter((team) => team.memberIds.length < model.options.teamSize);
  if (open.length === 0) return undefined;
  const fewest = Math.min(...open.map((team) => team.memberIds.length));
  const tied = open.filter((team) => team.memberIds.length === fewest);
  return tied[deriveSeed(model.seed, "balance", salt) % tied.length];
}

/** The role a new member takes: the one held by the fewest members of the team (scenario order on ties). */
export function nextRole(model: SessionModel, scenario: Scenario, team: Team): string | null {
  if (scenario.roles.length === 0) return null;
  const held = countRoles(model, team);
  let best = scenario.roles[0]?.id ?? null;
  for (const role of scenario.roles)
    if ((held.get(role.id) ?? 0) < (held.get(best ?? "") ?? 0)) best = role.id;
  return best;
}

function countRoles(model: SessionModel, team: Team): Map<string, number> {
  const held = new Map<string, number>();
  for (const id of team.memberIds) {
    const roleId = model.players[id]?.roleId;
    if (roleId) held.set(roleId, (held.get(roleId) ?? 0) + 1);
  }
  return held;
}

/**
 * After a member leaves or arrives, makes sure every role is held when the team is large enough,
 * changing as few players as possible: the latest member holding a duplicated role takes a missing one.
 */
export function coverRoles(model: SessionModel, scenario: Scenario, teamId: string): SessionModel {
  let next = model;
  for (;;) {
    const team = findTeam(next, teamId);
    if (!team) return next;
    const held = countRoles(next, team);
    const missing = scenario.roles.find((role) => !held.has(role.id));
    const duplicated = [...team.memberIds]
      .reverse()
      .map((id) => next.players[id])
      .find((player) => player?.roleId != null && (held.get(player.roleId) ?? 0) > 1);
    const roleless = team.memberIds
      .map((id) => next.players[id])
      .find((player) => player && player.roleId === null);
    const mover = roleless ?? duplicated;
    if (!missing || !mover) {
      if (roleless && scenario.roles.length > 0) {
        next = replacePlayer(next, { ...roleless, roleId: nextRole(next, scenario, team) });
        continue;
      }
      return next;
    }
    next = replacePlayer(next, { ...mover, roleId: missing.id });
  }
}
