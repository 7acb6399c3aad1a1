/**
 * End-to-end harness: finds Debian's Chromium, builds the client when it is stale, starts the real
 * server as a child process on a free port with a temporary database, and launches headless
 * browsers with a fresh profile. No Chromium: the browser tests are skipped loudly, except under CI
 * where they fail.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type CreatedSession, createSession, type Reachable } from "../server/harness.ts";

/** Sessions are created, and the facilitator joins through the SDK, as in the server tests. */
export { type CreatedSession, createSession, joinAsFacilitator } from "../server/harness.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
/** Screenshots land in test-results/screenshots (ignored by git); `UPDATE_SCREENSHOTS=1` writes
 *  them to docs/screenshots/, the ones the README shows. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, "docs", "screenshots")
  : join(ROOT, "test-results", "screenshots");

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function findChromium(): string | null {
  return CANDIDATES.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/** The Chromium path, or null after a loud warning (tests skip). Throws under CI. */
export function chromiumOrSkip(suite: string): string | null {
  const path = findChromium();
  if (path) return path;
  const message = `\n${"!".repeat(78)}\n!! ${suite}: Chromium introuvable (/usr/bin/chromium). Tests navigateur IGNORÉS.\n!! Installez-le : apt-get install chromium (ou CHROMIUM_PATH=…)\n${"!".repeat(78)}\n`;
  if (process.env.CI) throw new Error(`${suite}: Chromium is required when CI is set.${message}`);
  console.warn(message);
  return null;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/client when missing or older than the client or shared sources. */
export function ensureClientBuilt(): void {
  const index = join(ROOT, "dist", "client", "index.html");
  const sources = Math.max(newestMtime(join(ROOT, "client")), newestMtime(join(ROOT, "shared")));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** `kill -9`: the process dies at once; its database stays for a restart in the same place. */
  kill(): Promise<void>;
  /** SIGTERM, as systemd stops it (graceful); its database stays for a restart in the same place. */
  terminate(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` with PORT and a temporary DATABASE_PATH; waits for /healthz.
 *  `place` restarts a server where another one ran (same port and data directory). */
export async function startServer(
  script = "server/main.ts",
  env: Record<string, string> = {},
  place: { port?: number; dataDir?: string } = {},
): Promise<ServerProcess> {
  const port = place.port ?? (await freePort());
  const dataDir = place.dataDir ?? mkdtempSync(join(tmpdir(), "datatruc-e2e-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dataDir, "e2e.sqlite"),
      PUBLIC_URL: "",
      CREATE_PER_HOUR: "10000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const terminate = async () => {
    if (!running()) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    await terminate();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (!running()) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, port, dataDir, output: () => output, kill, terminate, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not answer /healthz:\n${output}`);
}

export interface BrowserHandle {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium; Playwright gives every launch a fresh temporary profile (user-data dir), and each
 * player gets its own browser context (separate storage). WebGL runs through SwiftShader.
 */
export async function launchBrowser(executablePath: string): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--enable-unsafe-swiftshader",
    ],
  });
  return { browser, close: () => browser.close() };
}

export interface NetworkLink {
  url: string;
  /** Cuts every open connection and refuses new ones until `restore()`: a network drop. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP relay in front of the server, so a test can drop one browser's network for real. */
export async function startNetworkLink(targetUrl: string): Promise<NetworkLink> {
  const target = new URL(targetUrl);
  const sockets = new Set<import("node:net").Socket>();
  let blocked = false;
  const relay = createServer((incoming) => {
    if (blocked) {
      incoming.destroy();
      return;
    }
    const outgoing = connect(Number(target.port), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    incoming.pipe(outgoing);
    outgoing.pipe(incoming);
    incoming.on("close", () => outgoing.destroy());
    outgoing.on("close", () => incoming.destroy());
  });
  const port = await new Promise<number>((resolvePort) => {
    relay.listen(0, "127.0.0.1", () => {
      const address = relay.address();
      resolvePort(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      blocked = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      blocked = false;
    },
    close: () =>
      new Promise((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolveClose());
      }),
  };
}

/**
 * Runs axe-core on the page as it is now and throws, listing every violation (rule, impact, target,
 * summary), unless there is none. Every e2e test calls it on each screen state it visits;
 * `tests/e2e/axe-coverage.test.ts` checks that each e2e file does.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Colours are measured as shown: let entrance animations (fades, rises) end first; looping ones stay.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `  ${violation.id} (${violation.impact}) ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
    ),
  );
  throw new Error(
    `axe: ${results.violations.length} violation(s) on "${state}" (${page.url()})\n${lines.join("\n")}`,
  );
}

/** Every Content-Security-Policy violation a page of this context reports (Chromium logs each one
 *  to the console, and fires `securitypolicyviolation`) is pushed to `errors`. */
export async function reportCspViolations(
  context: BrowserContext,
  label: string,
  errors: string[],
): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation/.test(text)) errors.push(`[${label}] ${text}`);
  });
}

/**
/**
 * Playwright records videos through its own ffmpeg build, which cannot be downloaded here: point
 * its expected path (`<registry>/ffmpeg-<revision>/ffmpeg-linux`) at Debian's ffmpeg (apt). Returns
 * false, after a loud warning, when there is no ffmpeg (throws under CI, where .ci/run installs it).
 */
export function videoRecordingOrSkip(suite: string): boolean {
  const system = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].find((path) => existsSync(path));
  if (!system) {
    if (process.env.CI)
      throw new Error(`${suite}: ffmpeg is required when CI is set (apt-get install ffmpeg).`);
    console.warn(`\n!! ${suite}: ffmpeg introuvable : pas de vidéo (apt-get install ffmpeg).\n`);
    return false;
  }
  const browsers = JSON.parse(
    readFileSync(join(ROOT, "node_modules", "playwright-core", "browsers.json"), "utf8"),
  ) as {
    browsers: { name: string; revision: string }[];
  };
  const revision = browsers.browsers.find((entry) => entry.name === "ffmpeg")?.revision ?? "";
  const registry = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), ".cache", "ms-playwright");
  const expected = join(registry, `ffmpeg-${revision}`, "ffmpeg-linux");
  if (!existsSync(expected)) {
    mkdirSync(dirname(expected), { recursive: true });
    symlinkSync(system, expected);
  }
  return true;
}

/**
 * One server (fresh database) and one headless Chromium for a test file: started before its tests
 * when Chromium is there (the client built first), stopped after them.
 */
export function useBrowserServer(
  chromiumPath: string | null,
  env: Record<string, string> = {},
): {
  readonly server: ServerProcess;
  readonly browser: Browser;
} {
  let server: ServerProcess | undefined;
  let handle: BrowserHandle | undefined;
  beforeAll(async () => {
    if (!chromiumPath) return;
    ensureClientBuilt();
    server = await startServer("server/main.ts", env);
    handle = await launchBrowser(chromiumPath);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the e2e server has not started");
      return server;
    },
    get browser() {
      if (!handle) throw new Error("the browser has not started");
      return handle.browser;
    },
  };
}

/** A player enters a session from its join page under `name`, in `page`; resolves in the waiting room. */
export async function joinWaitingRoom(
  page: Page,
  baseUrl: string,
  code: string,
  name: string,
): Promise<Page> {
  await page.goto(`${baseUrl}/join/${code}`);
  await page.getByLabel("Votre prénom ou pseudo").fill(name);
  await page.getByRole("button", { name: "Entrer dans la partie" }).click();
  await page.getByText("Salle d'attente").first().waitFor();
  return page;
}

/**
 * Creates a session through the HTTP API, then each named player enters it in a page of their own
 * (`open(name)` makes it: viewport, motion, listeners); resolves with every player in the waiting room.
 */
export async function createSessionAndJoin(
  server: Reachable,
  body: Record<string, unknown>,
  names: readonly string[],
  open: (name: string) => Promise<Page>,
): Promise<{ session: CreatedSession; players: Page[] }> {
  const session = await createSession(server, body);
  const players: Page[] = [];
  for (const name of names)
    players.push(await joinWaitingRoom(await open(name), server.url, session.code, name));
  return { session, players };
}

/** The facilitator's console in `page`, its key in the address (`#key=`) as on another device;
 *  resolves once the game can be started. */
export async function openConsole(page: Page, baseUrl: string, session: CreatedSession): Promise<Page> {
  await page.goto(`${baseUrl}/facilitator/${session.code}#key=${session.facilitatorKey}`);
  await page.getByRole("button", { name: "Lancer la partie" }).waitFor();
  return page;
}

/**
 * Creates a session through the home page's form, in the facilitator's `page`: exemple, each team at
 * its own pace (hackathon), two teams, one player's proposal enough (« any »), players choosing their
 * team. Resolves with the session's code once the console is open.
 */
export async function createHackathonFromHome(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole("button", { name: "Créer une session" }).click();
  await page.getByLabel("Scénario", { exact: true }).selectOption("exemple");
  await page.getByLabel("Chaque équipe à son rythme (hackathon)").check();
  await page.getByLabel("Nombre d'équipes").selectOption("2");
  await page.getByLabel("Pour valider une réponse").selectOption("any");
  await page.getByLabel("Les joueurs choisissent leur équipe").check();
  await page.getByRole("button", { name: "Créer la session" }).click();
  await page.waitForURL(/\/facilitator\//);
  return new URL(page.url()).pathname.split("/").pop() as string;
}
