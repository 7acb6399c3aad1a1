/** Small measuring helpers: percentiles, process CPU and memory from /proc (Linux), metrics. */
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

/** Nearest-rank percentile; NaN when there is no value. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** CPU time (ms) a process has used so far: utime + stime, in clock ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The main thread's time (ms) on a CPU and waiting on a run queue for one (`schedstat`, Linux). */
export function schedMs(pid: number): { runMs: number; waitMs: number } {
  const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ").map(Number);
  return { runMs: (run ?? Number.NaN) / 1e6, waitMs: (wait ?? Number.NaN) / 1e6 };
}

export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
}

/** The event-loop lag p99 (ms) Node measured since the previous scrape (prom-client resets it). */
export async function eventLoopLagP99Ms(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = text.match(/^datatruc_nodejs_eventloop_lag_p99_seconds (\S+)$/m)?.[1];
  return value === undefined ? Number.NaN : Number(value) * 1000;
}

/** Time (ms) the process's event loop has spent running code so far (`/metrics`). */
export async function eventLoopBusyMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = text.match(/^datatruc_event_loop_busy_seconds_total (\S+)$/m)?.[1];
  return value === undefined ? Number.NaN : Number(value) * 1000;
}

/** The server's V8 heap (total and used) and memory outside it (external: Buffers, typed arrays,
 *  zlib…), in KB, as prom-client's default metrics read them from `process.memoryUsage()`. */
export async function heapKb(
  url: string,
): Promise<{ heapTotal: number; heapUsed: number; external: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) =>
    Number(text.match(new RegExp(`^datatruc_nodejs_${name}_bytes (\\S+)$`, "m"))?.[1] ?? Number.NaN) / 1024;
  return {
    heapTotal: read("heap_size_total"),
    heapUsed: read("heap_size_used"),
    external: read("external_memory"),
  };
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverageBefore: number[];
  loadAverageAfter?: number[];
}

export function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageBefore: loadavg().map((l) => round(l, 2)),
  };
}
