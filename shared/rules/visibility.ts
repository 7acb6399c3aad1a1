/**
 * The one visibility rule: what each seat of a session (a player, the facilitator, the projected
 * screen) may see. The room only applies it: the synced state's per-client views hold the teams and
 * players listed here, and the `revealed` messages carry the steps listed here.
 */
import type { Material, Scenario } from "../scenario/schema.ts";
import { playerMaterialRoles } from "./material-roles.ts";
import type { SessionModel } from "./model.ts";
import { privateMaterialsFor } from "./public.ts";
import { isRevealedTo } from "./steps.ts";

export type Seat = { role: "player"; playerId: string } | { role: "facilitator" } | { role: "screen" };

export interface SeatView {
  /** Teams whose work (drafts, proposal, attempts, edits) the seat sees. */
  teamIds: string[];
  /** Players whose private part (role, private materials) the seat sees. */
  playerIds: string[];
  /** Indexes of the steps whose solution and explanation the seat may know. */
  revealedSteps: number[];
  /** The roles whose private materials the seat reads (a player: theirs and those handed to it);
   *  `seatMaterials` gives the materials themselves (computed only when needed: they are cloned). */
  materialRoles: string[];
}

/** The private materials a seat reads, by step id. */
export function seatMaterials(scenario: Scenario, view: SeatView): Record<string, Material[]> {
  return privateMaterialsFor(scenario, view.materialRoles);
}

const stepIndexes = (scenario: Scenario) => scenario.steps.map((_, index) => index);

/** True when step `stepIndex` is revealed to every team (and there is one): what the projected
 *  screen may show. Reads the model's teams or the synced state's alike. */
export function revealedToAll(
  teams: readonly { steps: readonly ({ revealed: boolean } | undefined)[] }[],
  stepIndex: number,
): boolean {
  return teams.length > 0 && teams.every((team) => team.steps[stepIndex]?.revealed === true);
}

/** Everything `seat` may see of the session now. */
export function seatView(model: SessionModel, scenario: Scenario, seat: Seat): SeatView {
  if (seat.role === "facilitator") {
    return {
      teamIds: model.teams.map((team) => team.id),
      playerIds: Object.values(model.players)
        .filter((player) => !player.kicked)
        .map((player) => player.id),
      revealedSteps: stepIndexes(scenario),
      materialRoles: [],
    };
  }
  if (seat.role === "screen") {
    return {
      teamIds: [],
      playerIds: [],
      revealedSteps: stepIndexes(scenario).filter((index) => revealedToAll(model.teams, index)),
      materialRoles: [],
    };
  }
  const player = model.players[seat.playerId];
  if (!player || player.kicked) {
    return { teamIds: [], playerIds: [], revealedSteps: [], materialRoles: [] };
  }
  const teamId = player.teamId;
  return {
    teamIds: teamId ? [teamId] : [],
    playerIds: [player.id],
    revealedSteps: teamId ? stepIndexes(scenario).filter((index) => isRevealedTo(model, teamId, index)) : [],
    materialRoles: playerMaterialRoles(model, scenario, player.id),
  };
}
