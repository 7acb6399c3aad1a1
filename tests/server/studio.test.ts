/**
 * The studio API on a shared server (`npm start`): closed without DESIGNER_KEY (a French message),
 * the key asked for and checked; the check of an editor's text gives the very findings
 * `scenarios:check` gives for the same file saved; a shared server never writes files.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFiles } from "../../shared/scenario/files.ts";
import { api, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";

const dir = tempDir();
const scenariosDir = join(dir.path, "scenarios");
cpSync("scenarios", scenariosDir, { recursive: true });
const servers: { open?: ServerProcess; closed?: ServerProcess } = {};
const KEY = "cle-de-conception";

beforeAll(async () => {
  const env = { SCENARIOS_DIR: scenariosDir };
  [servers.open, servers.closed] = await Promise.all([
    startServerProcess(join(dir.path, "open.sqlite"), { ...env, DESIGNER_KEY: KEY }),
    startServerProcess(join(dir.path, "closed.sqlite"), env),
  ]);
});

afterAll(async () => {
  await Promise.all([servers.open?.stop(), servers.closed?.stop()]);
  dir.remove();
});

const withKey = (key: string, init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  headers: { "x-designer-key": key },
});

describe("the studio API on a shared server", () => {
  it("is closed without DESIGNER_KEY, with a French message", async () => {
    const res = await api<{ error: { code: string; message: string } }>(
      servers.closed as ServerProcess,
      "/api/studio",
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("studio-closed");
    expect(res.body.error.message).toMatch(/npm run dev.*DESIGNER_KEY/);
  });

  it("asks for the key and refuses a wrong one", async () => {
    const server = servers.open as ServerProcess;
    expect((await api(server, "/api/studio")).status).toBe(401);
    expect((await api(server, "/api/studio", withKey("mauvaise"))).status).toBe(403);
    const list = await api<{ mode: string; scenarios: { id: string; inCatalogue: boolean }[] }>(
      server,
      "/api/studio",
      withKey(KEY),
    );
    expect(list.status).toBe(200);
    expect(list.body.mode).toBe("shared");
    expect(list.body.scenarios.find((s) => s.id === "exemple")?.inCatalogue).toBe(true);
  });

  it("checks a text as scenarios:check checks the saved file, and never writes", async () => {
    const server = servers.open as ServerProcess;
    const file = join(scenariosDir, "exemple.json");
    const original = readFileSync(file, "utf8");
    const broken = JSON.parse(original);
    broken.steps[0].solution = { correct: ["inconnue"] };
    broken.steps[1].titre = "clé inconnue";
    const text = JSON.stringify(broken, null, 2);
    const checked = await api<{ findings: unknown[]; scenario: unknown }>(
      server,
      "/api/studio/scenarios/exemple/check",
      { ...withKey(KEY), method: "POST", json: { text } },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.scenario).toBeNull();
    // The same text saved, then checked by the command's loader.
    writeFileSync(file, text);
    const saved = loadScenarioFiles(scenariosDir);
    writeFileSync(file, original);
    const expected = saved.findings.filter((finding) => finding.file.endsWith("exemple.json"));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(checked.body.findings).toEqual(expected);

    const put = await api<{ error: { code: string } }>(server, "/api/studio/scenarios/exemple", {
      ...withKey(KEY),
      method: "PUT",
      json: { text },
    });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe("read-only");
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("imports a spreadsheet table: a shared server returns the CSV and checks with it, writes nothing", async () => {
    const server = servers.open as ServerProcess;
    const exemple = JSON.parse(readFileSync(join(scenariosDir, "exemple.json"), "utf8"));
    const index = exemple.steps.findIndex((step: { type: string }) => step.type === "table");
    const { puzzle } = exemple.steps[index];
    const columns: { id: string; label: string }[] = puzzle.columns;
    // An « id » column keeps the row ids the solution names.
    const sheet = [
      ["id", ...columns.map((column) => column.label)],
      ...puzzle.rows.map((row: { id: string; cells: Record<string, string> }) => [
        row.id,
        ...columns.map((c) => row.cells[c.id] ?? ""),
      ]),
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet), "Collèges");
    const upload = (name: string, body: Uint8Array) =>
      api<{ csv: string; rows: number; written: boolean; error?: { code: string; message: string } }>(
        server,
        `/api/studio/scenarios/exemple/tables?name=${name}`,
        {
          ...withKey(KEY),
          method: "POST",
          headers: { "x-designer-key": KEY, "content-type": "application/octet-stream" },
          body: new Uint8Array(body),
        },
      );
    const imported = await upload("colleges.csv", XLSX.write(book, { bookType: "xlsx", type: "buffer" }));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: puzzle.rows.length, written: false });
    expect(existsSync(join(scenariosDir, "exemple", "colleges.csv"))).toBe(false);

    // The editor's text names the table; the check reads it from the request, as if written.
    const { rows: _rows, ...rest } = puzzle;
    exemple.steps[index].puzzle = { ...rest, csv: "colleges.csv" };
    const text = JSON.stringify(exemple, null, 2);
    const check = (tables?: Record<string, string>) =>
      api<{ findings: { file: string; line: number; code: string }[]; scenario: unknown }>(
        server,
        "/api/studio/scenarios/exemple/check",
        { ...withKey(KEY), method: "POST", json: { text, tables } },
      );
    const without = await check();
    expect(without.body.findings.map((f) => f.code)).toContain("tableau-csv");
    const withTable = await check({ "colleges.csv": imported.body.csv });
    expect(withTable.body.findings.filter((f) => f.code !== "nom-de-fichier")).toEqual([]);
    expect(withTable.body.scenario).not.toBeNull();

    const bad = await upload("colleges.csv", new TextEncoder().encode("PK\u0003\u0004 pas un classeur"));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe(
      "Ce fichier ne se lit pas comme un classeur XLSX ou ODS : est-il abîmé ou protégé par un mot de passe ?",
    );
    const badName = await upload("../colleges.csv", new Uint8Array([1]));
    expect(badName.status).toBe(400);
  });

  it("lists a scenario with its CSV tables' findings", async () => {
    const server = servers.open as ServerProcess;
    const scenario = JSON.parse(readFileSync(join(scenariosDir, "exemple.json"), "utf8"));
    scenario.id = "avec-tableau";
    delete scenario.shortRoute;
    scenario.steps = scenario.steps.slice(0, 1);
    scenario.steps[0].materials = [{ kind: "table", id: "extrait", title: "Extrait", csv: "extrait.csv" }];
    mkdirSync(join(scenariosDir, "avec-tableau"));
    writeFileSync(join(scenariosDir, "avec-tableau", "extrait.csv"), "Nom;Surface\nPiscine;535;en trop\n");
    writeFileSync(join(scenariosDir, "avec-tableau.json"), JSON.stringify(scenario, null, 2));
    const list = await api<{
      scenarios: { id: string; ok: boolean; findings: { file: string; line: number }[] }[];
    }>(server, "/api/studio", withKey(KEY));
    const entry = list.body.scenarios.find((s) => s.id === "avec-tableau");
    expect(entry?.ok).toBe(false);
    const inTables = entry?.findings.filter((f) => f.file.endsWith(".csv"));
    expect(inTables?.map((f) => [f.file.split("/").slice(-2).join("/"), f.line])).toEqual([
      ["avec-tableau/extrait.csv", 2],
    ]);
  });
});
