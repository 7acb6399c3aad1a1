/**
 * Issue 15's « Done when »: a session played in Chromium through the nginx of docs/deploy.md, in front
 * of two Datatruc processes sharing Redis and PostgreSQL, survives a SIGTERM restart and a `kill -9`
 * restart of the process that hosts its room: every player (and the console) is back in their seat
 * without reloading the page, with the team's draft and score intact, and the game goes on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Scenario } from "../../shared/scenario/schema.ts";
import { hasNginx, type NginxPorts, nginxPorts, publicAddress, startDeployNginx } from "../support/nginx.ts";
import {
  hasPostgres,
  hasRedis,
  requireService,
  roomHost,
  startPostgres,
  startRedis,
} from "../support/services.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  createSession,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  ROOT,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e nginx restarts");
const available =
  requireService("nginx", hasNginx, "apt-get install nginx") &&
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");
const scenario = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "exemple.json"), "utf8")));
const [firstStep, secondStep] = scenario.steps;
if (firstStep?.type !== "choice" || !secondStep) throw new Error("exemple.json starts with a choice step");

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };
/** Reconnection waits: a restart, the restore and the clients' backoff (up to 15 s) on a loaded machine. */
const BACK = { timeout: 120_000 };

describe.skipIf(!chromiumPath || !available)(
  "a session through nginx survives restarts (real Chromium)",
  () => {
    let handle: BrowserHandle;
    const stops: (() => Promise<void>)[] = [];
    const errors: string[] = [];

    beforeAll(async () => {
      ensureClientBuilt();
      handle = await launchBrowser(chromiumPath as string);
    }, 180_000);

    afterAll(async () => {
      await handle?.close();
      for (const stop of stops.reverse()) await stop();
    }, 120_000);

    async function device(browser: Browser, viewport: { width: number; height: number }, label: string) {
      const context = await browser.newContext({ viewport, locale: "fr-FR" });
      context.on("page", (page) => {
        page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
        page.on("dialog", (dialog) => void dialog.accept());
      });
      return context.newPage();
    }

    it("brings every player back in their seat without reloading, after a SIGTERM and a kill -9 restart of the room's process", async () => {
      const redis = await startRedis();
      stops.push(() => redis.stop());
      const postgres = await startPostgres();
      stops.push(() => postgres.stop());
      const databaseUrl = await postgres.database("restarts");
      const ports: NginxPorts = await nginxPorts();
      const processes = new Map<1 | 2, ServerProcess>();
      const serve = async (index: 1 | 2, dataDir?: string) => {
        const port = index === 1 ? ports.p1 : ports.p2;
        const server = await startServer(
          "server/main.ts",
          {
            PUBLIC_ADDRESS: publicAddress(ports, index),
            REDIS_URL: redis.url,
            DATABASE_URL: databaseUrl,
            SKIP_CLIENT_BUILD: "1",
          },
          { port, dataDir },
        );
        processes.set(index, server);
        stops.push(() => server.stop());
        return server;
      };
      await serve(1);
      await serve(2);
      const nginxDir = mkdtempSync(join(tmpdir(), "datatruc-nginx-"));
      const nginx = await startDeployNginx(nginxDir, ports);
      stops.push(async () => {
        await nginx.stop();
        rmSync(nginxDir, { recursive: true, force: true });
      });

      const session = await createSession(nginx, { scenarioId: "exemple", teamCount: 1, teamSize: 6 });
      const fac = await device(handle.browser, LAPTOP, "facilitator");
      await fac.goto(`${nginx.url}/facilitator/${session.code}#key=${session.facilitatorKey}`);
      await fac.getByRole("heading", { name: /Commandes/ }).waitFor();

      const names = ["Ana", "Bruno", "Chloé"];
      const players = new Map<string, Page>();
      for (const [index, name] of names.entries()) {
        const page = await device(handle.browser, index === 1 ? LAPTOP : PHONE, name);
        await page.goto(`${nginx.url}/join/${session.code}`);
        await page.getByLabel("Votre prénom ou pseudo").fill(name);
        await page.getByRole("button", { name: "Entrer dans la partie" }).click();
        await page.waitForURL(/\/play\//);
        players.set(name, page);
      }
      const online = (name: string) =>
        fac.locator(".player-row", { hasText: name }).locator(".badge.ok").waitFor(BACK);
      for (const name of names) await online(name);
      await fac.getByRole("button", { name: "Lancer la partie" }).click();
      const onStep = (page: Page, title: string) =>
        page.getByRole("heading", { level: 1, name: title }).waitFor(BACK);
      for (const page of players.values()) await onStep(page, firstStep.title);
      const ana = players.get("Ana") as Page;
      const bruno = players.get("Bruno") as Page;
      const box = (page: Page, index: number) =>
        page.getByLabel(firstStep.puzzle.options[index]?.label as string, { exact: true });
      await box(ana, 0).check();
      await expect.poll(() => box(bruno, 0).isChecked(), BACK).toBe(true);
      // A mark that a reload would erase.
      const everyone = [...players.values(), fac];
      for (const page of everyone) await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      /** Stops the process hosting the room (`how`), waits until every player sees the drop, starts it
       *  again in the same place, and waits until every player and the console are back. */
      const restartHost = async (how: "terminate" | "kill") => {
        const index = (await roomHost(redis.url, session.code)).endsWith("/p1") ? 1 : 2;
        const host = processes.get(index) as ServerProcess;
        await host[how]();
        if (how === "terminate") expect(host.output()).toContain('"msg":"stopped"');
        for (const page of players.values()) {
          await page.locator(".conn-banner", { hasText: "reconnexion en cours" }).waitFor(BACK);
        }
        const again = await serve(index, host.dataDir);
        for (const page of everyone) {
          await page.locator(".conn-banner").waitFor({ state: "detached", ...BACK });
        }
        for (const name of names) await online(name);
        for (const page of everyone) {
          expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
        }
        return again;
      };

      // (a) SIGTERM restart: seats, board and draft are back; the game goes on.
      const afterTerm = await restartHost("terminate");
      for (const page of players.values()) {
        await onStep(page, firstStep.title);
        await expect.poll(() => box(page, 0).isChecked(), BACK).toBe(true);
      }
      await expectAccessible(ana, "board after a SIGTERM restart behind nginx");
      await box(bruno, 1).check();
      await expect.poll(() => box(ana, 1).isChecked(), BACK).toBe(true);
      // The team answers: Ana proposes the right options, Bruno agrees (majority of three).
      for (const [index, option] of firstStep.puzzle.options.entries()) {
        const wanted = firstStep.solution.correct.includes(option.id);
        if ((await box(ana, index).isChecked()) !== wanted) await box(ana, index).click();
      }
      await ana.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
      await bruno.getByRole("button", { name: "Je suis d'accord" }).click(BACK);
      for (const page of players.values()) await page.getByText("Tentative 1 : 100 %").first().waitFor(BACK);
      const progress = fac.getByText(/:\sétape\s1,\s\d+\spoints?/).first();
      await progress.waitFor(BACK);
      const scoreLine = (await progress.textContent()) as string;
      expect(scoreLine).not.toMatch(/\s0\spoint/);

      // (b) kill -9 restart: seats, the submitted attempt and the team's points are back; the game goes on.
      const afterKill = await restartHost("kill");
      for (const page of players.values()) {
        await onStep(page, firstStep.title);
        await page.getByText("Tentative 1 : 100 %").first().waitFor(BACK);
      }
      await fac.getByText(scoreLine, { exact: true }).waitFor(BACK);
      await expectAccessible(fac, "console after a kill -9 restart behind nginx");
      await fac.getByRole("button", { name: "Révéler la réponse" }).click();
      for (const page of players.values())
        await page.getByText(firstStep.explanation.text).first().waitFor(BACK);
      await fac.getByRole("button", { name: "Étape suivante" }).click();
      for (const page of players.values()) await onStep(page, secondStep.title);
      expect(`${afterTerm.output()}${afterKill.output()}`).toContain("live sessions restored");
      expect(errors).toEqual([]);
    }, 900_000);
  },
);
