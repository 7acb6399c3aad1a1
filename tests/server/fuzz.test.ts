/**
 * Fuzzed messages never crash a room: hundreds of random names and payloads (fast-check samples)
 * get `error` replies or are accepted by the rules; the room keeps serving everybody.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClientMessages } from "../../shared/protocol.ts";
import { createSession, joinAsFacilitator, joinAsPlayer } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess({ FLOOD_BURST: "2000", FLOOD_RATE: "1000" });

const names = Object.keys(ClientMessages);
const message = fc.record({
  name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 30 })),
  payload: fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.record({ stepId: fc.oneof(fc.constant("licence"), fc.string()), edit: fc.anything({ maxDepth: 2 }) }),
  ),
});

describe("fuzzed messages", () => {
  it("leave the room up and everyone connected", async () => {
    const session = await createSession(running.server, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(running.server, session.code, "Ana");
    const bruno = await joinAsPlayer(running.server, session.code, "Bruno");
    running.seats.push(facilitator, ana, bruno);
    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");

    const samples = fc.sample(message, { numRuns: 400, seed: 20261123 });
    for (const { name, payload } of samples) {
      try {
        ana.send(name, payload);
      } catch {
        // The SDK could not encode this payload: nothing was sent.
      }
    }
    // Everything sent has been handled once this valid edit comes back.
    ana.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await bruno.waitFor(
      () => bruno.state.teams[0]?.work?.edits.some((e) => e.edit.includes("odbl")) ?? false,
      "a valid edit after the fuzz",
    );
    expect(ana.errors().length).toBeGreaterThan(300);
    for (const seat of running.seats) expect(seat.leftCode).toBeNull();
    expect(facilitator.state.phase).not.toBe("ended");
  });
});
