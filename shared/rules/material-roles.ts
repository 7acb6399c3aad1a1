/**
 * Whose private materials a team member reads. A role that nobody in the team holds must not take its
 * documents away from the team (issue 12): each missing role is handed to one role the team does hold,
 * round-robin in scenario order, and every member holding that role reads it too.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { SessionModel } from "./model.ts";

/**
 * The roles whose private materials a member holding `roleId` reads, given the roles held in the team
 * (`heldRoleIds`, any order, duplicates and nulls allowed). Scenario order; empty without a role.
 */
export function materialRoles(
  roles: readonly { id: string }[],
  heldRoleIds: readonly (string | null)[],
  roleId: string | null,
): string[] {
  if (roleId === null) return [];
  const heldSet = new Set(heldRoleIds);
  const held = roles.filter((role) => heldSet.has(role.id)).map((role) => role.id);
  if (!held.includes(roleId)) return [roleId];
  const missing = roles.filter((role) => !heldSet.has(role.id)).map((role) => role.id);
  const handed = missing.filter((_, i) => held[i % held.length] === roleId);
  return roles.map((role) => role.id).filter((id) => id === roleId || handed.includes(id));
}

/**
 * `materialRoles` for one player of the session: their role plus those handed to it in their team.
 * In the lobby, while players arrive one by one and roles are still being dealt, each reads only
 * their own role: the first player of a team must not see every document before the others come.
 */
export function playerMaterialRoles(model: SessionModel, scenario: Scenario, playerId: string): string[] {
  const player = model.players[playerId];
  if (!player) return [];
  if (model.phase === "lobby") return player.roleId === null ? [] : [player.roleId];
  const team = model.teams.find((candidate) => candidate.id === player.teamId);
  const held = (team?.memberIds ?? [playerId]).flatMap((id) => {
    const member = model.players[id];
    return member && !member.kicked ? [member.roleId] : [];
  });
  return materialRoles(scenario.roles, held, player.roleId);
}
