/**
 * Playing on the Phaser table from a test: where its cards lie (the `data-layout` the table writes,
 * in logical units of its drawing) and a mouse drag from one box to another, as a person's hand does.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

export type Box = [number, number, number, number];
export interface Layout {
  width: number;
  height: number;
  pieces: Record<string, Box>;
  zones: Record<string, Box>;
  docs: Record<string, Box>;
  kinds: Record<string, Box>;
  /** The kind of link the next drop draws. */
  kind: string;
}

export async function tableLayout(page: Page): Promise<Layout> {
  const raw = await page.locator("#table-canvas").getAttribute("data-layout");
  return JSON.parse(raw ?? "null") as Layout;
}

/** The page point at the centre of a box of the table's drawing (logical units). */
export async function pointOf(page: Page, box: Box): Promise<{ x: number; y: number }> {
  const canvas = page.locator("#table-canvas canvas");
  // Into view without waiting for the canvas to hold still: the table redraws (and the page may
  // re-render around it) while others play.
  await canvas.evaluate((node) => node.scrollIntoView({ block: "nearest" }));
  const rect = await canvas.boundingBox();
  const layout = await tableLayout(page);
  if (!rect) throw new Error("no canvas");
  const [x, y, w, h] = box;
  return {
    x: rect.x + ((x + w / 2) * rect.width) / layout.width,
    y: rect.y + ((y + h / 2) * rect.height) / layout.height,
  };
}

/** Waits until the table has drawn what `ready` asks for, then returns its layout. */
export async function layoutWhen(page: Page, ready: (layout: Layout) => boolean): Promise<Layout> {
  await expect
    .poll(async () => {
      const layout = await tableLayout(page).catch(() => null);
      return layout !== null && ready(layout);
    })
    .toBe(true);
  return tableLayout(page);
}

/** Presses on one box of the table, moves in small steps to another, and lets go. */
export async function drag(page: Page, from: Box, to: Box): Promise<void> {
  const a = await pointOf(page, from);
  const b = await pointOf(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 8, a.y + 8);
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

export function box(record: Record<string, Box>, id: string): Box {
  const found = record[id];
  if (!found) throw new Error(`nothing drawn for ${id}`);
  return found;
}
