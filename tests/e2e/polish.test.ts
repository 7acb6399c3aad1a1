/**
 * Issue 9, « makes people hesitate »: each finding from the walk-through, in real Chromium against
 * the real server. Sessions are created through the HTTP API; the facilitator console opens with
 * the key in the address (`#key=`), as on another device.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Scenario } from "../../shared/scenario/schema.ts";
import {
  type CreatedSession,
  chromiumOrSkip,
  createSession,
  expectAccessible,
  joinWaitingRoom,
  openConsole,
  ROOT,
  useBrowserServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e polish");
const exemple = Scenario.parse(JSON.parse(readFileSync(`${ROOT}/scenarios/exemple.json`, "utf8")));
/** « Étape 2 sur N » of exemple.json, however many steps it has. */
const STEP_2 = `Étape 2 sur ${exemple.steps.length}`;

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };

describe.skipIf(!chromiumPath)("issue 9 details (real server, real Chromium)", { timeout: 120_000 }, () => {
  const env = useBrowserServer(chromiumPath);
  const errors: string[] = [];

  async function open(browser: Browser, viewport: { width: number; height: number }, label: string) {
    const context = await browser.newContext({ viewport, locale: "fr-FR" });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
    page.on("dialog", (dialog) => void dialog.accept());
    return page;
  }

  const create = (body: Record<string, unknown>) => createSession(env.server, body);
  const console_ = async (session: CreatedSession) =>
    openConsole(await open(env.browser, LAPTOP, "facilitator"), env.server.url, session);
  const join = async (session: CreatedSession, name: string, viewport = PHONE) =>
    joinWaitingRoom(await open(env.browser, viewport, name), env.server.url, session.code, name);

  it("lets the first Tab reach the skip link", async () => {
    const page = await open(env.browser, LAPTOP, "home");
    await page.goto(env.server.url);
    await page.getByRole("heading", { name: "Rejoindre une partie" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await expectAccessible(page, "home");
    await page.context().close();
  });

  it("gives the page a heading, a main landmark and a loading status before its script runs", async () => {
    const page = await open(env.browser, PHONE, "loading");
    // The application's script never arrives (a slow phone, a proxy that drops it): what is shown
    // until then is the static page of index.html.
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    await page.goto(env.server.url);
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1, name: "Datatruc" }).count()).toBe(1);
    expect(await page.getByRole("status").textContent()).toBe("Chargement…");
    await expectAccessible(page, "loading page");
    await page.context().close();
  });

  it("shows document tables whole: caption in view, keyboard-scrollable region, scroll cue", async () => {
    const session = await create({ scenarioId: "metadata-party", teamCount: 1 });
    const fac = await console_(session);
    const ines = await join(session, "Inès");
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    // Step 2 carries a five-column spreadsheet extract.
    await ines.getByRole("heading", { level: 1 }).waitFor();
    await fac
      .getByRole("button", { name: /Passer l'étape|Étape suivante/ })
      .first()
      .click();
    const region = ines.getByRole("region", { name: /Tableau «\sQuatre lignes/ });
    await region.waitFor();
    const caption = ines.locator(".table-caption", { hasText: "Quatre lignes" });
    expect(await caption.isVisible()).toBe(true);
    const box = await caption.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, "caption inside the screen").toBe(true);
    expect(await region.getAttribute("tabindex")).toBe("0");
    // On a phone the table is wider than its card: the region says so and scrolls with the keyboard.
    await ines.locator(".scroll-x[data-overflow] + .scroll-cue").waitFor({ state: "visible" });
    await region.focus();
    await ines.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible(ines, "document table on a phone");
    // In English, the French scenario texts say they are French.
    await ines.getByRole("button", { name: "EN" }).click();
    await ines.getByText("Team activity").waitFor();
    expect(await ines.locator("h1").getAttribute("lang")).toBe("fr");
    expect(await ines.locator(".prompt").getAttribute("lang")).toBe("fr");
    expect(await ines.locator(".materials").getAttribute("lang")).toBe("fr");
    await expectAccessible(ines, "board in English");
    await ines.context().close();
    await fac.context().close();
  });

  it("answers a wrong code with a clear error and a field to fix it, not a name form", async () => {
    const session = await create({ scenarioId: "exemple" });
    const page = await open(env.browser, PHONE, "wrong code");
    await page.goto(env.server.url);
    await page.getByLabel("Code de la partie").fill("ZZZZ99");
    await page.getByRole("button", { name: "Rejoindre", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Aucune partie ne porte le code ZZZZ99" }).waitFor();
    expect(await page.getByLabel("Votre prénom ou pseudo").count()).toBe(0);
    expect(await page.getByLabel("Code de la partie").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "home, wrong code");
    // A wrong link: the same error and the code field, then the right code leads to the name form.
    await page.goto(`${env.server.url}/join/ZZZZ99`);
    await page.getByRole("alert").filter({ hasText: "Aucune partie ne porte le code ZZZZ99" }).waitFor();
    expect(await page.getByLabel("Votre prénom ou pseudo").count()).toBe(0);
    await expectAccessible(page, "join link, wrong code");
    await page.getByLabel("Code de la partie").fill(session.code);
    await page.getByRole("button", { name: "Rejoindre", exact: true }).click();
    await page.getByLabel("Votre prénom ou pseudo").waitFor();
    await page.context().close();
  });

  it("opens the console without its key with the error alone, no endless loading", async () => {
    const session = await create({ scenarioId: "exemple" });
    const page = await open(env.browser, LAPTOP, "console without key");
    await page.goto(`${env.server.url}/facilitator/${session.code}`);
    await page.getByRole("alert").waitFor();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByText("Chargement…").count()).toBe(0);
    await expectAccessible(page, "console without key");
    await page.context().close();
  });

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? "", text: el?.textContent?.trim() ?? "", hint: el?.dataset.hint ?? "" };
    });

  it("keeps the facilitator on the step's next control and brings players to the top of each new step", async () => {
    const session = await create({ scenarioId: "exemple", teamCount: 1 });
    const fac = await console_(session);
    const ana = await join(session, "Ana");
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1" });
    await fac.getByRole("button", { name: "Lancer la partie" }).focus();
    await fac.keyboard.press("Enter");
    // Start → « Révéler » has the focus; reveal → « Étape suivante »; next → « Révéler » again.
    await expect.poll(async () => (await focused(fac)).text).toContain("Révéler la réponse");
    const firstTitle = await ana.getByRole("heading", { level: 1 }).textContent();
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1", text: firstTitle });
    // Ana scrolls down to the puzzle…
    await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await fac.keyboard.press("Enter");
    await expect.poll(async () => (await focused(fac)).text).toContain("Étape suivante");
    await expectAccessible(fac, "console, step revealed");
    await fac.keyboard.press("Enter");
    await expect.poll(async () => (await focused(fac)).text).toContain("Révéler la réponse");
    // …and lands on the new step's title at the top, with the banner saying where she is.
    await ana.getByText(`${STEP_2} :`, { exact: false }).first().waitFor();
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBe(0);
    const secondTitle = await ana.getByRole("heading", { level: 1 }).textContent();
    expect(secondTitle).not.toBe(firstTitle);
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1", text: secondTitle });
    // A pause: same treatment, and the banner stays in view while scrolling.
    await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await fac.getByRole("button", { name: "Pause" }).click();
    const banner = ana.locator(".board-banner", { hasText: "Partie en pause" });
    await banner.waitFor();
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1" });
    await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = await banner.boundingBox();
    expect(box && box.y >= 0 && box.y < PHONE.height, "pause banner in view").toBe(true);
    await expectAccessible(ana, "paused, phone");
    await fac.getByRole("button", { name: "Reprendre" }).click();
    await ana.locator(".board-banner", { hasText: STEP_2 }).waitFor();
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBe(0);
    // The end: the banner carries the end notice, and the console ranks the teams.
    await fac.getByRole("button", { name: "Terminer la session" }).click();
    await ana.locator(".board-banner", { hasText: "place au débrief" }).waitFor();
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1" });
    await fac.getByRole("heading", { name: "Classement" }).waitFor();
    await fac.locator(".fac-ranking li", { hasText: /^1\. Équipe 1\s: / }).waitFor();
    await expect.poll(async () => (await focused(fac)).text).toBe("Classement");
    await expectAccessible(fac, "console, ended");
    // Opening the attestation puts the focus on its title.
    await ana.getByRole("link", { name: "Mon attestation" }).click();
    await ana.getByRole("heading", { name: "Attestation de participation" }).waitFor();
    await expect.poll(() => focused(ana)).toMatchObject({ tag: "H1", text: "Attestation de participation" });
    // Only practised competences are listed (none here), never « Niveau non atteint ».
    expect(await ana.getByText("Niveau non atteint").count()).toBe(0);
    await ana.getByText("Aucune compétence n'a été travaillée pendant cette session.").waitFor();
    // The Open Badges link is a human explanation with the JSON as a download.
    await ana.getByText("Badge numérique (Open Badges)").click();
    const download = ana.getByRole("link", { name: "Télécharger le badge (JSON)" });
    expect(await download.getAttribute("download")).toMatch(/\.json$/);
    await expectAccessible(ana, "attestation with the badge explained");
    // /verify has a field to type the code.
    const verificationCode = decodeURIComponent(new URL(ana.url()).pathname.split("/").pop() as string);
    await ana.goto(`${env.server.url}/verify`);
    await ana.getByLabel("Code de vérification").fill(verificationCode);
    await ana.getByRole("button", { name: "Vérifier" }).click();
    await ana.getByText("Attestation authentique").waitFor();
    await expectAccessible(ana, "verification typed by hand");
    // The debrief keeps its step-by-step section once the session has ended (room gone).
    await ana.context().close();
    await fac.goto(`${env.server.url}/debrief/${session.code}`);
    await fac.getByRole("heading", { name: "Étape par étape" }).waitFor();
    await fac.getByRole("heading", { name: `1. ${firstTitle}` }).waitFor();
    await fac
      .getByText(/^Réponse d’Équipe 1 \(\d+ %\)$/)
      .first()
      .waitFor();
    await expectAccessible(fac, "debrief after the end");
    await fac.context().close();
  }, 120_000);

  it("leads the debrief, after the end, with what the teams missed on each step", async () => {
    const step = exemple.steps[0];
    if (step?.type !== "choice") throw new Error("exemple.json starts with a choice step");
    const wrong = step.puzzle.options.find((option) => !step.solution.correct.includes(option.id));
    const right = step.puzzle.options.filter((option) => step.solution.correct.includes(option.id));
    const session = await create({
      scenarioId: "exemple",
      teamCount: 1,
      options: { submissionRule: "any", maxAttempts: 1 },
    });
    const fac = await console_(session);
    const ana = await join(session, "Ana");
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    // Ana's team sends one wrong licence; then the facilitator ends the session (its room goes away).
    await ana.getByLabel(wrong?.label as string, { exact: true }).check();
    await expect.poll(() => ana.getByLabel(wrong?.label as string, { exact: true }).isChecked()).toBe(true);
    await ana.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    await ana.getByText("Tentative 1 : 0 %").first().waitFor();
    await fac.getByRole("button", { name: "Terminer la session" }).click();
    await ana.getByRole("link", { name: "Mon attestation" }).waitFor();
    await ana.context().close();

    await fac.goto(`${env.server.url}/debrief/${session.code}`);
    const first = fac.locator("article", { has: fac.getByRole("heading", { name: `1. ${step.title}` }) });
    const missed = first.locator(".debrief-missed");
    await missed.getByRole("heading", { name: "Ce que les équipes ont manqué" }).waitFor();
    // The wrong pick, and each right licence left unpicked (never said during play).
    const lines = (await missed.getByRole("listitem").allTextContents()).map((line) =>
      line.replace(/\s+/g, " "),
    );
    expect(lines).toEqual([wrong, ...right].map((option) => `${option?.label} : manqué par 1 équipe sur 1`));
    // A step nobody answered says so.
    const second = fac.locator("article", {
      has: fac.getByRole("heading", { name: `2. ${exemple.steps[1]?.title}` }),
    });
    await second.locator(".debrief-missed").getByText("Pas de réponse envoyée.").waitFor();
    await expectAccessible(fac, "debrief after the end: what the teams missed");
    await fac.context().close();
  });

  it("cues a step's last 30 seconds on the projected screen; says the time ran out when nothing was proposed", async () => {
    // A 30 s step: its timer starts inside its last seconds.
    const session = await create({ scenarioId: "exemple", teamCount: 1, options: { stepTimeSeconds: 30 } });
    const fac = await console_(session);
    const screen = await fac.context().newPage();
    await screen.goto(`${env.server.url}/screen/${session.code}`);
    await screen.locator(".qr svg").waitFor();
    const ana = await join(session, "Ana");
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    // The title card, then one key: the race with the big timer, which says so in words and pulses,
    // a tick is played and screen readers hear it.
    await screen.locator(".title-card").waitFor();
    await screen.keyboard.press("ArrowRight");
    const timer = screen.getByRole("timer", { name: "Temps restant" });
    await timer.getByText("Dernières secondes !").waitFor();
    expect(await timer.getAttribute("class")).toContain("last");
    await expect.poll(() => screen.evaluate(() => document.documentElement.dataset.lastCue)).toBe("tick");
    await expect.poll(() => screen.locator("#live").textContent()).toMatch(/Dernières secondes\s!/);
    await expectAccessible(screen, "projected screen: a step's last seconds");
    await ana
      .getByText("Temps écoulé : votre équipe n'a proposé aucune réponse pour cette étape (0 point).")
      .waitFor({ timeout: 60_000 });
    expect(await ana.getByText("Réponse envoyée").count()).toBe(0);
    expect(await ana.getByText("Score de l'étape").count()).toBe(0);
    await expectAccessible(ana, "time up without an answer");
    await ana.context().close();
    await fac.context().close();
  }, 120_000);

  it("moves the focus to the new hint and to what follows a proposal; in team pace « reveal » shows what it did", async () => {
    const session = await create({
      scenarioId: "exemple",
      pace: "team",
      teamCount: 1,
      options: { submissionRule: "any", maxAttempts: 1 },
    });
    const fac = await console_(session);
    const zoe = await join(session, "Zoé");
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    await zoe.getByRole("button", { name: /Demander un indice/ }).click();
    await expect.poll(() => focused(zoe)).toMatchObject({ tag: "LI", hint: "1" });
    await zoe.getByLabel("Licence Ouverte (Etalab)").check();
    await expect.poll(() => zoe.getByLabel("Licence Ouverte (Etalab)").isChecked()).toBe(true);
    await zoe.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    // The only attempt closes the step: the focus goes to « next step », then to the new title.
    await expect.poll(async () => (await focused(zoe)).text).toContain("Étape suivante");
    await zoe.keyboard.press("Enter");
    await zoe.getByText(`${STEP_2} :`, { exact: false }).first().waitFor();
    await expect.poll(() => focused(zoe)).toMatchObject({ tag: "H1" });
    // Team pace: « reveal » closes the step Zoé's team is on and shows her the answer.
    await fac.getByRole("button", { name: "Révéler la réponse aux équipes en cours d'étape (1)" }).click();
    await fac
      .locator("#reveal-help", { hasText: "Réponse révélée à 1 équipe : son étape en cours est close." })
      .waitFor();
    await zoe.getByRole("heading", { name: "Explication" }).waitFor();
    await zoe.getByText("Étape close : votre équipe n'a proposé aucune réponse (0 point).").waitFor();
    expect(
      await fac
        .getByRole("button", { name: "Révéler la réponse aux équipes en cours d'étape (0)" })
        .isDisabled(),
    ).toBe(true);
    await expectAccessible(fac, "console, team pace, revealed");
    await expectAccessible(zoe, "team pace, revealed by the facilitator");
    await fac.context().close();
    await zoe.context().close();
  }, 90_000);

  it("keeps a categorized item in its place in the Tab order", async () => {
    const session = await create({ scenarioId: "exemple", teamCount: 1 });
    const fac = await console_(session);
    const chloe = await join(session, "Chloé", LAPTOP);
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    await fac.getByRole("button", { name: "Passer l'étape" }).click(); // step 2 sorts documents
    await chloe.locator("#place-etude").waitFor();
    await chloe.locator("#place-etude").focus();
    await chloe.keyboard.press("ArrowDown");
    await expect.poll(() => chloe.locator('[data-item="etude"].placed').count()).toBe(1);
    expect(await chloe.evaluate(() => document.activeElement?.id)).toBe("place-etude");
    await chloe.keyboard.press("Tab");
    expect(await chloe.evaluate(() => document.activeElement?.id)).toBe("place-deliberation");
    await expectAccessible(chloe, "categorize, one item placed");
    await chloe.context().close();
    await fac.context().close();
  });
});
