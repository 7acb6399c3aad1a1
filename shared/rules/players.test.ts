import { describe, expect, it } from "vitest";
import { chooseTeam, joinPlayer, kickPlayer, movePlayer, removePlayer, setConnected } from "./players.ts";
import { createSession, defaultOptions, lockSession } from "./session.ts";
import { nextStep, revealStep } from "./steps.ts";
import { fixtureScenario as scenario, tinyScenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

const lobby = (options = {}) =>
  createSession(scenario, { ...defaultOptions("facilitator"), ...options }, { now: T0, seed: 3 });

describe("joinPlayer", () => {
  it("seats a player with a cleaned name, a team and a role", () => {
    const model = must(joinPlayer(lobby(), scenario, { playerId: "a", name: "  Ana   Lopez ", now: T0 }));
    expect(model.extra.player).toEqual({
      id: "a",
      name: "Ana Lopez",
      teamId: "equipe-1",
      roleId: "juriste",
      connected: true,
      joinedAt: T0,
      kicked: false,
    });
    expect(model.teams[0]?.memberIds).toEqual(["a"]);
  });

  it("refuses empty or too long names, and names taken (case, accents, spaces)", () => {
    const one = must(joinPlayer(lobby(), scenario, { playerId: "a", name: "Chloé", now: T0 }));
    expect(joinPlayer(one, scenario, { playerId: "b", name: "   ", now: T0 })).toEqual({
      ok: false,
      reason: "name-invalid",
    });
    expect(joinPlayer(one, scenario, { playerId: "b", name: "x".repeat(41), now: T0 })).toMatchObject({
      reason: "name-invalid",
    });
    expect(joinPlayer(one, scenario, { playerId: "b", name: " CHLOE ", now: T0 })).toMatchObject({
      reason: "name-taken",
    });
  });

  it("auto team count: fills teams up to the size, then opens a new one", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 2 }, false);
    expect(model.teams.map((team) => team.memberIds)).toEqual([["p1", "p2"], ["p3"]]);
  });

  it("fixed team count: balances (fewest members first) and refuses when all are full", () => {
    const model = sessionWith(scenario, ["A", "B", "C", "D"], { teamCount: 2, teamSize: 2 }, false);
    expect(model.teams.map((team) => team.memberIds.length)).toEqual([2, 2]);
    expect(joinPlayer(model, scenario, { playerId: "e", name: "E", now: T0 })).toMatchObject({
      reason: "session-full",
    });
  });

  it("distributes roles round-robin inside a team so that a full team covers them all", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 4 }, false);
    expect(["p1", "p2", "p3"].map((id) => model.players[id]?.roleId)).toEqual([
      "juriste",
      "producteur",
      "juriste",
    ]);
    expect(sessionWith(tinyScenario, ["A"], {}, false).players.p1?.roleId).toBeNull();
  });

  it("honours a chosen team only when players choose, with unknown and full teams refused", () => {
    const choosing = lobby({ teamCount: 2, teamSize: 1, playersChooseTeam: true });
    const seated = must(
      joinPlayer(choosing, scenario, { playerId: "a", name: "A", teamId: "equipe-2", now: T0 }),
    );
    expect(seated.players.a?.teamId).toBe("equipe-2");
    expect(
      joinPlayer(seated, scenario, { playerId: "b", name: "B", teamId: "equipe-2", now: T0 }),
    ).toMatchObject({
      reason: "team-full",
    });
    expect(
      joinPlayer(seated, scenario, { playerId: "b", name: "B", teamId: "equipe-9", now: T0 }),
    ).toMatchObject({
      reason: "unknown-team",
    });
    const imposed = lobby({ teamCount: 2 });
    const asked = must(
      joinPlayer(imposed, scenario, { playerId: "a", name: "A", teamId: "equipe-2", now: T0 }),
    );
    const notAsked = must(joinPlayer(imposed, scenario, { playerId: "a", name: "A", now: T0 }));
    expect(asked).toEqual(notAsked);
    const other = imposed.teams.map((team) => team.id).find((id) => id !== notAsked.players.a?.teamId) ?? "";
    expect(
      must(joinPlayer(imposed, scenario, { playerId: "a", name: "A", teamId: other, now: T0 })).players.a
        ?.teamId,
    ).not.toBe(other);
  });

  it("refuses when locked or over; reconnects a known id; refuses a kicked id", () => {
    const playing = sessionWith(scenario, ["A"], { lockAfterStart: true });
    expect(joinPlayer(playing, scenario, { playerId: "z", name: "Z", now: T0 })).toMatchObject({
      reason: "session-locked",
    });
    const away = must(setConnected(playing, "p1", false, T0));
    expect(
      must(joinPlayer(away, scenario, { playerId: "p1", name: "ignored", now: T0 })).players.p1?.connected,
    ).toBe(true);
    const kicked = must(kickPlayer(playing, "p1", scenario));
    expect(joinPlayer(kicked, scenario, { playerId: "p1", name: "A", now: T0 })).toEqual({
      ok: false,
      reason: "kicked",
    });
  });

  it("a player joining during play becomes a participant of the current step", () => {
    const playing = sessionWith(scenario, ["A"]);
    const joined = must(joinPlayer(playing, scenario, { playerId: "late", name: "Late", now: T0 + 1 }));
    expect(joined.teams[0]?.steps[0]?.participants).toEqual(["p1", "late"]);
  });

  it("a team created during play (auto) opens the current step", () => {
    const playing = sessionWith(scenario, ["A"], { teamSize: 1 });
    const joined = must(joinPlayer(playing, scenario, { playerId: "late", name: "Late", now: T0 + 1 }));
    expect(joined.teams[1]).toMatchObject({ memberIds: ["late"], stepIndex: 0 });
    expect(joined.teams[1]?.steps[0]).toMatchObject({ startedAt: T0 + 1, participants: ["late"] });
  });

  it("a team created after the facilitator revealed the current step finds it revealed, and next works", () => {
    const playing = sessionWith(scenario, ["A"], { teamSize: 1 });
    const revealed = must(revealStep(playing, scenario, T0 + 1));
    const joined = must(joinPlayer(revealed, scenario, { playerId: "late", name: "Late", now: T0 + 2 }));
    expect(joined.teams[1]?.steps[0]).toMatchObject({ closed: true, revealed: true, score: 0 });
    const next = must(nextStep(joined, scenario, T0 + 3));
    expect(next.currentStep).toBe(1);
  });
});

describe("leaving, kicking, moving", () => {
  it("removePlayer forgets a lobby player and re-covers roles; refused during play", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 4 }, false);
    const removed = must(removePlayer(model, "p1", scenario));
    expect(removed.players.p1).toBeUndefined();
    expect(removed.teams[0]?.memberIds).toEqual(["p2", "p3"]);
    expect(new Set(["p2", "p3"].map((id) => removed.players[id]?.roleId))).toEqual(
      new Set(["juriste", "producteur"]),
    );
    expect(removePlayer(sessionWith(scenario, ["A"]), "p1")).toMatchObject({ reason: "wrong-phase" });
    expect(removePlayer(model, "nobody")).toMatchObject({ reason: "unknown-player" });
  });

  it("kickPlayer takes the player out of the team and of a pending proposal", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 4 });
    const kicked = must(kickPlayer(model, "p2", scenario));
    expect(kicked.players.p2).toMatchObject({ kicked: true, connected: false, teamId: null });
    expect(kicked.teams[0]?.memberIds).toEqual(["p1", "p3"]);
    expect(kickPlayer(kicked, "p2")).toMatchObject({ reason: "unknown-player" });
  });

  it("movePlayer changes team, re-covers roles in both; refuses unknown or full team", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 2 });
    const moved = must(movePlayer(model, scenario, "p1", "equipe-2"));
    expect(moved.teams.map((team) => team.memberIds)).toEqual([["p2"], ["p3", "p1"]]);
    expect(moved.players.p1?.teamId).toBe("equipe-2");
    expect(moved.players.p2?.roleId).toBe("producteur");
    expect(new Set(["p3", "p1"].map((id) => moved.players[id]?.roleId))).toEqual(
      new Set(["juriste", "producteur"]),
    );
    expect(moved.teams[1]?.steps[0]?.participants).toContain("p1");
    expect(movePlayer(moved, scenario, "p2", "equipe-2")).toMatchObject({ reason: "team-full" });
    expect(movePlayer(moved, scenario, "p2", "equipe-7")).toMatchObject({ reason: "unknown-team" });
  });

  it("chooseTeam: lobby only and only when allowed", () => {
    const choosing = sessionWith(scenario, ["A", "B"], { teamCount: 2, playersChooseTeam: true }, false);
    expect(must(chooseTeam(choosing, scenario, "p1", "equipe-2")).players.p1?.teamId).toBe("equipe-2");
    const imposed = sessionWith(scenario, ["A", "B"], { teamCount: 2 }, false);
    expect(chooseTeam(imposed, scenario, "p1", "equipe-2")).toMatchObject({ reason: "invalid-option" });
    const started = sessionWith(scenario, ["A", "B"], { teamCount: 2, playersChooseTeam: true });
    expect(chooseTeam(started, scenario, "p1", "equipe-2")).toMatchObject({ reason: "wrong-phase" });
  });

  it("setConnected refuses unknown players", () => {
    expect(setConnected(sessionWith(scenario, ["A"]), "zz", false, T0)).toMatchObject({
      reason: "unknown-player",
    });
  });
});

describe("names: normalised, visible characters only, compared by a confusable-folded key", () => {
  const withAna = () => must(joinPlayer(lobby(), scenario, { playerId: "a", name: "Ana", now: T0 }));
  const join = (name: string) => joinPlayer(withAna(), scenario, { playerId: "b", name, now: T0 });

  it("refuses look-alikes of a name taken (Cyrillic or Greek letters, full-width forms)", () => {
    for (const name of ["\u0410na", "\u0391na", "\uFF21\uFF4E\uFF41", "ANA", "Ána"]) {
      expect(join(name), name).toMatchObject({ ok: false, reason: "name-taken" });
    }
    expect(must(join("Anaïs")).players.b?.name).toBe("Anaïs");
  });

  it("refuses control and invisible characters: NUL, zero-width, bidi overrides, lone surrogates, fillers", () => {
    for (const name of [
      "Bo\u0000b",
      "Bo\u200Bb",
      "\u200B",
      "Bob\u202E",
      "Bo\uD800b",
      "\u3164",
      "Bob\uFEFF",
    ]) {
      expect(join(name), JSON.stringify(name)).toEqual({ ok: false, reason: "name-invalid" });
    }
  });

  it("stores the NFKC form with whitespace collapsed (tabs and no-break spaces included)", () => {
    expect(must(join("\uFF22ob\u00A0\tLe\uFB01")).players.b?.name).toBe("Bob Lefi");
  });
});

describe("chooseTeam while locked", () => {
  it("is refused with session-locked", () => {
    const model = must(
      joinPlayer(lobby({ playersChooseTeam: true, teamCount: 2 }), scenario, {
        playerId: "a",
        name: "Ana",
        now: T0,
      }),
    );
    const locked = must(lockSession(model, true));
    expect(chooseTeam(locked, scenario, "a", "equipe-2")).toEqual({ ok: false, reason: "session-locked" });
    expect(chooseTeam(model, scenario, "a", "equipe-2").ok).toBe(true);
  });
});
