/**
 * The chart type's judge variant in real Chromium against the real server, with the guide's example
 * step in a temporary scenario (SCENARIOS_DIR): the shown chart is drawn (lazy chunk, SVG with real
 * text) with its sentence saying the truncated axis and its figure table, no source shown, no CSP
 * violation; a player flags the flaws with the keyboard only (focus stays on the checkbox), the
 * other with the mouse, and the proposal scores 100 %.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserHandle,
  chromiumOrSkip,
  createSessionAndJoin,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  openConsole,
  ROOT,
  reportCspViolations,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e chart judge");

describe.skipIf(!chromiumPath)("chart judge step (real server, real Chromium)", { timeout: 240_000 }, () => {
  let server: ServerProcess;
  let handle: BrowserHandle;
  let dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    dir = mkdtempSync(join(tmpdir(), "datatruc-chart-"));
    copyFileSync(join(ROOT, "scenarios", "referentiel.json"), join(dir, "referentiel.json"));
    const guide = readFileSync(join(ROOT, "docs", "guide-scenarios.md"), "utf8");
    const block = guide.split("<!-- chart-judge-example -->")[1]?.split("```json")[1]?.split("```")[0] ?? "";
    const scenario = JSON.parse(readFileSync(join(ROOT, "scenarios", "exemple.json"), "utf8"));
    scenario.id = "graphique";
    scenario.steps = [JSON.parse(block)];
    delete scenario.shortRoute;
    scenario.metadata.durationMinutes = 5;
    writeFileSync(join(dir, "graphique.json"), JSON.stringify(scenario, null, 2));
    server = await startServer("server/main.ts", { SCENARIOS_DIR: dir });
    handle = await launchBrowser(chromiumPath as string);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(label: string): Promise<Page> {
    const context = await handle.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "fr-FR",
    });
    await reportCspViolations(context, label, errors);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
    return page;
  }

  it("draws the misleading chart and lets a team flag its flaws by keyboard and mouse", async () => {
    const { session, players } = await createSessionAndJoin(
      server,
      { scenarioId: "graphique", teamCount: 1 },
      ["Ana", "Bruno"],
      open,
    );
    const fac = await openConsole(await open("facilitator"), server.url, session);
    const [ana, bruno] = players as [Page, Page];
    await fac.getByRole("button", { name: "Lancer la partie" }).click();

    await ana
      .locator('.chart-figure svg[role="img"][aria-labelledby="chart-sentence"] rect.chart-bar')
      .first()
      .waitFor();
    const sentence = (await ana.locator("#chart-sentence").textContent()) ?? "";
    expect(sentence.replace(/\s+/g, " ")).toContain("commence à 15");
    expect(sentence).not.toContain("Source");
    expect(await ana.locator(".chart-figures tbody tr").count()).toBe(3);
    expect(await ana.locator(".chart-svg text", { hasText: "Social" }).count()).toBe(1);
    await expectAccessible(ana, "chart judge step");

    // Ana, keyboard only: Tab to the first flaw's checkbox, Space; focus stays there.
    for (let i = 0; i < 200; i++) {
      if (
        await ana.evaluate(
          () => (document.activeElement as HTMLElement | null)?.dataset.focusKey === "flaw-axe-tronque",
        )
      )
        break;
      await ana.keyboard.press("Tab");
    }
    await ana.keyboard.press("Space");
    await expect.poll(() => bruno.locator('[data-focus-key="flaw-axe-tronque"]').isChecked()).toBe(true);
    expect(await ana.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey)).toBe(
      "flaw-axe-tronque",
    );
    // Bruno, with the mouse: the missing source.
    await bruno.getByLabel("Ni source ni date").check();
    await expect.poll(() => ana.locator('[data-focus-key="flaw-sans-source"]').isChecked()).toBe(true);

    await bruno.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    await ana.getByRole("button", { name: "Je suis d'accord" }).click();
    for (const page of players) await page.getByText("Tentative 1 : 100 %").first().waitFor();
    expect(errors).toEqual([]);
  });
});
