/**
 * Issue 9 item 3, measured in real Chromium: the JavaScript each screen downloads (bytes on the
 * wire, as served compressed) and the frames the Phaser table draws while nothing happens.
 * The numbers go to test-results/weight.json and the console; the test asserts that every script
 * comes compressed and that an idle board draws nothing for 10 seconds.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chromiumOrSkip,
  createSession,
  expectAccessible,
  joinWaitingRoom,
  openConsole,
  ROOT,
  useBrowserServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e weight");

/** Counts WebGL draw calls, and the animation frames that drew, from the page's first script on. */
const COUNTERS = () => {
  const w = window as unknown as { __draws: number; __frames: number; __frameTime: unknown };
  w.__draws = 0;
  w.__frames = 0;
  w.__frameTime = null;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of [
      "drawArrays",
      "drawElements",
      "drawArraysInstanced",
      "drawElementsInstanced",
    ] as const) {
      const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
      if (!original) continue;
      (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        w.__draws += 1;
        // One timeline time per rendered frame: a new one is a new frame drawn.
        if (document.timeline.currentTime !== w.__frameTime) {
          w.__frameTime = document.timeline.currentTime;
          w.__frames += 1;
        }
        return original.apply(this, args);
      };
    }
  }
};

interface Scripts {
  files: { url: string; encoding: string; wireBytes: number }[];
}

async function open(browser: Browser, width: number, scripts: Scripts): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "fr-FR" });
  await context.addInitScript(COUNTERS);
  const page = await context.newPage();
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
      scripts.files.push({
        url: new URL(request.url()).pathname,
        encoding: response?.headers()["content-encoding"] ?? "identity",
        wireBytes: sizes.responseBodySize,
      });
    });
  });
  return page;
}

const total = (scripts: Scripts) => scripts.files.reduce((sum, file) => sum + file.wireBytes, 0);
const counters = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __draws: number; __frames: number };
    return { draws: w.__draws, frames: w.__frames };
  });

describe.skipIf(!chromiumPath)("what a phone downloads and draws (real server, real Chromium)", () => {
  const env = useBrowserServer(chromiumPath);

  it("serves every script compressed and leaves an idle board undrawn", async () => {
    const { browser, server } = env;
    // Team pace without a session timer: once the board is shown, nothing changes on it.
    const session = await createSession(server, {
      scenarioId: "exemple",
      pace: "team",
      teamCount: 1,
      options: { sessionTimeSeconds: null },
    });
    const screens: Record<string, Scripts> = {
      home: { files: [] },
      console: { files: [] },
      projected: { files: [] },
      board: { files: [] },
    };

    const home = await open(browser, 412, screens.home as Scripts);
    await home.goto(server.url);
    await home.getByRole("heading", { name: "Rejoindre une partie" }).waitFor();

    const fac = await openConsole(await open(browser, 1366, screens.console as Scripts), server.url, session);

    const screen = await open(browser, 1920, screens.projected as Scripts);
    await screen.goto(`${server.url}/screen/${session.code}`);
    await screen.locator(".qr svg").waitFor();

    const phone = await joinWaitingRoom(
      await open(browser, 412, screens.board as Scripts),
      server.url,
      session.code,
      "Ana",
    );
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    await phone.locator("#table-canvas canvas").waitFor();
    // The table has drawn its picture…
    await expect.poll(async () => (await counters(phone)).draws).toBeGreaterThan(0);
    await expectAccessible(phone, "board, team pace");
    await phone.evaluate(() => document.fonts.ready);
    await phone.waitForTimeout(1000); // (let a pending redraw, e.g. the web font, happen)
    // …then nothing happens for 10 seconds: no frame, no draw call.
    const before = await counters(phone);
    await phone.waitForTimeout(10_000);
    const after = await counters(phone);
    const idle = { frames: after.frames - before.frames, draws: after.draws - before.draws };

    const report = {
      jsOnTheWire: Object.fromEntries(
        Object.entries(screens).map(([name, scripts]) => [
          name,
          {
            bytes: total(scripts),
            files: scripts.files.length,
            encodings: [...new Set(scripts.files.map((f) => f.encoding))],
          },
        ]),
      ),
      idleBoard10s: idle,
    };
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    writeFileSync(join(ROOT, "test-results", "weight.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`[weight] ${JSON.stringify(report)}`);

    for (const [name, scripts] of Object.entries(screens)) {
      expect(scripts.files.length, `${name}: scripts loaded`).toBeGreaterThan(0);
      for (const file of scripts.files) expect(file.encoding, `${name} ${file.url}`).toMatch(/^(br|gzip)$/);
    }
    // The board with Phaser was 1.7 MB uncompressed; compressed it is about a quarter of that.
    expect(total(screens.board as Scripts)).toBeLessThan(600 * 1024);
    expect(idle).toEqual({ frames: 0, draws: 0 });
  }, 120_000);
});
