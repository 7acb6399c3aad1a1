/** The bench report: its shape, the targets checked against it, and the printed table. */
import type { Machine } from "./measure.ts";
import { round } from "./measure.ts";
import type { BenchOptions } from "./options.ts";
import type { ProfileSummary } from "./profile.ts";
import type { RestoreReport } from "./restore.ts";
import type { RungReport } from "./rung.ts";

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  options: BenchOptions;
  ladder: { one: RungReport[]; two: RungReport[] };
  restore: RestoreReport | null;
  targets: Target[];
  profile: ProfileSummary | null;
}

const largest = (rungs: RungReport[]) =>
  rungs.reduce<RungReport | undefined>((a, r) => (!a || r.players > a.players ? r : a), undefined);

/**
 * Saturation throughput of a topology: edits per second its processes would apply with every process
 * on a core of its own, from the server CPU each edit cost in the largest rung.
 */
export const saturationEditsPerSecond = (rung: RungReport): number =>
  round((rung.processes * 1000) / rung.server.cpuMsPerEdit, 0);

/** The targets, each with what this run measured. */
export function targets(report: BenchReport): Target[] {
  const list: Target[] = [];
  const top = largest(report.ladder.one);
  if (top) {
    list.push({
      name: `${top.players} connected players, one edit per team per second`,
      target: "p95 edit → teammates' patch ≤ 1.5 × (floor p95 + patch interval)",
      measured: `p95 ${top.latency.p95Ms} ms, floor p95 ${top.floor.p95Ms} ms + ${top.patchIntervalMs} ms: ratio ${top.ratio}; ${top.latency.samples} of ${top.latency.expected} teammates' patches received; ${top.server.cpuMsPerEdit} ms of server CPU per edit, so ${top.edits.perSecond} edits/s need ρ = ${round((top.edits.perSecond * top.server.cpuMsPerEdit) / 1000, 2)} of one core`,
      met: top.ratio <= 1.5 && top.latency.samples === top.latency.expected,
    });
    list.push({
      name: "server memory per connected player",
      target: "≤ 50 KB (RSS growth while the players joined, per player)",
      measured: `${top.server.rssDeltaPerPlayerKb} KB (at the end of the edit window: ${top.server.rssDeltaAfterWindowPerPlayerKb} KB; whole RSS / players: ${top.server.rssPerPlayerKb} KB)`,
      met: top.server.rssDeltaPerPlayerKb <= 50,
    });
  }
  const plenary = report.ladder.one.find((r) => r.joinBurst.plenary)?.joinBurst.plenary;
  if (plenary) {
    list.push({
      name: `${plenary.players}-player session, simultaneous join burst`,
      target: "all seated ≤ 10 s, no buffer-overflow warning, no full state > 64 KB",
      measured: `${plenary.seated}/${plenary.players} seated in ${plenary.seatedMs} ms, ${plenary.overflowWarnings} warnings, largest full state ${round(plenary.maxFullStateBytes / 1024)} KB; ${plenary.cpuMsPerJoin} ms of server CPU per join, so the burst needs ${round((plenary.players * plenary.cpuMsPerJoin) / 1000, 1)} s of one core; the load workers ${plenary.loadCpuMsPerJoin} ms of CPU per join; the server's event loop busy ${plenary.serverBusyPercent} % of the burst, waiting for a CPU ${plenary.serverRunQueuePercent} %`,
      met:
        plenary.seated === plenary.players &&
        plenary.seatedMs <= 10_000 &&
        plenary.overflowWarnings === 0 &&
        plenary.maxFullStateBytes <= 64 * 1024,
    });
  }
  const twoTop = largest(report.ladder.two);
  if (top && twoTop) {
    const one = saturationEditsPerSecond(top);
    const two = saturationEditsPerSecond(twoTop);
    list.push({
      name: "two processes on Redis",
      target: "throughput ≥ 0.8 × twice one process",
      measured: `saturation throughput (from CPU per edit at ${top.players} players): one ${one} edits/s, two ${two} edits/s = ${round(two / one, 2)} × one`,
      met: two >= 1.6 * one,
    });
  }
  if (report.restore) {
    const r = report.restore;
    list.push({
      name: `restore of ${r.sessions} live sessions after a restart`,
      target: "serving again ≤ 5 s",
      measured: `${r.restored} restored, ready after ${r.servingMs} ms (listening after ${r.listeningMs} ms)`,
      met: r.restored === r.sessions && r.servingMs <= 5000,
    });
  }
  return list;
}

export function printTable(report: BenchReport): void {
  const rows = [...report.ladder.one, ...report.ladder.two].map((r) => ({
    procs: r.processes,
    players: r.players,
    "p50/p95/p99 ms": `${r.latency.p50Ms}/${r.latency.p95Ms}/${r.latency.p99Ms}`,
    "floor p95": r.floor.p95Ms,
    ratio: r.ratio,
    delivered: `${r.latency.samples}/${r.latency.expected}`,
    "cpu %": r.server.cpuPercent,
    "ms/edit": r.server.cpuMsPerEdit,
    "lag p99": r.server.eventLoopLagP99Ms,
    "KB/player": r.server.rssDeltaPerPlayerKb,
    "B/player/edit": r.bytesPerPlayerPerEdit,
    "join ms": r.joinBurst.others.seatedMs,
    "plenary ms": r.joinBurst.plenary?.seatedMs ?? "",
    "ms/join": r.joinBurst.plenary?.cpuMsPerJoin ?? r.joinBurst.others.cpuMsPerJoin,
    "load ms/join": r.joinBurst.plenary?.loadCpuMsPerJoin ?? r.joinBurst.others.loadCpuMsPerJoin,
    "load ok": r.load.bottleneck ? "NO" : "yes",
  }));
  console.table(rows);
  for (const r of [...report.ladder.one, ...report.ladder.two]) {
    for (const reason of r.load.reasons)
      console.log(`  ⚠ ${r.processes} proc, ${r.players} players: ${reason}`);
  }
  if (report.restore) console.log(`restore: ${JSON.stringify(report.restore)}`);
  for (const t of report.targets)
    console.log(`${t.met ? "✓" : "✗"} ${t.name}: ${t.measured} (target: ${t.target})`);
}
