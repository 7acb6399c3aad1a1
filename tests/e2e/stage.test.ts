/**
 * A whole café in real browsers, recorded (Playwright video): the short route of « Une demande CADA
 * sur le bureau » played by four players in two teams, two on phones and two on laptops, with the
 * facilitator's console and the projected screen (1920×1080). Where the table carries the puzzle's
 * pieces (categorize, order), players move cards on it with the mouse, on a phone and on a laptop;
 * elsewhere they answer through the DOM. Each moment is checked: it happens, it is announced through
 * the live region, the focus goes where a person expects, and reduced motion turns its animation off.
 * The videos (the projected screen and Ana's phone) go to test-results/videos/; with
 * UPDATE_SCREENSHOTS=1 and ffmpeg installed, short animated captures of a reveal, of the podium and
 * of the table in play on the phone are written to docs/media/ for the README.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { routeScenario } from "../../shared/scenario/route.ts";
import { Scenario, type Step } from "../../shared/scenario/schema.ts";
import { frenchTypography } from "../../shared/text/typography.ts";
import {
  chromiumOrSkip,
  createSession,
  expectAccessible,
  ROOT,
  useBrowserServer,
  videoRecordingOrSkip,
} from "./harness.ts";
import { playStep } from "./puzzle-plays.ts";
import { box, drag, layoutWhen, tableLayout } from "./table-drag.ts";

const chromiumPath = chromiumOrSkip("e2e stage");
const recording = chromiumPath !== null && videoRecordingOrSkip("e2e stage");
const full = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "demande-cada.json"), "utf8")));
/** The café plays the scenario's short route (six steps: choice, categorize, order, choice, form,
 *  categorize). */
const steps = routeScenario(full, "short").steps;
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

/** Every run of animation frames, kept in order: a run is a frame callback and the ones it asks for
 *  again from inside itself (the table's game loop while it is awake), from the first request to
 *  its last frame. Motion on the table keeps the loop awake while a card settles (180 ms); without
 *  it the loop draws one frame per change and sleeps. */
const RECORD_FRAME_RUNS = () => {
  interface Run {
    requested: number;
    frames: number;
    last: number;
  }
  const w = window as unknown as { __runs: Run[] };
  w.__runs = [];
  const native = window.requestAnimationFrame.bind(window);
  let inside: { callback: FrameRequestCallback; run: Run } | null = null;
  window.requestAnimationFrame = (callback) => {
    let run = inside?.callback === callback ? inside.run : null;
    if (!run) {
      run = { requested: performance.now(), frames: 0, last: 0 };
      w.__runs.push(run);
    }
    const current = run;
    return native((time) => {
      current.frames += 1;
      current.last = performance.now();
      const outer = inside;
      inside = { callback, run: current };
      try {
        callback(time);
      } finally {
        inside = outer;
      }
    });
  };
};
const resetFrameRuns = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __runs: unknown[] }).__runs = [];
  });
/** The longest run of frames since the last reset: its number of frames and its span (ms). */
const longestFrameRun = (page: Page) =>
  page.evaluate(() => {
    const runs = (window as unknown as { __runs: { requested: number; frames: number; last: number }[] })
      .__runs;
    return {
      runs: runs.length,
      frames: Math.max(0, ...runs.map((run) => run.frames)),
      span: Math.max(0, ...runs.map((run) => run.last - run.requested)),
    };
  });
/** The team's draft as a player's DOM alternative shows it (piles and line). */
const draftShown = (page: Page) =>
  page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLSelectElement>("select[id^='place-']")].map((node) => node.value),
    ...[...document.querySelectorAll(".order-list li")].map((node) => node.getAttribute("data-piece")),
  ]);

async function context(
  browser: Browser,
  viewport: { width: number; height: number },
  label: string,
  errors: string[],
  video?: { width: number; height: number },
  reducedMotion: "reduce" | "no-preference" = "no-preference",
): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport,
    locale: "fr-FR",
    reducedMotion,
    ...(video && recording ? { recordVideo: { dir: VIDEOS, size: video } } : {}),
  });
  await ctx.addInitScript(RECORD_LIVE);
  await ctx.addInitScript(RECORD_FRAME_RUNS);
  const page = await ctx.newPage();
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  page.on("dialog", (dialog) => void dialog.accept());
  return { context: ctx, page };
}

// Buttons are pressed with Enter and Ana plays off the table with the keyboard: a click's
// hit-target check waits for a frame that can take very long to come on a loaded machine.

/** The steps whose pieces lie on the table as cards (the players move them there). */
const onTable = (step: Step) => step.type === "categorize" || step.type === "order";

/** The order of the line as the DOM alternative shows it. */
const lineOf = (page: Page) =>
  page.locator(".order-list li").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-piece")));

/** Where a card goes for the right answer: a pile, or a place in the line. */
function rightPlaces(step: Step): (readonly [string, string | number])[] {
  if (step.type === "categorize")
    return Object.entries(step.solution.buckets).flatMap(([bucket, items]) =>
      items.map((item) => [item, bucket] as const),
    );
  if (step.type === "order") return step.solution.order.map((id, i) => [id, i] as const);
  throw new Error(`no card moves written for ${step.type}`);
}

/** A move confirmed by the player's own DOM alternative (the same draft), generously under load. */
const MOVED = { timeout: 20_000 };

/** Moves cards on the table with the mouse, as a hand does: the first `count` cards of the right
 *  answer, or (half-wrong) one card on a wrong pile, or the last card of the line put
 *  first. A phone's table is opened from its strip first. */
async function moveCards(page: Page, step: Step, right: boolean, count = Number.POSITIVE_INFINITY) {
  const unfold = page.getByRole("button", { name: "Agrandir la table" });
  if ((await unfold.count()) > 0) {
    await unfold.press("Enter");
    await expect
      .poll(async () => (await page.locator("#table-canvas").boundingBox())?.height ?? 0, MOVED)
      .toBeGreaterThan(200);
  }
  const places = rightPlaces(step);
  await layoutWhen(page, (l) => places.every(([id]) => id in l.pieces));
  if (step.type === "categorize") {
    const other = (bucket: string | number) => step.puzzle.buckets.find((b) => b.id !== bucket)?.id as string;
    const moves = right
      ? places.slice(0, count)
      : places.slice(0, 1).map(([id, bucket]) => [id, other(bucket)]);
    for (const [item, bucket] of moves as [string, string][]) {
      const layout = await tableLayout(page);
      await drag(page, box(layout.pieces, item), box(layout.zones, bucket));
      await expect.poll(() => page.locator(`#place-${item}`).inputValue(), MOVED).toBe(bucket);
    }
    return;
  }
  const moves = right ? places.slice(0, count) : [[(await lineOf(page)).at(-1) as string, 0] as const];
  for (const [id, index] of moves as [string, number][]) {
    const line = await lineOf(page);
    if (line[index] === id) continue;
    const layout = await tableLayout(page);
    await drag(page, box(layout.pieces, id), box(layout.pieces, line[index] as string));
    await expect.poll(async () => (await lineOf(page))[index], MOVED).toBe(id);
  }
}

/** A teammate finishes the right answer through the DOM alternative (lists and buttons). */
async function finishInDom(page: Page, step: Step): Promise<void> {
  for (const [id, place] of rightPlaces(step)) {
    if (typeof place === "string") {
      const select = page.locator(`#place-${id}`);
      if ((await select.inputValue()) === place) continue;
      await select.selectOption(place);
      await expect.poll(() => select.inputValue(), MOVED).toBe(place);
      continue;
    }
    const label = step.type === "order" ? step.puzzle.items.find((item) => item.id === id)?.label : id;
    for (let guard = 0; guard < 10; guard++) {
      const at = (await lineOf(page)).indexOf(id);
      if (at <= place) break;
      await page.getByRole("button", { name: `Monter « ${label} »` }).press("Enter");
      await expect.poll(async () => (await lineOf(page)).indexOf(id), MOVED).toBe(at - 1);
    }
  }
}

/** A half-wrong answer through the DOM controls (the right ones are each type's own e2e play). */
async function answerWrong(page: Page, step: Step): Promise<void> {
  switch (step.type) {
    case "form": {
      // The first field only, right; the others left empty.
      const field = step.puzzle.fields[0];
      const control = page.locator(`#field-${field?.id}`);
      await control.fill(step.solution.fields[field?.id as string]?.example ?? "");
      await control.blur();
      return;
    }
    case "choice": {
      const picks = [
        step.solution.correct[0] as string,
        ...step.puzzle.options
          .filter((o) => !step.solution.correct.includes(o.id))
          .map((o) => o.id)
          .slice(0, 1),
      ];
      for (const id of picks) {
        const label = step.puzzle.options.find((o) => o.id === id)?.label ?? id;
        const box = page.getByLabel(label, { exact: true });
        await box.press("Space");
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      return;
    }
    default:
      throw new Error(`no answer written for ${step.type}`);
  }
}

/** A short animated capture for the README, cut from a recording: from `from` to `to` (ms into the
 *  video, at most 9 s), `width` pixels wide, 10 frames a second, on one optimised palette. */
function gif(video: string, name: string, from: number, to: number, width: number): void {
  const seconds = Math.min(9, (to - from) / 1000 + 1);
  execFileSync("ffmpeg", [
    "-y",
    "-ss",
    String(Math.max(0, from / 1000 - 0.3)),
    "-t",
    String(seconds),
    "-i",
    video,
    "-vf",
    `fps=10,scale=${width}:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=96:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`,
    "-loop",
    "0",
    join(MEDIA, name),
  ]);
}

/** When the README's captures are made, the facilitator's pace between two beats of the reveal and
 *  before the whole ranking (a person reads); otherwise nothing. Never an assertion. */
const beat = async (page: Page) => {
  if (process.env.UPDATE_SCREENSHOTS) await page.waitForTimeout(1500);
};

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

describe.skipIf(!chromiumPath)("the stage: a whole café session (real server, real Chromium, video)", () => {
  const env = useBrowserServer(chromiumPath);
  const errors: string[] = [];

  it("opens each step on its character, moves cards on the table, races, reveals in sequence, ends on a podium", async () => {
    mkdirSync(VIDEOS, { recursive: true });
    const { browser } = env;
    const url = env.server.url;
    const created = await createSession(env.server, {
      scenarioId: "demande-cada",
      teamCount: 2,
      teamSize: 2,
      route: "short",
      organisation: "Ville de Bellerive-en-Vaux",
    });
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

    // Four players, two teams: Ana and Chloé on phones, Bruno and David on laptops; Ana's phone is
    // recorded.
    const names = ["Ana", "Bruno", "Chloé", "David"];
    const players: Record<string, Page> = {};
    const contexts: BrowserContext[] = [];
    let anaStart = 0;
    for (const name of names) {
      if (name === "Ana") anaStart = Date.now();
      const side = await context(
        browser,
        name === "Bruno" || name === "David" ? LAPTOP : PHONE,
        name,
        errors,
        name === "Ana" ? { width: 412, height: 915 } : undefined,
      );
      contexts.push(side.context);
      await side.page.goto(`${url}/join/${code}`);
      await side.page.getByLabel("Votre prénom ou pseudo").fill(name);
      await side.page.getByRole("button", { name: "Entrer dans la partie" }).press("Enter");
      await side.page.getByText("Salle d'attente").waitFor();
      players[name] = side.page;
    }
    const teamOf = async (page: Page) =>
      ((await page.getByRole("heading", { name: /^Votre équipe\s*:/ }).textContent()) ?? "")
        .replace(/^Votre équipe\s*:\s*/, "")
        .trim();
    const teams = new Map<string, string[]>();
    for (const name of names) {
      const team = await teamOf(players[name] as Page);
      teams.set(team, [...(teams.get(team) ?? []), name]);
    }
    expect([...teams.values()].map((list) => list.length)).toEqual([2, 2]);
    // Ana's team answers right, Ana (phone) moving the cards; the other team half-wrong, its
    // member on a laptop moving them (that team has one whichever way the players were seated).
    const ana = players.Ana as Page;
    const teamA = await teamOf(ana);
    const teamB = [...teams.keys()].find((team) => team !== teamA) as string;
    const a1 = ana;
    const a2 = players[(teams.get(teamA) as string[]).find((name) => name !== "Ana") as string] as Page;
    const laptopFirst = [...(teams.get(teamB) as string[])].sort(
      (x, y) => Number(players[y]?.viewportSize()?.width) - Number(players[x]?.viewportSize()?.width),
    );
    const [b1, b2] = laptopFirst.map((name) => players[name] as Page) as [Page, Page];
    expect(b1.viewportSize()).toEqual(LAPTOP);
    // Every player is shown with an avatar (drawn offline from the name) and every team with its emblem.
    await expect.poll(() => screen.locator(".stage-players img.avatar").count()).toBe(4);
    await expect.poll(() => screen.locator(".stage-teams .team-badge svg").count()).toBe(2);

    // The first time the table carries pieces, each team's other member watches its mover play:
    // on a table in motion the cards glide into place (the loop stays awake 180 ms: about ten frames),
    // on Chloé's, who prefers reduced motion, they land at once: a frame a change, and the changes of
    // one move (the draft's patch, the mover's hand put down) may follow each other within a run.
    const chloe = players.Chloé as Page;
    const watched = new Set<Page>();
    const moveOnTable = async (mover: Page, watcher: Page, step: Step, right: boolean) => {
      const first = !watched.has(watcher);
      if (first) await resetFrameRuns(watcher);
      await moveCards(mover, step, right, 2);
      if (!first) return;
      watched.add(watcher);
      const moved = await draftShown(mover);
      await expect.poll(() => draftShown(watcher)).toEqual(moved);
      const runs = await longestFrameRun(watcher);
      expect(runs.runs, JSON.stringify(runs)).toBeGreaterThan(0);
      if (watcher === chloe) expect(runs.frames, JSON.stringify(runs)).toBeLessThanOrEqual(4);
      else expect(runs.span, JSON.stringify(runs)).toBeGreaterThanOrEqual(180);
    };

    await fac.getByRole("button", { name: "Lancer la partie" }).press("Enter");
    let revealAt = 0;
    let tableAt = 0;
    let tableEnd = 0;
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
      // (Enter on the button: a click's hit-target check can stall on a loaded machine.)
      await ana.getByRole("button", { name: "Voir l'énigme" }).press("Enter");
      await expect.poll(() => focusedId(ana)).toBe("puzzle-title");
      await ana.locator(".title-card").waitFor({ state: "detached" });

      // Both teams answer; the race shows who proposed, who sent, with live events without content.
      // On the table with the mouse where it carries the pieces, through the DOM elsewhere.
      if (onTable(step)) {
        if (!tableAt) tableAt = Date.now() - anaStart;
        // Ana puts the first cards in place on her phone; her teammate finishes in the DOM.
        await moveOnTable(a1, a2, step, true);
        await finishInDom(a2, step);
        if (!tableEnd) tableEnd = Date.now() - anaStart;
      } else await playStep(a1, step, "keyboard");
      await a1.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).press("Enter");
      await screen.locator(".race-lane", { hasText: teamA }).getByText("réponse proposée").waitFor();
      await screen
        .locator(".event", { hasText: `${teamA} a proposé une réponse` })
        .first()
        .waitFor();
      await a2.getByRole("button", { name: "Je suis d'accord" }).press("Enter");
      await screen.locator(".race-lane", { hasText: teamA }).getByText("réponse envoyée").waitFor();
      if (onTable(step)) await moveOnTable(b1, b2, step, false);
      else await answerWrong(b1, step);
      await b1.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).press("Enter");
      await b2.getByRole("button", { name: "Je suis d'accord" }).press("Enter");
      await screen.locator(".race-lane", { hasText: teamB }).getByText("réponse envoyée").waitFor();
      await expect.poll(() => said(screen)).toContain(`${teamB} a envoyé sa réponse`);
      if (index === 0) {
        await settle(screen);
        await expectAccessible(screen, "projected race");
        await screen.screenshot({ path: join(VIDEOS, "stage-race.png") });
      }

      // The reveal: a sequence stepped with one key.
      await fac.getByRole("button", { name: "Révéler la réponse" }).press("Enter");
      if (index === 0) revealAt = Date.now() - screenStart;
      await screen.locator(".reveal-prompt").waitFor();
      await expect.poll(() => focusedId(screen)).toBe("reveal-title");
      await expect
        .poll(() => said(screen))
        .toContain(frenchTypography(`Révélation de l'étape : ${step.title}`));
      if (index === 0) await beat(screen);
      await screen.keyboard.press("Space");
      await expect.poll(() => screen.locator(".reveal-team").count()).toBe(1);
      if (index === 0) await beat(screen);
      await screen.keyboard.press("ArrowRight");
      await expect.poll(() => screen.locator(".reveal-team").count()).toBe(2);
      // Per item, right or wrong across teams: written, not only coloured.
      expect(await screen.locator(".reveal-grid .mark.bad").count()).toBeGreaterThan(0);
      expect(await screen.locator(".reveal-grid .mark.ok").count()).toBeGreaterThan(0);
      if (index === 0) await beat(screen);
      await screen.keyboard.press("PageDown");
      if (step.type !== "order") {
        await screen.locator(".reveal-missed", { hasText: "Le plus manqué" }).waitFor();
        await screen.locator(".reveal-grid tr.most-missed").waitFor();
      } else await screen.locator(".reveal-missed").waitFor();
      if (index === 0) await beat(screen);
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
      await fac.getByRole("button", { name: "Étape suivante" }).press("Enter");
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
    await beat(screen);
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
    await fac.getByRole("button", { name: "Terminer la session" }).press("Enter");
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

    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(MEDIA, { recursive: true });
      const [screenFile, phoneFile] = videoFiles as [string, string];
      gif(screenFile, "revelation.gif", revealAt, revealEnd, 640);
      gif(screenFile, "podium.gif", podiumAt, podiumEnd, 640);
      gif(phoneFile, "table.gif", tableAt, tableEnd, 320);
      for (const name of ["revelation.gif", "podium.gif", "table.gif"])
        expect(statSync(join(MEDIA, name)).size, name).toBeLessThan(1_500_000);
    }

    expect(errors).toEqual([]);
  }, 1_500_000);
});
