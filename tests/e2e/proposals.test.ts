/**
 * Proposals in Chromium (issue 10): a teammate disagrees with one button and a quick reason, keyboard
 * only; the proposer sees who disagreed and why, and hears it; an edit cancelling the proposal tells
 * its author; a submission stamps the board (still, with reduced motion), then the per-item feedback.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chromiumOrSkip,
  createSessionAndJoin,
  expectAccessible,
  joinAsFacilitator,
  useBrowserServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e proposals");

describe.skipIf(!chromiumPath)("disagreeing, a cancelled proposal, the submission stamp", () => {
  const env = useBrowserServer(chromiumPath);

  /** A player's page: Bruno asked for reduced motion, Ana did not. */
  async function playerPage(name: string): Promise<Page> {
    const context = await env.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "fr-FR",
      reducedMotion: name === "Bruno" ? "reduce" : "no-preference",
    });
    return context.newPage();
  }

  const live = (page: Page) => page.locator("#live");

  it("lets a teammate disagree, tells the proposer why, and tells the author of a cancelled proposal", async () => {
    const { session, players } = await createSessionAndJoin(
      env.server,
      {
        scenarioId: "exemple",
        teamCount: 1,
        teamSize: 3,
        options: { submissionRule: "unanimous", maxAttempts: 3 },
      },
      ["Ana", "Bruno"],
      playerPage,
    );
    const [ana, bruno] = players as [Page, Page];
    const facilitator = await joinAsFacilitator(env.server, session.code, session.facilitatorKey);
    facilitator.send("start", {});
    for (const page of [ana, bruno])
      await page.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).waitFor();

    // Ana picks an option and proposes.
    await ana.getByLabel("Licence Ouverte (Etalab)", { exact: true }).check();
    await ana.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();

    // Bruno disagrees with the keyboard only: one button, a quick reason.
    const reason = bruno.getByRole("button", { name: "Il manque quelque chose" });
    await reason.waitFor();
    await reason.focus();
    await bruno.keyboard.press("Enter");
    await expect.poll(() => reason.getAttribute("aria-pressed")).toBe("true");
    // Ana sees who disagrees and why, and her screen reader says it.
    await ana
      .locator(".objections li", { hasText: "Bruno n'est pas d'accord : « Il manque quelque chose »" })
      .waitFor();
    await expect.poll(() => live(ana).textContent()).toContain("Bruno n'est pas d'accord");
    await expectAccessible(ana, "proposal with a disagreement");

    // Bruno changes the answer instead: Ana's proposal is cancelled, and she is told so.
    await bruno.getByLabel("Open Database License (ODbL)", { exact: true }).check();
    await ana
      .locator(".cancelled", { hasText: "Votre proposition a été annulée : Bruno a modifié la réponse." })
      .waitFor();
    await expect.poll(() => live(ana).textContent()).toContain("Votre proposition a été annulée");
    expect(await bruno.locator(".cancelled").count()).toBe(0);

    // Bruno proposes, Ana agrees: the answer is stamped as sent, then the per-item feedback follows.
    await bruno.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    await ana.getByRole("button", { name: "Je suis d'accord" }).click();
    for (const page of [ana, bruno]) {
      await page.locator(".stamp", { hasText: "Réponse envoyée" }).waitFor();
      await page.locator(".feedback").waitFor();
    }
    const animation = (page: Page) =>
      page.locator(".stamp").evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation(ana)).toBe("stamp-in");
    expect(await animation(bruno)).toBe("none");
    await expect.poll(() => live(bruno).textContent()).toContain("Réponse envoyée");
    await expectAccessible(bruno, "answer stamped");
    await facilitator.leave();
  }, 180_000);
});
