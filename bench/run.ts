/**
 * `npm run bench`: starts a real server, spreads SDK clients over worker processes on loopback,
 * and measures the join burst, action → teammates' patch latency (p50/p95) and server memory per
 * connected player. Bounded: BENCH_PLAYERS (default 200), BENCH_WORKERS (4), BENCH_ROUNDS (10), one edit per
 * team every BENCH_EDIT_INTERVAL_MS (1000).
 * Writes bench/reports/latest.json and prints a summary. Not part of `npm test`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  api,
  createSession,
  joinAsFacilitator,
  type Seat,
  startServerProcess,
  tempDir,
} from "../tests/server/harness.ts";

const PLAYERS = Number(process.env.BENCH_PLAYERS || 200);
const WORKERS = Number(process.env.BENCH_WORKERS || 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const PLAYERS_PER_SESSION = 30;
const TEAM_SIZE = 5;
const EDIT_INTERVAL_MS = Number(process.env.BENCH_EDIT_INTERVAL_MS || 1000);

type Event = { type: string; [key: string]: unknown };

class Worker {
  readonly events: Event[] = [];
  private listeners: ((e: Event) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      let event: Event;
      try {
        event = JSON.parse(line) as Event;
      } catch {
        return;
      }
      this.events.push(event);
      for (const l of this.listeners) l(event);
    });
  }
  send(cmd: object): void {
    this.child.stdin?.write(`${JSON.stringify(cmd)}\n`);
  }
  until(type: string): Promise<void> {
    if (this.events.some((e) => e.type === type)) return Promise.resolve();
    return new Promise((resolve) => {
      this.listeners.push((e) => {
        if (e.type === type) resolve();
      });
    });
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** CPU time (ms) the process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
  return ticks * 10;
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
}

async function main(): Promise<void> {
  const dir = tempDir("datatruc-bench-");
  const server = await startServerProcess(join(dir.path, "bench.sqlite"), {
    FLOOD_BURST: "1000",
    FLOOD_RATE: "500",
  });
  const workers: Worker[] = [];
  const facilitators: Seat[] = [];
  try {
    // Sessions of 30 players, teams of 5.
    const sessionCount = Math.ceil(PLAYERS / PLAYERS_PER_SESSION);
    const sessions = [];
    for (let i = 0; i < sessionCount; i++) {
      const s = await createSession(server, {
        scenarioId: "exemple",
        teamSize: TEAM_SIZE,
        teamCount: "auto",
      });
      sessions.push(s);
      facilitators.push(await joinAsFacilitator(server, s.code, s.facilitatorKey));
    }
    for (let i = 0; i < WORKERS; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", "bench/worker.ts"], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      workers.push(new Worker(child));
    }
    const memoryBefore = rssKb(server.pid);

    // 1. Join burst: every player at once, spread over the workers.
    const seatsByWorker = workers.map(() => [] as { code: string; roomId: string; name: string }[]);
    for (let p = 0; p < PLAYERS; p++) {
      const session = sessions[Math.floor(p / PLAYERS_PER_SESSION)];
      if (!session) continue;
      seatsByWorker[p % WORKERS]?.push({
        code: session.code,
        roomId: session.roomId,
        name: `Agent ${p + 1}`,
      });
    }
    const burstStart = Date.now();
    workers.forEach((w, i) => {
      w.send({ type: "join", url: server.url, seats: seatsByWorker[i] });
    });
    await Promise.all(workers.map((w) => w.until("ready")));
    const joined = workers.flatMap((w) => w.events.filter((e) => e.type === "joined"));
    const failed = workers.flatMap((w) => w.events.filter((e) => e.type === "join-failed"));
    const burstMs = Math.max(...joined.map((e) => Number(e.at))) - burstStart;
    const memoryAfter = rssKb(server.pid);

    // 2. Start every session.
    for (const f of facilitators) {
      await f.waitFor(() => f.state.players.size > 0, "players seated");
      f.send("start", {});
      await f.waitFor(() => f.state.phase === "playing", "playing");
    }

    // 3. One editor per team; teammates time the patch.
    const workerOf = new Map<string, number>();
    workers.forEach((w, i) => {
      for (const e of w.events) if (e.type === "joined") workerOf.set(String(e.playerId), i);
    });
    const editorsByWorker = workers.map(() => [] as string[]);
    const teamOf = new Map<string, string>();
    for (const f of facilitators) {
      for (const team of f.state.teams) {
        const editor = team.memberIds[0];
        if (!editor) continue;
        teamOf.set(editor, team.id + f.state.code);
        editorsByWorker[workerOf.get(editor) ?? 0]?.push(editor);
      }
    }
    const stepId = "licence";
    const editStart = Date.now();
    const cpuBefore = cpuMs(server.pid);
    workers.forEach((w, i) => {
      w.send({
        type: "edit",
        playerIds: editorsByWorker[i],
        rounds: ROUNDS,
        intervalMs: EDIT_INTERVAL_MS,
        stepId,
        optionId: "licence-ouverte",
      });
    });
    await Promise.all(workers.map((w) => w.until("edited")));
    const serverCpuPercent = Math.round(((cpuMs(server.pid) - cpuBefore) / (Date.now() - editStart)) * 100);
    await new Promise((r) => setTimeout(r, 1000));

    const events = workers.flatMap((w) => w.events);
    const playerTeam = new Map<string, string>();
    for (const f of facilitators) {
      for (const team of f.state.teams)
        for (const id of team.memberIds) playerTeam.set(id, team.id + f.state.code);
    }
    const sent = new Map<string, number>();
    for (const e of events.filter((e) => e.type === "sent")) {
      sent.set(`${teamOf.get(String(e.playerId))}#${e.count}`, Number(e.at));
    }
    const latencies: number[] = [];
    for (const e of events.filter((e) => e.type === "recv")) {
      const team = playerTeam.get(String(e.playerId));
      const at = sent.get(`${team}#${e.count}`);
      if (at !== undefined && !teamOf.has(String(e.playerId))) latencies.push(Number(e.at) - at);
    }

    const health = await api(server, "/healthz");
    const report = {
      at: new Date().toISOString(),
      players: PLAYERS,
      workers: WORKERS,
      sessions: sessionCount,
      teamSize: TEAM_SIZE,
      joinBurst: { seated: joined.length, failed: failed.length, totalMs: burstMs },
      latency: {
        samples: latencies.length,
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        maxMs: Math.max(...latencies),
        editsPerSecond: Math.round((editorsByWorker.flat().length * 1000) / EDIT_INTERVAL_MS),
        serverCpuPercent,
      },
      memory: {
        serverRssBeforeKb: memoryBefore,
        serverRssAfterJoinKb: memoryAfter,
        perPlayerKb: Math.round(((memoryAfter - memoryBefore) / Math.max(1, joined.length)) * 10) / 10,
      },
      healthy: health.status === 200,
    };
    mkdirSync("bench/reports", { recursive: true });
    writeFileSync("bench/reports/latest.json", `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `Datatruc bench: ${report.players} players in ${report.sessions} sessions (${WORKERS} worker processes)`,
    );
    console.log(`  join burst: ${joined.length} seated, ${failed.length} failed, all within ${burstMs} ms`);
    console.log(
      `  edit → teammates' patch: p50 ${report.latency.p50Ms} ms, p95 ${report.latency.p95Ms} ms (${latencies.length} samples, ${report.latency.editsPerSecond} edits/s, server CPU ${serverCpuPercent} %)`,
    );
    console.log(`  server memory: ${report.memory.perPlayerKb} KB per connected player (RSS delta)`);
    console.log("  report: bench/reports/latest.json");
  } finally {
    for (const w of workers) w.send({ type: "quit" });
    await Promise.all(facilitators.map((f) => f.leave()));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null) return resolve();
            const timer = setTimeout(() => {
              w.child.kill("SIGTERM");
              resolve();
            }, 5000);
            w.child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await server.stop();
    dir.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
