/**
 * A team-paced session (hackathon) in real browsers: players choose their team in the lobby, the
 * facilitator moves one player and removes another, a team takes a hint, submits alone (rule "any"),
 * gets per-item feedback, moves on by itself, and the projected screen ranks the teams.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
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

const chromiumPath = chromiumOrSkip("e2e hackathon");
const exemple = Scenario.parse(JSON.parse(readFileSync(`${ROOT}/scenarios/exemple.json`, "utf8")));

async function page(browser: Browser, errors: string[], label: string, width = 412): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await reportCspViolations(context, label, errors);
  const p = await context.newPage();
  p.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  p.on("dialog", (dialog) => void dialog.accept());
  return p;
}

describe.skipIf(!chromiumPath)("team-paced session (real server, real Chromium)", () => {
  const env = useBrowserServer(chromiumPath);
  const errors: string[] = [];

  it("lets teams choose, be rearranged, and advance at their own pace", async () => {
    const { browser, server } = env;
    const fac = await page(browser, errors, "facilitator", 1366);
    const code = await createHackathonFromHome(fac, server.url);

    const players: Record<string, Page> = {};
    for (const name of ["Zoé", "Yann", "Xavier"]) {
      players[name] = await joinWaitingRoom(await page(browser, errors, name), server.url, code, name);
    }
    const zoe = players.Zoé as Page;
    const xavier = players.Xavier as Page;

    // Zoé switches team herself; the facilitator moves Yann to the other team.
    const other = zoe
      .getByRole("button", { name: /^Rejoindre Équipe/ })
      .and(zoe.locator(":enabled"))
      .first();
    const chosen = ((await other.textContent()) ?? "").replace("Rejoindre", "").trim();
    await other.click();
    await zoe.getByRole("heading", { name: `Votre équipe : ${chosen}` }).waitFor();
    const yannTeam = await fac.getByLabel("Déplacer Yann vers").inputValue();
    const target = yannTeam === "equipe-1" ? "Équipe 2" : "Équipe 1";
    await fac.getByLabel("Déplacer Yann vers").selectOption({ label: target });
    await (players.Yann as Page).getByRole("heading", { name: `Votre équipe : ${target}` }).waitFor();
    await expectAccessible(zoe, "lobby with team choice");
    await expectAccessible(fac, "console lobby, team pace");

    // Xavier is removed by the facilitator and told so.
    await fac.getByRole("button", { name: "Exclure Xavier" }).click();
    await xavier.getByText("L'animateur vous a retiré de la partie.").waitFor();
    await expectAccessible(xavier, "removed player");

    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    await zoe.getByRole("heading", { level: 1 }).first().waitFor();

    // A hint, then a half-right answer submitted alone: feedback per option and the hint's cost.
    await zoe.getByRole("button", { name: /Demander un indice/ }).click();
    await zoe.locator("#hints-title ~ ol li").first().waitFor();
    await zoe.getByLabel("Licence Ouverte (Etalab)").check();
    await expect.poll(() => zoe.getByLabel("Licence Ouverte (Etalab)").isChecked()).toBe(true);
    await zoe.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    await zoe
      .getByText(/Tentative 1\s: 45 %/)
      .first()
      .waitFor();
    await zoe.locator(".feedback-item.ok").first().waitFor();
    await expectAccessible(zoe, "feedback per item with a hint");

    // Second attempt right: the step closes and the team moves on by itself.
    await zoe.getByLabel("Open Database License (ODbL)").check();
    await expect.poll(() => zoe.getByLabel("Open Database License (ODbL)").isChecked()).toBe(true);
    await zoe.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    await zoe
      .getByText(/Tentative 2\s: 90 %/)
      .first()
      .waitFor();
    await zoe.getByRole("button", { name: "Étape suivante" }).click();
    await zoe.getByText(`Étape 2 sur ${exemple.steps.length}`, { exact: false }).first().waitFor();
    await expectAccessible(zoe, "team moved on");
    await expectAccessible(fac, "console, team pace running");

    // The projected screen ranks the teams.
    const screen = await page(browser, errors, "screen", 1920);
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${server.url}/screen/${code}`);
    await screen.getByRole("heading", { name: "Classement" }).waitFor();
    const first = screen.locator(".leaderboard-row", { hasText: chosen });
    await first.filter({ hasText: "0,9 point" }).waitFor();
    expect(await first.locator(".leaderboard-rank").textContent()).toBe("1");
    await expectAccessible(screen, "projected ranking, team pace");

    expect(errors).toEqual([]);
  }, 240_000);
});
