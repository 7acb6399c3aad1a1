import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { hasPostgres, requireService, startPostgres } from "../../tests/support/services.ts";
import { migrations } from "./migrations.ts";
import { openDatabase, Store, type StoreConfig } from "./store.ts";

/** The same tests run on a throwaway PostgreSQL cluster when its server is installed (always under CI). */
const withPostgres = requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");
let postgres: ReturnType<typeof startPostgres> | undefined;
let databases = 0;
afterAll(async () => {
  await (await postgres)?.stop();
});

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "datatruc-store-"));
  dirs.push(dir);
  return join(dir, "nested", "db.sqlite");
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const session = {
  code: "ABC234",
  scenarioId: "exemple",
  scenarioTitle: "Exemple",
  organisation: "Département de la Gironde",
  facilitatorKeyHash: "hash",
  options: { pace: "facilitator" },
  seed: 42,
  phase: "lobby",
  createdAt: 1_700_000_000_000,
  startedAt: null,
  endedAt: null,
  scenarioHash: "h1",
  rulesVersion: 1,
};

const backends: [string, () => Promise<StoreConfig>][] = [
  ["a SQLite file", async () => ({ kind: "sqlite", path: tempDbPath() })],
];
if (withPostgres) {
  backends.push([
    "PostgreSQL",
    async () => {
      postgres ??= startPostgres();
      databases += 1;
      return { kind: "postgres", url: await (await postgres).database(`store_${databases}`) };
    },
  ]);
}

describe.each(backends)("Store on %s", (_name, makeConfig) => {
  it("creates the database, migrates, and keeps everything across a reopen", async () => {
    const config = await makeConfig();
    const store = await Store.open(config);
    await store.createSession(session);
    await store.appendLog("ABC234", [
      { seq: 1, at: 1, kind: "join", actor: "p1", payload: { name: "Ana" } },
      { seq: 2, at: 2, kind: "edit", actor: "p1", payload: { op: "toggle-option", optionId: "a" } },
    ]);
    await store.saveResults(
      "ABC234",
      [
        {
          playerId: "p1",
          stepId: "s1",
          stepIndex: 0,
          teamId: "t1",
          score: 0.5,
          attempts: 1,
          hintsUsed: 0,
          closedAt: 5,
        },
      ],
      [
        {
          playerId: "p1",
          playerName: "Ana",
          teamId: "t1",
          teamName: "Équipe 1",
          rank: 1,
          points: 0.5,
          skills: [{ competence: "licences", label: "Licences", points: 0.5, level: null, levelLabel: null }],
        },
      ],
      10,
    );
    const issued = await store.issueAttestation({
      verificationCode: "VERIFY123",
      sessionCode: "ABC234",
      playerId: "p1",
      playerName: "Ana",
      organisation: session.organisation,
      scenarioId: "exemple",
      scenarioTitle: "Exemple",
      issuedAt: 11,
      skills: [],
    });
    expect(issued.verificationCode).toBe("VERIFY123");
    // A second issue for the same player keeps the first code.
    const again = await store.issueAttestation({ ...issued, verificationCode: "OTHER", skills: [] });
    expect(again.verificationCode).toBe("VERIFY123");
    await store.updateSessionPhase("ABC234", "ended", 3, 4);
    await store.close();

    const reopened = await Store.open(config);
    expect(await reopened.getSession("ABC234")).toMatchObject({ phase: "ended", startedAt: 3, endedAt: 4 });
    expect((await reopened.readLog("ABC234")).map((e) => e.kind)).toEqual(["join", "edit"]);
    expect(await reopened.lastLogSeq("ABC234")).toBe(2);
    const results = await reopened.getResults("ABC234");
    expect(results.steps[0]).toMatchObject({ playerId: "p1", score: 0.5, closedAt: 5 });
    expect(results.players[0]?.skills[0]?.competence).toBe("licences");
    expect(await reopened.getAttestation("VERIFY123")).toMatchObject({ playerName: "Ana" });
    expect(await reopened.getAttestation("NOPE")).toBeNull();
    await reopened.close();
  });

  it("keeps scenario copies by hash; a session created before copies were kept gets one pinned once", async () => {
    const config = await makeConfig();
    const store = await Store.open(config);
    await store.saveScenarioVersion("h1", "exemple", { id: "exemple", n: 1 }, 10);
    await store.saveScenarioVersion("h2", "exemple", { id: "exemple", n: 2 }, 20);
    expect(await store.getScenarioVersion("h1")).toEqual({ id: "exemple", n: 1 });
    expect(await store.getScenarioVersion("nope")).toBeNull();
    expect(await store.latestScenarioVersion("exemple")).toEqual({ id: "exemple", n: 2 });
    // Saving a known content again keeps one copy and marks it as the latest used.
    await store.saveScenarioVersion("h1", "exemple", { id: "exemple", n: 1 }, 30);
    expect(await store.latestScenarioVersion("exemple")).toEqual({ id: "exemple", n: 1 });
    expect(await store.latestScenarioVersion("autre")).toBeNull();

    await store.createSession({ ...session, scenarioHash: null, rulesVersion: null });
    expect(await store.getSession("ABC234")).toMatchObject({ scenarioHash: null, rulesVersion: null });
    await store.pinSessionScenario("ABC234", "h2", 1);
    await store.pinSessionScenario("ABC234", "h1", 7); // already pinned: unchanged
    await store.close();
    const reopened = await Store.open(config);
    expect(await reopened.getSession("ABC234")).toMatchObject({ scenarioHash: "h2", rulesVersion: 1 });
    await reopened.close();
  });

  it("refuses a log entry with a sequence number already used (append-only)", async () => {
    const store = await Store.open(await makeConfig());
    await store.createSession(session);
    await store.appendLog("ABC234", [{ seq: 1, at: 1, kind: "join", actor: "p1", payload: {} }]);
    await expect(
      store.appendLog("ABC234", [{ seq: 1, at: 2, kind: "join", actor: "p2", payload: {} }]),
    ).rejects.toThrow();
    await store.close();
  });

  it("upgrades a database of the first schema version without loss, then links carnets to it", async () => {
    const config = await makeConfig();
    if (config.kind === "sqlite") {
      // A database written by the code of before the carnets (migration 0001 only).
      mkdirSync(join(config.path, ".."), { recursive: true });
      copyFileSync(join(import.meta.dirname, "fixtures", "store-0001.sqlite"), config.path);
    } else {
      await writeFirstVersion(config);
    }
    const store = await Store.open(config);
    expect(await store.getSession("GIR234")).toMatchObject({
      organisation: "Département de la Gironde",
      phase: "ended",
      endedAt: 1_700_000_900_000,
    });
    expect((await store.readLog("GIR234")).map((e) => e.actor)).toEqual(["p1"]);
    const results = await store.getResults("GIR234");
    expect(results.players[0]).toMatchObject({ playerName: "Ana", teamName: "Les Hérons", points: 1 });
    expect(results.steps[0]).toMatchObject({ stepId: "licence", score: 1 });
    expect(await store.getAttestation("ABCD-EFGH-JKMN-PQRS")).toMatchObject({ playerName: "Ana" });
    // The new tables work on the old data.
    await store.carnets.create({ id: "c1", codeHash: "h1", displayName: "Ana", createdAt: 1 });
    await store.carnets.link("c1", "GIR234", "p1", 2);
    expect(await store.carnets.steps("c1")).toEqual([
      { sessionCode: "GIR234", scenarioId: "exemple", stepId: "licence", score: 1 },
    ]);
    expect((await store.carnets.attestations("c1")).map((a) => a.verificationCode)).toEqual([
      "ABCD-EFGH-JKMN-PQRS",
    ]);
    await store.carnets.erase("c1");
    expect(await store.carnets.findByCodeHash("h1")).toBeNull();
    expect((await store.getResults("GIR234")).players[0]?.playerName).toBe("Anonyme");
    expect((await store.getResults("GIR234")).steps).toHaveLength(1);
    await store.close();
  });

  it("upgrades a database made before the seat index without loss, and indexes new joins", async () => {
    const config = await makeConfig();
    const old = openDatabase(config);
    const initialOnly = { "0001_initial": migrations["0001_initial"] };
    const migrated = await new Migrator({
      db: old,
      provider: { getMigrations: async () => initialOnly as typeof migrations },
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    await old
      .insertInto("sessions")
      .values({
        code: "ABC234",
        scenario_id: "exemple",
        scenario_title: "Exemple",
        organisation: "Ville",
        facilitator_key_hash: "hash",
        options_json: "{}",
        seed: 1,
        phase: "playing",
        created_at: 1,
        started_at: null,
        ended_at: null,
      })
      .execute();
    const join = (seq: number, actor: string, hash: string) => ({
      session_code: "ABC234",
      seq,
      at: seq,
      kind: "join",
      actor,
      payload_json: JSON.stringify({ name: actor, seatKeyHash: hash }),
    });
    await old
      .insertInto("session_log")
      .values([
        join(1, "p1", "hash-1"),
        { ...join(2, "p1", "x"), kind: "edit", payload_json: "{}" },
        join(3, "p2", "hash-2"),
      ])
      .execute();
    await old.destroy();

    const store = await Store.open(config);
    expect(await store.seatKeyHash("ABC234", "p1")).toBe("hash-1");
    expect(await store.seatKeyHash("ABC234", "p2")).toBe("hash-2");
    expect(await store.seatKeyHash("ABC234", "p3")).toBeNull();
    expect((await store.readLog("ABC234")).map((e) => e.kind)).toEqual(["join", "edit", "join"]);
    await store.appendLog("ABC234", [
      { seq: 4, at: 4, kind: "join", actor: "p3", payload: { name: "Chloé", seatKeyHash: "hash-3" } },
    ]);
    expect(await store.seatKeyHash("ABC234", "p3")).toBe("hash-3");
    await store.close();
  });
});

/** The same data as fixtures/store-0001.sqlite, written with the first migration only (PostgreSQL). */
async function writeFirstVersion(config: StoreConfig & { kind: "postgres" }): Promise<void> {
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 1 }) }),
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo("0001_initial");
  if (error) throw error;
  await db
    .insertInto("sessions")
    .values({
      code: "GIR234",
      scenario_id: "exemple",
      scenario_title: "Exemple",
      organisation: "Département de la Gironde",
      facilitator_key_hash: "0".repeat(64),
      options_json: '{"pace":"facilitator"}',
      seed: 7,
      phase: "ended",
      created_at: 1_700_000_000_000,
      started_at: 1_700_000_060_000,
      ended_at: 1_700_000_900_000,
    })
    .execute();
  await db
    .insertInto("session_log")
    .values({
      session_code: "GIR234",
      seq: 1,
      at: 1_700_000_001_000,
      kind: "join",
      actor: "p1",
      payload_json: "{}",
    })
    .execute();
  await db
    .insertInto("step_results")
    .values({
      session_code: "GIR234",
      player_id: "p1",
      step_id: "licence",
      step_index: 0,
      team_id: "t1",
      score: 1,
      attempts: 1,
      hints_used: 0,
      closed_at: 1_700_000_100_000,
    })
    .execute();
  await db
    .insertInto("player_results")
    .values({
      session_code: "GIR234",
      player_id: "p1",
      player_name: "Ana",
      team_id: "t1",
      team_name: "Les Hérons",
      rank: 1,
      points: 1,
      skills_json: "[]",
      updated_at: 1,
    })
    .execute();
  await db
    .insertInto("attestations")
    .values({
      verification_code: "ABCD-EFGH-JKMN-PQRS",
      session_code: "GIR234",
      player_id: "p1",
      player_name: "Ana",
      organisation: "Département de la Gironde",
      scenario_id: "exemple",
      scenario_title: "Exemple",
      issued_at: 1_700_000_950_000,
      skills_json: "[]",
    })
    .execute();
  await db.destroy();
}
