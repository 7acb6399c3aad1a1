/**
 * The facilitator's printables in real Chromium (issue 12 §4): reached with the facilitator key
 * (`/kit/CODE#key=…`, linked from the console), the kit prints on exactly one A4 page for each
 * scenario; the cards follow on their own pages and show no solution, feedback or hint text;
 * without the key, the page says so and shows nothing.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  createSession,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e kit");
const catalog = loadCatalog("scenarios");
/** Every scenario of the catalogue but the example (a tour of the puzzle types, not played in cafés). */
const SCENARIOS = [...catalog.scenarios.keys()].filter((id) => id !== "exemple");

/** Number of pages of a PDF produced by Chromium. */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe.skipIf(!chromiumPath)("facilitator kit and table cards (real Chromium)", () => {
  let server: ServerProcess;
  let handle: BrowserHandle;
  let page: Page;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer();
    handle = await launchBrowser(chromiumPath as string);
    page = await (await handle.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });

  const create = (scenarioId: string) => createSession(server, { scenarioId });

  it.each(SCENARIOS)(
    "%s: the kit fits one A4 page; the cards follow, without solutions",
    async (id) => {
      const scenario = catalog.scenarios.get(id);
      if (!scenario) throw new Error(`${id} missing`);
      const { code, facilitatorKey } = await create(id);
      await page.goto(`${server.url}/kit/${code}#key=${facilitatorKey}`);
      await page.locator("#kit-title").waitFor();
      await page.locator(".kit-card").first().waitFor();
      await expectAccessible(page, `kit ${id}`);

      const cards = (await page.locator(".kit-cards").textContent()) ?? "";
      expect(await page.locator(".kit-card").count()).toBe(scenario.steps.length);
      for (const step of scenario.steps) {
        const secrets = [...step.hints.map((h) => h.text)];
        if (step.type === "choice") secrets.push(...step.puzzle.options.flatMap((o) => o.feedback ?? []));
        for (const secret of secrets) expect(cards, `${step.id}`).not.toContain(secret.slice(0, 40));
      }
      const withCards = await page.pdf({ format: "A4", printBackground: true });
      expect(pageCount(withCards)).toBeGreaterThan(1);

      await page.getByLabel("Imprimer aussi les cartes", { exact: false }).uncheck();
      await page.locator(".kit-cards").waitFor({ state: "detached" });
      const kitOnly = await page.pdf({ format: "A4", printBackground: true });
      expect(pageCount(kitOnly), `${id}: kit pages`).toBe(1);
    },
    60_000,
  );

  it("without the facilitator key the page shows an error and no kit", async () => {
    const { code } = await create("demande-cada");
    const fresh = await (await handle.browser.newContext()).newPage();
    await fresh.goto(`${server.url}/kit/${code}`);
    await fresh.getByRole("alert").waitFor();
    expect(await fresh.locator(".kit-page").count()).toBe(0);
    const res = await fetch(`${server.url}/api/sessions/${code}/kit`);
    expect(res.status).toBe(401);
    await expectAccessible(fresh, "kit without key");
  }, 60_000);
});
