/**
 * Issue 15, finding 8: clients cannot write stack traces into the server log, and nothing they do
 * leaves an unhandled rejection. The server runs with `--unhandled-rejections=strict` (an unhandled
 * rejection would end the process) through refused joins, undecodable frames and oversized frames;
 * each client fault is one warning line without a stack.
 */
import { describe, expect, it } from "vitest";
import { CloseCodes, MAX_FRAME_BYTES } from "../../shared/protocol.ts";
import { api, createSession, joinAsPlayer, type Seat } from "./harness.ts";
import { type LogLine, logLines, waitForLog } from "./log-lines.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess({ NODE_OPTIONS: "--unhandled-rejections=strict" });

/** Sends raw bytes on a seat's WebSocket, bypassing the SDK's encoding. */
function sendRaw(seat: Seat, bytes: Uint8Array): void {
  (seat.room as unknown as { connection: { send(data: Uint8Array): void } }).connection.send(bytes);
}

const ROOM_DATA = 13;
const faults = (lines: LogLine[]) => lines.filter((l) => l.level === 40 && typeof l.fault === "string");

describe("client faults", () => {
  it("are one warning each, never a stack or an unhandled rejection", async () => {
    const session = await createSession(running.server, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const ana = await joinAsPlayer(running.server, session.code, "Ana");
    running.seats.push(ana);
    for (let i = 0; i < 3; i++) {
      await expect(joinAsPlayer(running.server, session.code, "ana")).rejects.toMatchObject({
        code: CloseCodes.joinRefused,
      });
    }

    // A message whose payload is not MessagePack (0xc1 is never used), then a frame over MAX_FRAME_BYTES.
    const bruno = await joinAsPlayer(running.server, session.code, "Bruno");
    const name = new TextEncoder().encode("edit");
    sendRaw(bruno, new Uint8Array([ROOM_DATA, 0xa0 | name.length, ...name, 0xc1, 0xc1]));
    await bruno.waitFor(() => bruno.leftCode !== null, "Bruno closed");
    const chloe = await joinAsPlayer(running.server, session.code, "Chloé");
    sendRaw(chloe, new Uint8Array(MAX_FRAME_BYTES + 1024).fill(ROOM_DATA));
    await chloe.waitFor(() => chloe.leftCode !== null, "Chloé closed");

    const lines = await waitForLog(running.server, (l) => faults(l).length >= 2, "two client faults");
    expect(faults(lines).map((l) => l.fault)).toEqual(["undecodable-frame", "oversized-frame"]);
    // Still up, still serving: a strict unhandled rejection would have ended the process.
    expect((await api(running.server, "/healthz")).status).toBe(200);
    expect(running.server.output()).not.toMatch(/\n\s+at |Unhandled|unhandled/);
    expect(logLines(running.server).filter((l) => l.level >= 50)).toEqual([]);
  });
});
