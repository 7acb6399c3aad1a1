import { html } from "lit-html";
import { type MessageKey, t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView, type Sentence } from "../types.ts";
import { tablePuzzle } from "./view.ts";

export const tableView: PuzzleView<"table"> = {
  type: "table",
  render: tablePuzzle,
  answerLines(puzzle, draft) {
    const removedRows = new Set(draft.removedRows);
    const columns = puzzle.columns.filter((column) => !draft.removedColumns.includes(column.id));
    return draft.rows
      .filter((row) => !removedRows.has(row.id))
      .map((row) => ({
        label: row.id,
        value: columns.map((column) => row.cells[column.id] ?? "").join(" | "),
      }));
  },
  describeEdit(puzzle, edit, name): Sentence {
    const column = (id: string) => labelOf(puzzle?.columns, id);
    switch (edit.op) {
      case "edit-cell":
        return { key: "edit.edit-cell", params: { name, column: column(edit.columnId), row: edit.rowId } };
      case "apply-operation":
        return {
          key: "edit.apply-operation",
          params: { name, operation: t(`op.${edit.operation}`), column: column(edit.columnId) },
        };
      case "set-row-removed":
        return {
          key: edit.removed ? "edit.remove-row" : "edit.restore-row",
          params: { name, row: edit.rowId },
        };
      case "set-column-removed":
        return {
          key: edit.removed ? "edit.remove-column" : "edit.restore-column",
          params: { name, column: column(edit.columnId) },
        };
    }
  },
  feedbackTarget(puzzle, id) {
    const [rowId, columnId] = id.split(":");
    if (columnId !== undefined) return `${labelOf(puzzle.columns, columnId)} · ${rowId}`;
    return puzzle.columns.some((c) => c.id === id) ? labelOf(puzzle.columns, id) : id;
  },
  kitCard: (puzzle) =>
    html`<table class="data-table">
        <thead><tr>${puzzle.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${puzzle.rows.map((r) => html`<tr>${puzzle.columns.map((c) => html`<td>${r.cells[c.id] ?? ""}</td>`)}</tr>`)}</tbody>
      </table>
      <h4>${t("kit.operations")}</h4>
      <p>${puzzle.operations.map((op) => t(`op.${op}` as MessageKey)).join(" · ")}</p>`,
};
