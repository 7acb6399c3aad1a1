/** The table puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label, Value } from "../../scenario/primitives.ts";

/** Cleaning operations that transform every cell of one column (semantics in ./ops.ts). */
export const COLUMN_OPERATIONS = [
  "trim",
  "normalize-boolean",
  "decimal-point",
  "iso-date",
  "strip-unit",
  "pad-zeros",
  "empty-to-null",
] as const;

/** Cleaning operations offered on a `table` puzzle, in the spirit of OpenRefine. */
export const TableOperation = z
  .enum([...COLUMN_OPERATIONS, "remove-row", "remove-column", "edit-cell"])
  .describe(
    "Opération de nettoyage : trim (espaces), normalize-boolean (oui/non → true/false), decimal-point (virgule → point), iso-date (date → AAAA-MM-JJ), strip-unit (« 535 m² » → « 535 »), pad-zeros (zéros initiaux), empty-to-null (0 ou « - » → vide), remove-row (doublon), remove-column (donnée personnelle), edit-cell (saisie libre).",
  );

export const TableColumn = z
  .strictObject({
    id: Id,
    label: Label,
    width: z
      .int()
      .min(1)
      .optional()
      .describe("Pour pad-zeros : nombre de caractères attendus (ex. 5 pour un code INSEE)."),
  })
  .describe("Une colonne du tableau.");

export const TableRow = z
  .strictObject({
    id: Id,
    cells: z
      .record(z.string(), z.string())
      .describe("Valeur de chaque colonne (clé = identifiant de colonne)."),
  })
  .describe("Une ligne du tableau, avec son identifiant et ses cellules.");

/** Most rows a table puzzle has: a team's draft carries every one of them (a CSV file makes big tables easy). */
export const MAX_TABLE_ROWS = 500;

export const TablePuzzle = z
  .strictObject({
    columns: z.array(TableColumn).min(1).describe("Les colonnes du tableau."),
    rows: z
      .array(TableRow)
      .min(1)
      .max(MAX_TABLE_ROWS)
      .describe(`Les lignes, avec leurs défauts à corriger (${MAX_TABLE_ROWS} au plus).`),
    operations: z.array(TableOperation).min(1).describe("Les opérations proposées à l'équipe."),
  })
  .describe("Nettoyer un tableau de données.");

export const TableSolution = z
  .strictObject({
    rows: z
      .array(TableRow)
      .describe("Les lignes attendues après nettoyage (sans les lignes à supprimer), colonnes conservées."),
    removedRows: z.array(Id).default([]).describe("Lignes à supprimer (doublons…)."),
    removedColumns: z.array(Id).default([]).describe("Colonnes à supprimer (données personnelles…)."),
  })
  .describe("Solution d'un nettoyage : le tableau propre attendu.");

export const TableDraft = z.strictObject({
  type: z.literal("table"),
  /** The team's working copy: every row of the puzzle with its current cells. */
  rows: z.array(z.strictObject({ id: Id, cells: z.record(z.string().max(64), Value) })).max(MAX_TABLE_ROWS),
  removedRows: z.array(Id).max(MAX_TABLE_ROWS),
  removedColumns: z.array(Id).max(100),
});

export const TableEdit = z.discriminatedUnion("op", [
  /** Set one cell by hand. */
  z.strictObject({ op: z.literal("edit-cell"), rowId: Id, columnId: Id, value: Value }),
  /** Apply a cleaning operation to a whole column. */
  z.strictObject({
    op: z.literal("apply-operation"),
    operation: z.enum(COLUMN_OPERATIONS),
    columnId: Id,
  }),
  /** Remove or restore a row (duplicates). */
  z.strictObject({ op: z.literal("set-row-removed"), rowId: Id, removed: z.boolean() }),
  /** Remove or restore a column (personal data). */
  z.strictObject({ op: z.literal("set-column-removed"), columnId: Id, removed: z.boolean() }),
]);

export type ColumnOperation = (typeof COLUMN_OPERATIONS)[number];
export type TableOperation = z.infer<typeof TableOperation>;
export type TableRow = z.infer<typeof TableRow>;
export type TablePuzzle = z.infer<typeof TablePuzzle>;
export type TableSolution = z.infer<typeof TableSolution>;
export type TableDraft = z.infer<typeof TableDraft>;
export type TableEdit = z.infer<typeof TableEdit>;
