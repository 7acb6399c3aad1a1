/**
 * `npm run bench`: the ladder of connected players (one process, then two processes sharing Redis and
 * PostgreSQL), each rung measured against a raw `ws` floor in the same run, plus the restore of live
 * sessions after a restart. Writes <out>/latest.json and <out>/latest.svg and prints a table.
 * Options: see bench/options.ts. Not part of `npm test` (a smoke size is: tests/bench/smoke.test.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { hasPostgres, hasRedis } from "../tests/support/services.ts";
import { latencyChart } from "./chart.ts";
import { postgresDatabases } from "./cluster.ts";
import { describeMachine, round } from "./measure.ts";
import { benchOptions } from "./options.ts";
import { summarizeProfiles } from "./profile.ts";
import { type BenchReport, printTable, targets } from "./report.ts";
import { measureRestore } from "./restore.ts";
import { runRung } from "./rung.ts";

async function main(): Promise<void> {
  // Every server, worker and service started adds an exit listener that kills it if the bench dies.
  process.setMaxListeners(200);
  const options = benchOptions(process.argv.slice(2), process.env);
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  mkdirSync(options.outDir, { recursive: true });
  const log = (line: string) => console.log(`  ${line}`);
  const largest = Math.max(...options.ladder);
  const profileDir = join(options.outDir, "profile");
  // This run's profiles only: a previous run's would be summarized (and kept as reference) with them.
  rmSync(profileDir, { recursive: true, force: true });

  const report: BenchReport = {
    startedAt,
    finishedAt: "",
    machine,
    options,
    ladder: { one: [], two: [] },
    restore: null,
    targets: [],
    profile: null,
  };
  // Written after every step: a run cut short keeps what it measured.
  const write = () => {
    report.finishedAt = new Date().toISOString();
    machine.loadAverageAfter = loadavg().map((l) => round(l, 2));
    report.profile = options.cpuProf ? summarizeProfiles(profileDir) : null;
    report.targets = targets(report);
    writeFileSync(join(options.outDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(options.outDir, "latest.svg"), latencyChart(report));
  };

  for (const players of options.ladder) {
    console.log(`one process, ${players} players`);
    const cpuProfileDir = options.cpuProf && players === largest ? profileDir : undefined;
    const heapSnapshotDir =
      options.heapSnapshot && players === largest ? join(options.outDir, "heap") : undefined;
    if (heapSnapshotDir) {
      rmSync(heapSnapshotDir, { recursive: true, force: true });
      mkdirSync(heapSnapshotDir, { recursive: true });
    }
    report.ladder.one.push(
      await runRung({
        ...options,
        players,
        topology: "one",
        log,
        ...(cpuProfileDir ? { cpuProfileDir } : {}),
        ...(heapSnapshotDir ? { heapSnapshotDir } : {}),
      }),
    );
    write();
  }
  if (options.restoreSessions > 0) {
    report.restore = await measureRestore(options.restoreSessions, options.workers, log);
    write();
  }

  const scaleOut = options.scaleOut && hasRedis && hasPostgres;
  if (options.scaleOut && !scaleOut) console.warn("scale-out skipped: redis-server or PostgreSQL missing");
  if (scaleOut) {
    const databases = await postgresDatabases();
    try {
      for (const players of options.ladder) {
        console.log(`two processes (Redis + PostgreSQL), ${players} players`);
        report.ladder.two.push(
          await runRung({ ...options, players, topology: "two", postgres: databases.next, log }),
        );
        write();
      }
    } finally {
      await databases.stop();
    }
  }
  write();
  printTable(report);
  console.log(`report: ${join(options.outDir, "latest.json")}, chart: ${join(options.outDir, "latest.svg")}`);
  if (options.reference) keepAsReference(report, options.outDir, profileDir);
}

/** `--reference`: the run becomes the committed reference, and the machine it ran on is printed for
 *  bench/README.md (cores, memory, Node, load average before and after, command, time). */
function keepAsReference(report: BenchReport, outDir: string, profileDir: string): void {
  copyFileSync(join(outDir, "latest.json"), join(outDir, "reference.json"));
  copyFileSync(join(outDir, "latest.svg"), join(outDir, "reference.svg"));
  const profile = report.profile?.files.reduce<{ name: string; bytes: number } | undefined>(
    (a, f) => (!a || f.bytes > a.bytes ? f : a),
    undefined,
  );
  if (profile) {
    const data = gzipSync(readFileSync(join(profileDir, profile.name)));
    writeFileSync(join(outDir, "reference.cpuprofile.gz"), data);
  }
  const m = report.machine;
  const load = (l: number[] | undefined) => (l ?? []).join(" / ");
  console.log(
    [
      `reference: ${join(outDir, "reference.json")}, reference.svg${profile ? ", reference.cpuprofile.gz" : ""}`,
      `Machine. ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node.replace(/^v/, "")}, ${m.platform}.`,
      `Load average (1 min, 5 min, 15 min): ${load(m.loadAverageBefore)} when the run started, ${load(m.loadAverageAfter)} when it ended.`,
      `Command: npm run bench -- ${process.argv.slice(2).join(" ")}, ${report.startedAt}–${report.finishedAt}.`,
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
