import { describe, expect, it } from "vitest";
import type { SessionModel } from "./model.ts";
import { joinPlayer, setConnected } from "./players.ts";
import {
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
import { fixtureScenario as scenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";
import { remainingMs } from "./timers.ts";

describe("createSession", () => {
  it("starts in the lobby with fixed teams, each holding one entry per step", () => {
    const model = createSession(
      scenario,
      { ...defaultOptions("facilitator"), teamCount: 3 },
      { now: T0, seed: 1 },
    );
    expect(model.phase).toBe("lobby");
    expect(model.teams.map((team) => [team.id, team.name])).toEqual([
      ["equipe-1", "Équipe 1"],
      ["equipe-2", "Équipe 2"],
      ["equipe-3", "Équipe 3"],
    ]);
    expect(model.teams[0]?.steps.map((step) => step.stepId)).toEqual(scenario.steps.map((step) => step.id));
    expect(model.teams[0]?.steps.every((step) => step.startedAt === null && !step.closed)).toBe(true);
  });
  it("creates no team up front with auto team count", () => {
    expect(createSession(scenario, defaultOptions("team"), { now: T0, seed: 1 }).teams).toEqual([]);
  });
});

describe("startSession", () => {
  it("drops empty teams, opens step 0 with the connected members and starts the step timer", () => {
    let lobby = createSession(
      scenario,
      { ...defaultOptions("facilitator"), teamCount: 3, teamSize: 2 },
      { now: T0, seed: 1 },
    );
    lobby = must(joinPlayer(lobby, scenario, { playerId: "a", name: "Ana", now: T0 }));
    lobby = must(joinPlayer(lobby, scenario, { playerId: "b", name: "Bob", now: T0 }));
    lobby = must(setConnected(lobby, "b", false, T0));
    const model = must(startSession(lobby, scenario, T0 + 5));
    expect(model.phase).toBe("playing");
    expect(model.teams).toHaveLength(2);
    for (const team of model.teams) {
      expect(team.steps[0]?.startedAt).toBe(T0 + 5);
      expect(team.steps[0]?.participants).toEqual(team.memberIds.filter((id) => id === "a"));
    }
    expect(model.timer).toEqual({ durationMs: 120_000, endsAt: T0 + 5 + 120_000, remainingMs: null });
  });
  it("uses the session step time when set, and the global timer in team pace", () => {
    expect(sessionWith(scenario, ["Ana"], { stepTimeSeconds: 60 }).timer?.durationMs).toBe(60_000);
    expect(sessionWith(scenario, ["Ana"], { pace: "team", sessionTimeSeconds: 900 }).timer?.durationMs).toBe(
      900_000,
    );
    expect(sessionWith(scenario, ["Ana"], { pace: "team", sessionTimeSeconds: null }).timer).toBeNull();
  });
  it("refuses without players and outside the lobby", () => {
    const empty = createSession(scenario, defaultOptions("facilitator"), { now: T0, seed: 1 });
    expect(startSession(empty, scenario, T0)).toEqual({ ok: false, reason: "no-players" });
    expect(startSession(sessionWith(scenario, ["Ana"]), scenario, T0)).toMatchObject({
      reason: "wrong-phase",
    });
  });
  it("auto team count: evens out team sizes at start (5 players, size 4 → 3 + 2), roles covered", () => {
    const lobby = sessionWith(scenario, ["A", "B", "C", "D", "E"], { teamSize: 4 }, false);
    expect(lobby.teams.map((team) => team.memberIds.length)).toEqual([4, 1]);
    const model = must(startSession(lobby, scenario, T0));
    expect(model.teams.map((team) => team.memberIds)).toEqual([
      ["p1", "p2", "p3"],
      ["p5", "p4"],
    ]);
    for (const team of model.teams) {
      expect(new Set(team.memberIds.map((id) => model.players[id]?.roleId))).toEqual(
        new Set(["juriste", "producteur"]),
      );
      expect(team.steps[0]?.participants).toEqual(team.memberIds);
    }
    const fixed = sessionWith(scenario, ["A", "B", "C"], { teamCount: 3, teamSize: 4 }, false);
    expect(must(startSession(fixed, scenario, T0)).teams).toHaveLength(3);
  });

  it("locks the session when lockAfterStart", () => {
    expect(sessionWith(scenario, ["Ana"], { lockAfterStart: true }).locked).toBe(true);
    expect(sessionWith(scenario, ["Ana"]).locked).toBe(false);
  });
});

describe("pause, resume, addTime", () => {
  it("freezes and restores the timer", () => {
    const playing = sessionWith(scenario, ["Ana"]);
    const paused = must(pauseSession(playing, T0 + 20_000));
    expect(paused.phase).toBe("paused");
    expect(paused.timer).toEqual({ durationMs: 120_000, endsAt: null, remainingMs: 100_000 });
    expect(tick(paused, scenario, T0 + 500_000).expired).toBe(false);
    const resumed = must(resumeSession(paused, T0 + 300_000));
    expect(resumed.phase).toBe("playing");
    expect(resumed.timer?.endsAt).toBe(T0 + 400_000);
    expect(pauseSession(paused, T0)).toMatchObject({ ok: false, reason: "wrong-phase" });
    expect(resumeSession(playing, T0)).toMatchObject({ ok: false, reason: "wrong-phase" });
  });
  it("adds and removes time, never below zero", () => {
    const playing = sessionWith(scenario, ["Ana"]);
    const more = must(addTime(playing, 30, T0));
    expect(more.timer && remainingMs(more.timer, T0)).toBe(150_000);
    const less = must(addTime(playing, -600, T0));
    expect(less.timer && remainingMs(less.timer, T0)).toBe(0);
    const paused = must(addTime(must(pauseSession(playing, T0)), 10, T0));
    expect(paused.timer?.remainingMs).toBe(130_000);
    expect(addTime(sessionWith(scenario, ["Ana"], {}, false), 10, T0)).toMatchObject({ ok: false });
  });
});

describe("tick", () => {
  it("facilitator pace: closes the current step for every team when time runs out, once", () => {
    const playing = sessionWith(scenario, ["Ana", "Bob", "Chloé", "Dan", "Eve"], { teamSize: 2 });
    expect(tick(playing, scenario, T0 + 119_999)).toEqual({ model: playing, expired: false });
    const { model, expired } = tick(playing, scenario, T0 + 120_000);
    expect(expired).toBe(true);
    expect(model.phase).toBe("playing");
    expect(model.teams.every((team) => team.steps[0]?.closed && team.steps[0].score === 0)).toBe(true);
    expect(model.teams.every((team) => !team.steps[0]?.revealed)).toBe(true);
    expect(tick(model, scenario, T0 + 200_000).expired).toBe(false);
  });
  it("team pace: the global timer sends the session to the debrief", () => {
    const playing = sessionWith(scenario, ["Ana"], { pace: "team", sessionTimeSeconds: 600 });
    const { model, expired } = tick(playing, scenario, T0 + 600_000);
    expect(expired).toBe(true);
    expect(model.phase).toBe("debrief");
    expect(model.teams[0]?.steps[0]).toMatchObject({ closed: true, revealed: true, score: 0 });
  });
});

describe("lock and end", () => {
  it("locks and unlocks; ends from any phase, closing open steps", () => {
    const playing = sessionWith(scenario, ["Ana"]);
    expect(must(lockSession(playing, true)).locked).toBe(true);
    const ended: SessionModel = must(endSession(playing, T0 + 9));
    expect(ended).toMatchObject({ phase: "ended", endedAt: T0 + 9, timer: null });
    expect(ended.teams[0]?.steps[0]).toMatchObject({ closed: true, score: 0 });
    expect(endSession(ended, T0)).toMatchObject({ ok: false, reason: "wrong-phase" });
    expect(lockSession(ended, false)).toMatchObject({ ok: false, reason: "wrong-phase" });
  });
});
