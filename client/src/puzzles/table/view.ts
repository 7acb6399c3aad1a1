/**
 * table: a cleaning palette (operation × column → apply), editable cells, and remove/restore
 * buttons for rows and columns, as the puzzle offers them. Removed parts are struck through and
 * labelled "removed" (not colour alone).
 */
import { html } from "lit-html";
import { COLUMN_OPERATIONS, type ColumnOperation } from "../../../../shared/puzzles/table/ops.ts";
import { type DraftEdit, MAX_VALUE_LENGTH } from "../../../../shared/rules/answer.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { scrollRegion } from "../../ui/scroll-region.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";

export function tablePuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"table">, AnswerOf<"table">>) {
  const { columns, operations } = step.puzzle;
  const columnOps = COLUMN_OPERATIONS.filter((op) => operations.includes(op));
  const canEdit = operations.includes("edit-cell");
  const canRemoveRow = operations.includes("remove-row");
  const canRemoveColumn = operations.includes("remove-column");
  const removedRows = new Set(draft.removedRows);
  const removedColumns = new Set(draft.removedColumns);
  const formId = `ops-${step.id}`;

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const operation = String(data.get("operation")) as ColumnOperation;
    const columnId = String(data.get("column"));
    if (columnOps.includes(operation) && columns.some((c) => c.id === columnId)) {
      send({ op: "apply-operation", operation, columnId } as DraftEdit);
    }
  };

  return html`<div class="puzzle table-puzzle">
    <p class="muted">${t("table.help")}</p>
    ${
      columnOps.length > 0
        ? html`<form class="ops card" id=${formId} @submit=${apply} aria-label=${t("table.operations")}>
            <div class="field">
              <label for=${`${formId}-op`}>${t("table.operation")}</label>
              <select id=${`${formId}-op`} name="operation" data-focus-key=${`${formId}-op`} ?disabled=${!editable}>
                ${columnOps.map((op) => html`<option value=${op}>${t(`op.${op}` as MessageKey)}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for=${`${formId}-col`}>${t("table.column")}</label>
              <select id=${`${formId}-col`} name="column" data-focus-key=${`${formId}-col`} ?disabled=${!editable}>
                ${columns.filter((c) => !removedColumns.has(c.id)).map((c) => html`<option value=${c.id}>${c.label}</option>`)}
              </select>
            </div>
            <button type="submit" class="primary" data-focus-key=${`${formId}-apply`} ?disabled=${!editable}>${t("table.apply")}</button>
          </form>`
        : null
    }
    ${scrollRegion(
      t("table.region"),
      html`<table class="data-table">
        <thead>
          <tr>
            <th scope="col">${t("table.rowHeader")}</th>
            ${columns.map((column) => {
              const removed = removedColumns.has(column.id);
              return html`<th scope="col" class=${removed ? "removed" : ""}>
                ${column.label} ${removed ? html`<span class="badge off">${t("table.removed")}</span>` : null} ${mark(marks, column.id)}
                ${
                  canRemoveColumn
                    ? html`<div><button type="button" class="link" data-focus-key=${`col-${column.id}`} ?disabled=${!editable}
                        @click=${() => send({ op: "set-column-removed", columnId: column.id, removed: !removed })}>
                        ${removed ? t("table.restoreColumn", { column: column.label }) : t("table.removeColumn", { column: column.label })}
                      </button></div>`
                    : null
                }
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${draft.rows.map((row) => {
            const rowRemoved = removedRows.has(row.id);
            return html`<tr class=${rowRemoved ? "removed" : ""}>
              <th scope="row">
                ${row.id} ${rowRemoved ? html`<span class="badge off">${t("table.removed")}</span>` : null} ${mark(marks, row.id)}
                ${
                  canRemoveRow
                    ? html`<div><button type="button" class="link" data-focus-key=${`row-${row.id}`} ?disabled=${!editable}
                        @click=${() => send({ op: "set-row-removed", rowId: row.id, removed: !rowRemoved })}>
                        ${rowRemoved ? t("table.restoreRow", { row: row.id }) : t("table.removeRow", { row: row.id })}
                      </button></div>`
                    : null
                }
              </th>
              ${columns.map((column) => {
                const value = row.cells[column.id] ?? "";
                const removed = rowRemoved || removedColumns.has(column.id);
                const cellId = `${row.id}:${column.id}`;
                return html`<td class=${removed ? "removed" : ""}>
                  ${
                    canEdit && !removed
                      ? html`<input type="text" aria-label=${t("table.cell", { column: column.label, row: row.id })}
                          data-focus-key=${`cell-${cellId}`} ?disabled=${!editable} maxlength=${MAX_VALUE_LENGTH} .value=${value}
                          @change=${(event: Event) => {
                            const next = (event.target as HTMLInputElement).value;
                            if (next !== value)
                              send({ op: "edit-cell", rowId: row.id, columnId: column.id, value: next });
                          }} />`
                      : value
                  }
                  ${mark(marks, cellId)}
                </td>`;
              })}
            </tr>`;
          })}
        </tbody>
      </table>`,
    )}
  </div>`;
}
