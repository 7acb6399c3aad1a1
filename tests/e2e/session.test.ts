/**
 * A whole café session in real browsers against the real server: a facilitator creates the session
 * through the UI, three players join with the code in separate browser contexts and play
 * scenarios/exemple.json to the end (every other step with the keyboard only by Chloé, the others with
 * the mouse by Ana and Bruno, through each type's e2e play; tests/e2e/puzzle-input.test.ts plays every
 * type both ways), the facilitator reveals each step and ends; the debrief and an attestation render.
 * Screenshots of every screen go to docs/screenshots/ with UPDATE_SCREENSHOTS=1 (else test-results/).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutTable, WIDE } from "../../client/src/board/table-layout.ts";
import { tabTo } from "../../client/src/puzzles/e2e-kit.ts";
import type { TablePicture } from "../../client/src/view/table-picture.ts";
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
import { checkRevealed, playStep } from "./puzzle-plays.ts";

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

async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

/** The screenshots kept in docs/screenshots/ of some boards and reveals, by puzzle type. */
const SHOTS: Partial<Record<Step["type"], { board: string; reveal?: string }>> = {
  table: { board: "07-plateau-tableau", reveal: "09b-ecran-projete-revelation-tableau" },
  letter: { board: "07b-plateau-lettre", reveal: "09c-ecran-projete-revelation-lettre" },
  map: { board: "07b-plateau-carte" },
};

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
      // Every other step with the keyboard only (Chloé), the others with the mouse (Ana, then Bruno),
      // each through its type's own e2e play.
      const keyboard = index % 2 === 1;
      const actor = keyboard ? chloe : index % 4 === 0 ? ana : bruno;
      await playStep(actor, step, keyboard ? "keyboard" : "mouse");

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
        // Where the table lays the first document (the board's own pure layout, wide table).
        // Its documents, then a face-down card per teammate holding private documents Bruno cannot read.
        const held = await bruno
          .locator(".face-down[data-held-by]")
          .evaluateAll((nodes) => nodes.map((n) => `held-by-${(n as HTMLElement).dataset.heldBy}`));
        const cards = [...materialIds.map((id) => id.replace(/^material-/, "")), ...held].map((id) => ({
          id,
        }));
        const { docs } = layoutTable({ cards, seats: names, puzzle: null } as unknown as TablePicture, WIDE);
        const first = docs.find((doc) => `material-${doc.id}` === materialIds[0]);
        if (!first) throw new Error("the first document is not on the table");
        const cx = canvasBox.x + ((first.x + first.w / 2) * canvasBox.width) / WIDE.width;
        const cy = canvasBox.y + ((first.y + first.h / 2) * canvasBox.height) / WIDE.height;
        await bruno.mouse.click(cx, cy);
        await expect
          .poll(() => bruno.evaluate(() => document.activeElement?.closest("article.material")?.id))
          .toBe(materialIds[0]);
        await shot(ana, "06b-plateau-telephone");
      }
      const shots = SHOTS[step.type];
      if (shots) await shot(actor, shots.board);

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
      // The projected screen steps through the reveal with one key, up to the explanation; the team's
      // answer, then the solution, are drawn as their type draws them (the map's places on a map).
      await screen.locator('[data-moment^="reveal:"]').waitFor();
      for (let frame = 0; frame < 12 && !(await screen.locator(".reveal-team").isVisible()); frame++)
        await screen.keyboard.press("ArrowRight");
      await checkRevealed(screen.locator(".reveal-team").first(), step);
      for (let frame = 0; frame < 12 && !(await screen.locator(".reveal-why").isVisible()); frame++)
        await screen.keyboard.press("ArrowRight");
      await screen.locator(".reveal-why").waitFor();
      await checkRevealed(screen.locator(".reveal-why"), step);
      await expectAccessible(screen, `step ${index + 1} revealed, projected`);
      await expectAccessible(chloe, `step ${index + 1} revealed, phone`);
      if (index === 0) await shot(screen, "09-ecran-projete-revelation", false);
      if (shots?.reveal) await shot(screen, shots.reveal, false);
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
