/**
 * Test code only (never imported by the app): what each type's `e2e.ts` plays in a real browser.
 * `client/src/puzzles/<type>/e2e.ts` exports `play`, an E2ePlay: the step's solution played with the
 * mouse, and played with the keyboard only. The e2e tests find them all (tests/e2e/puzzle-plays.ts)
 * and a unit test checks that every registered type has one.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { PuzzleTypeName } from "../../../shared/puzzles/registry.ts";
import type { Step } from "../../../shared/scenario/schema.ts";

export type StepOfType<T extends PuzzleTypeName> = Extract<Step, { type: T }>;

export interface E2ePlay<T extends PuzzleTypeName> {
  type: T;
  /** Plays the step's solution with the mouse (clicks, drags, choosing in lists, typing in fields). */
  mouse(page: Page, step: StepOfType<T>): Promise<void>;
  /** Plays the step's solution with the keyboard only (Tab, arrows, Space, Enter, typing). */
  keyboard(page: Page, step: StepOfType<T>): Promise<void>;
  /** Optional: checks what the projected reveal draws of the right answer inside `scope` (a team's
   *  card, or the solution), beyond its text lines (the map's places on a map). */
  revealed?(scope: Locator, step: StepOfType<T>): Promise<void>;
}

/** The data-focus-key of the focused element ("" when none). */
export function focusedKey(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? "");
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

/** With a <select> focused, presses arrows until it shows `value` (Chromium fires change each time). */
export async function keyboardSelect(page: Page, value: string): Promise<void> {
  const values = await page.evaluate(() =>
    [...(document.activeElement as HTMLSelectElement).options].map((o) => o.value),
  );
  const target = values.indexOf(value);
  expect(target, `option ${value}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < values.length + 1; i++) {
    const current = await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedIndex);
    if (current === target) return;
    await page.keyboard.press(current < target ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`could not select ${value}`);
}

/** With a text field focused, replaces its value by typing, then leaves it with `leave` (Tab/Enter). */
export async function typeInFocused(
  page: Page,
  value: string,
  leave: "Tab" | "Enter" = "Tab",
): Promise<void> {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(value);
  await page.keyboard.press(leave);
}

/**
 * Moves the entry holding `upKey(id)` up with its « up » button until it is at `target` in `rows`,
 * by `press` (a click or Enter on the focused button); the focus stays on that entry's buttons.
 */
export async function moveUpTo(
  page: Page,
  rows: string,
  id: string,
  target: number,
  press: (button: string) => Promise<void>,
): Promise<void> {
  const positionOf = () =>
    page
      .locator(rows)
      .evaluateAll(
        (nodes, key) => nodes.findIndex((n) => n.querySelector(`[data-focus-key="${key}"]`)),
        `up-${id}`,
      );
  for (let guard = 0; guard < 20 && (await positionOf()) > target; guard++) {
    const before = await positionOf();
    await press(`[data-focus-key="up-${id}"]`);
    await expect.poll(positionOf).toBe(before - 1);
  }
  expect(await positionOf()).toBeLessThanOrEqual(target);
}

/** A press with the keyboard only: Tab to the button, Enter; the focus stays on the moved entry. */
export function keyboardPress(page: Page, id: string): (button: string) => Promise<void> {
  return async (button) => {
    if (!(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, button)))
      await tabTo(page, button);
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedKey(page)).toMatch(new RegExp(`^(up|down)-${id}$`));
  };
}

/** A press with the mouse. */
export function mousePress(page: Page): (button: string) => Promise<void> {
  return (button) => page.locator(button).click();
}
