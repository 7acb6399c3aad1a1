/**
 * The studio API on a shared server (`npm start`): closed without DESIGNER_KEY (a French message),
 * the key asked for and checked; the check of an editor's text gives the very findings
 * `scenarios:check` gives for the same file saved; a shared server never writes files.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFiles } from "../../shared/scenario/files.ts";
import { api, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";

const dir = tempDir();
const scenariosDir = join(dir.path, "scenarios");
cpSync("scenarios", scenariosDir, { recursive: true });
const servers: { open?: ServerProcess; closed?: ServerProcess } = {};
const KEY = "cle-de-conception";

beforeAll(async () => {
  const env = { SCENARIOS_DIR: scenariosDir };
  [servers.open, servers.closed] = await Promise.all([
    startServerProcess(join(dir.path, "open.sqlite"), { ...env, DESIGNER_KEY: KEY }),
    startServerProcess(join(dir.path, "closed.sqlite"), env),
  ]);
});

afterAll(async () => {
  await Promise.all([servers.open?.stop(), servers.closed?.stop()]);
  dir.remove();
});

const withKey = (key: string, init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  headers: { "x-designer-key": key },
});

describe("the studio API on a shared server", () => {
  it("is closed without DESIGNER_KEY, with a French message", async () => {
    const res = await api<{ error: { code: string; message: string } }>(
      servers.closed as ServerProcess,
      "/api/studio",
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("studio-closed");
    expect(res.body.error.message).toMatch(/npm run dev.*DESIGNER_KEY/);
  });

  it("asks for the key and refuses a wrong one", async () => {
    const server = servers.open as ServerProcess;
    expect((await api(server, "/api/studio")).status).toBe(401);
    expect((await api(server, "/api/studio", withKey("mauvaise"))).status).toBe(403);
    const list = await api<{ mode: string; scenarios: { id: string; inCatalogue: boolean }[] }>(
      server,
      "/api/studio",
      withKey(KEY),
    );
    expect(list.status).toBe(200);
    expect(list.body.mode).toBe("shared");
    expect(list.body.scenarios.find((s) => s.id === "exemple")?.inCatalogue).toBe(true);
  });

  it("checks a text as scenarios:check checks the saved file, and never writes", async () => {
    const server = servers.open as ServerProcess;
    const file = join(scenariosDir, "exemple.json");
    const original = readFileSync(file, "utf8");
    const broken = JSON.parse(original);
    broken.steps[0].solution = { correct: ["inconnue"] };
    broken.steps[1].titre = "clé inconnue";
    const text = JSON.stringify(broken, null, 2);
    const checked = await api<{ findings: unknown[]; scenario: unknown }>(
      server,
      "/api/studio/scenarios/exemple/check",
      { ...withKey(KEY), method: "POST", json: { text } },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.scenario).toBeNull();
    // The same text saved, then checked by the command's loader.
    writeFileSync(file, text);
    const saved = loadScenarioFiles(scenariosDir);
    writeFileSync(file, original);
    const expected = saved.findings.filter((finding) => finding.file.endsWith("exemple.json"));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(checked.body.findings).toEqual(expected);

    const put = await api<{ error: { code: string } }>(server, "/api/studio/scenarios/exemple", {
      ...withKey(KEY),
      method: "PUT",
      json: { text },
    });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe("read-only");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
