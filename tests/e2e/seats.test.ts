/**
 * Joining, seats and links in real Chromium against the real server (issue 9 items 1–2, issue 15
 * findings 1, 4, 7):
 * - the QR code and the join link use an address players can reach, even with the facilitator on
 *   `localhost`; the console says so when only a loopback address exists;
 * - a closed tab or a browser restart keeps the seat (same name on the same device gets it back);
 * - another device takes a disconnected seat back with the facilitator's one click or the rejoin code;
 * - after `kill -9` and a restart in the same place, players and console come back without reloading;
 * - issue 9's « Done when »: a café with the facilitator on `localhost`, four players from the QR
 *   code's link, one closing their tab and coming back, one changing device; axe on every screen.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lanAddresses } from "../../server/http/origin.ts";
import { Scenario } from "../../shared/scenario/schema.ts";
import {
  type BrowserHandle,
  type CreatedSession,
  chromiumOrSkip,
  createSession,
  ensureClientBuilt,
  expectAccessible,
  freePort,
  launchBrowser,
  ROOT,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e seats");
const scenario = Scenario.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "exemple.json"), "utf8")));
const firstStep = scenario.steps[0];
if (firstStep?.type !== "choice") throw new Error("exemple.json starts with a choice step");

const PHONE = { width: 412, height: 915 };
const LAPTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };

/** The modules of the QR code of `url` as the projected screen draws it (same library, same options):
 *  the SVG paths' `d` attributes. */
const qrOf = async (url: string) =>
  pathsOf(await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
const pathsOf = (svg: string) => [...svg.matchAll(/\bd="([^"]+)"/g)].map((m) => m[1]);
const drawnQr = async (screen: Page) => pathsOf(await screen.locator(".qr").innerHTML());

describe.skipIf(!chromiumPath)("joining, seats and links (real server, real Chromium)", () => {
  let handle: BrowserHandle;
  const servers: ServerProcess[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    handle = await launchBrowser(chromiumPath as string);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    for (const server of servers) await server.stop();
  }, 120_000);

  async function serve(env: Record<string, string>, place?: { port: number; dataDir?: string }) {
    const server = await startServer("server/main.ts", env, place);
    servers.push(server);
    return server;
  }

  async function device(browser: Browser, viewport: { width: number; height: number }, label: string) {
    const context = await browser.newContext({ viewport, locale: "fr-FR" });
    watch(context, label);
    return context;
  }

  function watch(context: BrowserContext, label: string): void {
    context.on("page", (page) => {
      page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
      page.on("dialog", (dialog) => void dialog.accept());
    });
  }

  /** A session of one team of six at `url` (the server, or its public address). */
  const create = (url: string) =>
    createSession({ url }, { scenarioId: "exemple", teamCount: 1, teamSize: 6 });

  /** The facilitator console, opened on `localhost` with the key in the fragment. */
  async function facilitatorConsole(port: number, session: CreatedSession): Promise<Page> {
    const context = await device(handle.browser, LAPTOP, "facilitator");
    const fac = await context.newPage();
    await fac.goto(`http://localhost:${port}/facilitator/${session.code}#key=${session.facilitatorKey}`);
    await fac.getByRole("heading", { name: /Commandes/ }).waitFor();
    return fac;
  }

  /** A player opens `joinUrl` and types `name`. */
  async function typeName(page: Page, joinUrl: string, name: string): Promise<void> {
    await page.goto(joinUrl);
    await page.getByLabel("Votre prénom ou pseudo").fill(name);
    await page.getByRole("button", { name: "Entrer dans la partie" }).click();
  }

  /** A player joins at `joinUrl` with `name`; lands in the lobby or on the board. */
  async function joinAt(page: Page, joinUrl: string, name: string): Promise<void> {
    await typeName(page, joinUrl, name);
    await page.waitForURL(/\/play\//);
  }

  const online = (fac: Page, name: string) =>
    fac.locator(".player-row", { hasText: name }).locator(".badge.ok").waitFor();
  const offline = (fac: Page, name: string) =>
    fac.locator(".player-row", { hasText: name }).locator(".badge.off").waitFor();
  const onBoard = (page: Page) => page.getByRole("heading", { level: 1, name: firstStep.title }).waitFor();

  it("points the QR code and the join link at the network address when the facilitator is on localhost", async () => {
    const server = await serve({ HOST: "0.0.0.0" });
    const session = await create(server.url);
    const fac = await facilitatorConsole(server.port, session);
    const screen = await fac.context().newPage();
    await screen.setViewportSize(PROJECTOR);
    await screen.goto(`http://localhost:${server.port}/screen/${session.code}`);
    await screen.locator(".qr svg").waitFor();
    const qrUrl = await screen.locator(".qr").getAttribute("data-url");
    const lan = lanAddresses()[0];
    if (lan) {
      // Phones reach this machine at its network address: the QR code and the console's link say it.
      const expected = `http://${lan}:${server.port}/join/${session.code}`;
      expect(qrUrl).toBe(expected);
      expect(await drawnQr(screen)).toEqual(await qrOf(expected));
      expect(await fac.locator(".join-link").getAttribute("href")).toBe(expected);
      expect(await fac.getByText("n’a qu’une adresse locale").count()).toBe(0);
      // A player follows the QR code's link.
      const phone = await (await device(handle.browser, PHONE, "phone")).newPage();
      await joinAt(phone, qrUrl as string, "Ana");
      await online(fac, "Ana");
    } else {
      // No network interface: the console says that phones cannot join.
      await fac.getByText("n’a qu’une adresse locale").waitFor();
    }
    // Without PUBLIC_URL, the console warns that verification links will not last.
    await fac.getByText("définissez PUBLIC_URL").first().waitFor();
    await expectAccessible(fac, "console: join link and link warnings");
    await expectAccessible(screen, "projected screen: QR code");
    expect(errors).toEqual([]);
  }, 180_000);

  it("brings players and the console back without reloading after kill -9 and a restart", async () => {
    const first = await serve({});
    const session = await create(first.url);
    const fac = await facilitatorConsole(first.port, session);
    // Bound to 127.0.0.1 without PUBLIC_URL: phones cannot join, and the console says so.
    await fac.getByText("n’a qu’une adresse locale").waitFor();
    const pages: Page[] = [];
    for (const name of ["Ana", "Bruno"]) {
      const page = await (await device(handle.browser, PHONE, name)).newPage();
      await joinAt(page, `${first.url}/join/${session.code}`, name);
      pages.push(page);
    }
    for (const name of ["Ana", "Bruno"]) await online(fac, name);
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    for (const page of pages) await onBoard(page);
    const [ana, bruno] = pages as [Page, Page];
    const option = firstStep.puzzle.options[0]?.label as string;
    await ana.getByLabel(option, { exact: true }).check();
    await expect.poll(() => bruno.getByLabel(option, { exact: true }).isChecked()).toBe(true);
    // Marks that a reload would erase.
    for (const page of [...pages, fac])
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await first.kill();
    for (const page of pages) {
      await page.locator(".conn-banner", { hasText: "reconnexion en cours" }).waitFor();
    }
    const second = await serve({}, { port: first.port, dataDir: first.dataDir });
    for (const page of pages) {
      await page.locator(".conn-banner").waitFor({ state: "detached", timeout: 60_000 });
      await onBoard(page);
      expect(await page.getByLabel(option, { exact: true }).isChecked()).toBe(true);
    }
    for (const name of ["Ana", "Bruno"]) await online(fac, name);
    for (const page of [...pages, fac]) {
      expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    // The game goes on: Bruno's edit reaches Ana.
    const other = firstStep.puzzle.options[1]?.label as string;
    await bruno.getByLabel(other, { exact: true }).check();
    await expect.poll(() => ana.getByLabel(other, { exact: true }).isChecked()).toBe(true);
    expect(second.output()).toContain("live sessions restored");
    expect(errors).toEqual([]);
  }, 400_000);

  it("plays a café: facilitator on localhost, four players from the QR code's link, a closed tab, a device change", async () => {
    // PUBLIC_URL names the address players reach; the facilitator works on http://localhost.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    await serve({ PUBLIC_URL: publicUrl }, { port });
    const session = await create(publicUrl);
    const fac = await facilitatorConsole(port, session);
    const screen = await fac.context().newPage();
    await screen.setViewportSize(PROJECTOR);
    await screen.goto(`http://localhost:${port}/screen/${session.code}`);
    await screen.locator(".qr svg").waitFor();
    const qrUrl = (await screen.locator(".qr").getAttribute("data-url")) as string;
    expect(qrUrl).toBe(`${publicUrl}/join/${session.code}`);
    expect(await drawnQr(screen)).toEqual(await qrOf(qrUrl));
    expect(await fac.locator(".join-link").getAttribute("href")).toBe(qrUrl);
    expect(await fac.getByText("définissez PUBLIC_URL").count()).toBe(0);
    await expectAccessible(screen, "café: projected screen");

    // Four players join from the QR code's link: two phones, two laptops.
    const names = ["Ana", "Bruno", "Chloé", "Denis"];
    const contexts = new Map<string, BrowserContext>();
    const players = new Map<string, Page>();
    for (const [index, name] of names.entries()) {
      const context = await device(handle.browser, index % 2 === 0 ? PHONE : LAPTOP, name);
      const page = await context.newPage();
      if (index === 0) {
        await page.goto(qrUrl);
        await page.getByLabel("Votre prénom ou pseudo").waitFor();
        await expectAccessible(page, "café: join form");
      }
      await joinAt(page, qrUrl, name);
      await page.getByText("Salle d'attente").waitFor();
      contexts.set(name, context);
      players.set(name, page);
    }
    for (const name of names) await online(fac, name);
    await expectAccessible(players.get("Ana") as Page, "café: lobby");
    await fac.getByRole("button", { name: "Lancer la partie" }).click();
    for (const page of players.values()) await onBoard(page);
    await expectAccessible(players.get("Bruno") as Page, "café: board");

    // Bruno closes his tab, then reopens the QR code's link and types his name: same seat.
    const option = firstStep.puzzle.options[0]?.label as string;
    await (players.get("Bruno") as Page).getByLabel(option, { exact: true }).check();
    await (players.get("Bruno") as Page).close();
    await offline(fac, "Bruno");
    const bruno = await (contexts.get("Bruno") as BrowserContext).newPage();
    await bruno.goto(qrUrl);
    await bruno.getByRole("button", { name: "Reprendre ma place : Bruno" }).waitFor();
    await expectAccessible(bruno, "café: join form with this device's seat");
    await bruno.getByLabel("Votre prénom ou pseudo").fill("bruno");
    await bruno.getByRole("button", { name: "Entrer dans la partie" }).click();
    await onBoard(bruno);
    expect(await bruno.getByLabel(option, { exact: true }).isChecked()).toBe(true);
    await online(fac, "Bruno");
    players.set("Bruno", bruno);

    // Ana restarts her browser (localStorage stays, the tab's sessionStorage is gone): same seat.
    const anaStorage = await (contexts.get("Ana") as BrowserContext).storageState();
    await (contexts.get("Ana") as BrowserContext).close();
    await offline(fac, "Ana");
    const anaAgain = await handle.browser.newContext({
      viewport: PHONE,
      locale: "fr-FR",
      storageState: anaStorage,
    });
    watch(anaAgain, "Ana (browser restarted)");
    const ana = await anaAgain.newPage();
    await ana.goto(qrUrl);
    await ana.getByRole("button", { name: "Reprendre ma place : Ana" }).click();
    await onBoard(ana);
    await online(fac, "Ana");
    contexts.set("Ana", anaAgain);
    players.set("Ana", ana);

    // Chloé's phone dies; she goes on with a laptop: the facilitator confirms in one click.
    await (contexts.get("Chloé") as BrowserContext).close();
    await offline(fac, "Chloé");
    const laptop = await (await device(handle.browser, LAPTOP, "Chloé (laptop)")).newPage();
    await typeName(laptop, qrUrl, "Chloé");
    await laptop.getByRole("heading", { name: "« Chloé » est une place déconnectée" }).waitFor();
    await expectAccessible(laptop, "café: claim of a disconnected seat");
    await laptop.getByRole("button", { name: "Demander à l’animateur de confirmer" }).click();
    await laptop.getByText("l’animateur doit confirmer").waitFor();
    await expectAccessible(laptop, "café: claim waiting for the facilitator");
    await fac.getByText("Chloé demande à reprendre sa place").waitFor();
    await expectAccessible(fac, "café: console with a claim");
    await fac.getByRole("button", { name: "Confirmer que Chloé reprend sa place" }).click();
    await onBoard(laptop);
    await online(fac, "Chloé");
    await fac.getByText("Chloé : place reprise sur un autre appareil").waitFor();
    players.set("Chloé", laptop);

    // Denis changes device too, with the rejoin code shown on his phone.
    const denisPhone = players.get("Denis") as Page;
    const rejoinText = (await denisPhone.locator(".rejoin-code").textContent()) ?? "";
    const rejoinCode = /([A-Z0-9]{6})/.exec(rejoinText)?.[1] as string;
    expect(rejoinCode).toBeTruthy();
    await (contexts.get("Denis") as BrowserContext).close();
    await offline(fac, "Denis");
    const denis = await (await device(handle.browser, PHONE, "Denis (new phone)")).newPage();
    await typeName(denis, qrUrl, "Denis");
    await denis.getByLabel("Code de reprise").fill(rejoinCode.toLowerCase());
    await denis.getByRole("button", { name: "Reprendre ma place avec ce code" }).click();
    await onBoard(denis);
    await online(fac, "Denis");
    players.set("Denis", denis);

    // The team answers together and the café goes to its end.
    for (const item of firstStep.puzzle.options) {
      const box = ana.getByLabel(item.label, { exact: true });
      if (firstStep.solution.correct.includes(item.id) !== (await box.isChecked())) await box.click();
    }
    await ana.getByRole("button", { name: "Proposer cette réponse à l'équipe" }).click();
    for (const name of ["Bruno", "Chloé"]) {
      await (players.get(name) as Page).getByRole("button", { name: "Je suis d'accord" }).click();
    }
    for (const page of players.values()) await page.getByText("Tentative 1 : 100 %").first().waitFor();
    await fac.getByRole("button", { name: "Terminer la session" }).click();
    for (const name of ["Chloé", "Denis"]) {
      await (players.get(name) as Page).getByRole("link", { name: "Mon attestation" }).waitFor();
    }
    // The attestation shows the seat's rejoin code on the device that holds the seat.
    const denisAttestation = players.get("Denis") as Page;
    await denisAttestation.getByRole("link", { name: "Mon attestation" }).click();
    await expect
      .poll(() => denisAttestation.getByTestId("att-rejoin-code").textContent())
      .toMatch(/Code de reprise .*[A-Z0-9]{6}/);
    await expectAccessible(fac, "café: console at the end");
    expect(errors).toEqual([]);
  }, 600_000);
});
