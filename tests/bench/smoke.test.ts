/**
 * The bench at its smoke size (10 players on one process and on two processes sharing Redis and
 * PostgreSQL, 3 sessions restored, the server's CPU profile summarized), so that `npm run bench`
 * cannot rot. Checks the report's shape and that every figure is a finite number; never the values
 * (speed is what `npm run bench` reports, not what a test asserts). About 40 s alone; the time limit
 * is generous because the test machines are shared.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BenchReport } from "../../bench/report.ts";
import { tempDir } from "../server/harness.ts";
import { hasPostgres, hasRedis, requireService } from "../support/services.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const services =
  requireService("redis-server", hasRedis, "apt-get install redis-server") &&
  requireService("PostgreSQL", hasPostgres, "apt-get install postgresql");

/** Every number in the report, with its path. */
function numbers(value: unknown, path = "report"): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

describe("npm run bench, smoke size", () => {
  const out = tempDir("datatruc-bench-smoke-");
  afterAll(() => out.remove());

  it("writes a complete report, a chart and a table", { timeout: 420_000 }, async () => {
    const args = ["--import", "tsx", "bench/run.ts", "--smoke", "--cpu-prof", "--out", out.path];
    if (!services) args.push("--no-scale-out");
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, output).toBe(0);

    const report = JSON.parse(readFileSync(join(out.path, "latest.json"), "utf8")) as BenchReport;
    const bad = numbers(report).filter(([, n]) => !Number.isFinite(n));
    expect(bad, "figures that are not finite numbers").toEqual([]);

    expect(report.ladder.one.map((r) => r.players)).toEqual([10]);
    expect(report.ladder.two.map((r) => r.processes)).toEqual(services ? [2] : []);
    for (const rung of [...report.ladder.one, ...report.ladder.two]) {
      expect(rung.joinBurst.others.seated).toBe(10);
      expect(rung.latency.samples).toBeGreaterThan(0);
      expect(rung.floor.samples).toBeGreaterThan(0);
      expect(rung.load.workers).toHaveLength(2);
      expect(rung.joinBurst.others.workers).toHaveLength(2);
      expect(Object.keys(rung.joinBurst.others.stages)).toEqual([
        "start",
        "reserve",
        "connect",
        "fullState",
        "welcome",
      ]);
    }
    expect(report.restore).toMatchObject({ sessions: 3, restored: 3 });
    expect(report.targets.map((t) => t.name).length).toBeGreaterThanOrEqual(services ? 4 : 3);
    expect(report.profile?.topFunctions.length).toBeGreaterThan(0);
    expect(report.machine.loadAverageAfter).toHaveLength(3);

    expect(readFileSync(join(out.path, "latest.svg"), "utf8")).toMatch(/^<svg [^>]*>[\s\S]*<polyline/);
    expect(output).toContain("p50/p95/p99 ms");
    expect(existsSync(join(out.path, "profile"))).toBe(true);
  });
});
