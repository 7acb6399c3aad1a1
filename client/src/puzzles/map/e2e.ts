/** Test code only: the map step played in a real browser (see ../e2e-kit.ts). */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { bboxOf, fitProjection, formatDegrees } from "../../../../shared/puzzles/map/geo.ts";
import {
  type E2ePlay,
  focusedKey,
  keyboardSelect,
  type StepOfType,
  tabTo,
  typeInFocused,
} from "../e2e-kit.ts";

type MapStep = StepOfType<"map">;

/** The mouse on the map: choose the item above the map, click where its answer is drawn. */
async function clickAnswer(page: Page, step: MapStep, answer: MapStep["solution"]["answers"][number]) {
  await page.locator('select[name="map-active"]').selectOption(answer.item);
  const drawing = page.locator("svg.map-drawing").first();
  const base = `[data-focus-key="map-${answer.item}`;
  if (answer.feature !== undefined) {
    // A point of the page where the feature itself is on top (its label may stand over a neighbour).
    await drawing.scrollIntoViewIfNeeded();
    const point = await drawing.evaluate((svg, id) => {
      const group = svg.querySelector(`[data-feature="${id}"]`);
      const box = group?.getBoundingClientRect();
      if (!group || !box) return null;
      for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
          const x = box.left + (box.width * i) / 20;
          const y = box.top + (box.height * j) / 20;
          if (document.elementFromPoint(x, y)?.closest("[data-feature]") === group) return { x, y };
        }
      }
      return null;
    }, answer.feature);
    if (!point) throw new Error(`feature ${answer.feature} not clickable on the map`);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator(`${base}-feature"]`).inputValue()).toBe(answer.feature);
    return;
  }
  const projection = fitProjection(bboxOf(step.puzzle.map));
  const [x, y] = projection.project(answer.lon ?? 0, answer.lat ?? 0);
  const box = await drawing.boundingBox();
  if (!box) throw new Error("no map drawn");
  // Relative to the drawing, which Playwright scrolls into view first.
  await drawing.click({
    position: { x: (x * box.width) / projection.width, y: (y * box.height) / projection.height },
  });
  const near = async (field: string, expected: number) => {
    const value = Number((await page.locator(`${base}-${field}"]`).inputValue()).replace(",", "."));
    return Math.abs(value - expected) < 0.01;
  };
  await expect.poll(() => near("lat", answer.lat ?? 0)).toBe(true);
  await expect.poll(() => near("lon", answer.lon ?? 0)).toBe(true);
}

export const play: E2ePlay<"map"> = {
  type: "map",
  async mouse(page, step) {
    for (const answer of step.solution.answers) await clickAnswer(page, step, answer);
  },
  async keyboard(page, step) {
    // The drawing holds no tab stop and says the list is the keyboard path: from the select above
    // it, Tab goes straight to the list's first control.
    expect(await page.locator("svg.map-drawing").getAttribute("aria-label")).toMatch(/liste ci-dessous/);
    await tabTo(page, '[data-focus-key="map-active"]');
    await page.keyboard.press("Tab");
    const first = step.puzzle.items[0];
    expect(await focusedKey(page)).toBe(
      `map-${first?.id}-${first?.answer === "feature" ? "feature" : "lat"}`,
    );
    // A feature from each item's select; coordinates typed with the French decimal comma.
    for (const answer of step.solution.answers) {
      const base = `[data-focus-key="map-${answer.item}`;
      if (answer.feature !== undefined) {
        await tabTo(page, `${base}-feature"]`);
        await keyboardSelect(page, answer.feature);
        continue;
      }
      const lat = formatDegrees(answer.lat ?? 0);
      const lon = formatDegrees(answer.lon ?? 0);
      await tabTo(page, `${base}-lat"]`);
      await typeInFocused(page, lat);
      await typeInFocused(page, lon, "Enter");
      await page
        .locator(`[data-item="${answer.item}"] .map-current`, { hasText: `${lat} ; ${lon}` })
        .waitFor();
    }
  },
  async revealed(scope, step) {
    // Each answer drawn on a small map: the feature picked, the point placed.
    const picture = scope.locator("svg.map-picture");
    for (const answer of step.solution.answers) {
      const mark =
        answer.feature !== undefined
          ? `.map-feature.picked[data-feature="${answer.feature}"]`
          : `.map-point[data-place="${answer.item}"]`;
      await picture.locator(mark).first().waitFor({ state: "attached" });
    }
  },
};
