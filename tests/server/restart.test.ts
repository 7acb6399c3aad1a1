/**
 * Persistence across a restart: results, the CSV export and attestations written before the server
 * stops are served after it starts again on the same SQLite file, and a live session comes back
 * (its room replays the session log): same teams, drafts and scores; players return with their seat key. Also: the server refuses to start
 * on an invalid scenario, with a clear message.
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import {
  api,
  draftJson,
  joinAsFacilitator,
  joinAsPlayer,
  type Seat,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";
import { comparableState, leaveAll, setUpSession } from "./play.ts";

const scenario = loadCatalog("scenarios").scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");
const dir = tempDir();
const servers: ServerProcess[] = [];
const seats: Seat[] = [];

afterAll(async () => {
  await Promise.all(seats.map((s) => s.leave()));
  await Promise.all(servers.map((s) => s.stop()));
  dir.remove();
});

describe("a server restart", () => {
  it("keeps every finished step's results, exports and attestations", async () => {
    const dbPath = join(dir.path, "db.sqlite");
    const first = await startServerProcess(dbPath);
    servers.push(first);
    const played = await setUpSession(first, scenario, "facilitator");
    const { facilitator, teams, session } = played;
    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
    // Team 0 answers the first step right; then the facilitator reveals it.
    const [editor, approver] = teams[0]?.members ?? [];
    if (!editor || !approver) throw new Error("team");
    editor.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } });
    editor.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    editor.send("propose", { stepId: "licence" });
    await approver.waitFor(
      () => approver.state.teams.some((t) => t.proposal?.stepId === "licence"),
      "proposal",
    );
    approver.send("approve", {
      stepId: "licence",
      proposalId: approver.state.teams.find((t) => t.proposal?.stepId === "licence")?.proposal?.id ?? "",
    });
    await facilitator.waitFor(() => (facilitator.state.teams[0]?.steps[0]?.attempts ?? 0) === 1, "attempt");
    facilitator.send("reveal", {});
    await facilitator.waitFor(() => facilitator.state.teams.every((t) => t.steps[0]?.revealed), "revealed");

    const auth = { headers: { authorization: `Bearer ${session.facilitatorKey}` } };
    const results = await api<{ players: { playerId: string; points: number }[] }>(
      first,
      `/api/sessions/${session.code}/results`,
      auth,
    );
    const csv = await api(first, `/api/sessions/${session.code}/results?format=csv`, auth);
    const attestation = await api<{ verificationCode: string }>(
      first,
      `/api/sessions/${session.code}/attestations/${editor.playerId}`,
      auth,
    );
    expect(results.body.players).toHaveLength(9);
    expect(results.body.players.find((p) => p.playerId === editor.playerId)?.points).toBe(1);
    // Team 1 has a draft in progress on the next step when the server stops.
    facilitator.send("next", {});
    await facilitator.waitFor(() => facilitator.state.currentStep === 1, "step 2");
    const other = teams[1]?.members[0] as Seat;
    other.send("edit", {
      stepId: "documents",
      edit: { op: "place-item", itemId: "etude", bucketId: "tous" },
    });
    await facilitator.waitFor(
      () => draftJson(facilitator.state.teams[1]?.work, "documents")?.includes("etude") === true,
      "draft in progress",
    );
    const stateBefore = comparableState(facilitator);

    await leaveAll(played);
    await first.stop();
    const second = await startServerProcess(dbPath);
    servers.push(second);

    const after = await api(second, `/api/sessions/${session.code}/results`, auth);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(results.body);
    expect((await api(second, `/api/sessions/${session.code}/results?format=csv`, auth)).text).toBe(csv.text);
    const again = await api<{ verificationCode: string }>(
      second,
      `/api/sessions/${session.code}/attestations/${editor.playerId}`,
      auth,
    );
    expect(again.body.verificationCode).toBe(attestation.body.verificationCode);
    const check = await api<{ playerName: string }>(
      second,
      `/api/attestations/${attestation.body.verificationCode}`,
    );
    expect(check.body.playerName).toBe(editor.label);
    // The live session came back: its room replayed the log.
    const info = await api<{ phase: string; canJoin: boolean; roomId: string | null }>(
      second,
      `/api/sessions/${session.code}`,
    );
    expect(info.body).toMatchObject({ phase: "playing", canJoin: true });
    const console2 = await joinAsFacilitator(second, session.code, session.facilitatorKey);
    const otherBack = await joinAsPlayer(second, session.code, other.label, { seatKey: other.seatKey ?? "" });
    seats.push(console2, otherBack);
    expect(otherBack.playerId).toBe(other.playerId);
    await console2.waitFor(
      () => console2.state.players.get(other.playerId ?? "")?.connected === true,
      "back",
    );
    // Same teams, steps, scores, drafts, timer as before the restart.
    expect(comparableState(console2)).toEqual(stateBefore);
    expect(console2.state.players.get(editor.playerId ?? "")?.connected).toBe(false);
    // The game goes on.
    otherBack.send("edit", {
      stepId: "documents",
      edit: { op: "place-item", itemId: "deliberation", bucketId: "tous" },
    });
    await console2.waitFor(
      () => draftJson(console2.state.teams[1]?.work, "documents")?.includes("deliberation") === true,
      "edit after the restart",
    );
    expect(otherBack.revealed().map((r) => r.stepId)).toEqual(["licence"]);
  }, 60_000);
});

describe("starting on an invalid scenario", () => {
  it("refuses to start and names the file", async () => {
    const scenariosDir = join(dir.path, "scenarios");
    cpSync("scenarios", scenariosDir, { recursive: true });
    writeFileSync(join(scenariosDir, "casse.json"), JSON.stringify({ version: 1, id: "casse", steps: [] }));
    const failed = await startServerProcess(join(dir.path, "other.sqlite"), {
      SCENARIOS_DIR: scenariosDir,
    }).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toContain("casse.json");
    expect((failed as Error).message).toContain("Impossible de démarrer");
  });
});
