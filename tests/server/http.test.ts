/**
 * The HTTP side: body validation and error shapes, the catalogue, and the built client served with
 * an SPA fallback that leaves /api alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createSession, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";

let server: ServerProcess;
const dir = tempDir();

beforeAll(async () => {
  const clientDir = join(dir.path, "client");
  mkdirSync(join(clientDir, "assets"), { recursive: true });
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Datatruc</title>");
  writeFileSync(join(clientDir, "assets", "app.js"), "console.log('datatruc');");
  // The build writes brotli and gzip copies next to each file (vite-plugin-compression2).
  const big = `${"export const datatruc = 'données publiques';\n".repeat(200)}`;
  writeFileSync(join(clientDir, "assets", "big.js"), big);
  writeFileSync(join(clientDir, "assets", "big.js.gz"), gzipSync(big));
  writeFileSync(join(clientDir, "assets", "big.js.br"), brotliCompressSync(Buffer.from(big)));
  server = await startServerProcess(join(dir.path, "db.sqlite"), { CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await server?.stop();
  dir.remove();
});

/** A raw GET (no automatic decompression) with the given Accept-Encoding. */
function raw(path: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        `${server.url}${path}`,
        { headers: { "accept-encoding": acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
      req.end();
    },
  );
}

describe("HTTP API", () => {
  it("lists the catalogue with public metadata only", async () => {
    const res = await api<{ scenarios: { id: string; title: string; stepCount: number }[] }>(
      server,
      "/api/scenarios",
    );
    expect(res.status).toBe(200);
    const exemple = res.body.scenarios.find((s) => s.id === "exemple");
    expect(exemple?.stepCount).toBeGreaterThan(0);
    expect(res.text).not.toContain('"solution"');
    expect(res.text).not.toContain('"explanation"');
  });

  it("validates session bodies and answers errors as { error: { code, message } }", async () => {
    const bad = [
      {},
      { scenarioId: "exemple", pace: "chaos" },
      { scenarioId: "exemple", teamSize: 0 },
      { scenarioId: "exemple", teamCount: "many" },
      { scenarioId: "exemple", options: { maxAttempts: 0 } },
      { scenarioId: "exemple", extra: true },
    ];
    for (const json of bad) {
      const res = await api<{ error: { code: string; message: string } }>(server, "/api/sessions", {
        method: "POST",
        json,
      });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe("invalid-body");
      // zod's messages in French (z.locales.fr).
      expect(res.body.error.message).toMatch(
        /Clé non reconnue|Trop petit|Option invalide|Entrée invalide|attendu/,
      );
    }
    const malformed = await api(server, "/api/sessions", {
      method: "POST",
      body: "{pas du json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const unknown = await api(server, "/api/sessions", { method: "POST", json: { scenarioId: "inconnu" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "unknown-scenario" } });
    expect((await api(server, "/api/nope")).body).toMatchObject({ error: { code: "not-found" } });
  });

  it("creates sessions with short unambiguous codes and links to join and project", async () => {
    const created = await createSession(server, {
      scenarioId: "exemple",
      organisation: "Ville de Poitiers",
      pace: "team",
      teamCount: 4,
      teamSize: 5,
    });
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(created.joinUrl).toMatch(new RegExp(`/join/${created.code}$`));
    expect(created.screenUrl).toMatch(new RegExp(`/screen/${created.code}$`));
    expect(created.facilitatorKey.length).toBeGreaterThanOrEqual(32);
    const info = await api(server, `/api/sessions/${created.code}`);
    expect(info.body).toMatchObject({ phase: "lobby", pace: "team", canJoin: true });
    expect(info.text).not.toContain(created.facilitatorKey);
    const csv = await api(server, `/api/sessions/${created.code}/results`, {
      headers: { accept: "text/csv", authorization: `Bearer ${created.facilitatorKey}` },
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
  });

  it("sends security headers and a Content-Security-Policy with every response", async () => {
    for (const path of ["/", "/join/ABC234", "/api/scenarios"]) {
      const res = await api(server, path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("serves the built client, with index.html for client routes, and JSON for /api", async () => {
    const page = await api(server, "/join/ABC234");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Datatruc</title>");
    expect((await api(server, "/verify/AAAA-BBBB-CCCC-DDDD")).text).toContain("<title>Datatruc</title>");
    const asset = await api(server, "/assets/app.js");
    expect(asset.text).toContain("datatruc");
    expect((await api(server, "/healthz")).body).toMatchObject({ ok: true, store: "sqlite" });
    expect((await api(server, "/api/unknown")).status).toBe(404);
  });

  it("serves the precompressed copies (brotli, then gzip) with Content-Encoding and Vary, else the file", async () => {
    const br = await raw("/assets/big.js", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toContain("données publiques");
    const gz = await raw("/assets/big.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toContain("données publiques");
    expect(gz.body.length).toBeLessThan(2000);
    const identity = await raw("/assets/big.js", "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toContain("données publiques");
    // A file without compressed copies is served as it is.
    const plain = await raw("/assets/app.js", "br");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("datatruc");
  });
});
