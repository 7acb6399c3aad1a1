/** Test code only: the choice step played in a real browser (see ../e2e-kit.ts). */
import { expect } from "vitest";
import { type E2ePlay, tabTo } from "../e2e-kit.ts";

const option = (id: string) => `[data-focus-key="opt-${id}"]`;

export const play: E2ePlay<"choice"> = {
  type: "choice",
  async mouse(page, step) {
    for (const id of step.solution.correct) {
      await page.locator(option(id)).check();
      await expect.poll(() => page.locator(option(id)).isChecked()).toBe(true);
    }
  },
  async keyboard(page, step) {
    // Checkboxes: Tab to each, Space. Radios: Tab into the group, arrows to the right one (arrows check it).
    for (const id of step.solution.correct) {
      if (step.puzzle.multiple) {
        await tabTo(page, option(id));
        await page.keyboard.press("Space");
      } else {
        await tabTo(page, `input[name="choice-${step.id}"]`);
        for (let guard = 0; guard < step.puzzle.options.length; guard++) {
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, option(id))) break;
          await page.keyboard.press("ArrowDown");
        }
        if (!(await page.locator(option(id)).isChecked())) await page.keyboard.press("Space");
      }
      await expect.poll(() => page.locator(option(id)).isChecked()).toBe(true);
    }
  },
};
