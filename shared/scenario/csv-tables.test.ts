/**
 * Tables from CSV files beside a scenario (issue 14): the same table written as inline rows and as
 * CSV files gives the same findings (placed on the CSV's own lines) and the same playtest.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectDelimiter } from "./csv-files.ts";
import { loadScenarioFiles } from "./files.ts";
import type { Finding } from "./findings.ts";
import { playtest } from "./playtest.ts";

const fixtures = join(import.meta.dirname, "fixtures");
const valid = JSON.parse(readFileSync(join(fixtures, "valid.json"), "utf8"));
const root = mkdtempSync(join(tmpdir(), "datatruc-csv-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COLUMNS = [
  { id: "nom", label: "Nom" },
  { id: "surface", label: "Surface (m²)" },
  { id: "insee", label: "Code INSEE", width: 5 },
  { id: "ouvert", label: "Ouvert" },
];
/** The table to clean (line 1 is the header: row k is on line k + 2). */
const DIRTY = [
  ["Piscine municipale", "535,01 m²", "1004", "oui"],
  ["Médiathèque", "1200", "33063", "Oui"],
  ["Médiathèque", "1200", "33063", "Oui"],
  ["Gymnase  Nord", "800 m²", "33 063", "non"],
  ["Stade", "12000", "33063", "NON"],
  ["Salle des fêtes ", "250,5", "33063", "oui"],
];
/** The expected rows (without line 4, a duplicate): two mistakes and a spaces-only « defect ». */
const CLEAN = [
  ["Piscine municipale", "535.01", "01004", "true"],
  ["Médiathèque", "1200", "33063", "true"],
  ["Gymnase Nord", "800", "33063", "false"], // « 33 063 » → « 33063 »: no operation offered does it
  ["Stade", "12 000", "33063", "false"], // « 12000 » → « 12 000 »: not reachable either
  ["Salle des fêtes", "250.5", "33063", "true"],
];
const OPERATIONS = ["trim", "strip-unit", "decimal-point", "pad-zeros", "normalize-boolean", "remove-row"];

const ids = (count: number, skip: number[] = []) =>
  Array.from({ length: count }, (_, k) => `l${k + 2}`).filter((_, k) => !skip.includes(k));
const rowsOf = (cells: string[][], rowIds: string[]) =>
  cells.map((row, k) => ({
    id: rowIds[k],
    cells: Object.fromEntries(COLUMNS.map((column, i) => [column.id, row[i] ?? ""])),
  }));

function scenarioWith(step: Record<string, unknown>, material: Record<string, unknown>) {
  const scenario = structuredClone(valid);
  scenario.id = "tableau";
  Object.assign(scenario.steps[4], step);
  scenario.steps[4].materials = [material];
  return scenario;
}

/** A CSV text: cells quoted when they hold the separator, a quote or a line break. */
function csv(rows: string[][], separator: string): string {
  const cell = (value: string) =>
    /[",;\n\t]/.test(value) && (value.includes(separator) || /["\n]/.test(value))
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  return `${rows.map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}

/** Writes the scenario (and its CSV files) into a fresh directory and loads it. */
function load(name: string, scenario: unknown, files: Record<string, string | Buffer> = {}) {
  const dir = join(root, name);
  mkdirSync(join(dir, "tableau"), { recursive: true });
  writeFileSync(join(dir, "referentiel.json"), readFileSync(join(fixtures, "referentiel.json")));
  writeFileSync(join(dir, "tableau.json"), JSON.stringify(scenario, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, "tableau", file), text);
  return loadScenarioFiles(dir, { cwd: dir });
}

const MATERIAL = { kind: "table", id: "extrait", title: "Extrait du recensement" };
const HEADER = COLUMNS.map((column) => column.label);

const inline = scenarioWith(
  {
    puzzle: { columns: COLUMNS, rows: rowsOf(DIRTY, ids(6)), operations: OPERATIONS },
    solution: { rows: rowsOf(CLEAN, ids(6, [2])), removedRows: ["l4"] },
  },
  { ...MATERIAL, columns: HEADER.slice(0, 3), rows: DIRTY.slice(0, 3).map((row) => row.slice(0, 3)) },
);
const fromCsv = scenarioWith(
  {
    puzzle: { csv: "equipements.csv", columns: COLUMNS, operations: OPERATIONS },
    solution: { csv: "equipements-propre.csv", removedRows: ["l4"] },
  },
  { ...MATERIAL, csv: "extrait.csv" },
);
const csvFiles = {
  "equipements.csv": csv([HEADER, ...DIRTY], ";"),
  "equipements-propre.csv": csv([HEADER, ...CLEAN], ","),
  "extrait.csv": csv([HEADER.slice(0, 3), ...DIRTY.slice(0, 3).map((row) => row.slice(0, 3))], ";"),
};

/** A finding without its place (file, line, column), in an order that does not depend on it. */
const what = ({ severity, code, path, message }: Finding) => ({ severity, code, path, message });
const same = (findings: Finding[]) =>
  findings.map(what).sort((a, b) => `${a.path}${a.message}`.localeCompare(`${b.path}${b.message}`));
const where = ({ file, line }: Finding) => `${file}:${line}`;

describe("a table from CSV files", () => {
  it("gives the same findings as inline rows, each at the CSV line of its row", () => {
    const a = load("inline", inline).findings;
    const b = load("csv", fromCsv, csvFiles).findings;
    expect(a.map(what)).toContainEqual(expect.objectContaining({ code: "solution-impossible" }));
    expect(same(b)).toEqual(same(a));
    expect(b.map((finding) => [where(finding), finding.path])).toEqual([
      // The clean table: « 33 063 » (its line 4) and « 12 000 » (line 5) are not reachable.
      ["tableau/equipements-propre.csv:4", "steps[4].solution.rows[2].cells.insee"],
      ["tableau/equipements-propre.csv:5", "steps[4].solution.rows[3].cells.surface"],
      // The table to clean: a trailing space the score ignores, on line 7.
      ["tableau/equipements.csv:7", "steps[4].puzzle.rows[5].cells.nom"],
    ]);
    const unreachable = b.filter((finding) => finding.code === "solution-impossible");
    expect(unreachable.map((finding) => finding.path)).toEqual([
      "steps[4].solution.rows[2].cells.insee",
      "steps[4].solution.rows[3].cells.surface",
    ]);
  });

  it("once fixed, validates to the very scenario inline rows give: same rows, same playtest", () => {
    const fixedClean = CLEAN.map((row) => [...row]);
    fixedClean[2] = ["Gymnase Nord", "800", "33 063", "false"];
    fixedClean[3] = ["Stade", "12000", "33063", "false"];
    const fixedInline = structuredClone(inline);
    fixedInline.steps[4].solution.rows = rowsOf(fixedClean, ids(6, [2]));
    const a = load("inline-fixed", fixedInline);
    const b = load("csv-fixed", fromCsv, {
      ...csvFiles,
      "equipements-propre.csv": csv([HEADER, ...fixedClean], ","),
    });
    expect(same(b.findings)).toEqual(same(a.findings));
    expect(a.scenarios).toHaveLength(1);
    const [left, right] = [a.scenarios[0]?.scenario, b.scenarios[0]?.scenario];
    if (!left || !right) throw new Error("not valid");
    expect(right).toEqual(left);
    expect(JSON.stringify(right)).not.toContain(".csv");
    expect(playtest(right, { teams: 50 })).toEqual(playtest(left, { teams: 50 }));
  });

  it("counts every defect of the CSV table: none at all is « tableau-sans-defaut »", () => {
    const same = csv([HEADER, ...DIRTY.filter((_, k) => k !== 2)], ";");
    const findings = load("no-defect", fromCsv, { ...csvFiles, "equipements-propre.csv": same }).findings;
    expect(findings.filter((f) => f.code === "tableau-sans-defaut").map(what)).toEqual([]);
    const noDuplicate = structuredClone(fromCsv);
    noDuplicate.steps[4].solution.removedRows = [];
    const all = csv([HEADER, ...DIRTY], ",");
    const identical = load("identical", noDuplicate, { ...csvFiles, "equipements-propre.csv": all });
    expect(identical.findings.map((f) => f.code)).toContain("tableau-sans-defaut");
  });

  it("a clean table that does not match the rows kept: one finding, not one per shifted cell", () => {
    const mistyped = structuredClone(fromCsv);
    mistyped.steps[4].solution.removedRows = ["l9"];
    const findings = load("shifted", mistyped, csvFiles).findings.filter((f) => f.severity === "error");
    expect(findings.map((f) => [f.file, f.code, f.path])).toEqual([
      ["tableau.json", "reference-inconnue", "steps[4].solution.removedRows[0]"],
      ["tableau/equipements-propre.csv", "tableau-csv", "steps[4].solution.rows"],
    ]);
    expect(findings[1]?.line).toBe(1);
    expect(findings[1]?.message).toBe(
      "le tableau propre a 5 ligne(s) pour 6 ligne(s) gardée(s) du tableau de départ (sans « removedRows ») : une ligne par ligne gardée, dans le même ordre, ou une colonne « id » qui les nomme",
    );
  });

  it("a table too big to play (a team's draft carries every row): one finding at the CSV's header", () => {
    const big = Array.from({ length: 501 }, (_, k) => [`Équipement ${k}`, "100 m²", "33063", "oui"]);
    const scenario = structuredClone(fromCsv);
    scenario.steps[4].solution = { csv: "equipements-propre.csv", removedRows: [] };
    const findings = load("big", scenario, {
      ...csvFiles,
      "equipements.csv": csv([HEADER, ...big], ";"),
      "equipements-propre.csv": csv([HEADER, ...big], ";"),
    }).findings.filter((f) => f.file.endsWith("/equipements.csv"));
    expect(findings.map((f) => [where(f), f.code, f.message])).toEqual([
      [
        "tableau/equipements.csv:1",
        "valeur-hors-limites",
        "au plus 500 éléments attendus dans la liste, 501 trouvés",
      ],
    ]);
  });

  it("places a row's problems on its own line, past blank lines and multi-line cells", () => {
    const text = `Nom;Surface (m²);Code INSEE;Ouvert\n\n"Piscine\nmunicipale";535,01 m²;1004;oui;en trop\nStade;1200;33063\n`;
    const scenario = structuredClone(fromCsv);
    scenario.steps[4].solution = { csv: "equipements-propre.csv", removedRows: [] };
    const findings = load("lines", scenario, {
      ...csvFiles,
      "equipements.csv": text,
      "equipements-propre.csv": csv([HEADER, ...CLEAN.slice(0, 2)], ","),
    }).findings.filter((f) => f.file.endsWith("equipements.csv"));
    expect(findings.map((f) => [where(f), f.code, f.severity])).toEqual([
      ["tableau/equipements.csv:3", "tableau-irregulier", "error"],
      ["tableau/equipements.csv:5", "tableau-irregulier", "warning"],
    ]);
  });

  it("row ids from an « id » column, columns from the header when « columns » is left out", () => {
    const scenario = structuredClone(fromCsv);
    delete scenario.steps[4].puzzle.columns;
    scenario.steps[4].solution = { csv: "equipements-propre.csv", removedRows: [] };
    const result = load("ids", scenario, {
      ...csvFiles,
      "equipements.csv": csv(
        [
          ["id", "Nom", "Surface"],
          ["piscine", "Piscine", "535,01 m²"],
        ],
        ";",
      ),
      "equipements-propre.csv": csv(
        [
          ["id", "Surface", "Nom"],
          ["piscine", "535.01", "Piscine"],
        ],
        ";",
      ),
    });
    expect(result.findings.filter((f) => f.severity === "error").map(what)).toEqual([]);
    const step = result.scenarios[0]?.scenario.steps[4];
    expect(step?.type === "table" && step.puzzle).toEqual({
      columns: [
        { id: "nom", label: "Nom" },
        { id: "surface", label: "Surface" },
      ],
      rows: [{ id: "piscine", cells: { nom: "Piscine", surface: "535,01 m²" } }],
      operations: OPERATIONS,
    });
  });

  it("a missing file, a header that names no column, a file not in UTF-8: French findings", () => {
    const missing = load("missing", fromCsv, { "equipements.csv": csvFiles["equipements.csv"] }).findings;
    expect(missing.map((f) => [f.file, f.code, f.path])).toEqual([
      ["tableau.json", "tableau-csv", "steps[4].solution.csv"],
      ["tableau.json", "tableau-csv", "steps[4].materials[0].csv"],
    ]);
    expect(missing.find((f) => f.path === "steps[4].solution.csv")?.message).toBe(
      "le fichier « tableau/equipements-propre.csv » est introuvable : placez le tableau dans le dossier tableau/ à côté du scénario (npm run scenarios:import-table le crée depuis un tableur)",
    );
    const badHeader = load("header", fromCsv, {
      ...csvFiles,
      "equipements.csv": csv([["Nom", "Surface (m2)", "Code INSEE", "Ouvert"], ...DIRTY], ";"),
    }).findings.filter((f) => f.code === "tableau-csv");
    expect(badHeader.map((f) => [where(f), f.message])).toEqual([
      [
        "tableau/equipements.csv:1",
        "la colonne « Surface (m2) » de l'en-tête n'est pas dans « columns » (ni par son identifiant, ni par son libellé) : ajoutez-la à « columns » ou renommez-la dans le fichier",
      ],
      [
        "tableau/equipements.csv:1",
        "l'en-tête n'a pas de colonne pour : « surface » (donnez l'identifiant ou le libellé de la colonne en première ligne)",
      ],
    ]);
    const ansi = Buffer.from(csvFiles["equipements.csv"], "latin1");
    const encoding = load("ansi", fromCsv, { ...csvFiles, "equipements.csv": ansi }).findings;
    expect(encoding.map((f) => [where(f), f.code])).toEqual([["tableau/equipements.csv:1", "encodage"]]);
    expect(encoding[0]?.message).toContain("enregistrez le fichier en UTF-8");
  });

  it("tells the separator from the header line", () => {
    expect(detectDelimiter("Nom;Surface;Code\nA;535,01;1")).toBe(";");
    expect(detectDelimiter('Nom,"Surface; m²",Code\n')).toBe(",");
    expect(detectDelimiter("\uFEFFNom\tSurface\tCode\n")).toBe("\t");
  });
});
