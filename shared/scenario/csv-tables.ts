/**
 * Tables from CSV files beside a scenario (`scenarios/<id>/<name>.csv`): a `table` document, a
 * `table` puzzle and its solution may say `"csv": "<name>.csv"` instead of writing their rows.
 * Before any check, each reference is replaced by the rows it stands for, so a CSV table is the very
 * value inline rows would be (same checks, same scores, and players get rows, never a file name);
 * findings inside those rows point at the CSV's own lines.
 *
 * Pure: the Node loader (`csv-files.ts`) reads and parses the files and hands them in.
 */
import { fold } from "../text/fold.ts";
import type { Finding } from "./findings.ts";
import type { JsonPath } from "./json-source.ts";
import type { Report } from "./structure.ts";

/** One record of a CSV file with the line it starts on (1-based). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** A parsed CSV file: its header (first record) and its other records. */
export interface CsvTable {
  /** The file as named in findings, e.g. `scenarios/exemple/equipements.csv`. */
  file: string;
  header: CsvRecord;
  records: CsvRecord[];
}

/** A file read: its table, or the findings that say why it cannot be read (encoding, quotes…). */
export type CsvRead = { table: CsvTable } | { findings: Finding[] };

/** The CSV file of a name given in a scenario; undefined when there is no such file. */
export type CsvLookup = (name: string) => CsvRead | undefined;

/**
 * Where resolved values came from: a finding whose JSON path starts with `path` is placed in `file`
 * (at the line of row `lines[k]` for `path/k/…`, else at the header), or dropped when `silent`
 * (the table could not be read: that one finding says so).
 */
export interface CsvOrigin {
  path: JsonPath;
  file: string;
  headerLine: number;
  lines?: number[];
  silent?: boolean;
}

/** A CSV name as a scenario may give it: a file of the scenario's folder, no path. */
const CSV_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_. -]*\.csv$/iu;

/** The folder a scenario's CSV files sit in: `scenarios/exemple.json` → `scenarios/exemple/`. */
export function csvFolderOf(file: string): string {
  return `${file.replace(/\.json$/i, "")}/`;
}

/** The place of a finding at `path`, when it falls inside a table read from a CSV file. */
export function csvPlace(
  origins: readonly CsvOrigin[],
  path: JsonPath,
): { file: string; line: number; column: number } | "silent" | undefined {
  for (const origin of origins) {
    if (origin.path.length > path.length || origin.path.some((part, i) => part !== path[i])) continue;
    if (origin.silent) return "silent";
    const row = path[origin.path.length];
    const line = typeof row === "number" ? (origin.lines?.[row] ?? origin.headerLine) : origin.headerLine;
    return { file: origin.file, line, column: 1 };
  }
  return undefined;
}

/** A column id made from a header cell: « Surface (m²) » → `surface-m`. */
export function columnIdOf(label: string): string {
  return fold(label)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

interface Context {
  lookup: CsvLookup | undefined;
  folder: string;
  report: Report;
  origins: CsvOrigin[];
  findings: Finding[];
}

/**
 * The table `holder.csv` names, its `csv` key removed. When it cannot be read, says why at `path`
 * (the `csv` key's holder) and leaves empty `placeholders` whose findings are dropped (that one
 * finding says what to do).
 */
function readReference(
  holder: Record<string, unknown>,
  path: JsonPath,
  placeholders: Record<string, unknown>,
  context: Context,
): CsvTable | undefined {
  const { report, folder } = context;
  const name = holder.csv;
  const at = [...path, "csv"];
  delete holder.csv;
  const clashing = Object.keys(placeholders).filter((key) => key in holder);
  if (clashing.length > 0) {
    report(
      "error",
      "tableau-csv",
      at,
      `donnez les lignes soit dans le fichier « csv », soit dans « ${clashing.join(" » et « ")} », pas les deux`,
    );
    return undefined;
  }
  let read: CsvRead | undefined;
  if (typeof name !== "string" || !CSV_NAME.test(name))
    report(
      "error",
      "tableau-csv",
      at,
      `« csv » est le nom d'un fichier .csv placé dans le dossier ${folder} (ex. « equipements.csv »), sans chemin`,
    );
  else {
    read = context.lookup?.(name);
    if (!read)
      report(
        "error",
        "tableau-csv",
        at,
        `le fichier « ${folder}${name} » est introuvable : placez le tableau dans le dossier ${folder} à côté du scénario (npm run scenarios:import-table le crée depuis un tableur)`,
      );
    else if ("findings" in read) context.findings.push(...read.findings);
  }
  if (read && "table" in read) return read.table;
  for (const [key, value] of Object.entries(placeholders)) {
    holder[key] = value;
    context.origins.push({ path: [...path, key], file: "", headerLine: 1, silent: true });
  }
  return undefined;
}

/** `id` column of a header (a header cell « id »), or -1. */
function idColumn(header: readonly string[], declared: ReadonlySet<string>): number {
  if (declared.has("id")) return -1;
  return header.findIndex((cell) => cell.trim().toLowerCase() === "id");
}

/** Cells of a record by column id; extra cells are reported at the record's row. */
function cellsOf(
  record: CsvRecord,
  columns: readonly (string | undefined)[],
  rowPath: JsonPath,
  report: Report,
): Record<string, string> {
  const cells: Record<string, string> = {};
  record.cells.forEach((value, i) => {
    const column = columns[i];
    if (column) cells[column] = value;
  });
  if (record.cells.length > columns.length)
    report(
      "error",
      "tableau-irregulier",
      rowPath,
      `cette ligne a ${record.cells.length} cellules pour ${columns.length} colonnes dans l'en-tête : une cellule par colonne (une virgule ou un point-virgule de trop ?)`,
    );
  return cells;
}

/** Rows at `path` come from the records of `table`, line for line. */
function rowsOrigin(path: JsonPath, table: CsvTable): CsvOrigin {
  return {
    path,
    file: table.file,
    headerLine: table.header.line,
    lines: table.records.map((record) => record.line),
  };
}

function resolveMaterial(material: Record<string, unknown>, path: JsonPath, context: Context): void {
  const table = readReference(material, path, { columns: ["?"], rows: [] }, context);
  if (!table) return;
  material.columns = table.header.cells;
  material.rows = table.records.map((record) => record.cells);
  context.origins.push(
    { path: [...path, "columns"], file: table.file, headerLine: table.header.line },
    rowsOrigin([...path, "rows"], table),
  );
}

/** Puzzle columns by header cell: matched by id or label when declared, else made from the header. */
function headerColumns(
  puzzle: Record<string, unknown>,
  table: CsvTable,
  path: JsonPath,
  context: Context,
): { byIndex: (string | undefined)[]; idIndex: number } {
  const declared = Array.isArray(puzzle.columns) ? puzzle.columns.filter(isObject) : undefined;
  const declaredIds = new Set((declared ?? []).map((column) => String(column.id)));
  const header = table.header.cells;
  const idIndex = idColumn(header, declaredIds);
  if (!declared) {
    puzzle.columns = header
      .filter((_, i) => i !== idIndex)
      .map((label) => ({ id: columnIdOf(label), label: label.trim() }));
    context.origins.push({ path: [...path, "columns"], file: table.file, headerLine: table.header.line });
    return { byIndex: header.map((label, i) => (i === idIndex ? undefined : columnIdOf(label))), idIndex };
  }
  const byIndex = header.map((cell, i) => {
    if (i === idIndex) return undefined;
    const text = cell.trim();
    const column = declared.find((candidate) => candidate.id === text || candidate.label === text);
    if (!column)
      context.report(
        "error",
        "tableau-csv",
        [...path, "rows"],
        `la colonne « ${text} » de l'en-tête n'est pas dans « columns » (ni par son identifiant, ni par son libellé) : ajoutez-la à « columns » ou renommez-la dans le fichier`,
      );
    return column ? String(column.id) : undefined;
  });
  const absent = [...declaredIds].filter((id) => !byIndex.includes(id));
  if (absent.length > 0)
    context.report(
      "error",
      "tableau-csv",
      [...path, "rows"],
      `l'en-tête n'a pas de colonne pour : ${absent.map((id) => `« ${id} »`).join(", ")} (donnez l'identifiant ou le libellé de la colonne en première ligne)`,
    );
  return { byIndex, idIndex };
}

function resolvePuzzle(puzzle: Record<string, unknown>, path: JsonPath, context: Context): boolean {
  const placeholders = "columns" in puzzle ? { rows: [] } : { rows: [], columns: [] };
  const table = readReference(puzzle, path, placeholders, context);
  if (!table) return false;
  const rowsPath = [...path, "rows"];
  context.origins.push(rowsOrigin(rowsPath, table));
  const { byIndex, idIndex } = headerColumns(puzzle, table, path, context);
  const columns = byIndex.map((id, i) => (i === idIndex ? undefined : id));
  puzzle.rows = table.records.map((record, k) => ({
    id: idIndex >= 0 ? (record.cells[idIndex] ?? "").trim() : `l${record.line}`,
    cells: cellsOf(record, columns, [...rowsPath, k], context.report),
  }));
  return true;
}

function resolveSolution(
  solution: Record<string, unknown>,
  puzzle: Record<string, unknown>,
  path: JsonPath,
  context: Context,
): void {
  const table = readReference(solution, path, { rows: [] }, context);
  if (!table) return;
  const rowsPath = [...path, "rows"];
  context.origins.push(rowsOrigin(rowsPath, table));
  const columns = (Array.isArray(puzzle.columns) ? puzzle.columns : []).filter(isObject);
  const header = table.header.cells;
  const idIndex = idColumn(header, new Set(columns.map((column) => String(column.id))));
  const byIndex = header.map((cell, i) => {
    if (i === idIndex) return undefined;
    const text = cell.trim();
    const column = columns.find(
      (candidate) => candidate.id === text || candidate.label === text || candidate.id === columnIdOf(text),
    );
    if (!column)
      context.report(
        "error",
        "tableau-csv",
        rowsPath,
        `la colonne « ${text} » de l'en-tête n'est pas une colonne du tableau de départ : même identifiant ou même libellé que dans le tableau à nettoyer`,
      );
    return column ? String(column.id) : undefined;
  });
  const removed = new Set(Array.isArray(solution.removedRows) ? solution.removedRows.map(String) : []);
  const kept = (Array.isArray(puzzle.rows) ? puzzle.rows : [])
    .filter(isObject)
    .map((row) => String(row.id))
    .filter((id) => !removed.has(id));
  if (idIndex < 0 && table.records.length !== kept.length) {
    context.report(
      "error",
      "tableau-csv",
      rowsPath,
      `le tableau propre a ${table.records.length} ligne(s) pour ${kept.length} ligne(s) gardée(s) du tableau de départ (sans « removedRows ») : une ligne par ligne gardée, dans le même ordre, ou une colonne « id » qui les nomme`,
    );
    // Rows matched by position are off from there: that one finding, not one per shifted cell.
    context.origins.unshift({ path: rowsPath, file: "", headerLine: 1, silent: true });
  }
  solution.rows = table.records.map((record, k) => ({
    id: idIndex >= 0 ? (record.cells[idIndex] ?? "").trim() : (kept[k] ?? `l${record.line}`),
    cells: cellsOf(record, byIndex, [...rowsPath, k], context.report),
  }));
}

/**
 * A copy of a scenario's raw JSON value with every `csv` reference replaced by its rows, and the
 * findings of files that could not be read. The rows' origins are added to `origins` as they are
 * read (the report places findings with them). `file`: the scenario file as named in findings (its
 * CSV files are in `csvFolderOf(file)`).
 */
export function resolveCsvTables(
  raw: unknown,
  file: string,
  lookup: CsvLookup | undefined,
  report: Report,
  origins: CsvOrigin[],
): { value: unknown; findings: Finding[] } {
  const context: Context = { lookup, folder: csvFolderOf(file), report, origins, findings: [] };
  if (!isObject(raw) || !Array.isArray(raw.steps) || !JSON.stringify(raw).includes('"csv"'))
    return { value: raw, findings: [] };
  const value = structuredClone(raw) as Record<string, unknown> & { steps: unknown[] };
  value.steps.forEach((step, i) => {
    if (!isObject(step)) return;
    const at: JsonPath = ["steps", i];
    if (Array.isArray(step.materials))
      step.materials.forEach((material, j) => {
        if (isObject(material) && material.kind === "table" && "csv" in material)
          resolveMaterial(material, [...at, "materials", j], context);
      });
    if (step.type !== "table" || !isObject(step.puzzle)) return;
    const puzzle = step.puzzle;
    const puzzleRead = "csv" in puzzle ? resolvePuzzle(puzzle, [...at, "puzzle"], context) : true;
    if (isObject(step.solution) && "csv" in step.solution) {
      if (puzzleRead) resolveSolution(step.solution, puzzle, [...at, "solution"], context);
      else {
        delete step.solution.csv;
        step.solution.rows = [];
        const rowsPath = [...at, "solution", "rows"];
        context.origins.push({ path: rowsPath, file: "", headerLine: 1, silent: true });
      }
    }
  });
  return { value, findings: context.findings };
}
