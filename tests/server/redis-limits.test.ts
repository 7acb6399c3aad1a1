/**
 * The flood limits counted in Redis (`REDIS_URL`), with real server processes sharing a real Redis and
 * PostgreSQL (issue 15 finding 2): a seat cut for flooding gets no fresh allowance when its room comes
 * back on another process, and an address's joins are counted once for every process.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCodes } from "../../shared/protocol.ts";
import {
  freePort,
  hasPostgres,
  hasRedis,
  type RunningService,
  requireService,
  roomHost,
  startPostgres,
  startRedis,
} from "../support/services.ts";
import {
  createSession,
  joinAsFacilitator,
  joinAsPlayer,
  type Seat,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const available =
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");

const FLOOD = { burst: 10, rate: 5 };
const JOIN_LIMIT = 6;
const toggle = { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } };

/** Processes sharing one Redis (its own per describe: the counts start from zero) and PostgreSQL. */
function useCluster(name: string, env: Record<string, string>) {
  const dir = tempDir();
  let redis: RunningService;
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  let databaseUrl: string;
  const servers: ServerProcess[] = [];
  const seats: Seat[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    postgres = await startPostgres();
    databaseUrl = await postgres.database(name);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(seats.map((s) => s.leave()));
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    await postgres?.stop();
    dir.remove();
  });
  return {
    seats,
    /** A process advertising its own address: the SDK connects straight to the one hosting a room. */
    async start(): Promise<ServerProcess> {
      const port = await freePort();
      const server = await startServerProcess(join(dir.path, "unused.sqlite"), {
        PORT: String(port),
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        REDIS_URL: redis.url,
        DATABASE_URL: databaseUrl,
        ...env,
      });
      servers.push(server);
      return server;
    },
    /** `kill -9`: the process dies at once, nothing is told or flushed. */
    async crash(server: ServerProcess): Promise<void> {
      servers.splice(servers.indexOf(server), 1);
      process.kill(server.pid, "SIGKILL");
      await server.stop();
    },
    host: (code: string) => roomHost(redis.url, code),
  };
}

describe.skipIf(!available)("the per-seat flood limit, in Redis", () => {
  const cluster = useCluster("flood", {
    FLOOD_BURST: String(FLOOD.burst),
    FLOOD_RATE: String(FLOOD.rate),
    // Longer than the test: the seat is still blocked when it comes back, however slow the machine.
    FLOOD_BLOCK_SECONDS: "600",
  });

  it("gives a seat no fresh allowance when its room comes back on another process", async () => {
    const [a, b] = [await cluster.start(), await cluster.start()];
    const created = await createSession(a, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const facilitator = await joinAsFacilitator(a, created.code, created.facilitatorKey);
    const flooder = await joinAsPlayer(a, created.code, "Flood");
    const witness = await joinAsPlayer(a, created.code, "Témoin");
    cluster.seats.push(facilitator, flooder, witness);
    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
    for (let i = 0; i < 40; i++) flooder.send("edit", toggle);
    await flooder.waitFor(() => flooder.leftCode !== null, "flooder closed");
    expect(flooder.leftCode).toBe(CloseCodes.flooding);

    // The process hosting the room crashes; a new one restores it (on itself or on the other one).
    const host = (await cluster.host(created.code)) === new URL(a.url).host ? a : b;
    const survivor = host === a ? b : a;
    for (const seat of [facilitator, flooder, witness]) seat.room.reconnection.enabled = false;
    await cluster.crash(host);
    const restarted = await cluster.start();
    expect(await cluster.host(created.code)).not.toBe(new URL(host.url).host);

    const console2 = await joinAsFacilitator(survivor, created.code, created.facilitatorKey);
    const floodEdits = () =>
      [...(console2.state.teams[0]?.work?.edits ?? [])].filter((e) => e.playerId === flooder.playerId).length;
    const before = floodEdits();
    expect(before).toBeGreaterThan(0);
    // The flooder comes back with its seat key, through the new process: its first edit closes it again.
    const back = await joinAsPlayer(restarted, created.code, "Flood", { seatKey: flooder.seatKey ?? "" });
    const witnessBack = await joinAsPlayer(restarted, created.code, "Témoin", {
      seatKey: witness.seatKey ?? "",
    });
    cluster.seats.push(console2, back, witnessBack);
    expect(back.playerId).toBe(flooder.playerId);
    back.send("edit", toggle);
    await back.waitFor(() => back.leftCode !== null, "flooder closed again");
    expect(back.leftCode).toBe(CloseCodes.flooding);
    // A teammate's edit, handled after the flooder's: the flooder's did not count.
    witnessBack.send("edit", toggle);
    await console2.waitFor(
      () => console2.state.teams[0]?.work?.edits.at(-1)?.playerId === witness.playerId,
      "the witness's edit",
    );
    expect(floodEdits()).toBe(before);
    expect(witnessBack.leftCode).toBeNull();
  }, 120_000);
});

describe.skipIf(!available)("the per-address join limit, in Redis", () => {
  const cluster = useCluster("joins", { JOIN_LIMIT: String(JOIN_LIMIT) });

  it("counts an address's joins once for every process", async () => {
    const [a, b] = [await cluster.start(), await cluster.start()];
    // Two sessions hosted by different processes (a new room goes to the process with the fewest).
    const body = { scenarioId: "exemple", teamCount: 1, teamSize: 12 };
    const first = await createSession(a, body);
    const firstHost = await cluster.host(first.code);
    let second = await createSession(b, body);
    for (let i = 0; i < 10 && (await cluster.host(second.code)) === firstHost; i++) {
      second = await createSession(i % 2 ? a : b, body);
    }
    expect(await cluster.host(second.code)).not.toBe(firstHost);

    // Half the address's budget on one process…
    for (let i = 0; i < JOIN_LIMIT / 2; i++) {
      cluster.seats.push(await joinAsPlayer(a, first.code, `Joueur ${i}`));
    }
    // …the rest on the other; then it is spent, on both.
    for (let i = 0; i < JOIN_LIMIT / 2; i++) {
      cluster.seats.push(await joinAsPlayer(b, second.code, `Joueuse ${i}`));
    }
    for (const [server, code] of [
      [b, second.code],
      [a, first.code],
    ] as const) {
      await expect(joinAsPlayer(server, code, "Une de trop")).rejects.toThrow("rate-limited");
    }
  }, 120_000);
});
