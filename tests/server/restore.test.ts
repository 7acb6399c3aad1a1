/**
 * Restoring live sessions after a crash (`kill -9`), with real server processes on one SQLite file:
 * a pending proposal is not submitted by its author alone as the first member back, and a session
 * with 100,000 logged edits comes back without stalling the process (the server keeps answering
 * /healthz while it restores, /readyz says 503 until the restore is over, then 200, and the process
 * reports how long it blocked its event loop at most).
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Store } from "../../server/store/store.ts";
import { freePort } from "../support/services.ts";
import {
  createSession,
  draftJson,
  joinAsFacilitator,
  joinAsPlayer,
  type Seat,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const dir = tempDir();
const servers: ServerProcess[] = [];
const seats: Seat[] = [];

afterAll(async () => {
  await Promise.all(seats.map((s) => s.leave()));
  await Promise.all([...servers].map(crash));
  dir.remove();
});

async function start(dbPath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess(dbPath, env);
  servers.push(server);
  return server;
}

/** A crash: no graceful shutdown, nobody is told, nothing more is logged. */
async function crash(server: ServerProcess): Promise<void> {
  // Forgotten first: a process ended by a signal has no exit code, and stopping it again would wait.
  servers.splice(servers.indexOf(server), 1);
  process.kill(server.pid, "SIGKILL");
  await server.stop(); // registers for the exit event in this same tick, before it can fire
}

const teamOf = (seat: Seat) => seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));

describe("after a crash", () => {
  it("a pending proposal is cancelled, not submitted by its author alone as the first member back", async () => {
    const dbPath = join(dir.path, "proposal.sqlite");
    const first = await start(dbPath);
    const session = await createSession(first, {
      scenarioId: "exemple",
      teamCount: 1,
      teamSize: 3,
      options: { submissionRule: "majority", maxAttempts: 3 },
    });
    const facilitator = await joinAsFacilitator(first, session.code, session.facilitatorKey);
    const [ana, bruno, chloe] = [
      await joinAsPlayer(first, session.code, "Ana"),
      await joinAsPlayer(first, session.code, "Bruno"),
      await joinAsPlayer(first, session.code, "Chloé"),
    ];
    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");
    ana.send("propose", { stepId: "licence" });
    await facilitator.waitFor(() => facilitator.state.teams[0]?.proposal !== undefined, "proposal pending");
    for (const seat of [facilitator, ana, bruno, chloe]) seat.room.reconnection.enabled = false;
    await crash(first);

    const second = await start(dbPath);
    const back = await joinAsPlayer(second, session.code, "Ana", { seatKey: ana.seatKey ?? "" });
    seats.push(back);
    expect(back.playerId).toBe(ana.playerId);
    await back.waitFor(() => teamOf(back)?.work?.cancelled !== undefined, "cancellation seen");
    const team = teamOf(back);
    expect(team?.steps[0]?.attempts).toBe(0);
    expect(team?.proposal).toBeUndefined();
    expect(team?.work?.cancelled?.toJSON()).toMatchObject({ by: ana.playerId, cause: "restart" });
  }, 60_000);

  it("a session with 100,000 logged edits comes back without blocking the process", async () => {
    const dbPath = join(dir.path, "edits.sqlite");
    const first = await start(dbPath);
    const session = await createSession(first, { scenarioId: "exemple", teamCount: 1, teamSize: 3 });
    const facilitator = await joinAsFacilitator(first, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(first, session.code, "Ana");
    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");
    const edit = { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } };
    ana.send("edit", edit);
    await ana.waitFor(() => (teamOf(ana)?.work?.edits.length ?? 0) === 1, "first edit");
    for (const seat of [facilitator, ana]) seat.room.reconnection.enabled = false;
    await crash(first);

    // The log of a team that edited 100,000 times (the same toggle: an odd count leaves it selected).
    const store = await Store.open({ kind: "sqlite", path: dbPath });
    const log = await store.readLog(session.code);
    const last = log.findLast((entry) => entry.kind === "edit");
    if (!last) throw new Error("no edit logged");
    let seq = log.at(-1)?.seq ?? 0;
    const extra = 100_000;
    for (let done = 0; done < extra; done += 2000) {
      const batch = Array.from({ length: 2000 }, (_, i) => ({
        ...last,
        seq: ++seq,
        at: last.at + done + i + 1,
      }));
      await store.appendLog(session.code, batch);
    }
    await store.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const get = (path: string) =>
      fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) }).then(
        async (response) => ({
          status: response.status,
          body: (await response.json()) as { readiness?: string },
        }),
        () => null, // not listening yet
      );
    let restoring = true;
    /** While the rooms come back: /healthz answers (alive, store reachable), /readyz says 503. */
    const seen = { healthy: 0, notReady: 0 };
    const poll = (async () => {
      while (restoring) {
        const [health, ready] = await Promise.all([get("/healthz"), get("/readyz")]);
        if (health?.status === 200 && health.body.readiness === "restoring") seen.healthy++;
        if (ready?.status === 503 && ready.body.readiness === "restoring") seen.notReady++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // The process prints its address once every live session is restored.
    const second = await start(dbPath, { PORT: String(port) });
    restoring = false;
    await poll;
    expect(seen.notReady, "/readyz answered 503 during the restore").toBeGreaterThan(0);
    expect(seen.healthy, "/healthz answered 200 during the restore").toBeGreaterThan(0);
    expect(await get("/readyz")).toEqual({ status: 200, body: { ready: true, readiness: "ready" } });
    const report = second
      .output()
      .match(
        /live sessions restored.*?maxEventLoopBlockMs"?:\s*(\d+)|maxEventLoopBlockMs"?:\s*(\d+).*?live sessions restored/s,
      );
    expect(report, second.output()).not.toBeNull();
    // The process never stalled as long as a second while it restored.
    expect(Number(report?.[1] ?? report?.[2])).toBeLessThan(1000);

    const console2 = await joinAsFacilitator(second, session.code, session.facilitatorKey);
    seats.push(console2);
    const team = console2.state.teams[0];
    expect(team?.work?.edits.length).toBe(100);
    expect(team?.work?.edits.at(-1)?.at).toBe(last.at + extra);
    expect(JSON.parse(draftJson(team?.work, "licence") ?? "{}")).toMatchObject({
      selected: ["licence-ouverte"],
    });
  }, 180_000);
});
