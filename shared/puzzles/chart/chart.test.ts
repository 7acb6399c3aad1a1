import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonPath } from "../../scenario/json-source.ts";
import { chartSeries } from "./aggregate.ts";
import { chart } from "./index.ts";
import { ChartPuzzle, ChartSolution } from "./schema.ts";

const puzzle = ChartPuzzle.parse({
  dataset: {
    title: "Budget",
    columns: [
      { id: "annee", label: "Année", kind: "text" },
      { id: "fonction", label: "Fonction", kind: "text" },
      { id: "montant", label: "Montant", kind: "number" },
    ],
    rows: [
      ["2023", "Routes", 10],
      ["2023", "Social", 40],
      ["2024", "Routes", 14],
      ["2024", "Social", 44],
      ["2024", "Culture", 3],
    ],
  },
});
const solution = ChartSolution.parse({
  chart: ["bar", "pie"],
  x: ["fonction"],
  y: ["montant"],
  aggregate: ["sum"],
  sort: ["value-desc"],
});
const choices = { x: "fonction", y: "montant", aggregate: "sum", sort: "value-desc" } as const;

function findings(p: unknown, s: unknown) {
  const found: { severity: string; code: string; path: string; message: string }[] = [];
  chart.check(
    { puzzle: ChartPuzzle.parse(p), solution: ChartSolution.parse(s) },
    ["steps", 0],
    (severity, code, path: JsonPath, message) =>
      found.push({ severity, code, path: path.join("."), message }),
  );
  return found;
}

describe("chart aggregation", () => {
  it("folds the rows of each category with the chosen aggregation, then sorts", () => {
    expect(chartSeries(puzzle.dataset, choices)).toEqual([
      { label: "Social", value: 84 },
      { label: "Routes", value: 24 },
      { label: "Culture", value: 3 },
    ]);
    expect(chartSeries(puzzle.dataset, { ...choices, aggregate: "mean", sort: "label" })).toEqual([
      { label: "Culture", value: 3 },
      { label: "Routes", value: 12 },
      { label: "Social", value: 42 },
    ]);
    expect(chartSeries(puzzle.dataset, { x: "annee", y: null, aggregate: "count", sort: "none" })).toEqual([
      { label: "2023", value: 2 },
      { label: "2024", value: 3 },
    ]);
    expect(
      chartSeries(puzzle.dataset, { ...choices, aggregate: "max", sort: "value-asc" })?.map((p) => p.value),
    ).toEqual([3, 14, 44]);
  });

  it("draws nothing while a needed choice is missing or does not fit the column", () => {
    expect(chartSeries(puzzle.dataset, { ...choices, x: null })).toBeNull();
    expect(chartSeries(puzzle.dataset, { ...choices, y: null })).toBeNull();
    expect(chartSeries(puzzle.dataset, { ...choices, x: "montant" })).toBeNull();
    expect(chartSeries(puzzle.dataset, { ...choices, y: "fonction" })).toBeNull();
  });
});

describe("chart scoring", () => {
  it("accepts any of the declared answers and scores each choice made", () => {
    const blank = chart.blankDraft(chart.publicPuzzle(puzzle, solution, 1));
    const pie = { ...blank, chart: "pie" as const, ...choices };
    expect(chart.score(puzzle, solution, pie).score).toBe(1);
    const wrong = { ...pie, chart: "line" as const, aggregate: "mean" as const };
    const result = chart.score(puzzle, solution, wrong);
    expect(result.score).toBeCloseTo(3 / 5);
    expect(result.items).toEqual([
      { id: "chart", correct: false },
      { id: "x", correct: true },
      { id: "y", correct: true },
      { id: "aggregate", correct: false },
      { id: "sort", correct: true },
    ]);
    expect(chart.score(puzzle, solution, { ...blank, x: "fonction" })).toEqual({
      score: 1 / 5,
      items: [{ id: "x", correct: true }],
    });
  });

  it("refuses an edit with a value the puzzle does not offer for that choice", () => {
    const blank = chart.blankDraft(puzzle);
    expect(chart.applyEdit(puzzle, blank, { op: "chart-set", choice: "x", value: "montant" })).toBeNull();
    expect(chart.applyEdit(puzzle, blank, { op: "chart-set", choice: "y", value: "montant" })?.y).toBe(
      "montant",
    );
    expect(chart.applyEdit(puzzle, blank, { op: "chart-set", choice: "chart", value: "scatter" })).toBeNull();
  });
});

describe("chart meaning checks", () => {
  it("finds no problem in a sound step", () => {
    expect(findings(puzzle, solution)).toEqual([]);
  });

  it("flags rows of the wrong shape or type, answers not offered, a missing value column", () => {
    const bad = structuredClone(puzzle);
    bad.dataset.rows.push(["2024", "Routes"], ["2024", "Social", "44"]);
    const found = findings(bad, { chart: ["bar"], x: ["montant"], y: ["annee"], aggregate: ["sum"] });
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ["tableau-irregulier", "steps.0.puzzle.dataset.rows.5"],
      ["type-incorrect", "steps.0.puzzle.dataset.rows.6.2"],
      ["reference-inconnue", "steps.0.solution.x.0"],
      ["reference-inconnue", "steps.0.solution.y.0"],
    ]);
    expect(findings(puzzle, { chart: ["bar"], x: ["fonction"], aggregate: ["sum", "count"] })).toMatchObject([
      { code: "solution-impossible", path: "steps.0.solution.y" },
    ]);
  });

  it("warns when an accepted pie would have too many parts", () => {
    const many = structuredClone(puzzle);
    for (const name of ["A", "B", "C", "D", "E"]) many.dataset.rows.push(["2024", name, 1]);
    expect(findings(many, solution)).toMatchObject([{ severity: "warning", code: "valeur-hors-limites" }]);
  });
});

describe("chart judge variant (find what is misleading)", () => {
  const guide = readFileSync(new URL("../../../docs/guide-scenarios.md", import.meta.url), "utf8");
  const block = guide.split("<!-- chart-judge-example -->")[1]?.split("```json")[1]?.split("```")[0] ?? "";
  const step = JSON.parse(block) as { puzzle: unknown; solution: unknown };
  const judgePuzzle = ChartPuzzle.parse(step.puzzle);
  const judgeSolution = ChartSolution.parse(step.solution);

  it("the guide's example is valid, without finding, and its solution scores 1", () => {
    expect(findings(step.puzzle, step.solution)).toEqual([]);
    expect(
      chart.score(judgePuzzle, judgeSolution, chart.solutionDraft(judgePuzzle, judgeSolution)).score,
    ).toBe(1);
  });

  it("scores real flaws flagged minus false ones, with feedback per flagged flaw only", () => {
    const blank = chart.blankDraft(chart.publicPuzzle(judgePuzzle, judgeSolution, 1));
    const one = { ...blank, flags: ["axe-tronque"] };
    expect(chart.score(judgePuzzle, judgeSolution, one)).toEqual({
      score: 1 / 2,
      items: [{ id: "axe-tronque", correct: true }],
    });
    const all = { ...blank, flags: ["axe-tronque", "sans-source", "mauvais-type"] };
    expect(chart.score(judgePuzzle, judgeSolution, all).score).toBe(1 / 2);
    expect(chart.score(judgePuzzle, judgeSolution, { ...blank, flags: ["mauvais-type"] }).score).toBe(0);
  });

  it("toggles flags of known flaws only, and refuses building in a judge step", () => {
    const blank = chart.blankDraft(judgePuzzle);
    const flagged = chart.applyEdit(judgePuzzle, blank, { op: "chart-flag", flawId: "sans-source" });
    expect(flagged?.flags).toEqual(["sans-source"]);
    expect(
      flagged && chart.applyEdit(judgePuzzle, flagged, { op: "chart-flag", flawId: "sans-source" })?.flags,
    ).toEqual([]);
    expect(chart.applyEdit(judgePuzzle, blank, { op: "chart-flag", flawId: "inconnu" })).toBeNull();
    expect(
      chart.applyEdit(judgePuzzle, blank, { op: "chart-set", choice: "chart", value: "bar" }),
    ).toBeNull();
    expect(chart.applyEdit(puzzle, blank, { op: "chart-flag", flawId: "sans-source" })).toBeNull();
  });

  it("flags a judge solution that builds, an unknown flaw, a shown chart off the data, only real flaws", () => {
    const bad = structuredClone(step.puzzle) as { judge: { shown: { x: string } } };
    bad.judge.shown.x = "demandes";
    expect(
      findings(bad, { chart: ["bar"], flaws: ["axe-tronque", "inexistant"] }).map((f) => [f.code, f.path]),
    ).toEqual([
      ["reference-inconnue", "steps.0.puzzle.judge.shown.x"],
      ["solution-impossible", "steps.0.solution"],
      ["reference-inconnue", "steps.0.solution.flaws.1"],
    ]);
    expect(findings(step.puzzle, { flaws: ["axe-tronque", "sans-source", "mauvais-type"] })).toMatchObject([
      { severity: "warning", code: "solution-triviale" },
    ]);
    expect(findings(puzzle, { flaws: ["x"] }).map((f) => f.code)).toEqual([
      "champ-manquant",
      "champ-manquant",
      "champ-manquant",
      "solution-impossible",
    ]);
  });
});
