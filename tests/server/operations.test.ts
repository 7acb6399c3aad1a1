/**
 * Operating (issue 15): `/metrics` in Prometheus format, `/healthz` checking the store, `/readyz`,
 * and a graceful SIGTERM: clients are told the server restarts (4010, so they come back by
 * themselves), nothing is lost, and every player gets the same seat back on the restarted server.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  api,
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
const dbPath = join(dir.path, "db.sqlite");
const servers: ServerProcess[] = [];
const seats: Seat[] = [];
afterAll(async () => {
  for (const seat of seats) seat.room.reconnection.enabled = false;
  await Promise.all(seats.map((s) => s.leave()));
  await Promise.all(servers.map((s) => s.stop()));
  dir.remove();
});

/** The value of one sample of a metric (labels as written by prom-client), or undefined. */
function sample(metrics: string, name: string): number | undefined {
  const line = metrics.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("operating endpoints and graceful shutdown", () => {
  it("report health, readiness and metrics, then stop gracefully and give every seat back", {
    timeout: 120_000,
  }, async () => {
    const first = await startServerProcess(dbPath);
    servers.push(first);
    expect((await api(first, "/healthz")).body).toMatchObject({ ok: true, storeOk: true, store: "sqlite" });
    expect((await api(first, "/readyz")).body).toMatchObject({ ready: true });

    const session = await createSession(first, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const facilitator = await joinAsFacilitator(first, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(first, session.code, "Ana");
    const bruno = await joinAsPlayer(first, session.code, "Bruno");
    seats.push(facilitator, ana, bruno);
    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");
    ana.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await bruno.waitFor(
      () => bruno.state.teams[0]?.work?.edits.some((e) => e.edit.includes("odbl")) ?? false,
      "the edit reaches Bruno",
    );
    await ana.expectError("approve", { stepId: "licence" });

    const metrics = await api<string>(first, "/metrics");
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(sample(metrics.text, "datatruc_rooms")).toBe(1);
    expect(sample(metrics.text, "datatruc_connected_clients")).toBe(3);
    expect(sample(metrics.text, 'datatruc_messages_total{type="edit"}')).toBe(1);
    expect(metrics.text).toMatch(/^datatruc_refusals_total\{type="approve",reason="[a-z-]+"\} 1$/m);
    expect(sample(metrics.text, "datatruc_action_to_patch_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(sample(metrics.text, 'datatruc_store_write_seconds_count{op="append_log"}')).toBeGreaterThan(0);
    expect(sample(metrics.text, "datatruc_event_loop_busy_seconds_total")).toBeGreaterThan(0);

    // SIGTERM: every client is told to come back (4010), the process logs its stop and exits.
    const drops = new Map<Seat, number>();
    for (const seat of seats) {
      // With reconnection off, the SDK reports the close as a drop or as a leave.
      seat.room.onDrop((code) => drops.set(seat, code));
      seat.room.onLeave((code) => drops.set(seat, code));
    }
    for (const seat of seats) seat.room.reconnection.enabled = false;
    await first.stop();
    // onDrop does not wake Seat.waitFor: poll.
    await expect.poll(() => drops.size, { timeout: 25_000 }).toBe(3);
    expect([...drops.values()]).toEqual([4010, 4010, 4010]);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    // Same place, nothing lost: the seats come back with their keys, the draft is there.
    const second = await startServerProcess(dbPath);
    servers.push(second);
    const anaBack = await joinAsPlayer(second, session.code, "Ana", { seatKey: ana.seatKey ?? "" });
    const brunoBack = await joinAsPlayer(second, session.code, "Bruno", { seatKey: bruno.seatKey ?? "" });
    seats.push(anaBack, brunoBack);
    expect([anaBack.playerId, brunoBack.playerId]).toEqual([ana.playerId, bruno.playerId]);
    await anaBack.waitFor(
      () => draftJson(anaBack.state.teams[0]?.work, "licence")?.includes("odbl") ?? false,
    );
    const restored = await api<string>(second, "/metrics");
    expect(sample(restored.text, "datatruc_restore_seconds_count")).toBe(1);
  });
});

describe("metrics behind a token", () => {
  it("with METRICS_TOKEN set, /metrics answers only its bearer; health and readiness stay open", {
    timeout: 60_000,
  }, async () => {
    const server = await startServerProcess(join(dir.path, "token.sqlite"), {
      METRICS_TOKEN: "jeton-de-supervision",
    });
    servers.push(server);
    const anonymous = await api<{ error: string }>(server, "/metrics");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect(anonymous.body.error).toMatch(/jeton/);
    expect(anonymous.text).not.toContain("datatruc_rooms");
    const wrong = await api(server, "/metrics", { headers: { authorization: "Bearer autre-chose" } });
    expect(wrong.status).toBe(401);
    const right = await api<string>(server, "/metrics", {
      headers: { authorization: "Bearer jeton-de-supervision" },
    });
    expect(right.status).toBe(200);
    expect(right.text).toMatch(/^datatruc_rooms 0$/m);
    expect((await api(server, "/healthz")).status).toBe(200);
    expect((await api(server, "/readyz")).status).toBe(200);
  });
});
