/**
 * Every puzzle type played both ways in real browsers: a team-paced session of scenarios/exemple.json
 * (one step of each registered type), two teams of one, rule « any ». « Souris » plays every step with
 * the mouse, « Clavier » with the keyboard only (proposing and moving on included), each through the
 * type's own e2e play (client/src/puzzles/<type>/e2e.ts); every attempt scores 100 %.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tabTo } from "../../client/src/puzzles/e2e-kit.ts";
import { PUZZLES } from "../../shared/puzzles/registry.ts";
import { Scenario } from "../../shared/scenario/schema.ts";
import {
  chromiumOrSkip,
  createHackathonFromHome,
  expectAccessible,
  joinWaitingRoom,
  ROOT,
  reportCspViolations,
  useBrowserServer,
} from "./harness.ts";
import { type InputMode, playStep } from "./puzzle-plays.ts";

const chromiumPath = chromiumOrSkip("e2e puzzle input");
const exemple = Scenario.parse(JSON.parse(readFileSync(`${ROOT}/scenarios/exemple.json`, "utf8")));

async function open(browser: Browser, errors: string[], label: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  await reportCspViolations(context, label, errors);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  return page;
}

/** Plays every step of exemple with one input mode, proposing alone and moving on. */
async function playAll(page: Page, mode: InputMode): Promise<string[]> {
  const scores: string[] = [];
  for (const [index, step] of exemple.steps.entries()) {
    await page.getByRole("heading", { level: 1, name: step.title }).waitFor();
    await playStep(page, step, mode);
    if (mode === "keyboard") {
      await tabTo(page, '[data-focus-key="propose"]');
      await page.keyboard.press("Enter");
    } else await page.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    const result = page.getByText(/Tentative 1\s:\s\d+\s%/).first();
    await result.waitFor();
    const percent = /Tentative 1\s:\s(\d+)\s%/.exec((await result.textContent()) ?? "")?.[1];
    scores.push(`${step.type}: ${percent} %`);
    // Each type's board with its marks after an attempt, checked once (on the mouse player's page).
    if (mode === "mouse") await expectAccessible(page, `${step.type} after an attempt`);
    if (index === exemple.steps.length - 1) break;
    if (mode === "keyboard") {
      await tabTo(page, '[data-focus-key="advance"]');
      await page.keyboard.press("Enter");
    } else await page.getByRole("button", { name: "Étape suivante" }).click();
  }
  return scores;
}

describe.skipIf(!chromiumPath)(
  "each puzzle type with the mouse and with the keyboard only (real Chromium)",
  () => {
    const run = useBrowserServer(chromiumPath);
    const errors: string[] = [];

    it("plays each step of exemple to 100 % both ways", async () => {
      expect(exemple.steps.map((step) => step.type).sort()).toEqual(PUZZLES.map((type) => type.type).sort());
      const { browser, server } = run;
      const fac = await open(browser, errors, "facilitator");
      const code = await createHackathonFromHome(fac, server.url);

      const players: Page[] = [];
      for (const name of ["Souris", "Clavier"]) {
        players.push(await joinWaitingRoom(await open(browser, errors, name), server.url, code, name));
      }
      const [mouse, keyboard] = players as [Page, Page];
      // Two teams of one: Clavier joins the team Souris is not in, if they were put together.
      const teamOf = async (page: Page) =>
        ((await page.getByRole("heading", { name: /^Votre équipe :/ }).textContent()) ?? "").replace(
          /\s+/g,
          " ",
        );
      await fac.getByText("Clavier").first().waitFor();
      if ((await teamOf(mouse)) === (await teamOf(keyboard))) {
        await keyboard
          .getByRole("button", { name: /^Rejoindre Équipe/ })
          .and(keyboard.locator(":enabled"))
          .first()
          .click();
        await expect.poll(async () => (await teamOf(mouse)) !== (await teamOf(keyboard))).toBe(true);
      }
      await fac.getByRole("button", { name: "Lancer la partie" }).click();

      const [byMouse, byKeyboard] = await Promise.all([
        playAll(mouse, "mouse"),
        playAll(keyboard, "keyboard"),
      ]);
      const expected = exemple.steps.map((step) => `${step.type}: 100 %`);
      expect(byMouse).toEqual(expected);
      expect(byKeyboard).toEqual(expected);
      expect(errors).toEqual([]);
    }, 480_000);
  },
);
