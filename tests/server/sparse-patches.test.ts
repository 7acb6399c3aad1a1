/**
 * Issue 16: the bench found the server's largest cost was writing patch frames (`writev`, 14.5 % of
 * its busy time at 2,000 players): every client of a room got a frame whenever anything in the room
 * changed, and every edit changed the shared `serverNow`. A player whose view holds nothing of a
 * change must receive no frame for it: another team's edits reach that team and the facilitator only.
 * Real server process, real SDK clients.
 */
import { Protocol } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { SERVER_CLOCK_MS } from "../../server/rooms/GameRoom.ts";
import { type Seat, startedTeams } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

const patches = (seat: Seat) => seat.frames.filter((frame) => frame[0] === Protocol.ROOM_STATE_PATCH).length;
const edits = (seat: Seat) => seat.state.teams.find((t) => t.work !== undefined)?.work?.edits.length ?? 0;

describe("patch frames", () => {
  it("go to the clients whose view the change is in, not to another team", async () => {
    const { facilitator, a1, a2, b1 } = await startedTeams(running.server, running.seats);
    const before = { a2: patches(a2), b1: patches(b1), facilitator: patches(facilitator) };
    const start = Date.now();
    for (let i = 0; i < 6; i++) {
      const seen = edits(a2);
      a1.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } });
      await a2.waitFor(() => edits(a2) > seen, `edit ${i + 1} reaches the teammate`);
    }
    const elapsed = Date.now() - start;
    expect(patches(a2) - before.a2).toBeGreaterThanOrEqual(6);
    await facilitator.waitFor(
      () => facilitator.state.teams.some((t) => (t.work?.edits.length ?? 0) >= 6),
      "the edits reach the facilitator",
    );
    expect(patches(facilitator) - before.facilitator).toBeGreaterThan(0);
    // The other team's player gets at most the server clock's refreshes in that time.
    expect(patches(b1) - before.b1).toBeLessThanOrEqual(Math.ceil(elapsed / SERVER_CLOCK_MS));
  });
});
