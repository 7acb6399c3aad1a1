/** Pieces of a step and reaction tokens on them (pure rules). */
import { describe, expect, it } from "vitest";
import { piecesEdited, stepPieces } from "./pieces.ts";
import { applyEdit, reactToPiece } from "./submission.ts";
import { fixtureScenario as scenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

const licence = scenario.steps[0];
if (!licence) throw new Error("fixture");
const tokens = (model: ReturnType<typeof sessionWith>) => model.teams[0]?.steps[0]?.reactions ?? [];

describe("stepPieces", () => {
  it("holds the public documents and the puzzle's ids, never a private document", () => {
    const pieces = stepPieces(licence);
    expect(pieces.has("courriel")).toBe(true);
    expect(pieces.has("lo")).toBe(true);
    expect(pieces.has("note-juriste")).toBe(false);
  });

  it("says which pieces an edit changes: the ids it names, not its free text", () => {
    expect(piecesEdited({ op: "place-item", itemId: "a", bucketId: "b" })).toEqual(new Set(["a", "b"]));
    expect(piecesEdited({ op: "set-field", fieldId: "titre", value: "lo" })).toEqual(new Set(["titre"]));
  });
});

describe("reactToPiece", () => {
  it("keeps one token per player and piece, until its author takes it back", () => {
    const model = sessionWith(scenario, ["A", "B"], { teamCount: 1 });
    const asked = must(reactToPiece(model, scenario, "p1", "licence", "lo", "question", T0 + 1));
    const agreed = must(reactToPiece(asked, scenario, "p1", "licence", "lo", "agree", T0 + 2));
    expect(tokens(agreed)).toEqual([{ pieceId: "lo", playerId: "p1", reaction: "agree", at: T0 + 2 }]);
    const both = must(reactToPiece(agreed, scenario, "p2", "licence", "lo", "disagree", T0 + 3));
    expect(tokens(both)).toHaveLength(2);
    const back = must(reactToPiece(both, scenario, "p1", "licence", "lo", null, T0 + 4));
    expect(tokens(back).map((r) => r.playerId)).toEqual(["p2"]);
    expect(reactToPiece(back, scenario, "p1", "licence", "lo", null, T0 + 5)).toMatchObject({
      ok: false,
      reason: "no-reaction",
    });
  });

  it("refuses what is not a piece of the team's current step", () => {
    const model = sessionWith(scenario, ["A", "B"], { teamCount: 1 });
    for (const pieceId of ["nope", "note-juriste"])
      expect(reactToPiece(model, scenario, "p1", "licence", pieceId, "agree", T0)).toMatchObject({
        ok: false,
        reason: "unknown-piece",
      });
    const other = scenario.steps[1]?.id ?? "";
    expect(reactToPiece(model, scenario, "p1", other, "lo", "agree", T0)).toMatchObject({
      ok: false,
      reason: "unknown-step",
    });
  });

  it("settles the tokens on a piece an edit changes, and keeps the others", () => {
    const model = sessionWith(scenario, ["A", "B"], { teamCount: 1 });
    const a = must(reactToPiece(model, scenario, "p1", "licence", "lo", "question", T0 + 1));
    const b = must(reactToPiece(a, scenario, "p2", "licence", "courriel", "agree", T0 + 2));
    const edited = must(
      applyEdit(b, scenario, "p2", "licence", { op: "toggle-option", optionId: "lo" }, T0 + 3),
    );
    expect(tokens(edited).map((r) => r.pieceId)).toEqual(["courriel"]);
  });
});
