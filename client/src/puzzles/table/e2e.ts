/** Test code only: the table step played in a real browser (see ../e2e-kit.ts). */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { type E2ePlay, keyboardSelect, type StepOfType, tabTo, typeInFocused } from "../e2e-kit.ts";

type Table = StepOfType<"table">;
const focus = (key: string) => `[data-focus-key="${key}"]`;

/** The « trim » operation on the first column from the palette, when offered (before any cell edit). */
const trimColumn = (step: Table) =>
  step.puzzle.operations.includes("trim")
    ? step.puzzle.columns.find((c) => !step.solution.removedColumns.includes(c.id))
    : undefined;

/** Every cell still different from the solution, after the removals and the operation. */
async function cellsToFix(page: Page, step: Table) {
  const cells: { key: string; value: string }[] = [];
  for (const row of step.solution.rows) {
    for (const [columnId, value] of Object.entries(row.cells)) {
      const cell = page.locator(focus(`cell-${row.id}:${columnId}`));
      if ((await cell.count()) === 0 || (await cell.inputValue()) === value) continue;
      cells.push({ key: `cell-${row.id}:${columnId}`, value });
    }
  }
  return cells;
}

/** The column's button now offers to restore it. */
function restored(page: Page, step: Table, columnId: string): Promise<void> {
  const label = step.puzzle.columns.find((c) => c.id === columnId)?.label ?? columnId;
  return page.getByRole("button", { name: `Rétablir la colonne ${label}` }).waitFor();
}

const waitApplied = (page: Page) =>
  page
    .getByText(/a appliqué «/)
    .first()
    .waitFor();

export const play: E2ePlay<"table"> = {
  type: "table",
  async mouse(page, step) {
    const column = trimColumn(step);
    if (column) {
      await page.getByLabel("Opération", { exact: true }).selectOption("trim");
      await page.getByLabel("Colonne", { exact: true }).selectOption(column.id);
      await page.getByRole("button", { name: "Appliquer" }).click();
      await waitApplied(page);
    }
    for (const rowId of step.solution.removedRows) {
      await page.locator(focus(`row-${rowId}`)).click();
      await page.getByRole("button", { name: `Rétablir la ligne ${rowId}` }).waitFor();
    }
    for (const columnId of step.solution.removedColumns) {
      await page.locator(focus(`col-${columnId}`)).click();
      await restored(page, step, columnId);
    }
    for (const { key, value } of await cellsToFix(page, step)) {
      const cell = page.locator(focus(key));
      await cell.fill(value);
      await cell.press("Enter");
      await expect.poll(() => cell.inputValue()).toBe(value);
    }
  },
  async keyboard(page, step) {
    const column = trimColumn(step);
    if (column) {
      await tabTo(page, 'select[name="operation"]');
      await keyboardSelect(page, "trim");
      await page.keyboard.press("Tab");
      await keyboardSelect(page, column.id);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await waitApplied(page);
    }
    for (const rowId of step.solution.removedRows) {
      await tabTo(page, focus(`row-${rowId}`));
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: `Rétablir la ligne ${rowId}` }).waitFor();
    }
    for (const columnId of step.solution.removedColumns) {
      await tabTo(page, focus(`col-${columnId}`));
      await page.keyboard.press("Enter");
      await restored(page, step, columnId);
    }
    for (const { key, value } of await cellsToFix(page, step)) {
      await tabTo(page, focus(key));
      await typeInFocused(page, value, "Enter");
      await expect.poll(() => page.locator(focus(key)).inputValue()).toBe(value);
    }
  },
};
