import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { hasPostgres, requireService, startPostgres } from "../../tests/support/services.ts";
import { Store, type StoreConfig } from "./store.ts";

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

  it("refuses a log entry with a sequence number already used (append-only)", async () => {
    const store = await Store.open(await makeConfig());
    await store.createSession(session);
    await store.appendLog("ABC234", [{ seq: 1, at: 1, kind: "join", actor: "p1", payload: {} }]);
    await expect(
      store.appendLog("ABC234", [{ seq: 1, at: 2, kind: "join", actor: "p2", payload: {} }]),
    ).rejects.toThrow();
    await store.close();
  });
});
