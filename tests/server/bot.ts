/**
 * A bot's moves: the draft edits that turn a draft into a target answer, and a wrong answer per
 * puzzle type. Test code only: the server applies and scores edits with the pure rules.
 */
import type { Answer, DraftEdit } from "../../shared/rules/index.ts";
import type { Step } from "../../shared/scenario/schema.ts";

/** Edits from `draft` to `target` (same puzzle type). */
export function editsTo(step: Step, draft: Answer, target: Answer): DraftEdit[] {
  const edits: DraftEdit[] = [];
  if (draft.type === "choice" && target.type === "choice") {
    for (const id of draft.selected)
      if (!target.selected.includes(id)) edits.push({ op: "toggle-option", optionId: id });
    for (const id of target.selected)
      if (!draft.selected.includes(id)) edits.push({ op: "toggle-option", optionId: id });
  } else if (draft.type === "categorize" && target.type === "categorize") {
    for (const [itemId, bucketId] of Object.entries(target.placements)) {
      if (draft.placements[itemId] !== bucketId) edits.push({ op: "place-item", itemId, bucketId });
    }
    for (const itemId of Object.keys(draft.placements)) {
      if (!(itemId in target.placements)) edits.push({ op: "place-item", itemId, bucketId: null });
    }
  } else if (draft.type === "order" && target.type === "order") {
    target.order.forEach((itemId, toIndex) => {
      edits.push({ op: "move-item", itemId, toIndex });
    });
  } else if (draft.type === "form" && target.type === "form") {
    for (const [fieldId, value] of Object.entries(target.values)) {
      if (draft.values[fieldId] !== value) edits.push({ op: "set-field", fieldId, value });
    }
  } else if (draft.type === "table" && target.type === "table") {
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
  }
  if (step.type !== draft.type) throw new Error(`draft type ${draft.type} for a ${step.type} step`);
  return edits;
}

/** A plausible wrong answer: wrong options, everything in one bucket, reversed order, empty form,
 *  untouched table. */
export function wrongAnswer(step: Step, draft: Answer): Answer {
  switch (step.type) {
    case "choice": {
      const wrong = step.puzzle.options.find((o) => !step.solution.correct.includes(o.id));
      return { type: "choice", selected: wrong ? [wrong.id] : [] };
    }
    case "categorize": {
      const bucket = step.puzzle.buckets.at(-1)?.id ?? "";
      return {
        type: "categorize",
        placements: Object.fromEntries(step.puzzle.items.map((i) => [i.id, bucket])),
      };
    }
    case "order":
      return { type: "order", order: [...step.solution.order].reverse() };
    case "form":
      return { type: "form", values: Object.fromEntries(step.puzzle.fields.map((f) => [f.id, "x"])) };
    case "table":
      return draft;
  }
}
