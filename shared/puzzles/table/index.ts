/** table: clean a data table with OpenRefine-like operations. */
import { definePuzzleType, type PlannedEdits } from "../contract.ts";
import { checkTable } from "./check.ts";
import { applyOperationToTable, COLUMN_OPERATIONS } from "./ops.ts";
import { columnPlan } from "./reach.ts";
import { TableDraft, TableEdit, TablePuzzle, TableSolution } from "./schema.ts";
import { scoreTable } from "./score.ts";

function applyTableEdit(puzzle: TablePuzzle, draft: TableDraft, edit: TableEdit): TableDraft | null {
  const offered = new Set(puzzle.operations);
  const column = (id: string) => puzzle.columns.find((c) => c.id === id);
  const hasRow = (id: string) => draft.rows.some((row) => row.id === id);
  switch (edit.op) {
    case "edit-cell":
      if (!offered.has("edit-cell") || !column(edit.columnId) || !hasRow(edit.rowId)) return null;
      return {
        ...draft,
        rows: draft.rows.map((row) =>
          row.id === edit.rowId ? { id: row.id, cells: { ...row.cells, [edit.columnId]: edit.value } } : row,
        ),
      };
    case "apply-operation": {
      const target = column(edit.columnId);
      if (!offered.has(edit.operation) || !target) return null;
      return applyOperationToTable(draft, edit.operation, edit.columnId, target.width);
    }
    case "set-row-removed": {
      if (!offered.has("remove-row") || !hasRow(edit.rowId)) return null;
      const others = draft.removedRows.filter((id) => id !== edit.rowId);
      return { ...draft, removedRows: edit.removed ? [...others, edit.rowId] : others };
    }
    case "set-column-removed": {
      if (!offered.has("remove-column") || !column(edit.columnId)) return null;
      const others = draft.removedColumns.filter((id) => id !== edit.columnId);
      return { ...draft, removedColumns: edit.removed ? [...others, edit.columnId] : others };
    }
  }
}

function solutionEdits(puzzle: TablePuzzle, solution: TableSolution): PlannedEdits<TableEdit> {
  const offered = new Set(puzzle.operations);
  const edits: TableEdit[] = [
    ...solution.removedRows.map((rowId): TableEdit => ({ op: "set-row-removed", rowId, removed: true })),
    ...solution.removedColumns.map(
      (columnId): TableEdit => ({ op: "set-column-removed", columnId, removed: true }),
    ),
  ];
  const expected = new Map(solution.rows.map((row) => [row.id, row.cells]));
  const kept = puzzle.rows.filter((row) => !solution.removedRows.includes(row.id));
  const operations = COLUMN_OPERATIONS.filter((operation) => offered.has(operation));
  const problems: string[] = [];
  for (const column of puzzle.columns) {
    if (solution.removedColumns.includes(column.id)) continue;
    const initial = kept.map((row) => row.cells[column.id] ?? "");
    const target = kept.map((row) => expected.get(row.id)?.[column.id] ?? "");
    const plan = columnPlan(initial, target, operations, column.width);
    for (const operation of plan.sequence)
      edits.push({ op: "apply-operation", operation, columnId: column.id });
    for (const i of plan.unreachable) {
      const row = kept[i];
      if (!row) continue;
      if (offered.has("edit-cell"))
        edits.push({ op: "edit-cell", rowId: row.id, columnId: column.id, value: target[i] ?? "" });
      else problems.push(`${row.id}:${column.id}`);
    }
  }
  return problems.length > 0
    ? {
        edits,
        problem: `cellules impossibles à obtenir avec les opérations proposées : ${problems.join(", ")}`,
      }
    : { edits };
}

function randomEdits(puzzle: TablePuzzle, random: () => number): TableEdit[] {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const offered = new Set(puzzle.operations);
  const operations = COLUMN_OPERATIONS.filter((operation) => offered.has(operation));
  const edits: TableEdit[] = [];
  const count = Math.floor(random() * (puzzle.columns.length + 2));
  for (let i = 0; i < count; i++) {
    const operation = pick(operations);
    const column = pick(puzzle.columns);
    if (operation && column) edits.push({ op: "apply-operation", operation, columnId: column.id });
  }
  if (offered.has("remove-row"))
    for (const row of puzzle.rows)
      if (random() < 0.2) edits.push({ op: "set-row-removed", rowId: row.id, removed: true });
  if (offered.has("remove-column"))
    for (const column of puzzle.columns)
      if (random() < 0.15) edits.push({ op: "set-column-removed", columnId: column.id, removed: true });
  return edits;
}

export const table = definePuzzleType({
  type: "table",
  description: "Type d'énigme : table = nettoyer un tableau de données.",
  puzzle: TablePuzzle,
  solution: TableSolution,
  draft: TableDraft,
  edit: TableEdit,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: (puzzle) => ({
    type: "table",
    rows: puzzle.rows.map((row) => ({ id: row.id, cells: { ...row.cells } })),
    removedRows: [],
    removedColumns: [],
  }),
  solutionDraft(puzzle, solution) {
    const expected = new Map(solution.rows.map((row) => [row.id, row.cells]));
    return {
      type: "table",
      rows: puzzle.rows.map((row) => ({ id: row.id, cells: { ...row.cells, ...expected.get(row.id) } })),
      removedRows: [...solution.removedRows],
      removedColumns: [...solution.removedColumns],
    };
  },
  applyEdit: applyTableEdit,
  score: scoreTable,
  check: checkTable,
  solutionEdits,
  randomEdits: (puzzle, _solution, random) => randomEdits(puzzle, random),
  starter: {
    id: "nettoyer",
    title: "Étape « table » : nettoyer un tableau",
    prompt: "Exemple : nettoyez le tableau des équipements avant de le publier.",
    puzzle: {
      columns: [
        { id: "nom", label: "Nom" },
        { id: "surface", label: "Surface (m²)" },
        { id: "insee", label: "Code INSEE", width: 5 },
      ],
      rows: [
        { id: "l1", cells: { nom: "Piscine", surface: "535,01 m²", insee: "1004" } },
        { id: "l2", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
        { id: "l3", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
      ],
      operations: ["trim", "strip-unit", "decimal-point", "pad-zeros", "remove-row"],
    },
    solution: {
      rows: [
        { id: "l1", cells: { nom: "Piscine", surface: "535.01", insee: "01004" } },
        { id: "l2", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
      ],
      removedRows: ["l3"],
    },
    explanation: {
      text: "La solution est le tableau propre attendu ; chaque valeur doit être atteignable avec les opérations proposées.",
      sources: [{ label: "Guide Etalab de la qualité des données" }],
    },
    timeLimitSeconds: 300,
    competence: "qualite-nettoyage",
  },
});
