/** Test code only: the categorize step played in a real browser (see ../e2e-kit.ts). */
import { expect } from "vitest";
import { type E2ePlay, keyboardSelect, tabTo } from "../e2e-kit.ts";

const placed = (bucketId: string, itemId: string) => `[data-bucket="${bucketId}"] [data-item="${itemId}"]`;

export const play: E2ePlay<"categorize"> = {
  type: "categorize",
  async mouse(page, step) {
    // The first item dragged into its bucket, the others through their select.
    let dragged = false;
    for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
      for (const itemId of itemIds) {
        if (!dragged) {
          await page
            .locator(`li.item:has(#place-${itemId})`)
            .dragTo(page.locator(`[data-bucket="${bucketId}"]`), { sourcePosition: { x: 12, y: 12 } });
          dragged = true;
        } else await page.locator(`#place-${itemId}`).selectOption(bucketId);
        await expect.poll(() => page.locator(placed(bucketId, itemId)).count()).toBe(1);
      }
    }
  },
  async keyboard(page, step) {
    for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
      for (const itemId of itemIds) {
        await tabTo(page, `#place-${itemId}`);
        await keyboardSelect(page, bucketId);
        await expect.poll(() => page.locator(placed(bucketId, itemId)).count()).toBe(1);
        // The focus stays on the item's select as it moves to its bucket.
        await expect
          .poll(() => page.evaluate((id) => document.activeElement?.id === `place-${id}`, itemId))
          .toBe(true);
      }
    }
  },
};
