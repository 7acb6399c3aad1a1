/**
 * The scenario a session plays is fixed when the session is created: editing or deleting
 * `scenarios/x.json` afterwards changes neither a running session (after a restart its room replays
 * the log on the stored copy), nor a finished one's results and attestations, nor the badge its
 * attestations point to. New sessions get the edited file.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import {
  api,
  createSession,
  draftJson,
  joinAsFacilitator,
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

/** JSON with every absolute URL's origin blanked (each server process has its own port). */
const withoutOrigin = (body: unknown) =>
  JSON.parse(JSON.stringify(body).replace(/https?:\/\/[^/"]+/g, "ORIGIN"));

describe("a session's scenario", () => {
  it("stays the one it was created with when the file is edited, then deleted", async () => {
    const scenariosDir = join(dir.path, "scenarios");
    cpSync("scenarios", scenariosDir, { recursive: true });
    const file = join(scenariosDir, "exemple.json");
    const dbPath = join(dir.path, "db.sqlite");
    const env = { SCENARIOS_DIR: scenariosDir };
    const start = async () => {
      const server = await startServerProcess(dbPath, env);
      servers.push(server);
      return server;
    };
    const first = await start();

    // A finished session: team 0 answers the first step right, then the facilitator ends it.
    const finished = await setUpSession(first, scenario, "facilitator");
    finished.facilitator.send("start", {});
    await finished.facilitator.waitFor(() => finished.facilitator.state.phase === "playing", "playing");
    const [editor, approver] = finished.teams[0]?.members ?? [];
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
    const fac = finished.facilitator;
    await fac.waitFor(() => (fac.state.teams[0]?.steps[0]?.attempts ?? 0) === 1, "attempt");
    fac.send("end", {});
    await fac.waitFor(() => fac.state.phase === "ended", "ended");
    const auth = { headers: { authorization: `Bearer ${finished.session.facilitatorKey}` } };
    const resultsUrl = `/api/sessions/${finished.session.code}/results`;
    const results = await api(first, resultsUrl, auth);
    const debriefUrl = `/api/sessions/${finished.session.code}/debrief`;
    const debrief = await api(first, debriefUrl, auth);
    expect(debrief.status).toBe(200);
    const kitUrl = `/api/sessions/${finished.session.code}/kit`;
    const kit = await api(first, kitUrl, auth);
    expect(kit.status).toBe(200);
    const attestationUrl = `/api/sessions/${finished.session.code}/attestations/${editor.playerId}`;
    const attestation = await api<{ verificationCode: string }>(first, attestationUrl, auth);
    expect(attestation.status).toBe(200);
    await leaveAll(finished);

    // A running session: team 0 has a draft in progress on the first step.
    const running = await setUpSession(first, scenario, "facilitator");
    const console1 = running.facilitator;
    console1.send("start", {});
    await console1.waitFor(() => console1.state.phase === "playing", "playing");
    running.teams[0]?.members[0]?.send("edit", {
      stepId: "licence",
      edit: { op: "toggle-option", optionId: "licence-ouverte" },
    });
    await console1.waitFor(
      () => draftJson(console1.state.teams[0]?.work, "licence")?.includes("licence-ouverte") === true,
      "draft",
    );
    const stateBefore = comparableState(console1);
    const scenarioBefore = console1.welcome()?.scenario;
    expect(scenarioBefore?.steps).toHaveLength(scenario.steps.length);
    await leaveAll(running);
    await first.stop();

    // The designer edits the file: another prompt and solution for the first step, the last step gone.
    const edited = JSON.parse(readFileSync(file, "utf8"));
    edited.steps[0].prompt = "Question réécrite après la session.";
    edited.steps[0].solution = { correct: ["gpl"] };
    const removed = edited.steps.pop().id;
    if (edited.shortRoute) {
      edited.shortRoute.steps = edited.shortRoute.steps.filter((id: string) => id !== removed);
    }
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const second = await start();

    /** The running session comes back as it was, on its own copy; the finished one's results,
     *  debrief, facilitator kit and attestation are unchanged. Returns the facilitator's new seat. */
    const expectUnchanged = async (server: ServerProcess) => {
      const info = await api(server, `/api/sessions/${running.session.code}`);
      expect(info.body).toMatchObject({ phase: "playing", canJoin: true });
      const back = await joinAsFacilitator(server, running.session.code, running.session.facilitatorKey);
      seats.push(back);
      expect(back.welcome()?.scenario).toEqual(scenarioBefore);
      expect(comparableState(back)).toEqual(stateBefore);
      expect((await api(server, resultsUrl, auth)).body).toEqual(results.body);
      expect((await api(server, debriefUrl, auth)).body).toEqual(debrief.body);
      expect((await api(server, kitUrl, auth)).body).toEqual(kit.body);
      const again = await api<{ verificationCode: string }>(server, attestationUrl, auth);
      expect(again.body.verificationCode).toBe(attestation.body.verificationCode);
      return back;
    };
    const backAfterEdit = await expectUnchanged(second);
    // A new session plays the edited file.
    const fresh = await createSession(second, { scenarioId: "exemple" });
    const freshConsole = await joinAsFacilitator(second, fresh.code, fresh.facilitatorKey);
    seats.push(freshConsole);
    expect(freshConsole.welcome()?.scenario.steps).toHaveLength(scenario.steps.length - 1);
    const badgeEdited = await api(second, "/api/badges/exemple");
    expect(badgeEdited.status).toBe(200);
    await Promise.all([backAfterEdit.leave(), freshConsole.leave()]);
    await second.stop();

    // The file is deleted.
    rmSync(file);
    const third = await start();
    await expectUnchanged(third);
    const check = await api<{ playerName: string }>(
      third,
      `/api/attestations/${attestation.body.verificationCode}`,
    );
    expect(check.body.playerName).toBe(editor.label);
    // The badge the attestations point to is still served: from the copy last played.
    const badgeAfter = await api(third, "/api/badges/exemple");
    expect(badgeAfter.status).toBe(200);
    expect(withoutOrigin(badgeAfter.body)).toEqual(withoutOrigin(badgeEdited.body));
  }, 120_000);
});
