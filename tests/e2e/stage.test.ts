/**
 * The moments of a café session in real browsers, recorded (Playwright video): the projected screen
 * (1920×1080) and Ana's phone play three steps of « Une demande CADA sur le bureau » with four players
 * in two teams. Each moment is checked: it happens, it is announced through the live region, the focus
 * goes where a person expects, and reduced motion turns its animation off.
 * The videos go to test-results/videos/; with UPDATE_SCREENSHOTS=1 and ffmpeg installed, a short
 * animated capture of a reveal and of the podium is written to docs/media/ for the README.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scenario, type Step } from "../../shared/scenario/schema.ts";
import { frenchTypography } from "../../shared/text/typography.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  ROOT,
  type ServerProcess,
  startServer,
  videoRecordingOrSkip,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e stage");
const recording = chromiumPath !== null && videoRecordingOrSkip("e2e stage");
const full = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "demande-cada.json"), "utf8")));
const STEPS = 3;
const steps = full.steps.slice(0, STEPS);
const VIDEOS = join(ROOT, "test-results", "videos");
const MEDIA = join(ROOT, "docs", "media");

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };

/** Every text the live region says, kept in order (a later announcement replaces an earlier one). */
const RECORD_LIVE = () => {
  const said: string[] = [];
  (window as unknown as { __said: string[] }).__said = said;
  new MutationObserver(() => {
    const text = document.getElementById("live")?.textContent?.trim();
    if (text) said.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
};
const said = (page: Page) =>
  page.evaluate(() => (window as unknown as { __said: string[] }).__said.join("\n"));

async function context(
  browser: Browser,
  viewport: { width: number; height: number },
  label: string,
  errors: string[],
  video?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport,
    locale: "fr-FR",
    ...(video && recording ? { recordVideo: { dir: VIDEOS, size: video } } : {}),
  });
  await ctx.addInitScript(RECORD_LIVE);
  const page = await ctx.newPage();
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  page.on("dialog", (dialog) => void dialog.accept());
  return { context: ctx, page };
}

/** The right answer (team 1) or a half-wrong one (team 2), through the DOM controls. */
async function answer(page: Page, step: Step, right: boolean): Promise<void> {
  switch (step.type) {
    case "choice": {
      const picks = right
        ? step.solution.correct
        : [
            step.solution.correct[0] as string,
            ...step.puzzle.options
              .filter((o) => !step.solution.correct.includes(o.id))
              .map((o) => o.id)
              .slice(0, 1),
          ];
      for (const id of picks) {
        const label = step.puzzle.options.find((o) => o.id === id)?.label ?? id;
        const box = page.getByLabel(label, { exact: true });
        await box.check();
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      return;
    }
    case "categorize":
      for (const [bucketId, itemIds] of Object.entries(step.solution.buckets)) {
        for (const itemId of itemIds) {
          const target = right ? bucketId : (step.puzzle.buckets[0]?.id as string);
          await page.locator(`#place-${itemId}`).selectOption(target);
          await expect.poll(() => page.locator(`#place-${itemId}`).inputValue()).toBe(target);
        }
      }
      return;
    case "order": {
      if (!right) return; // the shuffled order, as dealt
      for (let target = 0; target < step.solution.order.length; target++) {
        const itemId = step.solution.order[target] as string;
        const label = step.puzzle.items.find((item) => item.id === itemId)?.label ?? itemId;
        const positionOf = () =>
          page
            .locator(".order-list li .label")
            .evaluateAll(
              (nodes, l) =>
                nodes.findIndex((n) => n.textContent?.replace(/\s+/g, " ").includes(l.replace(/\s+/g, " "))),
              label,
            );
        for (let guard = 0; guard < 10 && (await positionOf()) > target; guard++) {
          const before = await positionOf();
          await page.getByRole("button", { name: `Monter « ${label} »` }).click();
          await expect.poll(positionOf).toBe(before - 1);
        }
      }
      return;
    }
    default:
      throw new Error(`no answer written for ${step.type}`);
  }
}

/** Waits for the running (finite) animations, so a screenshot shows where they land. */
const settle = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ).then(() => undefined),
  );
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const animationOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => getComputedStyle(node).animationName);

describe.skipIf(!chromiumPath)(
  "the stage: moments of a café session (real server, real Chromium, video)",
  () => {
    let server: ServerProcess;
    let handle: BrowserHandle;
    let scenariosDir: string;
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(VIDEOS, { recursive: true });
      ensureClientBuilt();
      // The first three steps of the CADA scenario (choice, categorize, order), story included.
      scenariosDir = mkdtempSync(join(tmpdir(), "datatruc-stage-"));
      const raw = JSON.parse(readFileSync(join(ROOT, "scenarios", "demande-cada.json"), "utf8"));
      raw.steps = raw.steps.slice(0, STEPS);
      delete raw.shortRoute; // it names steps this copy leaves out
      writeFileSync(join(scenariosDir, "demande-cada.json"), JSON.stringify(raw));
      writeFileSync(
        join(scenariosDir, "referentiel.json"),
        readFileSync(join(ROOT, "scenarios", "referentiel.json")),
      );
      server = await startServer("server/main.ts", { SCENARIOS_DIR: scenariosDir });
      handle = await launchBrowser(chromiumPath as string);
    }, 180_000);

    afterAll(async () => {
      await handle?.close();
      await server?.stop();
      if (scenariosDir) rmSync(scenariosDir, { recursive: true, force: true });
    });

    it("opens each step on its character, races, reveals in sequence, ends on a podium", async () => {
      const { browser } = handle;
      const url = server.url;
      const created = (await (
        await fetch(`${url}/api/sessions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            scenarioId: "demande-cada",
            teamCount: 2,
            teamSize: 2,
            organisation: "Ville de Bellerive-en-Vaux",
          }),
        })
      ).json()) as { code: string; facilitatorKey: string };
      const { code, facilitatorKey } = created;

      const { page: fac } = await context(browser, LAPTOP, "facilitator", errors);
      await fac.goto(`${url}/facilitator/${code}#key=${facilitatorKey}`);
      await fac.getByText("Commandes").first().waitFor();

      // The projected screen, recorded, on the facilitator's key (it sees the teams' answers).
      const screenSide = await context(browser, PROJECTOR, "screen", errors, { width: 960, height: 540 });
      const screen = screenSide.page;
      const screenStart = Date.now();
      await screen.goto(`${url}/screen/${code}#key=${facilitatorKey}`);
      await screen.locator(".qr svg").waitFor();

      // Four players, two teams; Ana's phone is recorded.
      const names = ["Ana", "Bruno", "Chloé", "David"];
      const players: Record<string, Page> = {};
      const contexts: BrowserContext[] = [];
      for (const name of names) {
        const side = await context(
          browser,
          name === "Bruno" ? LAPTOP : PHONE,
          name,
          errors,
          name === "Ana" ? { width: 412, height: 915 } : undefined,
        );
        contexts.push(side.context);
        await side.page.goto(`${url}/join/${code}`);
        await side.page.getByLabel("Votre prénom ou pseudo").fill(name);
        await side.page.getByRole("button", { name: "Entrer dans la partie" }).click();
        await side.page.getByText("Salle d'attente").waitFor();
        players[name] = side.page;
      }
      const teamOf = async (page: Page) =>
        ((await page.getByRole("heading", { name: /^Votre équipe\s*:/ }).textContent()) ?? "")
          .replace(/^Votre équipe\s*:\s*/, "")
          .trim();
      const teams = new Map<string, Page[]>();
      for (const name of names) {
        const page = players[name] as Page;
        const team = await teamOf(page);
        teams.set(team, [...(teams.get(team) ?? []), page]);
      }
      expect([...teams.values()].map((list) => list.length)).toEqual([2, 2]);
      const [teamA, teamB] = [...teams.keys()].sort() as [string, string];
      const ana = players.Ana as Page;
      const [a1, a2] = teams.get(teamA) as [Page, Page];
      const [b1, b2] = teams.get(teamB) as [Page, Page];
      // Every player is shown with an avatar (drawn offline from the name) and every team with its emblem.
      await expect.poll(() => screen.locator(".stage-players img.avatar").count()).toBe(4);
      await expect.poll(() => screen.locator(".stage-teams .team-badge svg").count()).toBe(2);

      await fac.getByRole("button", { name: "Lancer la partie" }).click();
      let revealAt = 0;
      let revealEnd = 0;

      for (const [index, step] of steps.entries()) {
        const character = full.story?.characters.find((c) => c.id === step.situation?.character);
        // Step opening, on the projected screen: the character and the situation, then the race.
        const card = screen.locator(".title-card");
        await card.getByRole("heading", { name: step.title }).waitFor();
        await card.getByText(`${character?.name}, ${character?.role}, vous`).waitFor();
        expect(await screen.evaluate(() => document.documentElement.dataset.lastCue)).toBe("step");
        if (index === 0) {
          await expectAccessible(screen, "projected title card");
          // Motion, and none under reduced motion.
          expect(await animationOf(screen, ".title-card")).not.toBe("none");
          await screen.emulateMedia({ reducedMotion: "reduce" });
          expect(await animationOf(screen, ".title-card")).toBe("none");
          await screen.emulateMedia({ reducedMotion: "no-preference" });
        }
        await screen.keyboard.press("Space");
        await screen.locator(".race").waitFor();
        await expect.poll(() => focusedId(screen)).toBe("stage-step");

        // …and on every device, before the puzzle; « Voir l'énigme » puts the focus on the puzzle.
        await ana
          .locator(".title-card")
          .getByText(step.situation?.text as string)
          .waitFor();
        if (index === 0) await expectAccessible(ana, "phone title card");
        await ana.getByRole("button", { name: "Voir l'énigme" }).click();
        await expect.poll(() => focusedId(ana)).toBe("puzzle-title");
        await ana.locator(".title-card").waitFor({ state: "detached" });

        // Both teams answer; the race shows who proposed, who sent, with live events without content.
        await answer(a1, step, true);
        await a1.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
        await screen.locator(".race-lane", { hasText: teamA }).getByText("réponse proposée").waitFor();
        await screen
          .locator(".event", { hasText: `${teamA} a proposé une réponse` })
          .first()
          .waitFor();
        await a2.getByRole("button", { name: "Je suis d'accord" }).click();
        await screen.locator(".race-lane", { hasText: teamA }).getByText("réponse envoyée").waitFor();
        await answer(b1, step, false);
        await b1.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
        await b2.getByRole("button", { name: "Je suis d'accord" }).click();
        await screen.locator(".race-lane", { hasText: teamB }).getByText("réponse envoyée").waitFor();
        await expect.poll(() => said(screen)).toContain(`${teamB} a envoyé sa réponse`);
        if (index === 0) {
          await settle(screen);
          await expectAccessible(screen, "projected race");
          await screen.screenshot({ path: join(VIDEOS, "stage-race.png") });
        }

        // The reveal: a sequence stepped with one key.
        await fac.getByRole("button", { name: "Révéler la réponse" }).click();
        if (index === 0) revealAt = Date.now() - screenStart;
        await screen.locator(".reveal-prompt").waitFor();
        await expect.poll(() => focusedId(screen)).toBe("reveal-title");
        await expect
          .poll(() => said(screen))
          .toContain(frenchTypography(`Révélation de l'étape : ${step.title}`));
        await screen.keyboard.press("Space");
        await expect.poll(() => screen.locator(".reveal-team").count()).toBe(1);
        await screen.keyboard.press("ArrowRight");
        await expect.poll(() => screen.locator(".reveal-team").count()).toBe(2);
        // Per item, right or wrong across teams: written, not only coloured.
        expect(await screen.locator(".reveal-grid .mark.bad").count()).toBeGreaterThan(0);
        expect(await screen.locator(".reveal-grid .mark.ok").count()).toBeGreaterThan(0);
        await screen.keyboard.press("PageDown");
        if (step.type !== "order") {
          await screen.locator(".reveal-missed", { hasText: "Le plus manqué" }).waitFor();
          await screen.locator(".reveal-grid tr.most-missed").waitFor();
        } else await screen.locator(".reveal-missed").waitFor();
        await screen.keyboard.press("Space");
        await screen.locator(".reveal-why").getByText(step.explanation.text).waitFor();
        await screen
          .locator(".reveal-why")
          .getByText(step.explanation.sources[0]?.label as string)
          .first()
          .waitFor();
        if (index === 0) {
          revealEnd = Date.now() - screenStart;
          await expectAccessible(screen, "projected reveal, the why");
          await settle(screen);
          await screen.screenshot({ path: join(VIDEOS, "stage-reveal.png") });
        }
        await fac.getByRole("button", { name: "Étape suivante" }).click();
      }

      // The end: a podium (animated, announced), then one key for the whole ranking.
      await screen.locator(".podium-place").first().waitFor();
      const podiumAt = Date.now() - screenStart;
      expect(await screen.locator(".podium-place").count()).toBe(2);
      expect(await screen.evaluate(() => document.documentElement.dataset.lastCue)).toBe("podium");
      await expect.poll(() => said(screen)).toContain("Podium");
      await expect.poll(() => focusedId(screen)).toBe("podium-title");
      expect(await animationOf(screen, ".podium-place")).not.toBe("none");
      await screen.emulateMedia({ reducedMotion: "reduce" });
      expect(await animationOf(screen, ".podium-place")).toBe("none");
      await screen.emulateMedia({ reducedMotion: "no-preference" });
      await settle(screen);
      await screen.screenshot({ path: join(VIDEOS, "stage-podium.png") });
      await expectAccessible(screen, "projected podium");
      await screen.keyboard.press("Space");
      await screen.getByRole("heading", { name: "Le classement complet" }).waitFor();
      await screen.getByText(full.story?.closing.text as string).waitFor();
      const podiumEnd = Date.now() - screenStart;
      await expectAccessible(screen, "projected whole ranking");

      // Each player's end screen: team rank and points, competences practised, then the attestation.
      await ana.getByRole("heading", { level: 1, name: "Fin de la partie" }).waitFor();
      await ana.getByText(/^Votre équipe, Équipe \d, termine (1re|2e) sur 2$/).waitFor();
      expect(await ana.locator("#end-skills ~ ul li").count()).toBeGreaterThan(0);
      await expectAccessible(ana, "phone end screen");
      await fac.getByRole("button", { name: "Terminer la session" }).click();
      await ana.getByRole("link", { name: "Mon attestation" }).waitFor();

      // The debrief leads with what teams got wrong, with the scenario's discussion questions.
      const debrief = await fac.context().newPage();
      await debrief.goto(`${url}/debrief/${code}`);
      await debrief
        .getByRole("heading", { name: steps[0]?.title as string })
        .first()
        .waitFor();
      await debrief.getByText(steps[0]?.debriefQuestions[0] as string).waitFor();
      await expectAccessible(debrief, "debrief after the session ended");

      // Videos: closing the contexts writes them.
      const screenVideo = screen.video();
      const anaVideo = ana.video();
      await screenSide.context.close();
      for (const ctx of contexts) await ctx.close();
      const videoFiles = [await screenVideo?.path(), await anaVideo?.path()];
      for (const file of videoFiles)
        expect(file && existsSync(file) && statSync(file).size > 10_000, file).toBe(true);

      if (process.env.UPDATE_SCREENSHOTS && videoFiles[0]) {
        mkdirSync(MEDIA, { recursive: true });
        const clip = (from: number, to: number) => [
          "-ss",
          String(from / 1000),
          "-t",
          String(Math.min(8, (to - from) / 1000 + 1)),
        ];
        const gif = (name: string, from: number, to: number) =>
          execFileSync("ffmpeg", [
            "-y",
            ...clip(from, to),
            "-i",
            videoFiles[0] as string,
            "-vf",
            "fps=6,scale=640:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=64[p];[b][p]paletteuse=dither=bayer",
            join(MEDIA, name),
          ]);
        gif("revelation.gif", revealAt, revealEnd);
        gif("podium.gif", podiumAt, podiumEnd);
      }

      expect(errors).toEqual([]);
    }, 600_000);
  },
);
