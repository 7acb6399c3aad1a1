/**
 * The catalogue follows `scenarios/` while the server runs: a file added, changed or removed is
 * picked up without a restart; a file that stops validating keeps its last valid version (and its
 * findings are logged); a running session keeps the scenario it started with.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  api,
  createSession,
  eventually,
  joinAsFacilitator,
  type Seat,
  type ServerProcess,
  startServerProcess,
  tempDir,
} from "./harness.ts";

const dir = tempDir();
const scenariosDir = join(dir.path, "scenarios");
cpSync("scenarios", scenariosDir, { recursive: true });
const exempleFile = join(scenariosDir, "exemple.json");
const original = readFileSync(exempleFile, "utf8");
let server: ServerProcess | undefined;
const seats: Seat[] = [];

afterAll(async () => {
  await Promise.all(seats.map((s) => s.leave()));
  await server?.stop();
  dir.remove();
});

interface Entry {
  id: string;
  title: string;
}
const catalogue = async (s: ServerProcess) =>
  (await api<{ scenarios: Entry[] }>(s, "/api/scenarios")).body.scenarios;
/** Waits until the catalogue satisfies `holds`. */
const catalogueWhere = (s: ServerProcess, holds: (entries: Entry[]) => boolean, what: string) =>
  eventually(async () => {
    const entries = await catalogue(s);
    return holds(entries) ? entries : undefined;
  }, what);
const titleOf = (entries: Entry[], id: string) => entries.find((e) => e.id === id)?.title;

describe("the scenario catalogue without restarting", () => {
  it("picks up added, changed, broken and removed files; sessions keep their scenario", async () => {
    server = await startServerProcess(join(dir.path, "db.sqlite"), { SCENARIOS_DIR: scenariosDir });
    const s = server;
    const before = JSON.parse(original);
    const running = await createSession(s, { scenarioId: "exemple" });

    // Added: a copy under another id.
    const copy = { ...before, id: "copie", metadata: { ...before.metadata, title: "Copie de l'exemple" } };
    writeFileSync(join(scenariosDir, "copie.json"), JSON.stringify(copy, null, 2));
    await catalogueWhere(s, (e) => titleOf(e, "copie") === "Copie de l'exemple", "the added file");

    // Changed: a new title and first prompt; a new session gets them, the running one does not.
    const edited = structuredClone(before);
    edited.metadata.title = "Exemple modifié";
    edited.steps[0].prompt = "Consigne modifiée pendant que le serveur tourne.";
    writeFileSync(exempleFile, JSON.stringify(edited, null, 2));
    await catalogueWhere(s, (e) => titleOf(e, "exemple") === "Exemple modifié", "the changed file");
    const fresh = await createSession(s, { scenarioId: "exemple" });
    const freshConsole = await joinAsFacilitator(s, fresh.code, fresh.facilitatorKey);
    const runningConsole = await joinAsFacilitator(s, running.code, running.facilitatorKey);
    seats.push(freshConsole, runningConsole);
    expect(freshConsole.welcome()?.scenario.steps[0]?.prompt).toBe(edited.steps[0].prompt);
    expect(runningConsole.welcome()?.scenario.steps[0]?.prompt).toBe(before.steps[0].prompt);

    // Broken: a reference to an unknown option. The last valid version stays; the finding is logged.
    const broken = structuredClone(edited);
    broken.metadata.title = "Exemple cassé";
    broken.steps[0].solution = { correct: ["option-qui-n-existe-pas"] };
    writeFileSync(exempleFile, JSON.stringify(broken, null, 2));
    await eventually(
      async () => (s.output().includes("option-qui-n-existe-pas") ? true : undefined),
      "the broken file's finding in the log",
    );
    expect(s.output()).toMatch(/exemple\.json:\d+:\d+: erreur: steps\[0\]\.solution/);
    expect(titleOf(await catalogue(s), "exemple")).toBe("Exemple modifié");
    expect((await api(s, "/api/sessions", { method: "POST", json: { scenarioId: "exemple" } })).status).toBe(
      201,
    );

    // Removed.
    rmSync(join(scenariosDir, "copie.json"));
    await catalogueWhere(s, (e) => !e.some((entry) => entry.id === "copie"), "the removed file");
    expect(titleOf(await catalogue(s), "exemple")).toBe("Exemple modifié");
  });
});
