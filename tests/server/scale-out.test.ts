/**
 * Scale-out as an organisation would run it: two server processes sharing a real Redis (presence +
 * driver) and a real PostgreSQL (results). A whole session is played on one process, players join
 * through the other, results and attestations are read from PostgreSQL by the other process and by a
 * third one started after both are gone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFiles } from "../../shared/scenario/files.ts";
import { Scenario } from "../../shared/scenario/schema.ts";
import {
  freePort,
  hasPostgres,
  hasRedis,
  type RunningService,
  requireService,
  startPostgres,
  startRedis,
} from "../support/services.ts";
import { api, joinAsScreen, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const available =
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");

const scenario = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "exemple.json"), "utf8")));

type Results = {
  players: { playerId: string; skills: { competence: string; points: number; level: string | null }[] }[];
};

describe.skipIf(!available)("two processes sharing Redis and PostgreSQL", () => {
  const dir = tempDir();
  let redis: RunningService;
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  let databaseUrl: string;
  const servers: ServerProcess[] = [];
  let played: PlayedSession;

  // Each process advertises its own address: the SDK connects straight to the process hosting a room.
  const start = async (label: string) => {
    const port = await freePort();
    const server = await startServerProcess(join(dir.path, `${label}-unused.sqlite`), {
      PORT: String(port),
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      REDIS_URL: redis.url,
      DATABASE_URL: databaseUrl,
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    redis = await startRedis();
    postgres = await startPostgres();
    databaseUrl = await postgres.database("scaleout");
  }, 60_000);

  afterAll(async () => {
    if (played) await leaveAll(played);
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    await postgres?.stop();
    dir.remove();
  });

  it("plays a session across both processes and serves its results from PostgreSQL", async () => {
    const [a, b] = [await start("a"), await start("b")];
    played = await playSession(a, scenario, "facilitator", (team) => (team === 0 ? "right" : "wrong"));

    // A projected screen opened through the other process lands in the same room and sees the ranking.
    const screen = await joinAsScreen(b, played.session.code);
    expect(screen.room.roomId).toBe(played.session.roomId);
    await screen.waitFor(() => screen.state.phase === "debrief", "debrief seen through B");
    await screen.leave();

    const fromB = await api<Results>(b, `/api/sessions/${played.session.code}/results`, {
      headers: { authorization: `Bearer ${played.session.facilitatorKey}` },
    });
    expect(fromB.status).toBe(200);
    // Team 0 solved every step: each member earns, per competence, the sum of its weights, and the
    // level the referential gives for those points.
    const { referential } = loadScenarioFiles(join(ROOT, "scenarios"));
    const expected = new Map<string, number>();
    for (const skill of scenario.steps.flatMap((s) => s.skills)) {
      expected.set(skill.competence, (expected.get(skill.competence) ?? 0) + skill.weight);
    }
    const levelFor = (points: number) =>
      referential?.levels.filter((l) => l.minPoints <= points).at(-1)?.id ?? null;
    const winners = played.teams[0]?.members.map((m) => m.playerId) ?? [];
    const winnerResults = fromB.body.players.filter((p) => winners.includes(p.playerId));
    expect(winnerResults).toHaveLength(winners.length);
    for (const player of winnerResults) {
      expect(Object.fromEntries(player.skills.map((s) => [s.competence, s.points]))).toEqual(
        Object.fromEntries(expected),
      );
      for (const skill of player.skills) expect(skill.level).toBe(levelFor(skill.points));
    }
    const losers = fromB.body.players.filter((p) =>
      played.teams[1]?.members.some((m) => m.playerId === p.playerId),
    );
    for (const player of losers) {
      const total = player.skills.reduce((sum, s) => sum + s.points, 0);
      expect(total).toBeLessThan([...expected.values()].reduce((a, b) => a + b, 0));
    }
  }, 180_000);

  it("still serves results and attestations from a fresh process once the others are gone", async () => {
    const { code, facilitatorKey } = played.session;
    const player = played.teams[0]?.members[0];
    const first = servers[0] as ServerProcess;
    const attestation = await api<{ verificationCode: string }>(
      first,
      `/api/sessions/${code}/attestations/${player?.playerId}`,
      { headers: { "x-seat-key": player?.seatKey ?? "" } },
    );
    expect(attestation.status).toBe(200);
    const before = await api<Results>(first, `/api/sessions/${code}/results?key=${facilitatorKey}`);

    await leaveAll(played);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    const fresh = await start("c");
    const after = await api<Results>(fresh, `/api/sessions/${code}/results?key=${facilitatorKey}`);
    expect(after.status).toBe(200);
    expect(after.body.players).toEqual(before.body.players);
    const check = await api<{ playerName: string }>(
      fresh,
      `/api/attestations/${attestation.body.verificationCode}`,
    );
    expect(check.status).toBe(200);
    expect(check.body.playerName).toBe(player?.label);
  }, 120_000);
});
