/**
 * Pure descriptions of answers and edits for display: an answer as short lines (facilitator's live
 * drafts, projected reveal, debrief) and an edit as a translatable sentence (team activity).
 */
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { PublicStep } from "../../../shared/rules/public.ts";
import { type MessageKey, type Params, t } from "../i18n/index.ts";

export interface Line {
  label: string;
  value: string;
}

export interface Sentence {
  key: MessageKey;
  params: Params;
}

function labelOf(list: { id: string; label: string }[], id: string): string {
  return list.find((entry) => entry.id === id)?.label ?? id;
}

/** An answer as label/value lines, in the puzzle's own order. */
export function answerLines(step: PublicStep, answer: Answer | null): Line[] {
  if (!answer || answer.type !== step.type) return [];
  switch (step.type) {
    case "choice": {
      if (answer.type !== "choice") return [];
      return step.puzzle.options
        .filter((option) => answer.selected.includes(option.id))
        .map((option) => ({ label: "✔", value: option.label }));
    }
    case "categorize": {
      if (answer.type !== "categorize") return [];
      return step.puzzle.buckets.map((bucket) => ({
        label: bucket.label,
        value: step.puzzle.items
          .filter((item) => answer.placements[item.id] === bucket.id)
          .map((item) => item.label)
          .join(" · "),
      }));
    }
    case "order": {
      if (answer.type !== "order") return [];
      return answer.order.map((id, index) => ({
        label: `${index + 1}.`,
        value: labelOf(step.puzzle.items, id),
      }));
    }
    case "form": {
      if (answer.type !== "form") return [];
      return step.puzzle.fields.map((field) => {
        const raw = answer.values[field.id] ?? "";
        const option = field.options?.find((o) => o.value === raw);
        return { label: field.label, value: option?.label ?? raw };
      });
    }
    case "table": {
      if (answer.type !== "table") return [];
      const removedRows = new Set(answer.removedRows);
      const columns = step.puzzle.columns.filter((column) => !answer.removedColumns.includes(column.id));
      return answer.rows
        .filter((row) => !removedRows.has(row.id))
        .map((row) => ({
          label: row.id,
          value: columns.map((column) => row.cells[column.id] ?? "").join(" | "),
        }));
    }
  }
}

/** What an edit did, as a catalogue key and its parameters (the player's name is added by the caller). */
export function describeEdit(step: PublicStep, edit: DraftEdit, name: string): Sentence {
  switch (edit.op) {
    case "toggle-option":
      return {
        key: "edit.toggle-option",
        params: {
          name,
          label: step.type === "choice" ? labelOf(step.puzzle.options, edit.optionId) : edit.optionId,
        },
      };
    case "place-item": {
      const items = step.type === "categorize" ? step.puzzle.items : [];
      const buckets = step.type === "categorize" ? step.puzzle.buckets : [];
      const item = labelOf(items, edit.itemId);
      return edit.bucketId === null
        ? { key: "edit.unplace-item", params: { name, item } }
        : { key: "edit.place-item", params: { name, item, bucket: labelOf(buckets, edit.bucketId) } };
    }
    case "move-item":
      return {
        key: "edit.move-item",
        params: {
          name,
          item: step.type === "order" ? labelOf(step.puzzle.items, edit.itemId) : edit.itemId,
          position: edit.toIndex + 1,
        },
      };
    case "set-field":
      return {
        key: "edit.set-field",
        params: {
          name,
          field: step.type === "form" ? labelOf(step.puzzle.fields, edit.fieldId) : edit.fieldId,
        },
      };
    case "edit-cell":
      return {
        key: "edit.edit-cell",
        params: { name, column: columnLabel(step, edit.columnId), row: edit.rowId },
      };
    case "apply-operation":
      return {
        key: "edit.apply-operation",
        params: { name, operation: t(`op.${edit.operation}`), column: columnLabel(step, edit.columnId) },
      };
    case "set-row-removed":
      return {
        key: edit.removed ? "edit.remove-row" : "edit.restore-row",
        params: { name, row: edit.rowId },
      };
    case "set-column-removed":
      return {
        key: edit.removed ? "edit.remove-column" : "edit.restore-column",
        params: { name, column: columnLabel(step, edit.columnId) },
      };
  }
}

function columnLabel(step: PublicStep, columnId: string): string {
  return step.type === "table" ? labelOf(step.puzzle.columns, columnId) : columnId;
}

/** The label of whatever an item feedback id points at ("rowId:columnId" for table cells). */
export function feedbackTarget(step: PublicStep, id: string): string {
  switch (step.type) {
    case "choice":
      return labelOf(step.puzzle.options, id);
    case "categorize":
      return labelOf(step.puzzle.items, id);
    case "order":
      return labelOf(step.puzzle.items, id);
    case "form":
      return labelOf(step.puzzle.fields, id);
    case "table": {
      const [rowId, columnId] = id.split(":");
      if (columnId !== undefined) return `${labelOf(step.puzzle.columns, columnId)} · ${rowId}`;
      return step.puzzle.columns.some((c) => c.id === id) ? labelOf(step.puzzle.columns, id) : id;
    }
  }
}
