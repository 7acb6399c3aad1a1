/** The synced state the server writes is exactly the shape clients read (shared/synced-state.ts). */
import { describe, expect, it } from "vitest";
import { fromDraftCells } from "../../shared/draft-cells.ts";
import { applyEvent, type SessionEvent, type SessionModel } from "../../shared/rules/index.ts";
import { fixtureScenario } from "../../shared/rules/test-fixtures.ts";
import { sessionWith, T0 } from "../../shared/rules/test-helpers.ts";
import { GameView } from "../../shared/synced-state.ts";
import { GameState } from "../state.ts";
import { StateMirror } from "./mirror.ts";

function play(model: SessionModel, events: SessionEvent[]): SessionModel {
  return events.reduce((current, event) => {
    const result = applyEvent(current, fixtureScenario, event);
    if (!result.ok) throw new Error(`${event.kind}: ${result.reason}`);
    return result.model;
  }, model);
}

describe("the synced state", () => {
  it("parses with the shared client schema without losing or replacing a field", () => {
    const step = fixtureScenario.steps[0];
    if (step?.type !== "choice") throw new Error("fixture");
    const stepId = step.id;
    const optionId = step.puzzle.options[0]?.id ?? "";
    const model = play(sessionWith(fixtureScenario, ["Ana", "Bob"], { teamSize: 2, hintsEnabled: true }), [
      {
        kind: "player",
        at: T0 + 1,
        playerId: "p1",
        action: { name: "edit", payload: { stepId, edit: { op: "toggle-option", optionId } } },
      },
      { kind: "player", at: T0 + 2, playerId: "p1", action: { name: "hint", payload: { stepId } } },
      { kind: "player", at: T0 + 3, playerId: "p1", action: { name: "propose", payload: { stepId } } },
      {
        kind: "player",
        at: T0 + 4,
        playerId: "p2",
        action: { name: "approve", payload: { stepId, proposalId: `${stepId}/1` } },
      },
    ]);
    const state = new GameState();
    const mirror = new StateMirror(state, fixtureScenario);
    mirror.init("ABC234");
    mirror.apply(model);
    // Set by the room, not by apply.
    mirror.setServerNow(T0 + 10);
    state.facilitatorConnected = true;
    const json = JSON.parse(JSON.stringify(state.toJSON()));
    const team = json.teams[0];
    // Everything the readers use is there: work with a draft, an edit, a hint and an attempt.
    expect(Object.keys(team.work.drafts)).toContain(stepId);
    expect(team.work.edits.length).toBeGreaterThan(0);
    expect(team.work.hints.length).toBe(1);
    expect(team.work.attempts.length).toBe(1);
    expect(json.players.p1.privateMaterials).toBeTypeOf("string");
    // Drafts travel as cells and read as their JSON, the model's draft.
    const expected = structuredClone(json);
    for (const t of expected.teams) {
      for (const [id, draft] of Object.entries<{ cells: Record<string, string> }>(t.work.drafts)) {
        t.work.drafts[id] = JSON.stringify(fromDraftCells(Object.entries(draft.cells)));
      }
    }
    expect(JSON.parse(expected.teams[0].work.drafts[stepId])).toEqual(model.teams[0]?.steps[0]?.draft);
    expect(GameView.parse(json)).toEqual(expected);
  });
});
