/**
 * Node-only: reads the CSV tables of a scenario (`scenarios/<id>/<name>.csv`) for `csv-tables.ts`.
 * UTF-8 only (the same encoding check as scenario files), comma, semicolon or tab separated (told
 * from the header line), parsed by csv-parse with each record's line number.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import type { CsvLookup, CsvRead, CsvRecord } from "./csv-tables.ts";
import { decodeScenarioBytes } from "./encoding.ts";
import { guideLink } from "./findings.ts";

/** The separator of a CSV text: the most frequent of `;`, `,` and tab on its first line (comma on a tie). */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = (text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/)[0] ?? "").replace(/"[^"]*"/g, "");
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const candidates = [",", ";", "\t"] as const;
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best));
}

/** Why csv-parse stopped, in French. */
function parseProblem(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "un guillemet ouvert n'est jamais fermé";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "un guillemet fermant est suivi d'autre chose que le séparateur";
    default:
      return "le fichier ne se lit pas comme un tableau CSV";
  }
}

/** A CSV text as a table (header, records with their first line), or the finding that says why not. */
export function parseCsvText(text: string, file: string): CsvRead {
  const problem = (line: number, message: string): CsvRead => ({
    findings: [
      {
        severity: "error",
        code: "tableau-csv",
        file,
        path: "(racine)",
        line,
        column: 1,
        message,
        help: guideLink("tableau-csv"),
      },
    ],
  });
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return problem(
      line,
      `${parseProblem(error)} (ligne ${line}) : corrigez le fichier ou exportez-le à nouveau depuis le tableur`,
    );
  }
  const records: CsvRecord[] = parsed.map(({ record, info }) => ({
    cells: record,
    // info.lines is the record's last line: a quoted cell may span several.
    line: info.lines - record.reduce((sum, cell) => sum + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
  }));
  const [header, ...rows] = records;
  if (!header)
    return problem(
      1,
      "le fichier est vide : la première ligne donne les noms des colonnes, les suivantes les lignes du tableau",
    );
  return { table: { file, header, records: rows } };
}

/** A CSV file's table, the findings of an unreadable one, or undefined when there is no such file. */
export function readCsvFile(path: string, file: string, text?: string): CsvRead | undefined {
  if (text === undefined) {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const decoded = decodeScenarioBytes(readFileSync(path), file);
    if (!("text" in decoded)) return { findings: [decoded.finding] };
    text = decoded.text;
  }
  return parseCsvText(text, file);
}

/**
 * The lookup of a scenario's CSV tables: `name` → `<folder>/<name>`, read once. `texts`: unsaved
 * files standing for files (absolute path → text), as for scenario files.
 */
export function csvLookup(
  folder: string,
  displayName: (path: string) => string,
  texts: ReadonlyMap<string, string> = new Map(),
): CsvLookup {
  const cache = new Map<string, CsvRead | undefined>();
  return (name) => {
    if (!cache.has(name)) {
      const path = join(folder, name);
      cache.set(name, readCsvFile(path, displayName(path), texts.get(path)));
    }
    return cache.get(name);
  };
}
