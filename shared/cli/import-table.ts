/**
 * `npm run scenarios:import-table -- <fichier.xlsx|.ods|.csv> [--sheet N] --out scenarios/<id>/<nom>.csv`:
 * turns one sheet of a spreadsheet into a scenario's CSV table (UTF-8, semicolon separated), which a
 * `table` step or document then names with `"csv": "<nom>.csv"`.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SpreadsheetError, spreadsheetToCsv } from "../scenario/spreadsheet.ts";

const USAGE =
  "Usage : npm run scenarios:import-table -- <fichier.xlsx|.ods|.csv> [--sheet N] --out scenarios/<identifiant>/<nom>.csv";

export function importTable(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { sheet: { type: "string" }, out: { type: "string" } },
  });
  // `npm run x --out f` without `--`: npm keeps the flag and passes it as npm_config_out.
  const out = values.out ?? env.npm_config_out;
  const sheetText = values.sheet ?? env.npm_config_sheet;
  const [input] = positionals;
  if (!input || !out) throw new SpreadsheetError(USAGE);
  if (!out.toLowerCase().endsWith(".csv"))
    throw new SpreadsheetError(`--out doit nommer un fichier .csv (reçu « ${out} »).\n${USAGE}`);
  const sheet = sheetText === undefined ? undefined : /^\d+$/.test(sheetText) ? Number(sheetText) : sheetText;
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch {
    throw new SpreadsheetError(`Le fichier « ${input} » est introuvable.`);
  }
  const table = spreadsheetToCsv(bytes, sheet);
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, table.csv);
  renameSync(temporary, target);
  const converted = table.convertedFrom ? ` (converti depuis ${table.convertedFrom})` : "";
  return `${out} : ${table.rows} ligne(s) et ${table.columns.length} colonne(s) depuis la feuille « ${table.sheet} »${converted}.\nColonnes : ${table.columns.join(" ; ")}\nDans le scénario : "csv": "${out.split(/[\\/]/).pop()}"`;
}

if (import.meta.main) {
  try {
    console.log(importTable(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
