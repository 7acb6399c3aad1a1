import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFiles } from "./files.ts";
import { playtest, solutionEdits } from "./playtest.ts";
import { Scenario } from "./schema.ts";

const fixtures = join(import.meta.dirname, "fixtures");

/** Structure only (zod): the playtest must also cope with what the meaning pass would refuse. */
function fixture(name: string, edit: (text: string) => string = (text) => text): Scenario {
  return Scenario.parse(JSON.parse(edit(readFileSync(join(fixtures, name), "utf8"))));
}

describe("playtest", () => {
  it("finds every step of the valid fixture solvable, with hints costing what they say", () => {
    const report = playtest(fixture("valid.json"), { teams: 8, seed: 7 });
    expect(report.solvable).toBe(true);
    expect(report.teams).toBe(8);
    const licence = report.steps[0];
    expect(licence?.scores.solution).toMatchObject({ min: 1, max: 1, mean: 1 });
    expect(licence?.scores.indices.mean).toBeCloseTo(0.75);
    expect(licence?.hints).toEqual({ count: 1, totalCost: 0.25 });
    for (const step of report.steps) {
      expect(step.scores.hasard.min).toBeGreaterThanOrEqual(0);
      expect(step.scores.hasard.max).toBeLessThanOrEqual(1);
      expect(step.scores.hasard.histogram.reduce((a, b) => a + b, 0)).toBe(8);
      expect(step.estimatedSeconds).toBeGreaterThan(0);
    }
  });

  it("is deterministic for a seed", () => {
    const scenario = fixture("valid.json");
    expect(playtest(scenario, { teams: 4, seed: 11 })).toEqual(playtest(scenario, { teams: 4, seed: 11 }));
  });

  it("plays the table solution as column operations and row removals", () => {
    const step = fixture("valid.json").steps[4];
    if (!step) throw new Error("no table step");
    expect(solutionEdits(step).edits).toEqual([
      { op: "set-row-removed", rowId: "r3", removed: true },
      // « Collège  A » (two spaces): a defect the score sees, so the trim is played.
      { op: "apply-operation", operation: "trim", columnId: "nom" },
      { op: "apply-operation", operation: "strip-unit", columnId: "surface" },
      { op: "apply-operation", operation: "decimal-point", columnId: "surface" },
      { op: "apply-operation", operation: "pad-zeros", columnId: "insee" },
    ]);
  });

  it("reports a step whose solution cannot be reached as unsolvable", () => {
    const scenario = fixture("unsolvable-table.json");
    const report = playtest(scenario, { teams: 3 });
    expect(report.solvable).toBe(false);
    expect(report.steps.filter((step) => !step.solvable).map((step) => [step.id, step.problem])).toEqual([
      ["nettoyage", "cellules impossibles à obtenir avec les opérations proposées : r1:surface"],
    ]);
  });

  it("reports a solution edit the rules refuse (row removal not offered)", () => {
    const scenario = fixture("valid.json", (text) => text.replace(', "remove-row"]', "]"));
    const step = playtest(scenario, { teams: 2 }).steps[4];
    expect(step?.solvable).toBe(false);
    expect(step?.problem).toBe(
      "coups de la solution refusés par les règles : set-row-removed (invalid-edit)",
    );
  });

  it("playtests every scenario of the repository: all steps solvable", () => {
    const loaded = loadScenarioFiles();
    expect(loaded.scenarios.length).toBeGreaterThan(0);
    for (const { scenario } of loaded.scenarios) {
      const report = playtest(scenario, { teams: 4 });
      expect(
        report.steps
          .filter((step) => !step.solvable)
          .map((step) => `${scenario.id}/${step.id}: ${step.problem}`),
      ).toEqual([]);
    }
  });
});

describe("the playtest's chance estimate (issue 14: 45 % said, 25 % measured over 200 teams)", () => {
  it("agrees, by default, with simulations of 200 teams on other draws", () => {
    // A single-answer question with four options: a random team is right one time in four.
    const scenario = fixture("valid.json", (text) => {
      const value = JSON.parse(text);
      value.steps[0].puzzle.multiple = false;
      value.steps[0].puzzle.options = ["a", "b", "c", "d"].map((id) => ({ id, label: `Option ${id}` }));
      value.steps[0].solution = { correct: ["a"] };
      value.steps = value.steps.slice(0, 1);
      delete value.shortRoute;
      return JSON.stringify(value);
    });
    const chance = (seed?: number) => {
      const report = seed === undefined ? playtest(scenario) : playtest(scenario, { teams: 200, seed });
      const hasard = report.steps[0]?.scores.hasard;
      return (hasard?.histogram[5] ?? 0) / report.teams;
    };
    const estimate = chance();
    // Two runs of 200 differ by about 4 points (one standard deviation); 20 teams could be 20 off.
    for (const seed of [2, 3]) expect(Math.abs(estimate - chance(seed)), `seed ${seed}`).toBeLessThan(0.1);
    expect(Math.abs(estimate - 0.25)).toBeLessThan(0.08);
  });
});
