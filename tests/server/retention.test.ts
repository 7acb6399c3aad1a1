/**
 * Retention (issue 15): `npm run data -- forget` deletes what names one player, `npm run data --
 * purge` removes older sessions' personal data and keeps an anonymous aggregate.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Store } from "../../server/store/store.ts";
import {
  api,
  createSession,
  joinAsFacilitator,
  joinAsPlayer,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const dir = tempDir();
const dbPath = join(dir.path, "db.sqlite");
afterAll(() => dir.remove());

function data(...args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "server/cli/data.ts", ...args], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { ...process.env, DATABASE_PATH: dbPath, DATABASE_URL: "" },
    encoding: "utf8",
  });
}

describe("personal data", () => {
  it("is deleted for one player on request, and purged with anonymous aggregates kept", {
    timeout: 120_000,
  }, async () => {
    const server = await startServerProcess(dbPath);
    const session = await createSession(server, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
    const facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(server, session.code, "Anastasia Dupont");
    const bruno = await joinAsPlayer(server, session.code, "Bruno Martin");
    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");
    facilitator.send("end", {});
    await ana.waitFor(() => ana.state.phase !== "playing", "ended");
    const auth = { headers: { authorization: `Bearer ${session.facilitatorKey}` } };
    const attestation = await api<{ verificationCode: string }>(
      server,
      `/api/sessions/${session.code}/attestations/${ana.playerId}`,
      auth,
    );
    expect(attestation.status).toBe(200);
    await Promise.all([facilitator, ana, bruno].map((s) => s.leave()));
    await server.stop();

    expect(data("forget", session.code, ana.playerId ?? "")).toContain("supprimées");
    let store = await Store.open({ kind: "sqlite", path: dbPath });
    const log = JSON.stringify(await store.readLog(session.code));
    expect(log).not.toContain("Anastasia");
    expect(log).toContain("Bruno Martin");
    const results = await store.getResults(session.code);
    expect(JSON.stringify(results)).not.toContain("Anastasia");
    expect(await store.getAttestation(attestation.body.verificationCode)).toBeNull();
    expect(await store.seatKeyHash(session.code, ana.playerId ?? "")).toBeNull();
    await store.close();

    expect(data("purge", "--days", "0")).toContain(session.code);
    store = await Store.open({ kind: "sqlite", path: dbPath });
    expect(await store.readLog(session.code)).toEqual([]);
    expect((await store.getResults(session.code)).players).toEqual([]);
    expect(await store.getSession(session.code)).toMatchObject({ scenarioId: "exemple" });
    expect(await store.retention.aggregate(session.code)).toMatchObject({
      players: 2,
      scenarioId: "exemple",
    });
    await store.close();
    // A second purge has nothing left to do.
    expect(data("purge", "--days", "0")).toContain("0 session");
  });
});
