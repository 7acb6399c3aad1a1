/**
 * Throwaway Redis and PostgreSQL servers for the scale-out tests: each runs on a free loopback port
 * with its data in a temp dir and is stopped afterwards. When a server binary is missing the tests
 * that need it are skipped with a loud warning, except under CI, where they must run.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Skips (loudly) when a service is missing, or fails under CI. Returns true when available. */
export function requireService(name: string, available: boolean, install: string): boolean {
  if (available) return true;
  const message = `${name} is not installed (${install}): the tests that need it are skipped.`;
  if (process.env.CI) throw new Error(`${message} Under CI they must run.`);
  console.warn(`\n⚠ ${message}\n`);
  return false;
}

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

export async function startRedis(): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  process.once("exit", () => child.kill("SIGKILL"));
  await waitUntil(
    async () =>
      spawnSync("redis-cli", ["-p", String(port), "ping"])
        .stdout?.toString()
        .trim() === "PONG",
    "redis-server",
  );
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** Debian installs PostgreSQL's server binaries outside PATH, under /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

export const hasPostgres = postgresBin() !== null;

/**
 * A fresh PostgreSQL cluster (trust auth on loopback). initdb refuses to run as root, so as root the
 * cluster belongs to the `postgres` system user that Debian's package creates.
 */
export async function startPostgres(): Promise<RunningService & { database(name: string): Promise<string> }> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found");
  const dir = mkdtempSync(join(tmpdir(), "datatruc-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? spawn("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : spawn(cmd, args);
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const data = join(dir, "data");
  const init = spawnSync(
    asRoot ? "runuser" : join(bin, "initdb"),
    [
      ...(asRoot ? ["-u", "postgres", "--", join(bin, "initdb")] : []),
      "-D",
      data,
      "--auth=trust",
      "--username=postgres",
      "--encoding=UTF8",
      "--no-sync",
    ],
    { encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child = run(join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
  ]);
  process.once("exit", () => child.kill("SIGKILL"));
  const url = `postgres://postgres@127.0.0.1:${port}`;
  await waitUntil(async () => {
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    await client.end();
    return true;
  }, "postgres");
  return {
    url,
    async database(name: string) {
      const client = new pg.Client({ connectionString: `${url}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      return `${url}/${name}`;
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The public address (`PUBLIC_ADDRESS`) of the process hosting a session's room, read from Redis:
 *  the session's room id in Datatruc's presence hash, then Colyseus's room cache. */
export async function roomHost(redisUrl: string, code: string): Promise<string> {
  const redis = new Redis(redisUrl);
  try {
    const roomId = await redis.hget("datatruc:codes", code);
    const cache = roomId ? await redis.hget("roomcaches", roomId) : null;
    const address = cache ? (JSON.parse(cache) as { publicAddress?: string }).publicAddress : undefined;
    if (!address) throw new Error(`no process hosts session ${code} (room ${roomId})`);
    return address;
  } finally {
    redis.disconnect();
  }
}
