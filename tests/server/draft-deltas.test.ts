/**
 * Draft changes travel as deltas (issue 16): an edit sends teammates the cells of the draft it
 * changed, not the whole draft again. On the form step, after a 900-character description, setting
 * the title sends the teammate less than the description's size. Real server process, real SDK clients.
 */
import { describe, expect, it } from "vitest";
import { draftJson, type Seat, startedPair } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

const field = (seat: Seat, fieldId: string): unknown => {
  const json = draftJson(seat.state.teams[0]?.work, "fiche");
  return json ? (JSON.parse(json) as { values?: Record<string, unknown> }).values?.[fieldId] : undefined;
};

describe("a draft edit", () => {
  it("sends the teammate the changed cell, not the whole draft", async () => {
    const { facilitator, editor, teammate } = await startedPair(running.server, running.seats);
    for (let i = 0; i < 3; i++) facilitator.send("skip", {});
    await teammate.waitFor(() => teammate.state.currentStep === 3, "the form step");

    const description = "Jeu de données des horaires des services municipaux. ".repeat(17).slice(0, 900);
    editor.send("edit", {
      stepId: "fiche",
      edit: { op: "set-field", fieldId: "description", value: description },
    });
    await teammate.waitFor(() => field(teammate, "description") === description, "the description");

    const mark = teammate.frames.length;
    editor.send("edit", { stepId: "fiche", edit: { op: "set-field", fieldId: "titre", value: "Horaires" } });
    await teammate.waitFor(() => field(teammate, "titre") === "Horaires", "the title");
    const bytes = teammate.frames.slice(mark).reduce((n, frame) => n + frame.length, 0);
    expect(field(teammate, "description")).toBe(description);
    expect(bytes).toBeLessThan(description.length);
  });
});
