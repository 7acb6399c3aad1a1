/**
 * Two server processes sharing Redis (REDIS_URL): a session created on one is found and joined
 * through the other, since join codes resolve through Colyseus presence. Needs `redis-server`
 * (installed by .ci/run); skipped loudly when it is absent, except under CI.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, hasRedis, type RunningService, requireService, startRedis } from "../support/services.ts";
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

const available = requireService("redis-server", hasRedis, "apt-get install redis-server");

describe.skipIf(!available)("several processes sharing Redis", () => {
  const dir = tempDir();
  let redis: RunningService;
  const servers: ServerProcess[] = [];
  const seats: Seat[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(
        await startServerProcess(join(dir.path, "shared.sqlite"), {
          PORT: String(port),
          REDIS_URL: redis.url,
          PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(seats.map((s) => s.leave()));
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    dir.remove();
  });

  it("resolves a join code created on one process from the other, and seats players through both", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const session = await createSession(a, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const viaB = await api<{ roomId: string | null; canJoin: boolean }>(b, `/api/sessions/${session.code}`);
    expect(viaB.body).toMatchObject({ roomId: session.roomId, canJoin: true });

    const facilitator = await joinAsFacilitator(a, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(a, session.code, "Ana");
    const bruno = await joinAsPlayer(b, session.code, "Bruno");
    seats.push(facilitator, ana, bruno);
    await facilitator.waitFor(() => facilitator.state.players.size === 2, "both players in the same room");
    facilitator.send("start", {});
    await bruno.waitFor(() => bruno.state.phase === "playing", "playing");
    bruno.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await ana.waitFor(
      () => draftJson(ana.state.teams[0]?.work, "licence")?.includes("odbl") === true,
      "Bruno's edit seen by Ana",
    );
  });
});
