/**
 * Node-only: one sheet of a spreadsheet (XLSX, ODS) or a CSV file turned into a scenario's CSV table
 * (UTF-8, semicolon separated, as French spreadsheets write it). `npm run scenarios:import-table`
 * and the studio's « Importer un tableau » both use it.
 *
 * Spreadsheets are read by SheetJS Community Edition 0.20.3 as published on npm by `@e965/xlsx`
 * (the `xlsx` package on npm stopped at 0.18.5, with known vulnerabilities fixed in 0.19.3 and
 * 0.20.2; SheetJS now ships from its own CDN, which this project cannot reach). One library reads
 * both XLSX and ODS, with no dependency; `exceljs` reads XLSX only. CSV files are read by
 * csv-parse (no guessing of numbers or dates: « 01004 » stays « 01004 »).
 */
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import { detectDelimiter } from "./csv-files.ts";

/** A spreadsheet that cannot become a table: `message` says why, in French. */
export class SpreadsheetError extends Error {}

export interface ImportedTable {
  /** The CSV text to write beside the scenario. */
  csv: string;
  /** The sheet read (its name; the file name's format for a CSV file). */
  sheet: string;
  /** The header line's cells. */
  columns: string[];
  /** Rows after the header. */
  rows: number;
  /** Set when a CSV file was not UTF-8 and was converted (e.g. « Windows-1252 »). */
  convertedFrom?: string;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** A CSV file's text: UTF-8, or UTF-16 by its byte order mark, else Windows-1252 (Excel's « CSV »). */
function csvText(bytes: Uint8Array): { text: string; convertedFrom?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), convertedFrom: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), convertedFrom: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), convertedFrom: "Windows-1252" };
  }
}

function csvRows(bytes: Uint8Array): { rows: string[][]; convertedFrom?: string } {
  const { text, convertedFrom } = csvText(bytes);
  if (text.includes("\u0000"))
    throw new SpreadsheetError("Ce fichier n'est ni un classeur XLSX ou ODS, ni un fichier CSV (texte).");
  try {
    const rows = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
    return convertedFrom ? { rows, convertedFrom } : { rows };
  } catch (error) {
    throw new SpreadsheetError(
      `Ce fichier CSV ne se lit pas (${(error as Error).message}) : exportez-le à nouveau depuis le tableur.`,
    );
  }
}

function sheetRows(
  bytes: Uint8Array,
  sheet: string | number | undefined,
): { rows: string[][]; sheet: string } {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: "buffer", dense: true, cellDates: true });
  } catch {
    throw new SpreadsheetError(
      "Ce fichier ne se lit pas comme un classeur XLSX ou ODS : est-il abîmé ou protégé par un mot de passe ?",
    );
  }
  const names = workbook.SheetNames;
  const name =
    sheet === undefined
      ? names[0]
      : typeof sheet === "number"
        ? names[sheet - 1]
        : names.find((candidate) => candidate === sheet);
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (name === undefined || !worksheet)
    throw new SpreadsheetError(
      `La feuille ${typeof sheet === "number" ? sheet : `« ${sheet} »`} n'existe pas : le classeur a ${names.length} feuille(s) (${names.map((n, i) => `${i + 1} « ${n} »`).join(", ")}).`,
    );
  const rows = XLSX.utils.sheet_to_json<string[]>(worksheet, {
    header: 1,
    raw: false,
    defval: "",
    blankrows: false,
    dateNF: "dd/mm/yyyy",
  });
  return { rows: rows.map((row) => row.map((cell) => String(cell ?? ""))), sheet: name };
}

/** Rows without their empty trailing columns and without empty rows. */
function trimmed(rows: string[][]): string[][] {
  const filled = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  const width = Math.max(0, ...filled.map((row) => row.findLastIndex((cell) => cell.trim() !== "") + 1));
  return filled.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
}

/**
 * One sheet (`sheet`: its number from 1 or its name; default the first) of an XLSX or ODS file, or a
 * CSV file, as a scenario's CSV table. Throws SpreadsheetError with a French message.
 */
export function spreadsheetToCsv(bytes: Uint8Array, sheet?: string | number): ImportedTable {
  if (bytes.length === 0) throw new SpreadsheetError("Le fichier est vide.");
  const read: { rows: string[][]; sheet: string; convertedFrom?: string } = isZip(bytes)
    ? sheetRows(bytes, sheet)
    : { ...csvRows(bytes), sheet: "CSV" };
  const rows = trimmed(read.rows);
  const [header, ...body] = rows;
  if (!header || header.length === 0)
    throw new SpreadsheetError(
      `La feuille « ${read.sheet} » est vide : la première ligne donne les noms des colonnes, les suivantes les lignes du tableau.`,
    );
  const worksheet = XLSX.utils.aoa_to_sheet(rows);
  const csv = `${XLSX.utils.sheet_to_csv(worksheet, { FS: ";", RS: "\n", blankrows: false })}\n`;
  return {
    csv,
    sheet: read.sheet,
    columns: header,
    rows: body.length,
    ...(read.convertedFrom ? { convertedFrom: read.convertedFrom } : {}),
  };
}
