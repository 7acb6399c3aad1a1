/** Test code only: the letter step played in a real browser (see ../e2e-kit.ts). */
import { expect } from "vitest";
import {
  type E2ePlay,
  keyboardPress,
  keyboardSelect,
  mousePress,
  moveUpTo,
  tabTo,
  typeInFocused,
} from "../e2e-kit.ts";

const block = (id: string) => `[data-focus-key="block-${id}"]`;

export const play: E2ePlay<"letter"> = {
  type: "letter",
  async mouse(page, step) {
    // A click on each right paragraph, the parts moved with their « up » buttons, the blanks filled.
    for (const { block: id } of step.solution.parts) {
      await page.locator(block(id)).check();
      await expect.poll(() => page.locator(block(id)).isChecked()).toBe(true);
    }
    for (const [target, { part }] of step.solution.parts.entries())
      await moveUpTo(page, ".letter-part", part, target, mousePress(page));
    for (const field of step.puzzle.placeholders) {
      const example = step.solution.placeholders[field.id]?.example ?? "";
      const control = page.locator(`#letter-field-${field.id}`);
      if (field.input === "select") await control.selectOption(example);
      else {
        await control.fill(example);
        await control.blur();
      }
      await expect.poll(() => control.inputValue()).toBe(example);
    }
  },
  async keyboard(page, step) {
    // In each part, Tab into its radio group and arrow to the right paragraph.
    for (const { part, block: id } of step.solution.parts) {
      await tabTo(page, `input[name="letter-${step.id}-${part}"]`);
      for (let guard = 0; guard < 10; guard++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, block(id))) break;
        await page.keyboard.press("ArrowDown");
      }
      // Tab lands on the group's first radio without checking it: Space checks the focused one.
      if (!(await page.locator(block(id)).isChecked())) await page.keyboard.press("Space");
      await expect.poll(() => page.locator(block(id)).isChecked()).toBe(true);
    }
    for (const [target, { part }] of step.solution.parts.entries())
      await moveUpTo(page, ".letter-part", part, target, keyboardPress(page, part));
    for (const field of step.puzzle.placeholders) {
      const example = step.solution.placeholders[field.id]?.example ?? "";
      await tabTo(page, `#letter-field-${field.id}`);
      if (field.input === "select") await keyboardSelect(page, example);
      else await typeInFocused(page, example);
      await expect.poll(() => page.locator(`#letter-field-${field.id}`).inputValue()).toBe(example);
    }
  },
};
