import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { clamp01 } from "../util.ts";
import { sameCell } from "./ops.ts";
import type { TableDraft, TablePuzzle, TableSolution } from "./schema.ts";

/** Feedback id of a table cell. */
export const cellId = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

/**
 * Defects fixed minus damage, over the number of defects (see notes/table-ops.md).
 * Defects: kept cells whose initial value differs from the solution, rows and columns to remove.
 * Damage: right cells made wrong, rows or columns removed that should stay.
 * Cells of removed rows or columns are not compared (the removal itself is counted once).
 * Feedback lists every defect (fixed or not) and every damage.
 */
export function scoreTable(puzzle: TablePuzzle, solution: TableSolution, answer: TableDraft): ScoreResult {
  const items: ItemFeedback[] = [];
  const expectedRows = new Map(solution.rows.map((row) => [row.id, row.cells]));
  const answerRows = new Map(answer.rows.map((row) => [row.id, row.cells]));
  const rowsToRemove = new Set(solution.removedRows);
  const columnsToRemove = new Set(solution.removedColumns);
  const removedRows = new Set(answer.removedRows);
  const removedColumns = new Set(answer.removedColumns);
  let defects = 0;
  let fixed = 0;
  let damaged = 0;
  const record = (id: string, isDefect: boolean, correct: boolean) => {
    if (isDefect) {
      defects++;
      if (correct) fixed++;
      items.push({ id, correct });
    } else if (!correct) {
      damaged++;
      items.push({ id, correct: false });
    }
  };

  for (const row of puzzle.rows) {
    if (rowsToRemove.has(row.id)) {
      record(row.id, true, removedRows.has(row.id));
      continue;
    }
    record(row.id, false, !removedRows.has(row.id));
    const expected = expectedRows.get(row.id) ?? {};
    const current = answerRows.get(row.id) ?? {};
    for (const column of puzzle.columns) {
      if (columnsToRemove.has(column.id)) continue;
      const initialRight = sameCell(row.cells[column.id], expected[column.id]);
      if (removedRows.has(row.id) || removedColumns.has(column.id)) {
        if (!initialRight) record(cellId(row.id, column.id), true, false);
        continue;
      }
      record(cellId(row.id, column.id), !initialRight, sameCell(current[column.id], expected[column.id]));
    }
  }
  for (const column of puzzle.columns) {
    const shouldRemove = columnsToRemove.has(column.id);
    record(column.id, shouldRemove, removedColumns.has(column.id) === shouldRemove);
  }
  const score = defects === 0 ? (damaged === 0 ? 1 : 0) : clamp01((fixed - damaged) / defects);
  return { score, items };
}
