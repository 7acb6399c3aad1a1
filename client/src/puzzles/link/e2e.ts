/** Test code only: the link step played in a real browser (see ../e2e-kit.ts). */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { type E2ePlay, focusedKey, keyboardSelect, tabTo } from "../e2e-kit.ts";

type Link = { from: string; kind: string; to: string };
const key = (link: Link) => `${link.from}:${link.kind}:${link.to}`;
const drawn = (page: Page, link: Link) => page.locator(`[data-link="${key(link)}"]`);

/** The mouse on a card's form: pick the kind and the target, click « Relier ». */
async function addWithMouse(page: Page, link: Link): Promise<void> {
  const card = page.locator(`.link-card[data-card="${link.from}"]`);
  await card.locator('select[name="kind"]').selectOption(link.kind);
  await card.locator('select[name="to"]').selectOption(link.to);
  await card.getByRole("button", { name: "Relier", exact: true }).click();
  await drawn(page, link).waitFor();
}

export const play: E2ePlay<"link"> = {
  type: "link",
  async mouse(page, step) {
    const [first, ...rest] = step.solution.links;
    if (!first) return;
    // A wrong link (the first one backwards) drawn, then removed with its button.
    const backwards = { from: first.to, kind: first.kind, to: first.from };
    if (!step.solution.links.some((link) => key(link) === key(backwards))) {
      await addWithMouse(page, backwards);
      await drawn(page, backwards).getByRole("button").click();
      await drawn(page, backwards).waitFor({ state: "detached" });
    }
    // The first expected link by dragging its card onto the target card (kind from the card's form).
    const from = page.locator(`.link-card[data-card="${first.from}"]`);
    await from.locator('select[name="kind"]').selectOption(first.kind);
    await from.locator("h3").dragTo(page.locator(`.link-card[data-card="${first.to}"] h3`), {
      sourcePosition: { x: 8, y: 8 },
    });
    await drawn(page, first).waitFor();
    for (const link of rest) await addWithMouse(page, link);
  },
  async keyboard(page, step) {
    // Each link through its card's « Relier à… » form; the focus stays on « Relier ».
    for (const link of step.solution.links) {
      await tabTo(page, `[data-focus-key="link-kind-${link.from}"]`);
      await keyboardSelect(page, link.kind);
      await page.keyboard.press("Tab");
      await keyboardSelect(page, link.to);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await drawn(page, link).waitFor();
      await expect.poll(() => focusedKey(page)).toBe(`link-add-${link.from}`);
    }
  },
};
