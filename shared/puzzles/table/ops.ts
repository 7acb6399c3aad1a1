/**
 * Table cleaning operations (see docs in notes/table-ops.md): pure string → string functions.
 * A value an operation does not recognise is returned unchanged.
 */
import { fold } from "../../text/fold.ts";
import { COLUMN_OPERATIONS, type ColumnOperation, type TableDraft } from "./schema.ts";

export { COLUMN_OPERATIONS, type ColumnOperation, fold };

/** Removes leading/trailing whitespace (NBSP included) and collapses inner runs to one space. */
export function trimValue(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

const TRUE_WORDS = new Set(["oui", "o", "yes", "y", "x", "vrai", "true", "1"]);
const FALSE_WORDS = new Set(["non", "n", "no", "faux", "false", "0"]);

/** oui/yes/x/vrai/1… → `true`; non/no/faux/0… → `false`; empty stays empty. */
export function normalizeBoolean(value: string): string {
  const folded = fold(value);
  if (folded === "") return "";
  if (TRUE_WORDS.has(folded)) return "true";
  if (FALSE_WORDS.has(folded)) return "false";
  return value;
}

const SPACES = "[ \\u00a0\\u202f]";
const DECIMAL_COMMA = new RegExp(`^(-?)(\\d{1,3}(?:${SPACES}\\d{3})+|\\d+),(\\d+)$`);

/** `535,01` → `535.01`; `1 234,5` → `1234.5`; `-2,5` → `-2.5`. */
export function decimalPoint(value: string): string {
  const match = DECIMAL_COMMA.exec(value.trim());
  if (!match) return value;
  const [, sign, integer = "", fraction] = match;
  return `${sign}${integer.replace(/[ \u00a0\u202f]/g, "")}.${fraction}`;
}

const MONTHS = [
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];

function isoIfValid(year: number, month: number, day: number, original: string): string {
  if (month < 1 || month > 12 || day < 1) return original;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return original;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy/mm/dd, yyyy-mm-dd, « 1er mars 2015 » → yyyy-mm-dd. */
export function isoDate(value: string): string {
  const text = value.trim();
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (dayFirst) return isoIfValid(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]), value);
  const yearFirst = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (yearFirst) return isoIfValid(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]), value);
  const long = /^(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})$/u.exec(fold(text));
  if (long) {
    const month = MONTHS.indexOf(long[2] ?? "") + 1;
    if (month > 0) return isoIfValid(Number(long[3]), month, Number(long[1]), value);
  }
  return value;
}

const UNITS = ["m²", "m2", "km", "ha", "m", "personnes", "pers.", "pers", "places", "p", "€", "eur", "%"];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NUMBER_WITH_UNIT = new RegExp(
  `^(-?\\d+(?:${SPACES}\\d{3})*(?:[.,]\\d+)?)\\s*(?:${UNITS.map(escapeRegExp).join("|")})$`,
  "iu",
);

/** `535,01 m²` → `535,01`; `45 p` → `45`; `12 places` → `12`. Decimal separator untouched. */
export function stripUnit(value: string): string {
  const match = NUMBER_WITH_UNIT.exec(value.trim());
  return match?.[1] ?? value;
}

/** Left-pads a value made only of digits to `width` (`9` → `09` for width 2). */
export function padZeros(value: string, width: number | undefined): string {
  const text = value.trim();
  if (width === undefined || !/^\d+$/.test(text) || text.length >= width) return value;
  return text.padStart(width, "0");
}

const NULL_MARKERS = new Set(["0", "-", "n/a", "na", "nc", "?", "inconnu"]);

/** `0`, `-`, `n/a`, `na`, `nc`, `?`, `inconnu` → empty string. */
export function emptyToNull(value: string): string {
  return NULL_MARKERS.has(value.trim().toLowerCase()) ? "" : value;
}

/** Applies one column operation to one value. `width` is the column's declared width (pad-zeros). */
export function applyOperationToValue(operation: ColumnOperation, value: string, width?: number): string {
  switch (operation) {
    case "trim":
      return trimValue(value);
    case "normalize-boolean":
      return normalizeBoolean(value);
    case "decimal-point":
      return decimalPoint(value);
    case "iso-date":
      return isoDate(value);
    case "strip-unit":
      return stripUnit(value);
    case "pad-zeros":
      return padZeros(value, width);
    case "empty-to-null":
      return emptyToNull(value);
  }
}

/** Applies a column operation to every non-removed row of `columnId`. Returns a new answer. */
export function applyOperationToTable(
  table: TableDraft,
  operation: ColumnOperation,
  columnId: string,
  width?: number,
): TableDraft {
  const removed = new Set(table.removedRows);
  return {
    ...table,
    rows: table.rows.map((row) => {
      if (removed.has(row.id)) return row;
      const current = row.cells[columnId] ?? "";
      return {
        id: row.id,
        cells: { ...row.cells, [columnId]: applyOperationToValue(operation, current, width) },
      };
    }),
  };
}

/** Cell comparison used by the table scorer: equality after trimming outer whitespace, decimals by value. */
export function sameCell(a: string | undefined, b: string | undefined): boolean {
  const left = (a ?? "").trim();
  const right = (b ?? "").trim();
  if (left === right) return true;
  // Two decimal numbers are the same cell when their values are equal (« 612.4 » and « 612.40 »).
  // Integers stay text: « 9122 » is not the code « 09122 ».
  const decimal = /^-?\d+\.\d+$/;
  return decimal.test(left) && decimal.test(right) && Number(left) === Number(right);
}
