/**
 * The nginx configuration of docs/deploy.md, as written there (only listen address, upstream ports and
 * TLS lines adapted to loopback), run by Debian's nginx in front of two Datatruc processes sharing Redis
 * and PostgreSQL; a session is played through it (HTTP API, WebSocket upgrade to each process's path).
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasNginx, nginxPorts, publicAddress, startDeployNginx } from "../support/nginx.ts";
import { hasPostgres, hasRedis, requireService, startPostgres, startRedis } from "../support/services.ts";
import {
  api,
  createSession,
  joinAsFacilitator,
  joinAsPlayer,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const available =
  requireService("nginx", hasNginx, "apt-get install nginx") &&
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");

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
    const ports = await nginxPorts();
    const servers: ServerProcess[] = [];
    for (const [i, port] of [ports.p1, ports.p2].entries()) {
      const server = await startServerProcess(join(dir.path, "unused.sqlite"), {
        PORT: String(port),
        PUBLIC_ADDRESS: publicAddress(ports, i === 0 ? 1 : 2),
        REDIS_URL: redis.url,
        DATABASE_URL: databaseUrl,
      });
      servers.push(server);
      stops.push(() => server.stop());
    }
    const nginx = await startDeployNginx(dir.path, ports);
    stops.push(() => nginx.stop());
    const front = { ...servers[0], url: nginx.url } as ServerProcess;
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
