/** Draft answers: the initial draft of a step, a solution answer, and applying one draft edit. */
import type { Step } from "../scenario/schema.ts";
import type { Answer, DraftEdit } from "./answer.ts";
import { shuffle } from "./rng.ts";
import { applyOperationToTable } from "./table-ops.ts";

/** What a blank draft needs to know of a step: public data only (a `PublicStep` will do). */
export type BlankableStep =
  | { type: "choice" | "categorize" | "form" }
  | { type: "order"; puzzle: { items: readonly { id: string }[] } }
  | { type: "table"; puzzle: { rows: readonly { id: string; cells: Record<string, string> }[] } };

/** A blank draft: nothing chosen, placed or filled; order items as given; table rows as given. */
export function blankAnswer(step: BlankableStep): Answer {
  switch (step.type) {
    case "choice":
      return { type: "choice", selected: [] };
    case "categorize":
      return { type: "categorize", placements: {} };
    case "order":
      return { type: "order", order: step.puzzle.items.map((item) => item.id) };
    case "form":
      return { type: "form", values: {} };
    case "table":
      return {
        type: "table",
        rows: step.puzzle.rows.map((row) => ({ id: row.id, cells: { ...row.cells } })),
        removedRows: [],
        removedColumns: [],
      };
  }
}

/**
 * The initial draft of a step: a blank draft, except that order items are shuffled with `seed` and
 * never left in solution order (the shuffle is rotated when it happens to match).
 */
export function emptyAnswer(step: Step, seed: number): Answer {
  if (step.type !== "order") return blankAnswer(step);
  let order = shuffle(
    step.puzzle.items.map((item) => item.id),
    seed,
  );
  const solved = order.every((id, index) => step.solution.order[index] === id);
  if (solved && order.length > 1) order = [...order.slice(1), ...order.slice(0, 1)];
  return { type: "order", order };
}

/** An answer that scores 1 (given a valid scenario): what the reveal shows as the right answer. */
export function solutionAnswer(step: Step): Answer {
  switch (step.type) {
    case "choice":
      return {
        type: "choice",
        selected: step.puzzle.multiple ? [...step.solution.correct] : step.solution.correct.slice(0, 1),
      };
    case "categorize": {
      const placements: Record<string, string> = {};
      for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
        for (const itemId of itemIds) placements[itemId] = bucketId;
      }
      return { type: "categorize", placements };
    }
    case "order":
      return { type: "order", order: [...step.solution.order] };
    case "form": {
      const values: Record<string, string> = {};
      for (const [fieldId, field] of Object.entries(step.solution.fields)) values[fieldId] = field.example;
      return { type: "form", values };
    }
    case "table": {
      const expected = new Map(step.solution.rows.map((row) => [row.id, row.cells]));
      return {
        type: "table",
        rows: step.puzzle.rows.map((row) => ({
          id: row.id,
          cells: { ...row.cells, ...expected.get(row.id) },
        })),
        removedRows: [...step.solution.removedRows],
        removedColumns: [...step.solution.removedColumns],
      };
    }
  }
}

/**
 * Applies one edit to a draft; null when the edit does not fit the step (wrong puzzle type,
 * unknown option/item/bucket/field/row/column, index out of range, operation not offered).
 */
export function applyDraftEdit(step: Step, draft: Answer, edit: DraftEdit): Answer | null {
  if (step.type === "choice" && draft.type === "choice" && edit.op === "toggle-option") {
    if (!step.puzzle.options.some((option) => option.id === edit.optionId)) return null;
    const isSelected = draft.selected.includes(edit.optionId);
    if (isSelected) return { type: "choice", selected: draft.selected.filter((id) => id !== edit.optionId) };
    return {
      type: "choice",
      selected: step.puzzle.multiple ? [...draft.selected, edit.optionId] : [edit.optionId],
    };
  }
  if (step.type === "categorize" && draft.type === "categorize" && edit.op === "place-item") {
    if (!step.puzzle.items.some((item) => item.id === edit.itemId)) return null;
    const placements = { ...draft.placements };
    if (edit.bucketId === null) {
      delete placements[edit.itemId];
    } else {
      if (!step.puzzle.buckets.some((bucket) => bucket.id === edit.bucketId)) return null;
      placements[edit.itemId] = edit.bucketId;
    }
    return { type: "categorize", placements };
  }
  if (step.type === "order" && draft.type === "order" && edit.op === "move-item") {
    const from = draft.order.indexOf(edit.itemId);
    if (from < 0 || edit.toIndex >= draft.order.length) return null;
    const order = draft.order.filter((id) => id !== edit.itemId);
    order.splice(edit.toIndex, 0, edit.itemId);
    return { type: "order", order };
  }
  if (step.type === "form" && draft.type === "form" && edit.op === "set-field") {
    if (!step.puzzle.fields.some((field) => field.id === edit.fieldId)) return null;
    return { type: "form", values: { ...draft.values, [edit.fieldId]: edit.value } };
  }
  if (step.type === "table" && draft.type === "table") return applyTableEdit(step.puzzle, draft, edit);
  return null;
}

type TableStep = Extract<Step, { type: "table" }>;
type TableDraft = Extract<Answer, { type: "table" }>;

function applyTableEdit(puzzle: TableStep["puzzle"], draft: TableDraft, edit: DraftEdit): TableDraft | null {
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
    default:
      return null;
  }
}
