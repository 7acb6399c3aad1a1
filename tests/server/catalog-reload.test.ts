/**
 * The catalogue follows `scenarios/` while the server runs: a file added, changed or removed is
 * picked up without a restart; a file that stops validating keeps its last valid version (and its
 * findings are logged); a running session keeps the scenario it started with.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  it("a table read from CSV files: the rows reach players, a CSV change reloads, a session keeps its rows", async () => {
    const s = server;
    if (!s) throw new Error("the first test starts the server");
    const scenario = JSON.parse(original);
    scenario.id = "tableau-csv";
    scenario.metadata.title = "Tableau en CSV";
    const index = scenario.steps.findIndex((step: { type: string }) => step.type === "table");
    const step = scenario.steps[index];
    const columns: string[] = step.puzzle.columns.map((column: { id: string }) => column.id);
    const csv = (rows: { id: string; cells: Record<string, string> }[], kept: string[]) =>
      [["id", ...kept], ...rows.map((row) => [row.id, ...kept.map((c) => row.cells[c] ?? "")])]
        .map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(";"))
        .join("\n");
    const keptColumns = columns.filter((c) => !step.solution.removedColumns.includes(c));
    const write = (puzzleRows: typeof step.puzzle.rows, solutionRows: typeof step.solution.rows) => {
      writeFileSync(join(scenariosDir, "tableau-csv", "depart.csv"), csv(puzzleRows, columns));
      writeFileSync(join(scenariosDir, "tableau-csv", "propre.csv"), csv(solutionRows, keptColumns));
    };
    mkdirSync(join(scenariosDir, "tableau-csv"));
    write(step.puzzle.rows, step.solution.rows);
    const { rows: puzzleRows, ...puzzle } = step.puzzle;
    const { rows: solutionRows, ...solution } = step.solution;
    scenario.steps[index] = {
      ...step,
      puzzle: { ...puzzle, csv: "depart.csv" },
      solution: { ...solution, csv: "propre.csv" },
    };
    writeFileSync(join(scenariosDir, "tableau-csv.json"), JSON.stringify(scenario, null, 2));
    await catalogueWhere(s, (e) => titleOf(e, "tableau-csv") === "Tableau en CSV", "the CSV scenario");

    const rowsSeenBy = async (session: { code: string; facilitatorKey: string }) => {
      const seat = await joinAsFacilitator(s, session.code, session.facilitatorKey);
      seats.push(seat);
      const seen = seat.welcome()?.scenario.steps[index];
      expect(JSON.stringify(seen)).not.toContain(".csv");
      return (seen?.puzzle as { rows: unknown } | undefined)?.rows;
    };
    const running = await createSession(s, { scenarioId: "tableau-csv" });
    expect(await rowsSeenBy(running)).toEqual(puzzleRows);

    // The CSV files change (a school renamed in both tables): new sessions get the new rows.
    const renamed = (rows: typeof puzzleRows) =>
      rows.map((row: { id: string; cells: Record<string, string> }) =>
        row.id === "r3" ? { ...row, cells: { ...row.cells, nom: "Collège Jean Moulin" } } : row,
      );
    write(renamed(puzzleRows), renamed(solutionRows));
    await eventually(async () => {
      const fresh = await createSession(s, { scenarioId: "tableau-csv" });
      const rows = (await rowsSeenBy(fresh)) as { cells: { nom: string } }[];
      return rows.some((row) => row.cells.nom === "Collège Jean Moulin") ? true : undefined;
    }, "the new rows in a new session");
    expect(await rowsSeenBy(running)).toEqual(puzzleRows);
  });
});
