/**
 * The nginx configuration of docs/deploy.md, as written there (only listen address, upstream ports and
 * TLS lines adapted to loopback), run by Debian's nginx in front of two Datatruc processes sharing Redis
 * and PostgreSQL; a session is played through it (HTTP API, WebSocket upgrade to each process's path).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  freePort,
  hasPostgres,
  hasRedis,
  requireService,
  startPostgres,
  startRedis,
} from "../support/services.ts";
import {
  api,
  createSession,
  joinAsFacilitator,
  joinAsPlayer,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const hasNginx = spawnSync("nginx", ["-v"]).status === 0;
const available =
  requireService("nginx", hasNginx, "apt-get install nginx") &&
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");

/** The ```nginx block of docs/deploy.md, for loopback: its ports, no TLS. */
function deployNginxConfig(ports: { listen: number; p1: number; p2: number }): string {
  const doc = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
  const block = doc.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error("docs/deploy.md has no nginx block");
  return block
    .replace("listen 443 ssl;", `listen 127.0.0.1:${ports.listen};`)
    .replace(/^\s*ssl_certificate.*$/gm, "")
    .replaceAll("2561", String(ports.p1))
    .replaceAll("2562", String(ports.p2));
}

describe.skipIf(!available)("nginx from the deployment guide", () => {
  const dir = tempDir();
  const stops: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    dir.remove();
  });

  it("serves a session played through it by two processes", { timeout: 180_000 }, async () => {
    const redis = await startRedis();
    stops.push(() => redis.stop());
    const postgres = await startPostgres();
    stops.push(() => postgres.stop());
    const databaseUrl = await postgres.database("nginx");
    const ports = { listen: await freePort(), p1: await freePort(), p2: await freePort() };
    const servers: ServerProcess[] = [];
    for (const [i, port] of [ports.p1, ports.p2].entries()) {
      const server = await startServerProcess(join(dir.path, "unused.sqlite"), {
        PORT: String(port),
        PUBLIC_ADDRESS: `127.0.0.1:${ports.listen}/p${i + 1}`,
        REDIS_URL: redis.url,
        DATABASE_URL: databaseUrl,
      });
      servers.push(server);
      stops.push(() => server.stop());
    }
    const prefix = join(dir.path, "nginx");
    mkdirSync(join(prefix, "logs"), { recursive: true });
    writeFileSync(
      join(prefix, "nginx.conf"),
      `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n${deployNginxConfig(ports)}\n}\n`,
    );
    const nginx = spawn("nginx", ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], {
      stdio: "inherit",
    });
    stops.push(() => {
      nginx.kill("SIGTERM");
    });
    const front = { ...servers[0], url: `http://127.0.0.1:${ports.listen}` } as ServerProcess;
    for (let i = 0; i < 100 && (await fetch(`${front.url}/healthz`).catch(() => null))?.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await api(front, "/readyz")).body).toMatchObject({ ready: true });

    // Several sessions, so both processes host rooms; each is played through nginx.
    for (let i = 0; i < 2; i++) {
      const session = await createSession(front, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
      const facilitator = await joinAsFacilitator(front, session.code, session.facilitatorKey);
      const ana = await joinAsPlayer(front, session.code, "Ana");
      const bruno = await joinAsPlayer(front, session.code, "Bruno");
      facilitator.send("start", {});
      await ana.waitFor(() => ana.state.phase === "playing", "playing");
      ana.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
      await bruno.waitFor(
        () => bruno.state.teams[0]?.work?.edits.some((e) => e.edit.includes("odbl")) ?? false,
        "the edit reaches Bruno through nginx",
      );
      await Promise.all([facilitator, ana, bruno].map((s) => s.leave()));
    }
  });
});
