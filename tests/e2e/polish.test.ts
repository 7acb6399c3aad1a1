/**
 * Issue 9, « makes people hesitate »: each finding from the walk-through, in real Chromium against
 * the real server. Sessions are created through the HTTP API; the facilitator console opens with
 * the key in the address (`#key=`), as on another device.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e polish");

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };

interface Created {
  code: string;
  facilitatorKey: string;
}

describe.skipIf(!chromiumPath)("issue 9 details (real server, real Chromium)", () => {
  let server: ServerProcess;
  let handle: BrowserHandle;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer();
    handle = await launchBrowser(chromiumPath as string);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });

  async function open(browser: Browser, viewport: { width: number; height: number }, label: string) {
    const context = await browser.newContext({ viewport, locale: "fr-FR" });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
    page.on("dialog", (dialog) => void dialog.accept());
    return page;
  }

  async function create(body: Record<string, unknown>): Promise<Created> {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Created;
  }

  async function console_(session: Created): Promise<Page> {
    const fac = await open(handle.browser, LAPTOP, "facilitator");
    await fac.goto(`${server.url}/facilitator/${session.code}#key=${session.facilitatorKey}`);
    await fac.getByRole("button", { name: "Lancer la partie" }).waitFor();
    return fac;
  }

  async function join(session: Created, name: string, viewport = PHONE): Promise<Page> {
    const page = await open(handle.browser, viewport, name);
    await page.goto(`${server.url}/join/${session.code}`);
    await page.getByLabel("Votre prénom ou pseudo").fill(name);
    await page.getByRole("button", { name: "Entrer dans la partie" }).click();
    await page.getByText("Salle d'attente").waitFor();
    return page;
  }

  it("lets the first Tab reach the skip link", async () => {
    const page = await open(handle.browser, LAPTOP, "home");
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Rejoindre une partie" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await expectAccessible(page, "home");
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
    const region = ines.getByRole("region", { name: /Tableau « Quatre lignes/ });
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
    await ines.context().close();
    await fac.context().close();
  });

  it("answers a wrong code with a clear error and a field to fix it, not a name form", async () => {
    const session = await create({ scenarioId: "exemple" });
    const page = await open(handle.browser, PHONE, "wrong code");
    await page.goto(server.url);
    await page.getByLabel("Code de la partie").fill("ZZZZ99");
    await page.getByRole("button", { name: "Rejoindre", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Aucune partie ne porte le code ZZZZ99" }).waitFor();
    expect(await page.getByLabel("Votre prénom ou pseudo").count()).toBe(0);
    expect(await page.getByLabel("Code de la partie").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "home, wrong code");
    // A wrong link: the same error and the code field, then the right code leads to the name form.
    await page.goto(`${server.url}/join/ZZZZ99`);
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
    const page = await open(handle.browser, LAPTOP, "console without key");
    await page.goto(`${server.url}/facilitator/${session.code}`);
    await page.getByRole("alert").waitFor();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByText("Chargement…").count()).toBe(0);
    await expectAccessible(page, "console without key");
    await page.context().close();
  });
});
