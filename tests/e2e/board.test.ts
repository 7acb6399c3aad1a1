/**
 * The table is where the team plays (issue 10, issue 11 `link`): in Chromium, a player drags cards on
 * the Phaser table (a pile, a place in the line, onto another card) and a teammate's DOM alternative
 * shows the resulting draft; the documents a teammate holds lie face down; reaction tokens and hands.
 */

import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { Seat } from "../server/harness.ts";
import {
  chromiumOrSkip,
  createSessionAndJoin,
  expectAccessible,
  joinAsFacilitator,
  SCREENSHOTS,
  useBrowserServer,
} from "./harness.ts";
import { box, drag, layoutWhen, pointOf, tableLayout } from "./table-drag.ts";

const chromiumPath = chromiumOrSkip("e2e board");

describe.skipIf(!chromiumPath)("the table where the team plays", () => {
  const env = useBrowserServer(chromiumPath);
  let facilitator: Seat;
  let ana: Page;
  let bruno: Page;

  /** A player's page: Bruno asked for reduced motion, Ana did not. */
  async function playerPage(name: string): Promise<Page> {
    const context = await env.browser.newContext({
      viewport: { width: 1400, height: 950 },
      locale: "fr-FR",
      reducedMotion: name === "Bruno" ? "reduce" : "no-preference",
    });
    return context.newPage();
  }

  /** Puts the step's opening (character and situation) away when there is one. */
  async function toPuzzle(page: Page, puzzleReady: string): Promise<void> {
    const opening = page.getByRole("button", { name: "Voir l'énigme" });
    await expect
      .poll(async () => (await opening.count()) > 0 || (await page.locator(puzzleReady).count()) > 0)
      .toBe(true);
    if ((await opening.count()) > 0) await opening.click();
    await page.locator(puzzleReady).first().waitFor();
  }

  async function nextStep(index: number): Promise<void> {
    facilitator.send("skip", {});
    await expect.poll(() => (facilitator.state as { currentStep: number }).currentStep).toBe(index);
  }

  /** One session for the whole file: Ana and Bruno in one team, the facilitator by the SDK. */
  async function setUp(): Promise<void> {
    const { session, players } = await createSessionAndJoin(
      env.server,
      { scenarioId: "exemple", teamCount: 1, teamSize: 2, options: { maxAttempts: 3 } },
      ["Ana", "Bruno"],
      playerPage,
    );
    [ana, bruno] = players as [Page, Page];
    facilitator = await joinAsFacilitator(env.server, session.code, session.facilitatorKey);
    facilitator.send("start", {});
    await expect.poll(() => (facilitator.state as { phase: string }).phase).toBe("playing");
  }

  afterAll(async () => {
    await facilitator?.leave();
  });

  it("sorts a card into a pile, then puts one first in the line, by dragging on the table", async () => {
    await setUp();
    await nextStep(1);
    await toPuzzle(ana, ".puzzle.categorize");
    await toPuzzle(bruno, ".puzzle.categorize");
    const layout = await layoutWhen(ana, (l) => "etude" in l.pieces && "tous" in l.zones);
    await drag(ana, box(layout.pieces, "etude"), box(layout.zones, "tous"));
    // Bruno's DOM alternative shows the draft the drop made: the same edit as his select would send.
    await expect.poll(() => bruno.locator("#place-etude").inputValue()).toBe("tous");
    await bruno.locator('.bucket[data-bucket="tous"] .chip[data-item="etude"]').waitFor();
    // And Ana's own table shows the card on that pile.
    const after = await layoutWhen(ana, (l) => {
      const card = l.pieces.etude;
      const pile = l.zones.tous;
      return !!card && !!pile && card[0] >= pile[0] && card[0] <= pile[0] + pile[2];
    });
    expect(after.pieces.etude).toBeDefined();
    await ana.locator("#table-canvas").screenshot({ path: join(SCREENSHOTS, "table-categorize.png") });

    await nextStep(2);
    await toPuzzle(ana, ".puzzle.order");
    await toPuzzle(bruno, ".puzzle.order");
    const line = await layoutWhen(ana, (l) => "tribunal" in l.pieces && "demande" in l.pieces);
    const first = Object.entries(line.pieces).sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1])[0];
    const moved = first?.[0] === "demande" ? "tribunal" : "demande";
    await drag(ana, box(line.pieces, moved), box(line.pieces, first?.[0] ?? ""));
    const label = moved === "demande" ? "demande" : "tribunal";
    await expect.poll(() => bruno.locator(".order-list li").first().getAttribute("data-piece")).toBe(label);
  }, 180_000);

  it("keeps the sticky step banner and the sticky table clear of each other on a laptop, at every scroll", async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await ana.setViewportSize(viewport);
      const banner = ana.locator(".board-banner");
      const frame = ana.locator("main > .table-frame");
      // Side by side: the table beside the answer, as on a laptop.
      await expect
        .poll(async () => ((await frame.boundingBox())?.width ?? viewport.width) < viewport.width * 0.7)
        .toBe(true);
      const maxScroll = await ana.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(maxScroll).toBeGreaterThan(0);
      for (const y of [0, 100, 250, 500, maxScroll / 2, maxScroll]) {
        await ana.evaluate((top) => window.scrollTo(0, top), Math.round(y));
        const [b, f] = await Promise.all([banner.boundingBox(), frame.boundingBox()]);
        if (!b || !f) throw new Error("the banner or the table frame is not laid out");
        const overlap =
          b.x < f.x + f.width && f.x < b.x + b.width && b.y < f.y + f.height && f.y < b.y + b.height;
        expect(
          overlap,
          `banner ${JSON.stringify(b)} over table ${JSON.stringify(f)} at ${viewport.width}px, scroll ${Math.round(y)}`,
        ).toBe(false);
        // The table's top (its toggle and canvas) is on screen and nothing lies over it.
        expect(f.y).toBeGreaterThanOrEqual(0);
        const onTop = await ana.evaluate(
          ({ x, y: top }) => !!document.elementFromPoint(x, top)?.closest(".table-frame"),
          { x: f.x + f.width / 2, y: f.y + 2 },
        );
        expect(onTop, `the table's top is covered at ${viewport.width}px, scroll ${Math.round(y)}`).toBe(
          true,
        );
      }
      await ana.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expectAccessible(ana, `laptop board scrolled (${viewport.width}px)`);
    }
    await ana.evaluate(() => window.scrollTo(0, 0));
    await ana.setViewportSize({ width: 1400, height: 950 });
  }, 120_000);

  it("draws a typed link by dropping a card onto another, with the kind picked on the table", async () => {
    await nextStep(3);
    await nextStep(4);
    await nextStep(5);
    await toPuzzle(ana, ".puzzle.link");
    await toPuzzle(bruno, ".puzzle.link");
    const layout = await layoutWhen(ana, (l) => "licence-ouverte" in l.pieces && "publie-sous" in l.kinds);
    // Pick the kind « publie sous » on the table, then drop the dataset onto the licence.
    const chip = await pointOf(ana, box(layout.kinds, "publie-sous"));
    await ana.mouse.click(chip.x, chip.y);
    await expect.poll(async () => (await tableLayout(ana)).kind).toBe("publie-sous");
    await drag(ana, box(layout.pieces, "liste-colleges"), box(layout.pieces, "licence-ouverte"));
    await bruno.locator('[data-link="liste-colleges:publie-sous:licence-ouverte"]').waitFor();
    await bruno.screenshot({ path: join(SCREENSHOTS, "table-link.png") });
  }, 180_000);

  it("lays a teammate's private document face down, shows hands live, and keeps reaction tokens until resolved", async () => {
    // Ana's own private document, as she reads it; Bruno is only told that she holds one.
    const own = ana.locator(".material.private");
    await own.first().waitFor();
    const title = (await own.locator("summary").first().textContent())?.trim() ?? "";
    const body = (await own.locator(".body").first().textContent())?.trim() ?? "";
    expect(title).not.toBe("");
    await bruno.locator(".face-down", { hasText: "Ana tient un document que vous ne voyez pas" }).waitFor();
    const brunoText = (await bruno.locator("body").textContent()) ?? "";
    expect(brunoText).not.toContain(title);
    expect(brunoText).not.toContain(body.slice(0, 40));
    await expectAccessible(bruno, "table with a face-down document");

    // Ana picks a card up on the table: Bruno sees her hand until she lets go.
    const layout = await layoutWhen(ana, (l) => "association" in l.pieces);
    const card = await pointOf(ana, box(layout.pieces, "association"));
    await ana.mouse.move(card.x, card.y);
    await ana.mouse.down();
    await ana.mouse.move(card.x + 30, card.y + 30, { steps: 4 });
    const hand = bruno.locator(".people .hand", {
      hasText: "Ana déplace « Association de parents d'élèves »",
    });
    await hand.waitFor();
    await ana.mouse.move(card.x + 5, card.y + 5, { steps: 2 });
    await ana.mouse.up();
    await expect.poll(() => hand.count()).toBe(0);
    // Bruno edits a field of the DOM alternative: Ana sees which card he is working on.
    await bruno.locator('[data-focus-key="link-kind-data-gouv"]').focus();
    await ana.locator(".people .hand", { hasText: "Bruno modifie « data.gouv.fr »" }).waitFor();

    // Ana leaves a question on the licence card with the keyboard; Bruno sees the token.
    await ana.getByLabel("Élément").selectOption("licence-ouverte");
    await ana.getByRole("button", { name: "Question", exact: true }).click();
    const token = bruno.locator(".token-list li", { hasText: "Ana : Question sur « Licence Ouverte 2.0 »" });
    await token.waitFor();
    // She takes it back: it goes away for Bruno.
    await ana.getByRole("button", { name: "Retirer mon jeton sur « Licence Ouverte 2.0 »" }).click();
    await expect.poll(() => token.count()).toBe(0);
    // A new one is settled when the draft changes that card (Bruno links the association to it).
    await ana.getByRole("button", { name: "Pas d'accord", exact: true }).click();
    const disagree = bruno.locator(".token-list li", {
      hasText: "Ana : Pas d'accord sur « Licence Ouverte 2.0 »",
    });
    await disagree.waitFor();
    await bruno.locator('[data-focus-key="link-to-association"]').selectOption("licence-ouverte");
    await bruno.locator('[data-focus-key="link-add-association"]').click();
    await expect.poll(() => disagree.count()).toBe(0);
    await expect.poll(() => ana.locator(".token-list li").count()).toBe(0);
  }, 180_000);

  it("puts the puzzle first on a phone, the table folded to a strip the player may open", async () => {
    await bruno.setViewportSize({ width: 390, height: 844 });
    await bruno.evaluate(() => window.scrollTo(0, 0));
    const canvas = bruno.locator("#table-canvas");
    await expect.poll(async () => (await canvas.boundingBox())?.height ?? 0).toBeLessThan(120);
    // The answer area starts on the first screen.
    const puzzle = await bruno.locator("#puzzle-title").boundingBox();
    expect(puzzle?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(844);
    await bruno.screenshot({ path: join(SCREENSHOTS, "table-phone.png") });
    // Opened, the table takes the width and its cards can be dragged with a finger.
    const toggle = bruno.getByRole("button", { name: "Agrandir la table" });
    await toggle.click();
    await expect.poll(async () => (await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(200);
    // …and the drawing is fitted to it again, not left at the strip's size in the middle.
    await expect
      .poll(async () => {
        const [frame, drawing] = await Promise.all([
          canvas.boundingBox(),
          canvas.locator("canvas").boundingBox(),
        ]);
        return Math.round(((drawing?.width ?? 0) / (frame?.width ?? 1)) * 100);
      })
      .toBeGreaterThanOrEqual(95);
    expect(await canvas.evaluate((el) => getComputedStyle(el).touchAction)).toBe("none");
    await bruno.getByRole("button", { name: "Réduire la table" }).click();
    await bruno.setViewportSize({ width: 1400, height: 950 });
  }, 120_000);

  it("keeps card moves still under reduced motion, and labels the canvas", async () => {
    // Bruno asked for reduced motion: his table moves cards without animation; Ana's animates them.
    expect(await bruno.locator("#table-canvas").getAttribute("data-motion")).toBe("reduced");
    expect(await ana.locator("#table-canvas").getAttribute("data-motion")).toBe("full");
    const canvas = ana.locator("#table-canvas");
    expect(await canvas.getAttribute("role")).toBe("img");
    expect(await canvas.getAttribute("aria-label")).toContain("Table de l'équipe");
  });
});
