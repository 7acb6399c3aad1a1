/**
 * Issue 15, finding 6 (HTTP): bodies the server cannot read are the client's fault (415/400, logged
 * as a warning), only unknown join codes count toward an address's limit, and session creation is
 * limited per address and can require an operator's creation key.
 */
import { describe, expect, it } from "vitest";
import { api, createSession, type ServerProcess } from "./harness.ts";
import { waitForLog } from "./log-lines.ts";
import { useServerProcess } from "./use-server.ts";

const open = useServerProcess();
const guarded = useServerProcess({ CREATE_KEY: "cle-de-creation-operateur", CREATE_PER_HOUR: "2" });

async function post(server: ServerProcess, headers: Record<string, string>, body: BodyInit) {
  return api<{ error: { code: string; message: string } }>(server, "/api/sessions", {
    method: "POST",
    headers,
    body,
  });
}

describe("unreadable bodies", () => {
  it("answer 415 or 400, never 500, and are logged as client errors without a stack", async () => {
    const json = JSON.stringify({ scenarioId: "exemple" });
    const charset = await post(open.server, { "content-type": "application/json; charset=klingon" }, json);
    expect(charset.status).toBe(415);
    expect(charset.body.error.code).toBe("unsupported-charset");
    const encoding = await post(
      open.server,
      { "content-type": "application/json", "content-encoding": "compress" },
      json,
    );
    expect(encoding.status).toBe(415);
    expect(encoding.body.error.code).toBe("unsupported-encoding");
    const garbage = await post(
      open.server,
      { "content-type": "application/json", "content-encoding": "gzip" },
      "pas du gzip",
    );
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe("invalid-body");

    const faultLines = (lines: { level: number; error?: unknown }[]) =>
      lines.filter((l) => l.level === 40 && typeof l.error === "string" && l.error !== "rate-limited");
    const lines = await waitForLog(open.server, (l) => faultLines(l).length >= 3, "three client faults");
    expect(faultLines(lines).map((l) => l.error)).toEqual([
      "unsupported-charset",
      "unsupported-encoding",
      "invalid-body",
    ]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(open.server.output()).not.toMatch(/\n\s+at /);
  });
});

describe("unknown join codes", () => {
  it("only unknown codes count: valid codes and the facilitator's results are still answered", async () => {
    const created = await createSession(open.server, { scenarioId: "exemple" });
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await api(open.server, "/api/sessions/ZZZZZZ")).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(answers.slice(10)).toEqual([429, 429]);
    expect((await api(open.server, `/api/sessions/${created.code}`)).status).toBe(200);
    const results = await api(open.server, `/api/sessions/${created.code}/results`, {
      headers: { authorization: `Bearer ${created.facilitatorKey}` },
    });
    expect(results.status).toBe(200);
  });
});

describe("session creation", () => {
  it("requires the operator's creation key when CREATE_KEY is set", async () => {
    const missing = await api<{ error: { code: string } }>(guarded.server, "/api/sessions", {
      method: "POST",
      json: { scenarioId: "exemple" },
    });
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe("create-key-required");
    const wrong = await api<{ error: { code: string } }>(guarded.server, "/api/sessions", {
      method: "POST",
      json: { scenarioId: "exemple", createKey: "pas-la-bonne" },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("wrong-create-key");
    const catalogue = await api<{ createKeyRequired: boolean }>(guarded.server, "/api/scenarios");
    expect(catalogue.body.createKeyRequired).toBe(true);
    expect(
      (await api<{ createKeyRequired: boolean }>(open.server, "/api/scenarios")).body.createKeyRequired,
    ).toBe(false);
  });

  it("is limited per address", async () => {
    const body = { scenarioId: "exemple", createKey: "cle-de-creation-operateur" };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await api(guarded.server, "/api/sessions", { method: "POST", json: body })).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});
