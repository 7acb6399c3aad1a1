import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TableDraft as TableAnswer } from "../puzzles/table/schema.ts";
import { Scenario } from "../scenario/schema.ts";
import type { Answer } from "./answer.ts";
import { applyDraftEdit, blankAnswer, emptyAnswer, solutionAnswer } from "./drafts.ts";
import { toPublicScenario } from "./public.ts";
import { scoreAnswer } from "./scoring/index.ts";
import { fixtureStep } from "./test-fixtures.ts";

const exemple = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));

describe("exemple.json", () => {
  it.each(exemple.steps.map((step) => [step.id, step] as const))("solution of %s scores 1", (_id, step) => {
    expect(scoreAnswer(step, solutionAnswer(step)).score).toBe(1);
  });
});

describe("blankAnswer", () => {
  it("builds from the public step alone what emptyAnswer gives, keeping the published order", () => {
    const published = toPublicScenario(exemple);
    exemple.steps.forEach((step, index) => {
      const publicStep = published.steps[index];
      if (!publicStep) throw new Error("missing public step");
      const blank = blankAnswer(publicStep);
      if (step.type === "order" && publicStep.type === "order" && blank.type === "order") {
        expect(blank.order).toEqual(publicStep.puzzle.items.map((item) => item.id));
        expect(blank.order).not.toEqual(step.solution.order);
      } else if (step.type === "letter" && publicStep.type === "letter" && blank.type === "letter") {
        // Parts come in the published (shuffled) order, nothing chosen or filled yet.
        expect(blank).toEqual({
          type: "letter",
          order: publicStep.puzzle.parts.map((part) => part.id),
          choices: {},
          values: {},
        });
        expect(blank.order).not.toEqual(step.solution.parts.map((entry) => entry.part));
      } else {
        expect(blank).toEqual(emptyAnswer(step, 1));
      }
    });
  });
});

describe("emptyAnswer", () => {
  it("shuffles order items deterministically, never in solution order", () => {
    const step = fixtureStep("procedure", "order");
    for (let seed = 0; seed < 50; seed++) {
      const answer = emptyAnswer(step, seed);
      if (answer.type !== "order") throw new Error("order expected");
      expect([...answer.order].sort()).toEqual([...step.solution.order].sort());
      expect(answer.order).not.toEqual(step.solution.order);
      expect(emptyAnswer(step, seed)).toEqual(answer);
    }
  });
  it("starts a table from the puzzle's rows", () => {
    const step = fixtureStep("nettoyage", "table");
    const answer = emptyAnswer(step, 0) as TableAnswer;
    expect(answer.rows).toEqual(step.puzzle.rows);
    expect(answer.rows[0]).not.toBe(step.puzzle.rows[0]);
  });
});

describe("applyDraftEdit", () => {
  it("choice: single replaces, multiple accumulates, toggling unselects", () => {
    const single = fixtureStep("licence", "choice");
    let draft: Answer | null = emptyAnswer(single, 0);
    draft = applyDraftEdit(single, draft, { op: "toggle-option", optionId: "lo" });
    draft = draft && applyDraftEdit(single, draft, { op: "toggle-option", optionId: "aucune" });
    expect(draft).toEqual({ type: "choice", selected: ["aucune"] });
    draft = draft && applyDraftEdit(single, draft, { op: "toggle-option", optionId: "aucune" });
    expect(draft).toEqual({ type: "choice", selected: [] });
    const multiple = fixtureStep("donnees-perso", "choice");
    let many: Answer | null = emptyAnswer(multiple, 0);
    many = applyDraftEdit(multiple, many, { op: "toggle-option", optionId: "nom" });
    many = many && applyDraftEdit(multiple, many, { op: "toggle-option", optionId: "courriel" });
    expect(many).toEqual({ type: "choice", selected: ["nom", "courriel"] });
    expect(
      applyDraftEdit(single, emptyAnswer(single, 0), { op: "toggle-option", optionId: "zz" }),
    ).toBeNull();
  });

  it("categorize: place, move out, refuse unknown item or bucket", () => {
    const step = fixtureStep("communicable", "categorize");
    const placed = applyDraftEdit(step, emptyAnswer(step, 0), {
      op: "place-item",
      itemId: "doc-1",
      bucketId: "oui",
    });
    expect(placed).toEqual({ type: "categorize", placements: { "doc-1": "oui" } });
    expect(
      placed && applyDraftEdit(step, placed, { op: "place-item", itemId: "doc-1", bucketId: null }),
    ).toEqual({
      type: "categorize",
      placements: {},
    });
    expect(
      applyDraftEdit(step, emptyAnswer(step, 0), { op: "place-item", itemId: "doc-9", bucketId: "oui" }),
    ).toBeNull();
    expect(
      applyDraftEdit(step, emptyAnswer(step, 0), { op: "place-item", itemId: "doc-1", bucketId: "zz" }),
    ).toBeNull();
  });

  it("order: moves an item to an index, refuses out of range", () => {
    const step = fixtureStep("procedure", "order");
    const draft: Answer = { type: "order", order: ["cada", "demande", "silence", "tribunal"] };
    expect(applyDraftEdit(step, draft, { op: "move-item", itemId: "cada", toIndex: 2 })).toEqual({
      type: "order",
      order: ["demande", "silence", "cada", "tribunal"],
    });
    expect(applyDraftEdit(step, draft, { op: "move-item", itemId: "cada", toIndex: 4 })).toBeNull();
    expect(applyDraftEdit(step, draft, { op: "move-item", itemId: "zz", toIndex: 0 })).toBeNull();
  });

  it("form: sets a known field", () => {
    const step = fixtureStep("fiche", "form");
    expect(
      applyDraftEdit(step, emptyAnswer(step, 0), { op: "set-field", fieldId: "insee", value: "35238" }),
    ).toEqual({
      type: "form",
      values: { insee: "35238" },
    });
    expect(
      applyDraftEdit(step, emptyAnswer(step, 0), { op: "set-field", fieldId: "zz", value: "" }),
    ).toBeNull();
  });

  it("table: offered operations only; cleaning the fixture with the palette scores 1", () => {
    const step = fixtureStep("nettoyage", "table");
    let draft: Answer | null = emptyAnswer(step, 0);
    expect(
      applyDraftEdit(step, draft, { op: "edit-cell", rowId: "r1", columnId: "insee", value: "x" }),
    ).toBeNull();
    expect(
      applyDraftEdit(step, draft, { op: "apply-operation", operation: "trim", columnId: "insee" }),
    ).toBeNull();
    expect(
      applyDraftEdit(step, draft, { op: "apply-operation", operation: "pad-zeros", columnId: "zz" }),
    ).toBeNull();
    expect(applyDraftEdit(step, draft, { op: "toggle-option", optionId: "lo" })).toBeNull();
    const edits = [
      { op: "apply-operation", operation: "pad-zeros", columnId: "insee" },
      { op: "apply-operation", operation: "strip-unit", columnId: "surface" },
      { op: "apply-operation", operation: "decimal-point", columnId: "surface" },
      { op: "apply-operation", operation: "normalize-boolean", columnId: "ouvert" },
      { op: "set-row-removed", rowId: "r3", removed: true },
      { op: "set-column-removed", columnId: "responsable", removed: true },
    ] as const;
    for (const edit of edits) draft = draft && applyDraftEdit(step, draft, edit);
    expect(draft && scoreAnswer(step, draft).score).toBe(1);
    draft = draft && applyDraftEdit(step, draft, { op: "set-row-removed", rowId: "r3", removed: false });
    expect((draft as TableAnswer).removedRows).toEqual([]);
  });
});
