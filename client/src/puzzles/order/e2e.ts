/** Test code only: the order step played in a real browser (see ../e2e-kit.ts). */
import { type E2ePlay, keyboardPress, mousePress, moveUpTo } from "../e2e-kit.ts";

export const play: E2ePlay<"order"> = {
  type: "order",
  async mouse(page, step) {
    for (const [target, itemId] of step.solution.order.entries())
      await moveUpTo(page, ".order-list li", itemId, target, mousePress(page));
  },
  async keyboard(page, step) {
    for (const [target, itemId] of step.solution.order.entries())
      await moveUpTo(page, ".order-list li", itemId, target, keyboardPress(page, itemId));
  },
};
