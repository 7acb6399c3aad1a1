/**
 * Summary of the `--cpu-prof` profiles a bench run kept: self time by function and by package
 * (node_modules package, the project's own folders, Node internals, idle and garbage collection).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { round } from "./measure.ts";

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  files: { name: string; bytes: number }[];
  /** Profiled wall time (ms) and the share of it each entry took, in %. */
  totalMs: number;
  byPackage: { name: string; selfMs: number; percent: number }[];
  topFunctions: { name: string; selfMs: number; percent: number }[];
}

/** The profiled file's path inside the repository (or node_modules), without the checkout's own path. */
const ROOT_URL = `file://${process.cwd()}/`;
const inRepo = (url: string) => (url.startsWith(ROOT_URL) ? url.slice(ROOT_URL.length) : url);

function packageOf(url: string, functionName: string): string {
  if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)")
    return functionName;
  const nodeModule = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (nodeModule) return nodeModule;
  if (url.startsWith("node:") || url === "") return "node internals";
  const own = inRepo(url).match(/^(server|shared|client|bench|tests)\//)?.[1];
  return own ? `datatruc ${own}/` : "other";
}

export function summarizeProfiles(dir: string): ProfileSummary | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return null;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const durationMs = (profile.endTime - profile.startTime) / 1000;
    const perSample = durationMs / Math.max(1, profile.samples.length);
    totalMs += durationMs;
    for (const node of profile.nodes) {
      const ms = (node.hitCount ?? 0) * perSample;
      if (ms === 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const pkg = packageOf(url, functionName);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
      const where = url
        ? `${url.replace(/^.*\/(node_modules|server|shared)\//, "$1/")}:${lineNumber + 1}`
        : "";
      const name = `${functionName || "(anonymous)"} ${where}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, selfMs: round(ms, 0), percent: round((ms / totalMs) * 100) }));
  return {
    files: files.map((name) => ({ name, bytes: statSync(join(dir, name)).size })),
    totalMs: round(totalMs, 0),
    byPackage: top(byPackage, 15),
    topFunctions: top(byFunction, 25),
  };
}
