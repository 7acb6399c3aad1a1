import { describe, expect, it } from "vitest";
import { compareRanking } from "../../../shared/rules/results.ts";
import { rankTeams } from "./ranking.ts";
import type { TeamView } from "./state.ts";

const team = (
  id: string,
  points: number,
  rank: number,
  closed: number,
  solved = 0,
  name = `Équipe ${id}`,
): TeamView => ({
  id,
  name,
  memberIds: [],
  stepIndex: 0,
  points,
  solved,
  rank,
  finished: false,
  steps: Array.from({ length: 3 }, (_, i) => ({
    stepId: `s${i}`,
    status: i < closed ? "closed" : "open",
    revealed: false,
    score: -1,
    attempts: 0,
    hintsUsed: 0,
  })),
});

describe("rankTeams", () => {
  it("orders by points, rounds them and counts closed steps", () => {
    const ranked = rankTeams([team("a", 1.333333, 2, 1), team("b", 2.5, 1, 3)]);
    expect(ranked.map((r) => r.id)).toEqual(["b", "a"]);
    expect(ranked[1]).toMatchObject({ points: 1.33, closedSteps: 1 });
  });

  it("orders teams as the rules rank them: on equal points, more solved steps first, then names in French order", () => {
    const teams = [
      team("a", 2, 1, 2, 1, "Équipe Alpha"),
      team("b", 2, 1, 2, 2, "Équipe Bravo"),
      team("c", 1, 3, 1, 0, "Équipe éléphant"),
      team("d", 1, 3, 1, 0, "Équipe Émeu"),
    ];
    expect(rankTeams(teams).map((r) => r.id)).toEqual([...teams].sort(compareRanking).map((t) => t.id));
    expect(rankTeams(teams).map((r) => r.id)).toEqual(["b", "a", "c", "d"]);
  });
});
