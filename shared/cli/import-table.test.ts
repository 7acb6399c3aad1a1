/**
 * `npm run scenarios:import-table` (issue 14): real XLSX and ODS workbooks, written by the same
 * library in the test, become CSV tables a scenario can name, cell for cell as the sheet shows them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsvText } from "../scenario/csv-files.ts";
import { SpreadsheetError, spreadsheetToCsv } from "../scenario/spreadsheet.ts";
import { importTable } from "./import-table.ts";

const dir = mkdtempSync(join(tmpdir(), "datatruc-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLE = [
  ["Nom", "Surface (m²)", "Code INSEE", "Ouvert le"],
  ["Piscine; bassin « A »", "535,01 m²", "01004", new Date(Date.UTC(2015, 2, 12))],
  ['Salle "des fêtes"', 1200.5, "33063", "12 mars 2015"],
  ["Gymnase\nNord", "800", "33 063", ""],
];
/** What the sheet shows, cell for cell. */
const SHOWN = [
  ["Nom", "Surface (m²)", "Code INSEE", "Ouvert le"],
  ["Piscine; bassin « A »", "535,01 m²", "01004", "12/03/2015"],
  ['Salle "des fêtes"', "1200.5", "33063", "12 mars 2015"],
  ["Gymnase\nNord", "800", "33 063", ""],
];

function workbook(bookType: "xlsx" | "ods"): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Notes"], ["à ignorer"]]), "Notes");
  const sheet = XLSX.utils.aoa_to_sheet(TABLE, { cellDates: true, dateNF: "dd/mm/yyyy" });
  XLSX.utils.book_append_sheet(book, sheet, "Équipements");
  return XLSX.write(book, { bookType, type: "buffer" }) as Buffer;
}

/** The CSV's cells as the scenario loader reads them. */
function cells(csv: string): string[][] {
  const read = parseCsvText(csv, "t.csv");
  if (!("table" in read)) throw new Error(JSON.stringify(read.findings));
  return [read.table.header.cells, ...read.table.records.map((record) => record.cells)];
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "shared/cli/import-table.ts", ...args], {
    cwd: join(import.meta.dirname, "..", ".."),
    encoding: "utf8",
  });

describe("spreadsheetToCsv", () => {
  for (const bookType of ["xlsx", "ods"] as const)
    it(`reads a sheet of a real ${bookType.toUpperCase()} workbook, by number or by name`, () => {
      const bytes = workbook(bookType);
      const byNumber = spreadsheetToCsv(bytes, 2);
      expect(byNumber).toMatchObject({ sheet: "Équipements", rows: 3, columns: SHOWN[0] });
      expect(cells(byNumber.csv)).toEqual(SHOWN);
      expect(byNumber.csv.split("\n")[0]).toBe("Nom;Surface (m²);Code INSEE;Ouvert le");
      expect(spreadsheetToCsv(bytes, "Équipements").csv).toBe(byNumber.csv);
      expect(cells(spreadsheetToCsv(bytes).csv)).toEqual([["Notes"], ["à ignorer"]]);
    });

  it("converts a CSV saved by Excel in Windows-1252, keeps « 01004 » as written", () => {
    const text = "Nom,Code INSEE\r\nMédiathèque,01004\r\n";
    const table = spreadsheetToCsv(Buffer.from(text, "latin1"));
    expect(table).toMatchObject({ convertedFrom: "Windows-1252", rows: 1 });
    expect(cells(table.csv)).toEqual([
      ["Nom", "Code INSEE"],
      ["Médiathèque", "01004"],
    ]);
  });

  it("refuses a bad file, an empty sheet and a missing sheet with a French message", () => {
    const refusal = (bytes: Uint8Array, sheet?: number | string) => {
      try {
        spreadsheetToCsv(bytes, sheet);
      } catch (error) {
        if (error instanceof SpreadsheetError) return error.message;
        throw error;
      }
      return "no error";
    };
    expect(refusal(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toBe(
      "Ce fichier ne se lit pas comme un classeur XLSX ou ODS : est-il abîmé ou protégé par un mot de passe ?",
    );
    expect(refusal(workbook("ods"), 3)).toBe(
      "La feuille 3 n'existe pas : le classeur a 2 feuille(s) (1 « Notes », 2 « Équipements »).",
    );
    expect(refusal(Buffer.from("\n\n"))).toMatch(/^La feuille « CSV » est vide/);
    expect(refusal(Buffer.from([0, 1, 2, 0, 0, 3]))).toBe(
      "Ce fichier n'est ni un classeur XLSX ou ODS, ni un fichier CSV (texte).",
    );
  });
});

describe("npm run scenarios:import-table", () => {
  it("writes the scenario's CSV from an ODS sheet (--sheet 2) and says how to name it", () => {
    const input = join(dir, "recensement.ods");
    writeFileSync(input, workbook("ods"));
    const out = join(dir, "scenarios", "equipements", "equipements.csv");
    const result = run(input, "--sheet", "2", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("3 ligne(s) et 4 colonne(s) depuis la feuille « Équipements »");
    expect(result.stdout).toContain('"csv": "equipements.csv"');
    expect(cells(readFileSync(out, "utf8"))).toEqual(SHOWN);
  });

  it("takes --sheet and --out as the README writes them, even when npm keeps them (no `--`)", () => {
    const input = join(dir, "sans-tirets.xlsx");
    writeFileSync(input, workbook("xlsx"));
    const out = join(dir, "sans-tirets", "equipements.csv");
    // `npm run scenarios:import-table f.xlsx --sheet 2 --out …` passes the flags as npm_config_*.
    const said = importTable([input], { npm_config_sheet: "2", npm_config_out: out });
    expect(said).toContain("depuis la feuille « Équipements »");
    expect(cells(readFileSync(out, "utf8"))).toEqual(SHOWN);
  });

  it("a file that is not a spreadsheet: a French message, exit 1, nothing written", () => {
    const input = join(dir, "photo.xlsx");
    writeFileSync(input, Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9]));
    mkdirSync(join(dir, "out"), { recursive: true });
    const out = join(dir, "out", "t.csv");
    const result = run(input, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Ce fichier ne se lit pas comme un classeur XLSX ou ODS");
    expect(() => readFileSync(out)).toThrow();
    expect(run(input).stderr).toContain("Usage : npm run scenarios:import-table");
  });
});
