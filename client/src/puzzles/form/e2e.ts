/** Test code only: the form step played in a real browser (see ../e2e-kit.ts). */
import { expect } from "vitest";
import { type E2ePlay, keyboardSelect, tabTo, typeInFocused } from "../e2e-kit.ts";

export const play: E2ePlay<"form"> = {
  type: "form",
  async mouse(page, step) {
    for (const field of step.puzzle.fields) {
      const example = step.solution.fields[field.id]?.example ?? "";
      const control = page.locator(`#field-${field.id}`);
      if (field.input === "select") await control.selectOption(example);
      else {
        await control.fill(example);
        await control.blur(); // leaving the field sends it to the team
      }
      await expect.poll(() => control.inputValue()).toBe(example);
    }
  },
  async keyboard(page, step) {
    for (const field of step.puzzle.fields) {
      const example = step.solution.fields[field.id]?.example ?? "";
      await tabTo(page, `#field-${field.id}`);
      if (field.input === "select") await keyboardSelect(page, example);
      else await typeInFocused(page, example);
      await expect.poll(() => page.locator(`#field-${field.id}`).inputValue()).toBe(example);
    }
  },
};
