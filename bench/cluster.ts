/**
 * The game server(s) a rung runs against, each in its own process (so that their CPU and memory are
 * measured apart from the load): one process on SQLite, or two processes sharing a fresh Redis and a
 * PostgreSQL database (started on loopback like the scale-out tests), players spread by the
 * matchmaker. With `cpuProfileDir`, servers run under `--cpu-prof` and write their profile on exit;
 * with `heapSnapshotDir`, they write a heap snapshot there on SIGUSR2 (`heapSnapshot`).
 */
import { readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ServerProcess, startServerProcess } from "../tests/server/harness.ts";
import { freePort, type RunningService, startPostgres, startRedis } from "../tests/support/services.ts";

export type Topology = "one" | "two";

/** Loopback load from one address: the per-address join and creation limits do not apply. */
export const BENCH_ENV = { JOIN_LIMIT: "1000000", CREATE_PER_HOUR: "1000000" };

export interface Cluster {
  servers: ServerProcess[];
  /** Where sessions are created and players ask to join (the matchmaker places the rooms). */
  entry: ServerProcess;
  stop(): Promise<void>;
}

export async function startCluster(
  topology: Topology,
  dir: string,
  options: { cpuProfileDir?: string; heapSnapshotDir?: string; postgres?: () => Promise<string> } = {},
): Promise<Cluster> {
  const nodeArgs = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  if (options.heapSnapshotDir)
    nodeArgs.push("--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${options.heapSnapshotDir}`);
  if (topology === "one") {
    const server = await startServerProcess(join(dir, "bench.sqlite"), BENCH_ENV, nodeArgs);
    return { servers: [server], entry: server, stop: () => server.stop() };
  }
  if (!options.postgres) throw new Error("two processes need PostgreSQL");
  const redis: RunningService = await startRedis();
  const databaseUrl = await options.postgres();
  const servers: ServerProcess[] = [];
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    servers.push(
      await startServerProcess(
        join(dir, `unused-${i}.sqlite`),
        {
          ...BENCH_ENV,
          PORT: String(port),
          PUBLIC_ADDRESS: `127.0.0.1:${port}`,
          REDIS_URL: redis.url,
          DATABASE_URL: databaseUrl,
        },
        nodeArgs,
      ),
    );
  }
  return {
    servers,
    entry: servers[0] as ServerProcess,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await redis.stop();
    },
  };
}

/**
 * Has a server (started with `heapSnapshotDir`) write a heap snapshot, kept as `<dir>/<name>.heapsnapshot`.
 * Taken between measurements: writing it costs the server memory of its own (not for RSS figures).
 */
export async function heapSnapshot(server: ServerProcess, dir: string, name: string): Promise<void> {
  const snapshots = () =>
    readdirSync(dir).filter((f) => f.startsWith("Heap.") && f.endsWith(".heapsnapshot"));
  const earlier = new Set(snapshots());
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  process.kill(server.pid, "SIGUSR2");
  let file: string | undefined;
  while (!file) {
    await sleep(200);
    file = snapshots().find((f) => !earlier.has(f));
  }
  // Written once its size stays the same for a second and the server answers again.
  let size = -1;
  for (;;) {
    await sleep(1000);
    const now = statSync(join(dir, file)).size;
    const answered = await fetch(`${server.url}/healthz`).then(
      () => true,
      () => false,
    );
    if (now === size && answered) break;
    size = now;
  }
  renameSync(join(dir, file), join(dir, `${name}.heapsnapshot`));
}

/** A PostgreSQL cluster for the scale-out ladder: a fresh database per rung. */
export async function postgresDatabases(): Promise<{ next(): Promise<string>; stop(): Promise<void> }> {
  const postgres = await startPostgres();
  let n = 0;
  return { next: () => postgres.database(`bench${++n}`), stop: () => postgres.stop() };
}
