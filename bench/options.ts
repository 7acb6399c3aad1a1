/**
 * Bench options, from CLI flags or the environment (flags win):
 *   --ladder 250,500,1000,2000   BENCH_LADDER      connected players per rung
 *   --workers 3                  BENCH_WORKERS     load worker processes
 *   --rounds 10                  BENCH_ROUNDS      edits per team in the measurement window
 *   --interval 1000              BENCH_INTERVAL_MS one edit per team every … ms
 *   --scale-out / --no-scale-out BENCH_SCALE_OUT   the same ladder on two processes (Redis + PostgreSQL)
 *   --plenary 500                BENCH_PLENARY     players of the plenary session (from 2 × this many players)
 *   --restore 100                BENCH_RESTORE     live sessions restored after a restart (0: skip)
 *   --cpu-prof                   BENCH_CPU_PROF=1  keep the server's CPU profile of the largest rung
 *   --heap-snapshot              BENCH_HEAP_SNAPSHOT=1  heap snapshots of the largest one-process rung's
 *                                                  server before and after the join bursts (<out>/heap/)
 *   --out bench/reports          BENCH_OUT         where latest.json, latest.svg (and profiles) go
 *   --reference                                    also write <out>/reference.json, .svg, .cpuprofile.gz
 *   --smoke                                        the CI size: ladder 10, 2 rounds, 2 workers, restore 3
 */
import { parseArgs } from "node:util";

export interface BenchOptions {
  ladder: number[];
  workers: number;
  rounds: number;
  intervalMs: number;
  /** Players of the plenary session, present on rungs of at least twice as many players. */
  plenary: number;
  /** After the last edit, patches are waited for this long (5 s; 1 s for the smoke size). */
  drainMs: number;
  scaleOut: boolean;
  restoreSessions: number;
  cpuProf: boolean;
  /** Heap snapshots of the largest one-process rung's server, before and after the join bursts. */
  heapSnapshot: boolean;
  outDir: string;
  /** Also keep the run as the reference (reference.json, reference.svg, reference.cpuprofile.gz). */
  reference: boolean;
  smoke: boolean;
}

const positive = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name}: a positive integer is expected, got "${value}"`);
  return n;
};

export function benchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ladder: { type: "string" },
      workers: { type: "string" },
      rounds: { type: "string" },
      interval: { type: "string" },
      plenary: { type: "string" },
      "scale-out": { type: "boolean" },
      "no-scale-out": { type: "boolean" },
      restore: { type: "string" },
      "cpu-prof": { type: "boolean" },
      "heap-snapshot": { type: "boolean" },
      out: { type: "string" },
      reference: { type: "boolean" },
      smoke: { type: "boolean" },
    },
  });
  const smoke = values.smoke === true;
  const ladderText = values.ladder ?? env.BENCH_LADDER ?? (smoke ? "10" : "250,500,1000,2000");
  const rounds = positive("rounds", values.rounds ?? env.BENCH_ROUNDS ?? (smoke ? "2" : "10"));
  // A team's edits are told apart by their count in its last 100 synced edits.
  if (rounds > 90) throw new Error("rounds: at most 90");
  const restore = Number(values.restore ?? env.BENCH_RESTORE ?? (smoke ? "3" : "100"));
  if (!Number.isInteger(restore) || restore < 0) throw new Error(`restore: an integer ≥ 0 is expected`);
  return {
    ladder: ladderText.split(",").map((p) => positive("ladder", p.trim())),
    workers: positive("workers", values.workers ?? env.BENCH_WORKERS ?? (smoke ? "2" : "3")),
    rounds,
    intervalMs: positive("interval", values.interval ?? env.BENCH_INTERVAL_MS ?? "1000"),
    plenary: positive("plenary", values.plenary ?? env.BENCH_PLENARY ?? "500"),
    drainMs: smoke ? 1000 : 5000,
    scaleOut: values["no-scale-out"] ? false : (values["scale-out"] ?? env.BENCH_SCALE_OUT !== "0"),
    restoreSessions: restore,
    cpuProf: values["cpu-prof"] ?? env.BENCH_CPU_PROF === "1",
    heapSnapshot: values["heap-snapshot"] ?? env.BENCH_HEAP_SNAPSHOT === "1",
    outDir: values.out ?? env.BENCH_OUT ?? "bench/reports",
    reference: values.reference === true,
    smoke,
  };
}
