/** Test code only: the chart step played in a real browser (see ../e2e-kit.ts). */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { CHOICES } from "../../../../shared/puzzles/chart/schema.ts";
import { type E2ePlay, focusedKey, keyboardSelect, type StepOfType, tabTo } from "../e2e-kit.ts";

/** The choices to make: the first accepted value of each scored one. */
const choices = (step: StepOfType<"chart">) =>
  CHOICES.flatMap((choice) => {
    const value = step.solution[choice]?.[0];
    return value ? [{ choice, value }] : [];
  });

/** The drawn chart has its sentence and its figure table. */
async function drawn(page: Page, step: StepOfType<"chart">): Promise<void> {
  if (step.puzzle.judge) return;
  await page.locator('.chart-figure svg[role="img"][aria-labelledby="chart-sentence"]').waitFor();
  await expect.poll(() => page.locator(".chart-figures tbody tr").count()).toBeGreaterThan(1);
}

export const play: E2ePlay<"chart"> = {
  type: "chart",
  async mouse(page, step) {
    for (const { choice, value } of choices(step)) {
      await page.locator(`#chart-${choice}`).selectOption(value);
      await expect.poll(() => page.locator(`#chart-${choice}`).inputValue()).toBe(value);
    }
    for (const flaw of step.solution.flaws ?? [])
      await page.locator(`[data-focus-key="flaw-${flaw}"]`).check();
    await drawn(page, step);
  },
  async keyboard(page, step) {
    // The focus stays on each select as the chart redraws.
    for (const { choice, value } of choices(step)) {
      await tabTo(page, `#chart-${choice}`);
      await keyboardSelect(page, value);
      await expect.poll(() => page.locator(`#chart-${choice}`).inputValue()).toBe(value);
      await expect.poll(() => focusedKey(page)).toBe(`chart-${choice}`);
    }
    for (const flaw of step.solution.flaws ?? []) {
      const box = `[data-focus-key="flaw-${flaw}"]`;
      await tabTo(page, box);
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator(box).isChecked()).toBe(true);
    }
    await drawn(page, step);
  },
};
