/**
 * Writes the session model into the synced state. Instances are kept per id so that StateViews
 * stay valid and patches stay small: a field is assigned only when its value changed.
 */
import type { ArraySchema } from "@colyseus/schema";
import { draftCells } from "../../shared/draft-cells.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol.ts";
import {
  playersToRecheck,
  ranking,
  sameInputs,
  seatView,
  seatViewInputs,
  teamDrafts,
  teamPoints,
  teamSolved,
  teamStepStatus,
} from "../../shared/rules/index.ts";
import {
  type EditRecord,
  MAX_KEPT_EDITS,
  type SessionModel,
  type Team,
  type TeamStep,
} from "../../shared/rules/model.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import {
  AttemptState,
  CancelledProposalState,
  DraftState,
  EditState,
  type GameState,
  HintState,
  ObjectionState,
  PlayerState,
  ProposalState,
  TeamState,
  TeamStepState,
  TeamWorkState,
} from "../state.ts";

/** At most this many attributed edits are in the synced state (the log keeps them all). */
export const MAX_SYNCED_EDITS = MAX_KEPT_EDITS;

// biome-ignore lint/suspicious/noExplicitAny: generic field assignment on schema instances
function set<T extends Record<string, any>, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function setStrings(array: ArraySchema<string>, values: readonly string[]): void {
  const kept = array.length <= values.length && array.every((v, i) => v === values[i]);
  if (kept && array.length === values.length) return;
  // Appended values (a team's new member) are pushed: clients receive them alone.
  if (kept) array.push(...values.slice(array.length));
  else array.splice(0, array.length, ...values);
}

/** The JSON of a set of private materials, by the object `seatView` returns for the same roles: one
 *  string shared by every row that reads them, not one per player (several KB each; the bench's join
 *  bursts held one per connected player). */
const materialsJson = new WeakMap<object, string>();

function privateJson(materials: Readonly<Record<string, readonly unknown[]>>): string {
  let json = materialsJson.get(materials);
  if (json === undefined) {
    json = JSON.stringify(materials);
    materialsJson.set(materials, json);
  }
  return json;
}

export class StateMirror {
  readonly teams = new Map<string, TeamState>();
  readonly players = new Map<string, PlayerState>();
  private readonly attemptCounts = new Map<string, number>();
  /** Player id → the roles whose private materials were last sent to them. */
  private readonly readRoles = new Map<string, string>();
  private readonly editCounts = new Map<string, number>();
  /** Each team step's draft as last written (`team:step`): unchanged drafts are skipped, changed
   *  ones diffed cell by cell. */
  private readonly draftCells = new Map<string, { answer: object; cells: Map<string, string> }>();
  /** What each player's row was last written from (`seatViewInputs`): unchanged rows are skipped. */
  private readonly playerInputs = new Map<string, readonly unknown[]>();
  /** The model team each team's state was last written from: unchanged teams are skipped. */
  private readonly appliedTeams = new Map<string, Team>();
  /** The model last written. */
  private applied: SessionModel | undefined;

  constructor(
    private readonly state: GameState,
    private readonly scenario: Scenario,
  ) {}

  init(code: string): void {
    const s = this.state;
    s.protocol = PROTOCOL_VERSION;
    s.code = code;
    s.scenarioId = this.scenario.id;
    s.scenarioTitle = this.scenario.metadata.title;
    s.stepCount = this.scenario.steps.length;
  }

  /** Writes the model's changes (not the clock: `setServerNow`). */
  apply(model: SessionModel): void {
    const s = this.state;
    set(s, "phase", model.phase);
    set(s, "locked", model.locked);
    set(s, "currentStep", model.currentStep);
    if (model.players !== this.applied?.players) {
      set(s, "connectedPlayers", Object.values(model.players).filter((p) => p.connected && !p.kicked).length);
    }
    this.applyTimer(model);
    this.applyOptions(model);
    this.applyPlayers(model, playersToRecheck(this.applied, model));
    this.applyTeams(model);
    this.applied = model;
  }

  /** Publishes the server clock: a change every client receives, so the room does it seldom. */
  setServerNow(now: number): void {
    this.state.serverNow = now;
  }

  private applyTimer(model: SessionModel): void {
    const t = this.state.timer;
    const timer = model.timer;
    set(t, "active", timer !== null);
    set(t, "durationMs", timer?.durationMs ?? 0);
    set(t, "endsAt", timer?.endsAt ?? 0);
    set(t, "remainingMs", timer?.remainingMs ?? 0);
  }

  private applyOptions(model: SessionModel): void {
    const o = this.state.options;
    const m = model.options;
    set(o, "pace", m.pace);
    set(o, "submissionRule", m.submissionRule);
    set(o, "maxAttempts", m.maxAttempts);
    set(o, "teamSize", m.teamSize);
    set(o, "teamCount", String(m.teamCount));
    set(o, "stepTimeSeconds", m.stepTimeSeconds ?? 0);
    set(o, "sessionTimeSeconds", m.sessionTimeSeconds ?? 0);
    set(o, "hintsEnabled", m.hintsEnabled);
    set(o, "lockAfterStart", m.lockAfterStart);
    set(o, "playersChooseTeam", m.playersChooseTeam);
  }

  /** Writes the rows of the players to recheck (null: all of them). */
  private applyPlayers(model: SessionModel, recheck: Set<string> | null): void {
    for (const id of recheck ?? Object.keys(model.players)) {
      const player = model.players[id];
      if (!player) continue;
      if (player.kicked) {
        if (this.players.has(id)) {
          this.forgetPlayer(id);
        }
        continue;
      }
      const inputs = seatViewInputs(model, { role: "player", playerId: id });
      if (this.players.has(id) && sameInputs(this.playerInputs.get(id), inputs)) continue;
      this.playerInputs.set(id, inputs);
      let p = this.players.get(id);
      if (!p) {
        p = new PlayerState();
        p.id = id;
        this.state.players.set(id, p);
        this.players.set(id, p);
      }
      set(p, "name", player.name);
      set(p, "teamId", player.teamId ?? "");
      set(p, "connected", player.connected);
      // Roles nobody in the team holds hand their materials to a present member (materialRoles).
      const visible = seatView(model, this.scenario, { role: "player", playerId: id });
      const readKey = visible.materialRoles.join(" ");
      if (
        p.roleId !== (player.roleId ?? "") ||
        this.readRoles.get(id) !== readKey ||
        p.privateMaterials === undefined
      ) {
        p.roleId = player.roleId ?? "";
        this.readRoles.set(id, readKey);
        p.privateMaterials = privateJson(visible.materials);
      }
      // Teammates' documents this player cannot read: they change with the team's roles too.
      set(p, "hiddenCounts", JSON.stringify(visible.hidden));
    }
    if (recheck) return;
    for (const id of [...this.players.keys()]) {
      if (!model.players[id]) this.forgetPlayer(id);
    }
  }

  private forgetPlayer(id: string): void {
    this.state.players.delete(id);
    this.players.delete(id);
    this.readRoles.delete(id);
    this.playerInputs.delete(id);
  }

  private applyTeams(model: SessionModel): void {
    if (model.teams === this.applied?.teams) return;
    const ids = model.teams.map((t) => t.id);
    // Keep the array in model order; reuse instances.
    const current = this.state.teams.map((t) => t.id);
    const reordered = current.length !== ids.length || current.some((id, i) => id !== ids[i]);
    if (reordered) {
      if (current.length < ids.length && current.every((id, i) => id === ids[i])) {
        // Teams added as players come: pushed, so that clients receive the new teams alone (a splice
        // of the whole array sends every team again, to every client: a join burst's O(n²)).
        this.state.teams.push(...ids.slice(current.length).map((id) => this.teamState(id)));
      } else {
        this.state.teams.splice(0, this.state.teams.length, ...ids.map((id) => this.teamState(id)));
      }
      for (const id of [...this.teams.keys()]) {
        if (!ids.includes(id)) {
          this.teams.delete(id);
          this.appliedTeams.delete(id);
        }
      }
    }
    // The rules return a new team object whenever anything of it changed.
    const changed = model.teams.filter((team) => this.appliedTeams.get(team.id) !== team);
    if (reordered || changed.some((team) => this.rankingInputChanged(team))) this.applyRanking(model);
    for (const team of changed) {
      const ts = this.teamState(team.id);
      this.appliedTeams.set(team.id, team);
      set(ts, "name", team.name);
      setStrings(ts.memberIds, team.memberIds);
      set(ts, "stepIndex", team.stepIndex);
      set(ts, "finished", team.finishedAt !== null);
      this.applyTeamSteps(ts, team);
      this.applyProposal(ts, team);
      this.applyWork(ts, team);
      this.applyCancelled(ts, team);
    }
  }

  /** True when what the ranking reads of a team (points, solved steps, name) is not what was written. */
  private rankingInputChanged(team: Team): boolean {
    const ts = this.teamState(team.id);
    return teamPoints(team) !== ts.points || teamSolved(team) !== ts.solved || team.name !== ts.name;
  }

  private applyRanking(model: SessionModel): void {
    for (const rank of ranking(model)) {
      const ts = this.teamState(rank.teamId);
      set(ts, "points", rank.points);
      set(ts, "solved", rank.solved);
      set(ts, "rank", rank.rank);
    }
  }

  private teamState(id: string): TeamState {
    let ts = this.teams.get(id);
    if (!ts) {
      ts = new TeamState();
      ts.id = id;
      ts.work = new TeamWorkState();
      this.teams.set(id, ts);
    }
    return ts;
  }

  private applyTeamSteps(ts: TeamState, team: Team): void {
    team.steps.forEach((step, i) => {
      let s = ts.steps[i];
      if (!s) {
        s = new TeamStepState();
        s.stepId = step.stepId;
        ts.steps.push(s);
      }
      set(s, "status", teamStepStatus(step, i, team.stepIndex));
      set(s, "revealed", step.revealed);
      set(s, "score", step.score ?? -1);
      set(s, "attempts", step.attempts.length);
      set(s, "hintsUsed", step.hintsUsed);
    });
  }

  private applyProposal(ts: TeamState, team: Team): void {
    const index = team.steps.findIndex((s) => s.proposal !== null);
    const step = index >= 0 ? team.steps[index] : undefined;
    const proposal = step?.proposal;
    if (!step || !proposal) {
      if (ts.proposal !== undefined) ts.proposal = undefined;
      return;
    }
    let p = ts.proposal;
    if (!p || p.id !== proposal.id) {
      p = new ProposalState();
      p.id = proposal.id;
      p.stepId = step.stepId;
      p.by = proposal.by;
      p.at = proposal.at;
      ts.proposal = p;
    }
    setStrings(p.approvals, proposal.approvals);
    const objections = proposal.objections;
    const same =
      p.objections.length === objections.length &&
      objections.every(
        (o, i) => p?.objections[i]?.playerId === o.playerId && p.objections[i]?.reason === o.reason,
      );
    if (!same) {
      p.objections.splice(
        0,
        p.objections.length,
        ...objections.map((o) => {
          const state = new ObjectionState();
          state.playerId = o.playerId;
          state.reason = o.reason;
          state.at = o.at;
          return state;
        }),
      );
    }
  }

  /** The current step's last cancelled proposal (team-private), replaced only when it changes. */
  private applyCancelled(ts: TeamState, team: Team): void {
    const work = ts.work;
    const step = team.steps[team.stepIndex];
    const cancelled = step?.cancelled;
    if (!step || !cancelled) {
      if (work.cancelled !== undefined) work.cancelled = undefined;
      return;
    }
    if (work.cancelled?.proposalId === cancelled.proposalId && work.cancelled.stepId === step.stepId) return;
    const c = new CancelledProposalState();
    c.stepId = step.stepId;
    c.proposalId = cancelled.proposalId;
    c.by = cancelled.by;
    c.cancelledBy = cancelled.cancelledBy ?? "";
    c.cause = cancelled.cause;
    c.at = cancelled.at;
    work.cancelled = c;
  }

  private applyWork(ts: TeamState, team: Team): void {
    const work = ts.work;
    // The drafts its viewers see (`seatView`'s, the same whoever looks), as cells: an edit changes
    // the cells it touched (the rules return a new draft object only for a changed draft).
    for (const [stepId, answer] of Object.entries(teamDrafts(team))) {
      const key = `${team.id}:${stepId}`;
      const previous = this.draftCells.get(key);
      if (previous?.answer === answer) continue;
      const cells = draftCells(answer);
      let state = work.drafts.get(stepId);
      if (!state) {
        state = new DraftState();
        work.drafts.set(stepId, state);
      }
      for (const path of previous?.cells.keys() ?? []) if (!cells.has(path)) state.cells.delete(path);
      for (const [path, json] of cells) if (previous?.cells.get(path) !== json) state.cells.set(path, json);
      this.draftCells.set(key, { answer, cells });
    }
    this.appendNew(
      `${team.id}:attempts`,
      this.attemptCounts,
      team,
      (step) => step.attempts,
      (a, step) => {
        const s = new AttemptState();
        s.stepId = step.stepId;
        s.answer = JSON.stringify(a.answer);
        s.rawScore = a.rawScore;
        s.score = a.score;
        s.feedback = JSON.stringify(a.feedback);
        s.proposedBy = a.proposedBy;
        s.at = a.at;
        work.attempts.push(s);
        // Filled once attached: items given to a detached collection's constructor are not patched.
        s.approvedBy.push(...a.approvedBy);
      },
    );
    this.applyEdits(ts, team);
    const reactions = Object.fromEntries(
      team.steps.filter((step) => step.reactions.length > 0).map((step) => [step.stepId, step.reactions]),
    );
    set(work, "reactions", JSON.stringify(reactions));
    const hints = team.steps.flatMap((step, i) => {
      const scenarioStep = this.scenario.steps[i];
      return (scenarioStep?.hints ?? []).slice(0, step.hintsUsed).map((h) => ({ stepId: step.stepId, ...h }));
    });
    for (let i = work.hints.length; i < hints.length; i++) {
      const h = hints[i];
      if (!h) continue;
      const s = new HintState();
      s.stepId = h.stepId;
      s.text = h.text;
      s.cost = h.cost;
      work.hints.push(s);
    }
  }

  /**
   * Appends the edits made since the last call, keeping the last MAX_SYNCED_EDITS: the model keeps
   * only the latest edits of each step and counts them all, so the new ones are the last
   * (count − seen) of its list. At most MAX_SYNCED_EDITS are built, and the array is trimmed with
   * one splice: a restore after 100,000 edits costs the same as after 100.
   */
  private applyEdits(ts: TeamState, team: Team): void {
    const fresh: { edit: EditRecord; stepId: string }[] = [];
    for (const step of team.steps) {
      const key = `${team.id}:${step.stepId}`;
      const total = Object.values(step.editsByPlayer).reduce((sum, n) => sum + n, 0);
      const seen = this.editCounts.get(key) ?? 0;
      this.editCounts.set(key, total);
      if (total <= seen) continue;
      for (const edit of step.edits.slice(-Math.min(total - seen, MAX_SYNCED_EDITS))) {
        fresh.push({ edit, stepId: step.stepId });
      }
    }
    if (fresh.length === 0) return;
    const added = fresh.slice(-MAX_SYNCED_EDITS).map(({ edit, stepId }) => {
      const s = new EditState();
      s.stepId = stepId;
      s.playerId = edit.playerId;
      s.edit = JSON.stringify(edit.edit);
      s.at = edit.at;
      return s;
    });
    const edits = ts.work.edits;
    const overflow = edits.length + added.length - MAX_SYNCED_EDITS;
    if (overflow > 0) edits.splice(0, Math.min(overflow, edits.length));
    edits.push(...added);
  }

  /** Pushes the entries of each step's list not seen yet (lists only grow, per step). */
  private appendNew<E>(
    key: string,
    counts: Map<string, number>,
    team: Team,
    list: (step: TeamStep) => E[],
    push: (entry: E, step: TeamStep) => void,
  ): void {
    team.steps.forEach((step) => {
      const k = `${key}:${step.stepId}`;
      const entries = list(step);
      const seen = counts.get(k) ?? 0;
      // A list that shrank (e.g. a reset) is simply followed from its new length.
      for (let i = Math.min(seen, entries.length); i < entries.length; i++) {
        const e = entries[i];
        if (e !== undefined) push(e, step);
      }
      counts.set(k, entries.length);
    });
  }
}
