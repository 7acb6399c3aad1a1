/**
 * The session log is written per tick, not per message (issue 16): messages that reach a room
 * together are applied in order and written in one transaction, and acknowledged (seen by anyone)
 * only once it committed. A player sends 20 edits at once: all 20 reach their teammate and the log,
 * in fewer log writes than edits. Real server process, real SDK clients; the writes are counted
 * by the server's own `/metrics`.
 */
import { describe, expect, it } from "vitest";
import { api, startedPair } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

async function logWrites(): Promise<number> {
  const { text } = await api(running.server, "/metrics");
  const line = text
    .split("\n")
    .find((l) => l.startsWith('datatruc_store_write_seconds_count{op="append_log"}'));
  return Number(line?.split(" ").pop() ?? 0);
}

describe("log writes", () => {
  it("are batched: 20 edits sent at once reach the teammate and the log in fewer writes", async () => {
    const { editor, teammate } = await startedPair(running.server, running.seats);

    const before = await logWrites();
    const edits = 20;
    for (let i = 0; i < edits; i++) {
      editor.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } });
    }
    const editsSeen = () =>
      [...(teammate.state.teams[0]?.work?.edits ?? [])].filter((e) => e.playerId === editor.playerId).length;
    await teammate.waitFor(() => editsSeen() === edits, "the 20 edits");
    const writes = (await logWrites()) - before;
    expect(editor.errors()).toEqual([]);
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(edits);
  });
});
