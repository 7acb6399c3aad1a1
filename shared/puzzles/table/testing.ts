import fc from "fast-check";
import type { EditOf } from "../registry.ts";
import type { PuzzleTesting } from "../testing.ts";
import { SECRET } from "../testing.ts";
import { table } from "./index.ts";
import { COLUMN_OPERATIONS, sameCell } from "./ops.ts";

const word = fc.stringMatching(/^[a-zé]{1,8}$/);

export const tableTesting: PuzzleTesting<"table"> = {
  type: "table",
  parts: ({ ids, word }) =>
    fc.tuple(ids("c", 1, 4), ids("r", 1, 5)).chain(([columnIds, rowIds]) =>
      fc
        .tuple(
          fc.array(
            fc.array(fc.tuple(word, fc.boolean()), {
              minLength: columnIds.length,
              maxLength: columnIds.length,
            }),
            { minLength: rowIds.length, maxLength: rowIds.length },
          ),
          fc.subarray(rowIds),
          fc.subarray(columnIds, { maxLength: columnIds.length - 1 }),
          fc.subarray(["trim", "pad-zeros", "remove-row", "remove-column", "edit-cell"] as const, {
            minLength: 1,
          }),
          fc.nat(9999),
        )
        .map(([cells, removedRows, removedColumns, operations, n]) => ({
          puzzle: {
            columns: columnIds.map((id) => ({ id, label: id, width: 3 })),
            rows: rowIds.map((id, r) => ({
              id,
              cells: Object.fromEntries(columnIds.map((c, i) => [c, cells[r]?.[i]?.[0] ?? ""])),
            })),
            operations,
          },
          solution: {
            // A defect cell's expected value is a secret; a right cell keeps its initial value.
            rows: rowIds
              .filter((id) => !removedRows.includes(id))
              .map((id) => {
                const r = rowIds.indexOf(id);
                const kept = columnIds.filter((c) => !removedColumns.includes(c));
                return {
                  id,
                  cells: Object.fromEntries(
                    kept.map((c) => {
                      const [initial, defect] = cells[r]?.[columnIds.indexOf(c)] ?? ["", false];
                      return [c, defect ? `${SECRET}${n}-${id}-${c}` : initial];
                    }),
                  ),
                };
              }),
            removedRows,
            removedColumns,
          },
        })),
    ),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("table" as const),
      rows: fc.array(
        fc.record({ id, cells: fc.dictionary(id, fc.string({ maxLength: 10 }), { maxKeys: 4 }) }),
        { maxLength: 6 },
      ),
      removedRows: fc.array(id, { maxLength: 4 }),
      removedColumns: fc.array(id, { maxLength: 4 }),
    }),
  draftFor(puzzle) {
    const columns = puzzle.columns.map((c) => c.id);
    const rows = puzzle.rows.map((r) => r.id);
    return fc
      .tuple(
        fc.array(
          fc.array(fc.oneof(word, fc.constant("")), { minLength: columns.length, maxLength: columns.length }),
          {
            minLength: rows.length,
            maxLength: rows.length,
          },
        ),
        fc.subarray(rows),
        fc.subarray(columns),
      )
      .map(([cells, removedRows, removedColumns]) => ({
        type: "table" as const,
        rows: rows.map((id, r) => ({
          id,
          cells: Object.fromEntries(columns.map((c, i) => [c, cells[r]?.[i] ?? ""])),
        })),
        removedRows,
        removedColumns,
      }));
  },
  anyEdit(id) {
    const column = fc.oneof(id, fc.constantFrom("insee", "surface", "ouvert", "responsable"));
    const row = fc.oneof(id, fc.constantFrom("r1", "r2", "r3"));
    return fc.oneof(
      fc.record({ op: fc.constant("edit-cell" as const), rowId: row, columnId: column, value: word }),
      fc.record({
        op: fc.constant("apply-operation" as const),
        operation: fc.constantFrom(...COLUMN_OPERATIONS),
        columnId: column,
      }),
      fc.record({ op: fc.constant("set-row-removed" as const), rowId: row, removed: fc.boolean() }),
      fc.record({ op: fc.constant("set-column-removed" as const), columnId: column, removed: fc.boolean() }),
    );
  },
  editsTo(draft, target) {
    const edits: EditOf<"table">[] = [];
    for (const row of target.rows) {
      const current = draft.rows.find((r) => r.id === row.id);
      for (const [columnId, value] of Object.entries(row.cells)) {
        if (current?.cells[columnId] !== value)
          edits.push({ op: "edit-cell", rowId: row.id, columnId, value });
      }
    }
    for (const rowId of target.removedRows) edits.push({ op: "set-row-removed", rowId, removed: true });
    for (const columnId of target.removedColumns)
      edits.push({ op: "set-column-removed", columnId, removed: true });
    return edits;
  },
  /** An untouched table. */
  wrongDraft: (_puzzle, _solution, draft) => draft,
  oneMistake(puzzle, solution) {
    // The first row to remove forgotten, or else the first faulty cell left as it was.
    const right = table.solutionDraft(puzzle, solution);
    if (right.removedRows.length > 0) return { ...right, removedRows: right.removedRows.slice(1) };
    for (const row of puzzle.rows) {
      const expected = solution.rows.find((candidate) => candidate.id === row.id)?.cells ?? {};
      const columnId = Object.keys(expected).find((id) => !sameCell(row.cells[id], expected[id]));
      if (columnId === undefined) continue;
      return {
        ...right,
        rows: right.rows.map((r) =>
          r.id === row.id ? { id: r.id, cells: { ...r.cells, [columnId]: row.cells[columnId] ?? "" } } : r,
        ),
      };
    }
    return right;
  },
};
