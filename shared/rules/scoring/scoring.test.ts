import { describe, expect, it } from "vitest";
import type { FieldRule } from "../../puzzles/form/schema.ts";
import type { TableDraft as TableAnswer } from "../../puzzles/table/schema.ts";
import { emptyAnswer, solutionAnswer } from "../drafts.ts";
import { fixtureScenario, fixtureStep } from "../test-fixtures.ts";
import { checkField, scoreAnswer } from "./index.ts";

describe("scoreAnswer", () => {
  it.each(fixtureScenario.steps.map((step) => [step.id, step] as const))(
    "scores the solution of %s at 1 and its empty draft below 1",
    (_id, step) => {
      expect(scoreAnswer(step, solutionAnswer(step)).score).toBe(1);
      expect(scoreAnswer(step, emptyAnswer(step, 42)).score).toBeLessThan(1);
    },
  );

  it("scores an answer of another puzzle type 0", () => {
    expect(scoreAnswer(fixtureStep("licence", "choice"), { type: "order", order: [] })).toEqual({
      score: 0,
      items: [],
    });
  });
});

describe("choice", () => {
  const single = fixtureStep("licence", "choice");
  const multiple = fixtureStep("donnees-perso", "choice");

  it("single: right pick 1, wrong pick 0, with the picked option's feedback", () => {
    expect(scoreAnswer(single, { type: "choice", selected: ["lo"] })).toEqual({
      score: 1,
      items: [{ id: "lo", correct: true, message: "Oui : c'est la licence de référence." }],
    });
    const wrong = scoreAnswer(single, { type: "choice", selected: ["cc-by-nc"] });
    expect(wrong.score).toBe(0);
    expect(wrong.items).toEqual([
      { id: "cc-by-nc", correct: false, message: expect.stringContaining("Non") },
    ]);
    expect(scoreAnswer(single, { type: "choice", selected: ["lo", "aucune"] }).score).toBe(0);
  });

  it("multiple: (right − wrong) / correct, clamped, unknown ids ignored", () => {
    const score = (selected: string[]) => scoreAnswer(multiple, { type: "choice", selected }).score;
    expect(score(["nom"])).toBe(0.5);
    expect(score(["nom", "courriel"])).toBe(1);
    expect(score(["nom", "courriel", "commune"])).toBe(0.5);
    expect(score(["commune", "surface"])).toBe(0);
    expect(score(["nom", "nom"])).toBe(0.5);
    expect(score(["nom", "inconnu"])).toBe(0.5);
  });
});

describe("categorize", () => {
  const step = fixtureStep("communicable", "categorize");
  it("gives the share of items well placed, feedback for placed items only", () => {
    const result = scoreAnswer(step, { type: "categorize", placements: { "doc-1": "oui", "doc-2": "oui" } });
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.items).toEqual([
      { id: "doc-1", correct: true },
      { id: "doc-2", correct: false },
    ]);
  });
});

describe("order", () => {
  const step = fixtureStep("procedure", "order");
  const score = (order: string[]) => scoreAnswer(step, { type: "order", order }).score;
  it("gives the share of pairs in the right relative order", () => {
    expect(score(["demande", "silence", "cada", "tribunal"])).toBe(1);
    expect(score(["tribunal", "cada", "silence", "demande"])).toBe(0);
    expect(score(["silence", "demande", "cada", "tribunal"])).toBeCloseTo(5 / 6);
    expect(score(["demande", "silence", "cada"])).toBeCloseTo(3 / 6);
  });
  it("marks each item well placed or not", () => {
    const result = scoreAnswer(step, { type: "order", order: ["silence", "demande", "cada", "tribunal"] });
    expect(result.items.map((item) => item.correct)).toEqual([false, false, true, true]);
  });
});

describe("form", () => {
  const step = fixtureStep("fiche", "form");
  it("gives the share of valid fields with the designer's feedback or the rule's message", () => {
    const result = scoreAnswer(step, {
      type: "form",
      values: {
        titre: "Équipements sportifs",
        licence: "cc",
        insee: "3523",
        frequence: "7",
        "mots-cles": "",
      },
    });
    expect(result.score).toBeCloseTo(2 / 5);
    expect(result.items).toEqual([
      { id: "titre", correct: true },
      { id: "licence", correct: false, message: "La Licence Ouverte." },
      { id: "insee", correct: false, message: "Format attendu : cinq chiffres." },
      { id: "frequence", correct: true },
      { id: "mots-cles", correct: false, message: expect.any(String) },
    ]);
  });
});

describe("checkField", () => {
  it("equals reads a typographic apostrophe as a straight one (audit L5: iOS smart punctuation)", () => {
    const rule: FieldRule = { rule: "equals", accepted: ["Communauté d'agglomération du Grand Clairval"] };
    expect(checkField(rule, "Communauté d’agglomération du Grand Clairval").ok).toBe(true);
    expect(checkField({ rule: "equals", accepted: ["l’eau"] }, "l'eau").ok).toBe(true);
  });

  it("equals ignores case, accents and spaces", () => {
    const rule: FieldRule = { rule: "equals", accepted: ["Licence Ouverte"] };
    expect(checkField(rule, " licence  ouverte ").ok).toBe(true);
    expect(checkField(rule, "LICENCE OUVERTÉ").ok).toBe(true);
    expect(checkField(rule, "ODbL").ok).toBe(false);
  });
  it("length counts trimmed characters and refuses empty values by default", () => {
    expect(checkField({ rule: "length", max: 3 }, "").ok).toBe(false);
    expect(checkField({ rule: "length", max: 3 }, " abc ").ok).toBe(true);
    expect(checkField({ rule: "length", max: 3 }, "abcd").ok).toBe(false);
    expect(checkField({ rule: "length", min: 0 }, "").ok).toBe(true);
    expect(checkField({ rule: "length", min: 2 }, "é").ok).toBe(false);
  });
  it("pattern tests the trimmed value and refuses on an invalid pattern", () => {
    const rule = { rule: "pattern", pattern: "^\\d{5}$", description: "cinq chiffres" } as const;
    expect(checkField(rule, " 35238 ").ok).toBe(true);
    expect(checkField(rule, "3523").message).toBe("Format attendu : cinq chiffres.");
    expect(checkField({ rule: "pattern", pattern: "(", description: "x" }, "(").ok).toBe(false);
  });
  it("number accepts a decimal comma and checks bounds", () => {
    const rule = { rule: "number", min: 0, max: 10 } as const;
    expect(checkField(rule, "2,5").ok).toBe(true);
    expect(checkField(rule, "10").ok).toBe(true);
    expect(checkField(rule, "11").ok).toBe(false);
    expect(checkField(rule, "-1").ok).toBe(false);
    expect(checkField(rule, "dix").ok).toBe(false);
    expect(checkField(rule, "").ok).toBe(false);
  });
  it("tags checks count, lengths and required tags", () => {
    const rule: FieldRule = { rule: "tags", minCount: 2, maxCount: 3, minLength: 3, required: ["Sport"] };
    expect(checkField(rule, "sport, piscine").ok).toBe(true);
    expect(checkField(rule, "sport; piscine ;").ok).toBe(true);
    expect(checkField(rule, "sport").ok).toBe(false);
    expect(checkField(rule, "sport, a").ok).toBe(false);
    expect(checkField(rule, "sport, b1, b2, b3").ok).toBe(false);
    expect(checkField(rule, "piscine, stade").ok).toBe(false);
  });
});

describe("table", () => {
  const step = fixtureStep("nettoyage", "table");
  const initial = emptyAnswer(step, 1) as TableAnswer;
  const withCells = (answer: TableAnswer, rowId: string, cells: Record<string, string>): TableAnswer => ({
    ...answer,
    rows: answer.rows.map((row) =>
      row.id === rowId ? { id: row.id, cells: { ...row.cells, ...cells } } : row,
    ),
  });
  // Defects: r1.insee, r1.surface, r1.ouvert, row r3, column responsable = 5.

  it("scores the untouched table 0 and lists its defects as not fixed", () => {
    const result = scoreAnswer(step, initial);
    expect(result.score).toBe(0);
    expect(result.items.filter((item) => !item.correct).map((item) => item.id)).toEqual([
      "r1:insee",
      "r1:surface",
      "r1:ouvert",
      "r3",
      "responsable",
    ]);
  });

  it("counts fixed defects over all defects", () => {
    const answer = {
      ...withCells(initial, "r1", { insee: "01004", surface: "535.01" }),
      removedRows: ["r3"],
    };
    expect(scoreAnswer(step, answer).score).toBeCloseTo(3 / 5);
  });

  it("subtracts damage: right cells made wrong, rows and columns removed that should stay", () => {
    const fixedAll = solutionAnswer(step) as TableAnswer;
    expect(scoreAnswer(step, withCells(fixedAll, "r2", { surface: "13" })).score).toBeCloseTo(4 / 5);
    const rowDamage = scoreAnswer(step, { ...fixedAll, removedRows: ["r3", "r2"] });
    expect(rowDamage.score).toBeCloseTo(4 / 5);
    expect(rowDamage.items).toContainEqual({ id: "r2", correct: false });
    const columnDamage = scoreAnswer(step, { ...fixedAll, removedColumns: ["responsable", "ouvert"] });
    // ouvert removed: one damage, and r1:ouvert is no longer fixed.
    expect(columnDamage.score).toBeCloseTo(3 / 5);
  });

  it("compares cells after trimming outer whitespace", () => {
    const fixedAll = solutionAnswer(step) as TableAnswer;
    expect(scoreAnswer(step, withCells(fixedAll, "r1", { insee: " 01004 " })).score).toBe(1);
  });

  it("clamps at 0 when damage exceeds fixes", () => {
    const answer = { ...initial, removedRows: ["r1", "r2"], removedColumns: ["insee", "surface"] };
    expect(scoreAnswer(step, answer).score).toBe(0);
  });

  it("a table with no defect scores 1 untouched and 0 once damaged", () => {
    const clean = {
      ...step,
      solution: {
        rows: step.puzzle.rows.map((row) => ({ id: row.id, cells: { ...row.cells } })),
        removedRows: [],
        removedColumns: [],
      },
    };
    expect(scoreAnswer(clean, initial).score).toBe(1);
    expect(scoreAnswer(clean, withCells(initial, "r1", { insee: "x" })).score).toBe(0);
  });
});
