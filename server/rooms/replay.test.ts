/** The event log: live application through `applyEvent` and replay from the written log agree. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseClientMessage } from "../../shared/protocol.ts";
import { applyEvent, createSession, defaultOptions, type SessionOptions } from "../../shared/rules/index.ts";
import {
  actionEvent,
  scriptArbitrary,
  sessionOptionsArbitrary,
} from "../../shared/rules/test-arbitraries.ts";
import { fixtureScenario } from "../../shared/rules/test-fixtures.ts";
import { T0 } from "../../shared/rules/test-helpers.ts";
import type { LogEntry, SessionRecord } from "../store/store.ts";
import { eventLogEntry } from "./event-log.ts";
import { replayLog } from "./replay.ts";

function sessionRecord(options: SessionOptions, seed: number): SessionRecord {
  return {
    code: "ABC234",
    scenarioId: fixtureScenario.id,
    scenarioTitle: fixtureScenario.metadata.title,
    organisation: "",
    facilitatorKeyHash: "",
    options,
    seed,
    phase: "lobby",
    createdAt: T0,
    startedAt: null,
    endedAt: null,
    scenarioHash: null,
    rulesVersion: null,
  };
}

describe("session event log", () => {
  it("for random event sequences, live application and replay from the stored log give identical models", () => {
    fc.assert(
      fc.property(sessionOptionsArbitrary, scriptArbitrary, ({ seed, ...rest }, script) => {
        const options = { ...defaultOptions(rest.pace), ...rest };
        const session = sessionRecord(options, seed);
        let model = createSession(fixtureScenario, options, { now: T0, seed });
        const log: LogEntry[] = [];
        let now = T0;
        for (const { action, elapsedMs } of script) {
          now += elapsedMs;
          const event = actionEvent(action, model, now);
          // The room accepts only messages its schemas validate.
          if (event.kind === "player" || event.kind === "facilitator") {
            if (!parseClientMessage(event.action.name, event.action.payload).ok) continue;
          }
          const result = applyEvent(model, fixtureScenario, event);
          if (!result.ok) continue;
          model = result.model;
          const entry = eventLogEntry(event, { teamId: result.teamId, submitted: result.submitted });
          // Stored as JSON, as the store does.
          log.push(JSON.parse(JSON.stringify({ seq: log.length + 1, ...entry })));
        }
        const replayed = replayLog(fixtureScenario, session, log);
        expect(replayed.diverged).toEqual([]);
        expect(replayed.model).toEqual(model);
      }),
      { numRuns: 100 },
    );
  });

  it("restores a log written in the stored shape of earlier versions", () => {
    const options = { ...defaultOptions("facilitator"), teamSize: 2 };
    const entry = (seq: number, kind: string, actor: string | null, payload: unknown): LogEntry => ({
      seq,
      at: T0 + seq,
      kind,
      actor,
      payload,
    });
    const log: LogEntry[] = [
      entry(1, "join-facilitator", "facilitator", {}),
      entry(2, "join", "p-a", {
        name: "Ana",
        requestedTeamId: null,
        teamId: "t1",
        roleId: "juriste",
        seatKeyHash: "hash-a",
      }),
      entry(3, "join", "p-b", {
        name: "Bob",
        requestedTeamId: null,
        teamId: "t1",
        roleId: null,
        seatKeyHash: "hash-b",
      }),
      entry(4, "join", "p-c", {
        name: "Chloé",
        requestedTeamId: null,
        teamId: "t2",
        roleId: null,
        seatKeyHash: "hash-c",
      }),
      entry(5, "leave", "p-c", {}),
      entry(6, "start", "facilitator", { message: {}, result: {} }),
      entry(7, "edit", "p-a", {
        message: { stepId: "licence", edit: { op: "toggle-option", optionId: "lo" } },
        result: { teamId: "t1" },
      }),
      entry(8, "disconnect", "p-b", {}),
      entry(9, "propose", "p-a", {
        message: { stepId: "licence" },
        result: { teamId: "t1", submitted: null },
      }),
      entry(10, "reconnect", "p-b", {}),
      entry(11, "restored", null, { entries: 10, diverged: 0 }),
    ];
    const replayed = replayLog(fixtureScenario, sessionRecord(options, 3), log);
    expect(replayed.diverged).toEqual([]);
    expect([...replayed.seatKeyHashes]).toEqual([
      ["p-a", "hash-a"],
      ["p-b", "hash-b"],
    ]);
    const { model } = replayed;
    expect(model.phase).toBe("playing");
    expect(Object.keys(model.players).sort()).toEqual(["p-a", "p-b"]);
    expect(model.players["p-b"]?.connected).toBe(true);
    const team = model.teams.find((t) => t.memberIds.includes("p-a"));
    expect(team?.steps[0]?.draft).toMatchObject({ type: "choice", selected: ["lo"] });
    // Bob was away when Ana proposed: the "any" rule submitted her proposal at once, and it was right.
    expect(team?.steps[0]).toMatchObject({ closed: true, score: 1, participants: ["p-a", "p-b"] });
    expect(team?.steps[0]?.attempts.map((a) => a.proposedBy)).toEqual(["p-a"]);
  });
});
