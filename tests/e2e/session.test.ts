/**
 * A whole café session in real browsers against the real server: a facilitator creates the session
 * through the UI, three players join with the code in separate browser contexts and play
 * scenarios/exemple.json to the end (Chloé with the keyboard only for the categorize, form, link,
 * chart, letter and map steps, Ana with the keyboard only for the order step, Bruno drawing and removing
 * links, picking the chart kind and clicking the map with the mouse), the facilitator reveals each step and
 * ends; the debrief and an attestation render.
 * Screenshots of every screen go to docs/screenshots/ with UPDATE_SCREENSHOTS=1 (else test-results/).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bboxOf, fitProjection } from "../../shared/puzzles/map/geo.ts";
import { Scenario, type Step } from "../../shared/scenario/schema.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  type NetworkLink,
  ROOT,
  reportCspViolations,
  SCREENSHOTS,
  type ServerProcess,
  startNetworkLink,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e session");
const scenario = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "exemple.json"), "utf8")));

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };

/** Saves a screenshot after checking that nothing overflows the viewport sideways (and, for the
 *  projected screen, downwards either). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const size = await page.evaluate(() => {
    // The projected screen clips instead of scrolling: measure its content, not the document.
    const box = document.querySelector(".projected") ?? document.documentElement;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: box.scrollHeight,
      width: window.innerWidth,
      height: box === document.documentElement ? window.innerHeight : box.clientHeight,
    };
  });
  expect(size.scrollWidth, `${name}: horizontal overflow`).toBeLessThanOrEqual(size.width);
  if (name.includes("ecran-projete")) {
    expect(size.scrollHeight, `${name}: vertical overflow`).toBeLessThanOrEqual(size.height);
  }
  await expectAccessible(page, name);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function newPage(
  browser: Browser,
  viewport: { width: number; height: number },
  label: string,
  errors: string[],
) {
  const context = await browser.newContext({ viewport, locale: "fr-FR" });
  await reportCspViolations(context, label, errors);
  // Nothing may come from the internet: every request goes to the local server (or is inline).
  context.on("request", (request) => {
    const url = request.url();
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url))
      errors.push(`[${label}] external request: ${url}`);
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  page.on("dialog", (dialog) => void dialog.accept());
  return page;
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

/** With a <select> focused, presses arrows until it shows `value` (Chromium fires change each time). */
async function keyboardSelect(page: Page, value: string): Promise<void> {
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

async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: "visible" });
}

/** The mouse on the map: choose the item above the map, click where its expected point is drawn. */
async function placeWithMouse(page: Page, step: Extract<Step, { type: "map" }>, item: string): Promise<void> {
  const answer = step.solution.answers.find((a) => a.item === item);
  if (answer?.lat === undefined || answer.lon === undefined) throw new Error(`${item}: no point to place`);
  await page.locator('select[name="map-active"]').selectOption(item);
  const projection = fitProjection(bboxOf(step.puzzle.map));
  const [x, y] = projection.project(answer.lon, answer.lat);
  const drawing = page.locator("svg.map-drawing");
  const box = await drawing.boundingBox();
  if (!box) throw new Error("no map drawn");
  // Relative to the drawing, which Playwright scrolls into view first.
  await drawing.click({
    position: { x: (x * box.width) / projection.width, y: (y * box.height) / projection.height },
  });
}

/** Keyboard only: a commune from each item's select, coordinates typed with the French decimal comma. */
async function solveMapWithKeyboard(page: Page, step: Extract<Step, { type: "map" }>): Promise<void> {
  const comma = (value: number) => String(value).replace(".", ",");
  for (const answer of step.solution.answers) {
    const item = `[data-item="${answer.item}"]`;
    if (answer.feature !== undefined) {
      await tabTo(page, `[data-focus-key="map-${answer.item}-feature"]`);
      await keyboardSelect(page, answer.feature);
    } else {
      await tabTo(page, `[data-focus-key="map-${answer.item}-lat"]`);
      await page.keyboard.press("Control+A");
      await page.keyboard.type(comma(answer.lat ?? 0));
      await page.keyboard.press("Tab");
      await page.keyboard.press("Control+A");
      await page.keyboard.type(comma(answer.lon ?? 0));
      await page.keyboard.press("Enter");
      await page
        .locator(`${item} .map-current`, { hasText: `${comma(answer.lat ?? 0)} ; ${comma(answer.lon ?? 0)}` })
        .waitFor();
    }
  }
}

/** Plays one step's solution on the board of `page`. */
/**
 * Chloé, keyboard only, composes the letter: in each part, Tab into its radio group and arrow to the
 * right paragraph; move the parts with their "up" buttons; fill the placeholders field by field.
 */
async function solveLetterWithKeyboard(page: Page, step: Extract<Step, { type: "letter" }>): Promise<void> {
  for (const { part, block } of step.solution.parts) {
    await tabTo(page, `input[name="letter-${step.id}-${part}"]`);
    for (let guard = 0; guard < 10; guard++) {
      const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
      if (focused === block) break;
      await page.keyboard.press("ArrowDown");
    }
    // Tab lands on the group's first radio without checking it: Space checks the focused one.
    const radio = page.locator(`[data-focus-key="block-${block}"]`);
    if (!(await radio.isChecked())) await page.keyboard.press("Space");
    await expect.poll(() => radio.isChecked()).toBe(true);
  }
  const positionOf = (partId: string) =>
    page
      .locator(".letter-part")
      .evaluateAll(
        (nodes, id) => nodes.findIndex((n) => n.querySelector(`[data-focus-key="up-${id}"]`) !== null),
        partId,
      );
  for (const [target, { part }] of step.solution.parts.entries()) {
    if ((await positionOf(part)) <= target) continue;
    await tabTo(page, `[data-focus-key="up-${part}"]`);
    while ((await positionOf(part)) > target) {
      const before = await positionOf(part);
      await page.keyboard.press("Enter");
      await expect.poll(() => positionOf(part)).toBe(before - 1);
      await expect
        .poll(() =>
          page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? ""),
        )
        .toMatch(new RegExp(`^(up|down)-${part}$`));
    }
  }
  for (const field of step.puzzle.placeholders) {
    const example = step.solution.placeholders[field.id]?.example ?? "";
    await tabTo(page, `#letter-field-${field.id}`);
    if (field.input === "select") await keyboardSelect(page, example);
    else {
      await page.keyboard.press("Control+A");
      await page.keyboard.type(example);
      await page.keyboard.press("Tab");
    }
    await expect.poll(() => page.locator(`#letter-field-${field.id}`).inputValue()).toBe(example);
  }
}

async function solveWithMouse(page: Page, step: Step): Promise<void> {
  switch (step.type) {
    case "choice":
      for (const option of step.puzzle.options) {
        if (!step.solution.correct.includes(option.id)) continue;
        const box = page.getByLabel(option.label, { exact: true });
        await box.check();
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      return;
    case "categorize":
      for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
        for (const itemId of itemIds) {
          await page.locator(`#place-${itemId}`).selectOption(bucketId);
          await expect
            .poll(() => page.locator(`[data-bucket="${bucketId}"] [data-item="${itemId}"]`).count())
            .toBe(1);
        }
      }
      return;
    case "order":
      for (let target = 0; target < step.solution.order.length; target++) {
        const itemId = step.solution.order[target] as string;
        const label = step.puzzle.items.find((item) => item.id === itemId)?.label ?? itemId;
        const positionOf = () =>
          page.locator(".order-list li .label").evaluateAll(
            // Displayed texts carry narrow no-break spaces (French typography): compare whitespace-folded.
            (nodes, l) => nodes.findIndex((n) => (n.textContent ?? "").replace(/\s+/g, " ").includes(l)),
            label,
          );
        for (let guard = 0; guard < 10 && (await positionOf()) > target; guard++) {
          const before = await positionOf();
          await page.getByRole("button", { name: `Monter « ${label} »` }).click();
          await expect.poll(positionOf).toBe(before - 1);
        }
      }
      return;
    case "form":
      for (const field of step.puzzle.fields) {
        const example = step.solution.fields[field.id]?.example ?? "";
        const control = page.locator(`#field-${field.id}`);
        if (field.input === "select") await control.selectOption(example);
        else {
          await control.fill(example);
          await control.blur();
        }
      }
      return;
    case "table":
      return solveTable(page, step);
    case "link":
      for (const link of step.solution.links) await addLinkWithMouse(page, link);
      return;
    case "chart":
      for (const choice of CHART_CHOICES) {
        const value = step.solution[choice]?.[0];
        if (value) await page.locator(`#chart-${choice}`).selectOption(value);
      }
      return;
  }
}

/** The mouse on the link list: pick the kind and the target in the card's form, click « Relier ». */
async function addLinkWithMouse(page: Page, link: { from: string; kind: string; to: string }): Promise<void> {
  const card = page.locator(`.link-card[data-card="${link.from}"]`);
  await card.locator('select[name="kind"]').selectOption(link.kind);
  await card.locator('select[name="to"]').selectOption(link.to);
  await card.getByRole("button", { name: "Relier", exact: true }).click();
  await page.locator(`[data-link="${link.from}:${link.kind}:${link.to}"]`).waitFor();
}

/** Keyboard only: each expected link through its card's « Relier à… » form; focus stays on « Relier ». */
async function solveLinkWithKeyboard(page: Page, step: Extract<Step, { type: "link" }>): Promise<void> {
  for (const link of step.solution.links) {
    const key = `${link.from}:${link.kind}:${link.to}`;
    if ((await page.locator(`[data-link="${key}"]`).count()) > 0) continue;
    await tabTo(page, `[data-focus-key="link-kind-${link.from}"]`);
    await keyboardSelect(page, link.kind);
    await page.keyboard.press("Tab");
    await keyboardSelect(page, link.to);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator(`[data-link="${key}"]`).waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? ""))
      .toBe(`link-add-${link.from}`);
  }
}

const CHART_CHOICES = ["chart", "x", "y", "aggregate", "sort"] as const;

/**
 * Bruno picks the chart kind with the mouse; Chloé makes the other choices with the keyboard only
 * (focus stays on each select as the chart redraws). The drawn chart has its sentence and its table.
 */
async function solveChart(
  mouse: Page,
  keyboard: Page,
  step: Extract<Step, { type: "chart" }>,
): Promise<void> {
  const kind = step.solution.chart?.[0] as string;
  await mouse.locator("#chart-chart").selectOption(kind);
  await expect.poll(() => keyboard.locator("#chart-chart").inputValue()).toBe(kind);
  for (const choice of CHART_CHOICES.slice(1)) {
    const value = step.solution[choice]?.[0];
    if (!value) continue;
    await tabTo(keyboard, `#chart-${choice}`);
    await keyboardSelect(keyboard, value);
    await expect.poll(() => mouse.locator(`#chart-${choice}`).inputValue()).toBe(value);
    await expect.poll(() => keyboard.evaluate(() => document.activeElement?.id)).toBe(`chart-${choice}`);
  }
  for (const page of [mouse, keyboard]) {
    await page.locator('.chart-figure svg[role="img"][aria-labelledby="chart-sentence"]').waitFor();
    await expect.poll(() => page.locator(".chart-figures tbody tr").count()).toBeGreaterThan(1);
    expect(await page.locator("#chart-sentence").textContent()).toMatch(/catégories/);
  }
}

async function solveTable(page: Page, step: Extract<Step, { type: "table" }>): Promise<void> {
  // Two operations from the palette, then every remaining difference cell by cell.
  const palette = async (operation: string, column: string) => {
    await page.getByLabel("Opération", { exact: true }).selectOption(operation);
    await page.getByLabel("Colonne", { exact: true }).selectOption(column);
    await page.getByRole("button", { name: "Appliquer" }).click();
  };
  const firstRow = step.solution.rows[0];
  if (step.puzzle.operations.includes("trim") && firstRow?.cells.nom !== undefined) {
    await palette("trim", "nom");
    await waitForText(page, /a appliqué «\sSupprimer les espaces superflus\s»/);
  }
  for (const rowId of step.solution.removedRows) {
    await page.getByRole("button", { name: `Supprimer la ligne ${rowId}` }).click();
    await page.getByRole("button", { name: `Rétablir la ligne ${rowId}` }).waitFor();
  }
  for (const columnId of step.solution.removedColumns) {
    const label = step.puzzle.columns.find((c) => c.id === columnId)?.label ?? columnId;
    await page.getByRole("button", { name: `Supprimer la colonne ${label}` }).click();
    await page.getByRole("button", { name: `Rétablir la colonne ${label}` }).waitFor();
  }
  for (const row of step.solution.rows) {
    for (const [columnId, value] of Object.entries(row.cells)) {
      const label = step.puzzle.columns.find((c) => c.id === columnId)?.label ?? columnId;
      const cell = page.getByLabel(`${label}, ligne ${row.id}`, { exact: true });
      if ((await cell.inputValue()) === value) continue;
      await cell.fill(value);
      await cell.press("Enter");
      await expect.poll(() => cell.inputValue()).toBe(value);
    }
  }
}

/** Chloé, keyboard only: categorize through each item's select. */
async function solveCategorizeWithKeyboard(
  page: Page,
  step: Extract<Step, { type: "categorize" }>,
): Promise<void> {
  for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
    for (const itemId of itemIds) {
      await tabTo(page, `#place-${itemId}`);
      await keyboardSelect(page, bucketId);
      await expect
        .poll(() => page.locator(`[data-bucket="${bucketId}"] [data-item="${itemId}"]`).count())
        .toBe(1);
      await expect
        .poll(() => page.evaluate((id) => document.activeElement?.id === `place-${id}`, itemId))
        .toBe(true);
    }
  }
}

/** Keyboard only: put the items in order with the "move up" buttons; focus follows the moved item. */
async function solveOrderWithKeyboard(page: Page, step: Extract<Step, { type: "order" }>): Promise<void> {
  const positionOf = (label: string) =>
    page.locator(".order-list li .label").evaluateAll(
      // Displayed texts carry narrow no-break spaces (French typography): compare whitespace-folded.
      (nodes, l) => nodes.findIndex((n) => (n.textContent ?? "").replace(/\s+/g, " ").includes(l)),
      label,
    );
  for (let target = 0; target < step.solution.order.length; target++) {
    const itemId = step.solution.order[target] as string;
    const label = step.puzzle.items.find((item) => item.id === itemId)?.label ?? itemId;
    if ((await positionOf(label)) <= target) continue;
    await tabTo(page, `[data-focus-key="up-${itemId}"]`);
    while ((await positionOf(label)) > target) {
      const before = await positionOf(label);
      await page.keyboard.press("Enter");
      await expect.poll(() => positionOf(label)).toBe(before - 1);
      // The keyboard focus stays on this item (its "up" button, or "down" once it reached the top).
      await expect
        .poll(() =>
          page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? ""),
        )
        .toMatch(new RegExp(`^(up|down)-${itemId}$`));
    }
  }
}

/** Chloé, keyboard only: fill the form by tabbing from field to field. */
async function solveFormWithKeyboard(page: Page, step: Extract<Step, { type: "form" }>): Promise<void> {
  for (const field of step.puzzle.fields) {
    const example = step.solution.fields[field.id]?.example ?? "";
    await tabTo(page, `#field-${field.id}`);
    if (field.input === "select") await keyboardSelect(page, example);
    else {
      await page.keyboard.press("Control+A");
      await page.keyboard.type(example);
      await page.keyboard.press("Tab"); // leaving the field sends it to the team
    }
    await expect.poll(() => page.locator(`#field-${field.id}`).inputValue()).toBe(example);
  }
}

describe.skipIf(!chromiumPath)("café session end to end (real server, real Chromium)", () => {
  let server: ServerProcess;
  let handle: BrowserHandle;
  let chloeNetwork: NetworkLink;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    server = await startServer();
    chloeNetwork = await startNetworkLink(server.url);
    handle = await launchBrowser(chromiumPath as string);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await chloeNetwork?.close();
    await server?.stop();
  });

  it("runs a whole session from creation to attestation", async () => {
    const { browser } = handle;
    const url = server.url;

    // Facilitator creates the session through the UI.
    const fac = await newPage(browser, LAPTOP, "facilitator", errors);
    await fac.goto(url);
    await waitForText(fac, "Rejoindre une partie");
    await shot(fac, "01-accueil");
    // English is one click away; French stays the default.
    await fac.getByRole("button", { name: "EN" }).click();
    await fac.getByRole("heading", { name: "Join a game" }).waitFor();
    await fac.getByRole("button", { name: "FR" }).click();
    await fac.getByRole("heading", { name: "Rejoindre une partie" }).waitFor();
    await fac.getByRole("button", { name: "Créer une session" }).click();
    await fac.getByLabel("Scénario", { exact: true }).selectOption("exemple");
    await fac.getByLabel("Nombre d'équipes").selectOption("1");
    await fac.getByRole("textbox", { name: "Organisation", exact: true }).fill("Département de la Gironde");
    await shot(fac, "02-creation-session");
    await fac.getByRole("button", { name: "Créer la session" }).click();
    await fac.waitForURL(/\/facilitator\/[A-Z0-9]+$/);
    const code = new URL(fac.url()).pathname.split("/").pop() as string;
    await waitForText(fac, "Commandes");

    // The projected screen, opened from the facilitator's laptop.
    const screen = await fac.context().newPage();
    screen.on("pageerror", (error) => errors.push(`[screen] ${error.message}`));
    await screen.setViewportSize(PROJECTOR);
    await screen.goto(`${url}/screen/${code}`);
    await screen.locator(".qr svg").waitFor();

    // Three players join with the code, each in their own browser context (phone size).
    const names = ["Ana", "Bruno", "Chloé"];
    const players: Page[] = [];
    for (const name of names) {
      // Bruno plays on a laptop, Ana and Chloé on phones.
      const page = await newPage(browser, name === "Bruno" ? LAPTOP : PHONE, name, errors);
      // Chloé reaches the server through a relay the test can cut (network drop).
      await page.goto(name === "Chloé" ? chloeNetwork.url : url);
      await page.getByLabel("Code de la partie").fill(code.toLowerCase());
      await page.getByRole("button", { name: "Rejoindre", exact: true }).click();
      await page.getByLabel("Votre prénom ou pseudo").fill(name);
      await page.getByRole("button", { name: "Entrer dans la partie" }).click();
      await page.waitForURL(new RegExp(`/play/${code}$`));
      await waitForText(page, "Salle d'attente");
      players.push(page);
    }
    const [ana, bruno, chloe] = players as [Page, Page, Page];
    for (const name of names) await waitForText(fac, name);
    await waitForText(ana, "Chloé");
    await shot(ana, "03-salle-attente-joueur");
    await shot(fac, "04-console-salle-attente");
    await expect.poll(() => screen.getByText("Chloé").count()).toBeGreaterThan(0);
    await shot(screen, "05-ecran-projete-accueil", false);

    await fac.getByRole("button", { name: "Lancer la partie" }).click();

    for (const [index, step] of scenario.steps.entries()) {
      for (const page of players) await page.getByRole("heading", { level: 1, name: step.title }).waitFor();
      await expectAccessible(ana, `step ${index + 1}, phone`);
      await expectAccessible(fac, `step ${index + 1}, console`);
      if (index === 2) {
        // Chloé's network drops: a clear message, her team sees her offline, then she is back
        // on the same board without any reload.
        chloeNetwork.cut();
        await chloe.locator(".conn-banner", { hasText: "Connexion perdue : reconnexion en cours" }).waitFor();
        await ana.locator(".people li.offline", { hasText: "Chloé" }).waitFor();
        await shot(chloe, "08b-reconnexion", false);
        chloeNetwork.restore();
        await chloe.locator(".conn-banner").waitFor({ state: "detached" });
        await ana.locator(".people li.offline", { hasText: "Chloé" }).waitFor({ state: "detached" });
        await chloe.getByRole("heading", { level: 1, name: step.title }).waitFor();
      }
      const keyboard =
        step.type === "categorize" ||
        step.type === "form" ||
        step.type === "link" ||
        step.type === "chart" ||
        step.type === "letter" ||
        step.type === "map";
      const actor = keyboard ? chloe : index % 2 === 0 ? ana : bruno;
      if (step.type === "categorize") {
        // Bruno drags one document into its category with the mouse; Chloé sorts the rest by keyboard.
        const [bucketId, itemIds] = Object.entries(step.solution.buckets)[0] as [string, string[]];
        const itemId = itemIds[0] as string;
        await bruno
          .locator(`li.item:has(#place-${itemId})`)
          .dragTo(bruno.locator(`[data-bucket="${bucketId}"]`), { sourcePosition: { x: 12, y: 12 } });
        await chloe.locator(`[data-bucket="${bucketId}"] [data-item="${itemId}"]`).waitFor();
        await solveCategorizeWithKeyboard(chloe, step);
      } else if (step.type === "link") {
        // Bruno draws a wrong link with the mouse and removes it, then drags a card onto another;
        // Chloé draws the rest with the keyboard only.
        const [first] = step.solution.links;
        if (!first) throw new Error("a link step without links");
        const backwards = { from: first.to, kind: first.kind, to: first.from };
        await addLinkWithMouse(bruno, backwards);
        const key = `${backwards.from}:${backwards.kind}:${backwards.to}`;
        await chloe.locator(`[data-link="${key}"]`).waitFor();
        await bruno.locator(`[data-link="${key}"]`).getByRole("button").click();
        await chloe.locator(`[data-link="${key}"]`).waitFor({ state: "detached" });
        // The first expected link by dragging its card onto the target card (kind from the card's form).
        const from = bruno.locator(`.link-card[data-card="${first.from}"]`);
        await from.locator('select[name="kind"]').selectOption(first.kind);
        await from.locator("h3").dragTo(bruno.locator(`.link-card[data-card="${first.to}"] h3`), {
          sourcePosition: { x: 8, y: 8 },
        });
        await chloe.locator(`[data-link="${first.from}:${first.kind}:${first.to}"]`).waitFor();
        await solveLinkWithKeyboard(chloe, step);
      } else if (step.type === "chart") await solveChart(bruno, chloe, step);
      else if (step.type === "map") {
        // Bruno places the point item by clicking the map; Chloé answers every item with the keyboard only.
        const point = step.puzzle.items.find((item) => item.answer === "point");
        if (!point) throw new Error("a map step without a point item");
        await placeWithMouse(bruno, step, point.id);
        await chloe.locator(`.map-point[data-place="${point.id}"]`).waitFor();
        await shot(bruno, "07b-plateau-carte");
        await solveMapWithKeyboard(chloe, step);
      } else if (step.type === "form") await solveFormWithKeyboard(chloe, step);
      else if (step.type === "letter") await solveLetterWithKeyboard(chloe, step);
      else if (step.type === "order") await solveOrderWithKeyboard(actor, step);
      else await solveWithMouse(actor, step);

      if (index === 0) {
        // Ana's edits appear, attributed, on Bruno's board.
        await waitForText(bruno, /Ana a modifié le choix/);
        await bruno.locator("#table-canvas canvas").waitFor();
        await ana.locator("#table-canvas canvas").waitFor();
        await shot(bruno, "06-plateau-equipe", false);
        // Clicking a document card on the Phaser table opens that document in the page.
        const materialIds = await bruno
          .locator("article.material")
          .evaluateAll((nodes) => nodes.map((n) => n.id));
        const canvasBox = await bruno.locator("#table-canvas canvas").boundingBox();
        if (!canvasBox) throw new Error("no canvas");
        const count = Math.min(6, materialIds.length);
        const firstCardCentre = 480 - (count * 140 + (count - 1) * 12) / 2 + 70; // WIDE layout, 960×420
        const cx = canvasBox.x + (firstCardCentre * canvasBox.width) / 960;
        const cy = canvasBox.y + (190 * canvasBox.height) / 420;
        await bruno.mouse.click(cx, cy);
        await expect
          .poll(() => bruno.evaluate(() => document.activeElement?.closest("article.material")?.id))
          .toBe(materialIds[0]);
        await shot(ana, "06b-plateau-telephone");
      }
      if (step.type === "table") await shot(actor, "07-plateau-tableau");
      if (step.type === "letter") await shot(actor, "07b-plateau-lettre");

      // The actor proposes the draft; a teammate agrees (majority of three connected players).
      if (keyboard) {
        await tabTo(chloe, '[data-focus-key="propose"]');
        await chloe.keyboard.press("Enter");
      } else {
        await actor.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
      }
      const other = actor === ana ? bruno : ana;
      await other.getByRole("button", { name: "Je suis d'accord" }).click();
      for (const page of players) await waitForText(page, "Tentative 1 : 100 %");
      await expectAccessible(bruno, `step ${index + 1} proposed, laptop`);
      if (index === 1) await shot(chloe, "08-retour-tentative");
      if (index === 0) {
        // A reload puts Ana back on her seat and board with the stored reconnection token.
        await ana.reload();
        await ana.getByRole("heading", { level: 1, name: step.title }).waitFor();
        await waitForText(ana, "Tentative 1 : 100 %");
        await waitForText(fac, "Ana");
      }

      await fac.getByRole("button", { name: "Révéler la réponse" }).click();
      for (const page of players) await waitForText(page, step.explanation.text);
      // The projected screen steps through the reveal with one key, up to the explanation.
      await screen.locator('[data-moment^="reveal:"]').waitFor();
      for (let frame = 0; frame < 12 && !(await screen.locator(".reveal-why").isVisible()); frame++)
        await screen.keyboard.press("ArrowRight");
      await screen.locator(".reveal-why").waitFor();
      await expectAccessible(screen, `step ${index + 1} revealed, projected`);
      await expectAccessible(chloe, `step ${index + 1} revealed, phone`);
      if (index === 0) await shot(screen, "09-ecran-projete-revelation", false);
      if (step.type === "table") await shot(screen, "09b-ecran-projete-revelation-tableau", false);
      if (step.type === "letter") await shot(screen, "09c-ecran-projete-revelation-lettre", false);
      await fac.getByRole("button", { name: "Étape suivante" }).click();
    }

    // After the last step: debrief phase.
    for (const page of players) await waitForText(page, "place au débrief");
    await waitForText(fac, "Exporter les résultats (CSV)");
    await shot(fac, "10-console-resultats");

    const debrief = await fac.context().newPage();
    debrief.on("pageerror", (error) => errors.push(`[debrief] ${error.message}`));
    await debrief.setViewportSize(LAPTOP);
    await debrief.goto(`${url}/debrief/${code}`);
    await waitForText(debrief, "Compétences d’Ana");
    await waitForText(debrief, scenario.steps[0]?.explanation.text as string);
    await shot(debrief, "11-debrief");
    await debrief.close();

    // The CSV export answers with one row per player and skill.
    // The CSV export downloads with the key in a header, never in a URL.
    const [download] = await Promise.all([
      fac.waitForEvent("download"),
      fac.getByRole("button", { name: "Exporter les résultats (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`datatruc-${code}.csv`);
    const csv = readFileSync((await download.path()) as string, "utf8");
    expect(csv).toContain("Chloé");

    // The facilitator ends the session; attestations are issued.
    await fac.getByRole("button", { name: "Terminer la session" }).click();
    await fac.getByRole("link", { name: "Ana" }).waitFor();
    await fac.getByRole("link", { name: "Ana" }).click();
    await fac.waitForURL(/\/attestation\//);
    await waitForText(fac, "Attestation de participation");
    await waitForText(fac, "Ana");
    await waitForText(fac, "organisée par Département de la Gironde");
    await shot(fac, "12-attestation");
    // It prints on exactly one A4 page (print CSS), without the top bar or the print button.
    await fac.emulateMedia({ media: "print" });
    expect(await fac.locator(".topbar").isVisible()).toBe(false);
    const pdf = (await fac.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length, "pages").toBe(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))], "A4 in points").toEqual([595, 842]);
    await fac.emulateMedia({ media: "screen" });
    const verifyHref = await fac.locator(".attestation .verify a").getAttribute("href");
    expect(verifyHref).toMatch(/\/verify\//);
    await fac.goto(verifyHref as string);
    await waitForText(fac, "Attestation authentique");
    await shot(fac, "13-verification");

    // A player also gets their own attestation link once the session has ended.
    await chloe.getByRole("link", { name: "Mon attestation" }).waitFor();
    await expectAccessible(chloe, "ended, phone");
    await expectAccessible(screen, "ended, projected");

    expect(errors).toEqual([]);
  }, 600_000);
});
