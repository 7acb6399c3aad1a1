/** Meaning checks of a table step: what its schema cannot say. */
import { listForMessage } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { COLUMN_OPERATIONS, sameCell } from "./ops.ts";
import { columnPlan } from "./reach.ts";
import type { TablePuzzle, TableSolution } from "./schema.ts";

export function checkTable(
  step: { puzzle: TablePuzzle; solution: TableSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const columns = uniqueIds(puzzle.columns, (i) => [...at, "puzzle", "columns", i], "column", report);
  const rows = uniqueIds(puzzle.rows, (i) => [...at, "puzzle", "rows", i], "row", report);
  puzzle.rows.forEach((row, i) => {
    const path = [...at, "puzzle", "rows", i, "cells"];
    for (const key of Object.keys(row.cells))
      checkReference(key, columns, "column", [...path, key], report, "key");
    const missing = columns.filter((column) => !Object.hasOwn(row.cells, column));
    if (missing.length > 0)
      report(
        "warning",
        "tableau-irregulier",
        path,
        `la ligne ${quote(row.id)} n'a pas de cellule pour : ${listForMessage(missing)} (elles seront vides)`,
      );
  });
  if (!solution) return;
  const offered = new Set(puzzle.operations);
  const removedRows = new Set<string>();
  solution.removedRows.forEach((id, i) => {
    if (checkReference(id, rows, "row", [...at, "solution", "removedRows", i], report)) removedRows.add(id);
  });
  const removedColumns = new Set<string>();
  solution.removedColumns.forEach((id, i) => {
    if (checkReference(id, columns, "column", [...at, "solution", "removedColumns", i], report))
      removedColumns.add(id);
  });
  if (removedRows.size > 0 && !offered.has("remove-row"))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "removedRows"],
      "la solution supprime des lignes mais l'opération « remove-row » n'est pas proposée dans puzzle.operations",
    );
  if (removedColumns.size > 0 && !offered.has("remove-column"))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "removedColumns"],
      "la solution supprime des colonnes mais l'opération « remove-column » n'est pas proposée dans puzzle.operations",
    );

  const expectedRows = new Map<string, { index: number; cells: Record<string, string> }>();
  solution.rows.forEach((row, i) => {
    const path = [...at, "solution", "rows", i];
    if (!checkReference(row.id, rows, "row", [...path, "id"], report)) return;
    if (removedRows.has(row.id))
      report(
        "error",
        "solution-impossible",
        [...path, "id"],
        `la ligne ${quote(row.id)} est à la fois attendue et supprimée (removedRows) : choisissez`,
      );
    if (expectedRows.has(row.id))
      report(
        "error",
        "identifiant-en-double",
        [...path, "id"],
        `la ligne ${quote(row.id)} est attendue deux fois`,
      );
    expectedRows.set(row.id, { index: i, cells: row.cells });
    for (const key of Object.keys(row.cells)) {
      if (!checkReference(key, columns, "column", [...path, "cells", key], report, "key")) continue;
      if (removedColumns.has(key))
        report(
          "warning",
          "tableau-irregulier",
          [...path, "cells", key],
          `la colonne ${quote(key)} est supprimée (removedColumns) : sa valeur ici est ignorée`,
        );
    }
    const missing = columns.filter(
      (column) => !removedColumns.has(column) && !Object.hasOwn(row.cells, column),
    );
    if (missing.length > 0)
      report(
        "error",
        "tableau-irregulier",
        [...path, "cells"],
        `la ligne attendue ${quote(row.id)} n'a pas de valeur pour : ${listForMessage(missing)} ; écrivez "" si la cellule doit être vide`,
      );
  });
  const forgotten = puzzle.rows.filter((row) => !removedRows.has(row.id) && !expectedRows.has(row.id));
  if (forgotten.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "rows"],
      `chaque ligne du tableau doit être soit attendue dans solution.rows, soit supprimée dans removedRows ; oubliées : ${listForMessage(forgotten.map((row) => row.id))}`,
    );

  // Expected values reachable with the operations offered.
  const kept = puzzle.rows.filter((row) => expectedRows.has(row.id));
  let defects = removedRows.size + removedColumns.size;
  for (const column of puzzle.columns) {
    if (removedColumns.has(column.id)) continue;
    const initial = kept.map((row) => row.cells[column.id] ?? "");
    const expected = kept.map((row) => expectedRows.get(row.id)?.cells[column.id] ?? "");
    defects += initial.filter((value, i) => !sameCell(value, expected[i])).length;
    initial.forEach((value, i) => {
      // Only outer spaces apart: the score trims, so this « defect » is worth nothing.
      if (value === expected[i] || value.trim() !== (expected[i] ?? "").trim()) return;
      const row = kept[i];
      if (!row) return;
      report(
        "warning",
        "tableau-sans-defaut",
        [...at, "puzzle", "rows", puzzle.rows.indexOf(row), "cells", column.id],
        `${quote(value)} ne diffère de la valeur attendue ${quote(expected[i] ?? "")} que par des espaces au début ou à la fin : le score ne tient pas compte de ces espaces, ce défaut ne rapporte rien aux équipes ; choisissez un défaut visible (ex. deux espaces entre les mots, une unité, une virgule décimale)`,
      );
    });
    if (offered.has("edit-cell")) continue;
    const operations = COLUMN_OPERATIONS.filter((operation) => offered.has(operation));
    for (const i of columnPlan(initial, expected, operations, column.width).unreachable) {
      const row = kept[i];
      const target = row && expectedRows.get(row.id);
      if (!row || !target) continue;
      report(
        "error",
        "solution-impossible",
        [...at, "solution", "rows", target.index, "cells", column.id],
        `la valeur attendue ${quote(expected[i] ?? "")} n'est pas atteignable depuis ${quote(initial[i] ?? "")} avec les opérations proposées (${listForMessage([...offered])}) : ajoutez l'opération qui convient ou « edit-cell », ou corrigez la valeur attendue`,
      );
    }
  }
  if (defects === 0)
    report(
      "warning",
      "tableau-sans-defaut",
      [...at, "solution"],
      "le tableau attendu est identique au tableau de départ : il n'y a rien à nettoyer",
    );
}
