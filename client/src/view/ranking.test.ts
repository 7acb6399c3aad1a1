import { describe, expect, it } from "vitest";
import { rankTeams } from "./ranking.ts";
import type { TeamView } from "./state.ts";

const team = (id: string, points: number, rank: number, closed: number): TeamView => ({
  id,
  name: `Équipe ${id}`,
  memberIds: [],
  stepIndex: 0,
  points,
  solved: 0,
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
});
