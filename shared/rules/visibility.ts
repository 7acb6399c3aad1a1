/**
 * The one visibility rule: what each seat of a session (a player, the facilitator, the projected
 * screen) may see, contents included. The room only applies it: the synced state's per-client views
 * hold the teams (with the drafts listed here) and players listed here, the players' private materials
 * are the ones listed here, and the `revealed` messages carry the revealed steps listed here.
 *
 * The contents are shared, read-only references (the model's drafts, the scenario's materials and a
 * per-step copy made once; a team's entry and the list of players are made once per model object):
 * building a view costs a few small arrays, so the room may ask for it on every change, and tell
 * what changed by identity. Never mutate what a view holds.
 */
import type { Material, Scenario, Step } from "../scenario/schema.ts";
import type { Answer } from "./answer.ts";
import { playerMaterialRoles } from "./material-roles.ts";
import type { SessionModel, Team } from "./model.ts";
import { privateMaterialsFor, type RevealedStep, revealedStep } from "./public.ts";
import { isRevealedTo } from "./steps.ts";

export type Seat = { role: "player"; playerId: string } | { role: "facilitator" } | { role: "screen" };

/** A team whose work the seat sees: its drafts, by step id (the steps it started and its current one). */
export interface SeatTeam {
  id: string;
  drafts: Readonly<Record<string, Answer>>;
}

/** A step the seat may know the solution and explanation of. */
export type SeatRevealed = RevealedStep & { stepIndex: number };

export interface SeatView {
  /** Teams whose work (drafts, proposal, attempts, edits) the seat sees, with their drafts. */
  teams: SeatTeam[];
  /** Players whose public row (name, team, role, presence) the seat sees: everybody's in a session of
   *  at most LARGE_SESSION players; beyond, a player sees their team's, the screen nobody's (it shows
   *  counts and teams), the facilitator everybody's. */
  rowIds: string[];
  /** Players whose private part (role, private materials) the seat sees. */
  playerIds: string[];
  /** The steps whose solution and explanation the seat may know, in step order. */
  revealed: SeatRevealed[];
  /** The roles whose private materials the seat reads (a player: theirs and those handed to it). */
  materialRoles: string[];
  /** Those materials, by step id (steps without any are absent). */
  materials: Readonly<Record<string, readonly Material[]>>;
  /** Per teammate holding private documents this seat cannot read: how many, by step id. Counts
   *  only, never which; a document the seat reads too (visible to several roles) is not counted. */
  hidden: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** True when step `stepIndex` is revealed to every team (and there is one): what the projected
 *  screen may show. Reads the model's teams or the synced state's alike. */
export function revealedToAll(
  teams: readonly { steps: readonly ({ revealed: boolean } | undefined)[] }[],
  stepIndex: number,
): boolean {
  return teams.length > 0 && teams.every((team) => team.steps[stepIndex]?.revealed === true);
}

/** The drafts a team's viewers see: each started step's and the current step's. */
export function teamDrafts(team: Team): Record<string, Answer> {
  const drafts: Record<string, Answer> = {};
  team.steps.forEach((step, index) => {
    if (step.startedAt !== null || index === team.stepIndex) drafts[step.stepId] = step.draft;
  });
  return drafts;
}

// Made once per scenario step / role set: views are asked for on every change.
const revealedCache = new WeakMap<Step, SeatRevealed>();
const materialsCache = new WeakMap<Scenario, Map<string, Record<string, Material[]>>>();

function revealedAt(scenario: Scenario, stepIndex: number): SeatRevealed[] {
  const step = scenario.steps[stepIndex];
  if (!step) return [];
  let revealed = revealedCache.get(step);
  if (revealed?.stepIndex !== stepIndex) {
    revealed = { ...revealedStep(step), stepIndex };
    revealedCache.set(step, revealed);
  }
  return [revealed];
}

function materialsOf(scenario: Scenario, roles: readonly string[]): Record<string, Material[]> {
  let byRoles = materialsCache.get(scenario);
  if (!byRoles) {
    byRoles = new Map();
    materialsCache.set(scenario, byRoles);
  }
  const key = roles.join("\n");
  let materials = byRoles.get(key);
  if (!materials) {
    materials = privateMaterialsFor(scenario, roles);
    byRoles.set(key, materials);
  }
  return materials;
}

/** How many of the documents read with `holderRoles` cannot be read with `readerRoles`, by step id
 *  (steps without any are absent); made once per scenario and pair of role sets. */
const hiddenCache = new WeakMap<Scenario, Map<string, Record<string, number>>>();
function hiddenCounts(
  scenario: Scenario,
  readerRoles: readonly string[],
  holderRoles: readonly string[],
): Record<string, number> {
  let byRoles = hiddenCache.get(scenario);
  if (!byRoles) {
    byRoles = new Map();
    hiddenCache.set(scenario, byRoles);
  }
  const key = `${readerRoles.join(" ")}\n${holderRoles.join(" ")}`;
  let counts = byRoles.get(key);
  if (!counts) {
    const readable = (material: Material, roles: readonly string[]) =>
      material.visibleTo?.some((id) => roles.includes(id)) === true;
    counts = {};
    for (const step of scenario.steps) {
      const count = step.materials.filter(
        (material) => readable(material, holderRoles) && !readable(material, readerRoles),
      ).length;
      if (count > 0) counts[step.id] = count;
    }
    byRoles.set(key, counts);
  }
  return counts;
}

/** A team as its viewers see it, made once per team object (the same object while the team is
 *  unchanged: a room can tell the teams of a view that changed by identity). */
const seatTeams = new WeakMap<Team, SeatTeam>();
function seatTeam(team: Team): SeatTeam {
  let seen = seatTeams.get(team);
  if (!seen) {
    seen = { id: team.id, drafts: teamDrafts(team) };
    seatTeams.set(team, seen);
  }
  return seen;
}

const NOTHING: SeatView = Object.freeze({
  teams: [],
  rowIds: [],
  playerIds: [],
  revealed: [],
  materialRoles: [],
  materials: {},
  hidden: {},
});

/**
 * What `seatView(model, scenario, seat)` reads of the model, as objects compared by identity (the
 * rules return new objects only for what changed): while `sameInputs` holds between two models, the
 * seat's view is the same, so the room refreshes only the views whose inputs changed (a join or an
 * edit touches one team, not every client's view). Kept next to `seatView`: change both together.
 */
export function seatViewInputs(model: SessionModel, seat: Seat): readonly unknown[] {
  if (seat.role === "facilitator") return [model.teams, model.players];
  // A small session's rows are everybody's: any player's change reaches every view.
  const everybody = isLarge(model) ? null : model.players;
  if (seat.role === "screen") return [model.teams, everybody];
  const player = model.players[seat.playerId];
  if (!player || player.kicked) return [player];
  const team = player.teamId ? teamsById(model.teams).get(player.teamId) : undefined;
  // materialRoles: the lobby or not, the team's members (their roles, whether kicked).
  const members = (team?.memberIds ?? []).map((id) => model.players[id]);
  return [model.phase === "lobby", everybody, player, team, ...members];
}

/**
 * The players whose `seatViewInputs` may differ between two models, so that a room need not ask for
 * every player's inputs on every change: `null` (all of them) when the lobby flag changed or, in a
 * small session, any player did; else the players that changed (a join in a large session) with
 * their teammates, and the members of the teams that changed (an edit: one team's members). Kept next to `seatViewInputs`:
 * it reads nothing else.
 */
export function playersToRecheck(before: SessionModel | undefined, after: SessionModel): Set<string> | null {
  if (!before || (before.phase === "lobby") !== (after.phase === "lobby")) return null;
  const ids = new Set<string>();
  if (before.players !== after.players) {
    // A small session's rows are everybody's: a player's change reaches every seat's inputs.
    if (!isLarge(before) || !isLarge(after)) return null;
    // A changed player, and their teammates (whose inputs list the team's members).
    const teams = [teamsById(before.teams), teamsById(after.teams)];
    for (const id of Object.keys({ ...before.players, ...after.players })) {
      const was = before.players[id];
      const is = after.players[id];
      if (was === is) continue;
      ids.add(id);
      for (const [i, player] of [was, is].entries()) {
        const team = player?.teamId ? teams[i]?.get(player.teamId) : undefined;
        for (const member of team?.memberIds ?? []) ids.add(member);
      }
    }
  }
  if (before.teams === after.teams) return ids;
  const previous = teamsById(before.teams);
  for (const team of after.teams) {
    const old = previous.get(team.id);
    if (old === team) continue;
    for (const id of team.memberIds) ids.add(id);
    for (const id of old?.memberIds ?? []) ids.add(id);
  }
  return ids;
}

/** Beyond this many players, a session's players and screen see counts and teams, not every row. */
export const LARGE_SESSION = 60;

/** Caches: a session's size is asked for every seat, once per players record. */
const largeSessions = new WeakMap<object, boolean>();
function isLarge(model: SessionModel): boolean {
  let large = largeSessions.get(model.players);
  if (large === undefined) {
    large = activePlayerIds(model).length > LARGE_SESSION;
    largeSessions.set(model.players, large);
  }
  return large;
}

/** The players not removed, made once per players record (the same array while it is unchanged). */
const activePlayers = new WeakMap<object, string[]>();
function activePlayerIds(model: SessionModel): string[] {
  let ids = activePlayers.get(model.players);
  if (!ids) {
    ids = Object.values(model.players)
      .filter((player) => !player.kicked)
      .map((player) => player.id);
    activePlayers.set(model.players, ids);
  }
  return ids;
}

/** The teams by id, built once per teams array (models are immutable: a room asks for every seat). */
const teamIndexes = new WeakMap<readonly Team[], Map<string, Team>>();
function teamsById(teams: readonly Team[]): Map<string, Team> {
  let index = teamIndexes.get(teams);
  if (!index) {
    index = new Map(teams.map((team) => [team.id, team]));
    teamIndexes.set(teams, index);
  }
  return index;
}

/** True when two `seatViewInputs` lists are the same objects in the same order. */
export function sameInputs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Everything `seat` may see of the session now. */
export function seatView(model: SessionModel, scenario: Scenario, seat: Seat): SeatView {
  if (seat.role === "facilitator") {
    const everybody = activePlayerIds(model);
    return {
      teams: model.teams.map(seatTeam),
      rowIds: everybody,
      playerIds: everybody,
      revealed: scenario.steps.flatMap((_, index) => revealedAt(scenario, index)),
      materialRoles: [],
      materials: {},
      hidden: {},
    };
  }
  if (seat.role === "screen") {
    return {
      ...NOTHING,
      rowIds: isLarge(model) ? [] : activePlayerIds(model),
      revealed: scenario.steps.flatMap((_, index) =>
        revealedToAll(model.teams, index) ? revealedAt(scenario, index) : [],
      ),
    };
  }
  const player = model.players[seat.playerId];
  if (!player || player.kicked) return NOTHING;
  const team = model.teams.find((candidate) => candidate.id === player.teamId);
  const materialRoles = playerMaterialRoles(model, scenario, player.id);
  return {
    teams: team ? [seatTeam(team)] : [],
    rowIds: isLarge(model) ? (team?.memberIds ?? [player.id]) : activePlayerIds(model),
    playerIds: [player.id],
    revealed: team
      ? scenario.steps.flatMap((_, index) =>
          isRevealedTo(model, team.id, index) ? revealedAt(scenario, index) : [],
        )
      : [],
    materialRoles,
    materials: materialsOf(scenario, materialRoles),
    hidden: hiddenFrom(model, scenario, team, player.id, materialRoles),
  };
}

/** `SeatView.hidden` for a player reading `readerRoles`: their teammates' documents they cannot read. */
function hiddenFrom(
  model: SessionModel,
  scenario: Scenario,
  team: Team | undefined,
  playerId: string,
  readerRoles: readonly string[],
): Record<string, Record<string, number>> {
  const hidden: Record<string, Record<string, number>> = {};
  for (const id of team?.memberIds ?? []) {
    if (id === playerId || !model.players[id] || model.players[id].kicked) continue;
    const counts = hiddenCounts(scenario, readerRoles, playerMaterialRoles(model, scenario, id));
    if (Object.keys(counts).length > 0) hidden[id] = counts;
  }
  return hidden;
}
