import { describe, expect, it } from "vitest";
import {
  approvalsNeeded,
  attemptsOf,
  draftOf,
  privateMaterialsOf,
  readGame,
  remainingMs,
  stepIndexOf,
  teamOf,
} from "./state.ts";

const raw = {
  code: "K7QX3M",
  phase: "playing",
  currentStep: 1,
  options: { pace: "facilitator" },
  players: {
    p1: {
      id: "p1",
      name: "Ana",
      teamId: "t1",
      roleId: "juriste",
      connected: true,
      privateMaterials: JSON.stringify({ s1: [{ kind: "text", id: "m", title: "M", body: "B" }] }),
    },
    p2: { id: "p2", name: "Bo", teamId: "", roleId: "", connected: false },
  },
  teams: [
    {
      id: "t1",
      name: "Équipe 1",
      memberIds: ["p1"],
      stepIndex: 1,
      steps: [],
      work: {
        drafts: { s1: JSON.stringify({ type: "choice", selected: ["a"] }), s2: "{broken" },
        attempts: [
          {
            stepId: "s1",
            answer: "{}",
            rawScore: 1,
            score: 0.9,
            feedback: JSON.stringify([{ id: "a", correct: true }]),
            proposedBy: "p1",
            approvedBy: ["p1"],
            at: 1,
          },
        ],
      },
    },
  ],
};

describe("state readers", () => {
  const game = readGame(raw);

  it("finds a player's team and step", () => {
    expect(teamOf(game, "p1")?.name).toBe("Équipe 1");
    expect(teamOf(game, "p2")).toBeNull();
    expect(stepIndexOf(game, teamOf(game, "p1"))).toBe(1);
  });

  it("parses drafts and tolerates broken JSON", () => {
    const team = teamOf(game, "p1");
    expect(draftOf(team, "s1")).toEqual({ type: "choice", selected: ["a"] });
    expect(draftOf(team, "s2")).toBeNull();
    expect(draftOf(team, "missing")).toBeNull();
  });

  it("parses attempts with their feedback", () => {
    expect(attemptsOf(teamOf(game, "p1"), "s1")[0]?.feedback).toEqual([{ id: "a", correct: true }]);
  });

  it("reads private materials per step", () => {
    expect(privateMaterialsOf(game.players.p1, "s1").map((m) => m.id)).toEqual(["m"]);
    expect(privateMaterialsOf(game.players.p1, "s2")).toEqual([]);
    expect(privateMaterialsOf(game.players.p2, "s1")).toEqual([]);
  });

  it("computes remaining time from the server clock offset", () => {
    const timer = { active: true, durationMs: 60_000, endsAt: 100_000, remainingMs: 0 };
    expect(remainingMs(timer, 5_000, 80_000)).toBe(15_000);
    expect(remainingMs({ ...timer, endsAt: 0, remainingMs: 42_000 }, 0, 0)).toBe(42_000);
    expect(remainingMs({ ...timer, active: false }, 0, 0)).toBeNull();
    expect(remainingMs(timer, 0, 200_000)).toBe(0);
  });

  it("counts approvals needed per rule", () => {
    expect(approvalsNeeded("any", 4)).toBe(1);
    expect(approvalsNeeded("majority", 4)).toBe(3);
    expect(approvalsNeeded("majority", 3)).toBe(2);
    expect(approvalsNeeded("unanimous", 3)).toBe(3);
  });
});
