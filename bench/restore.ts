/**
 * Restore after a restart: `sessions` live café sessions (5 players, started, one edit per team),
 * the server stopped and started again on the same store; measured from the new process's spawn to
 * `/readyz` answering 200 (every live session's room recreated from its log), and to listening.
 */
import { join } from "node:path";
import { api, createSession, startServerProcess, tempDir } from "../tests/server/harness.ts";
import { BENCH_ENV } from "./cluster.ts";
import { round } from "./measure.ts";
import { type SeatTask, startWorkers } from "./protocol.ts";
import { CAFE, EDIT, SESSION_BODY } from "./shapes.ts";

export interface RestoreReport {
  sessions: number;
  players: number;
  restored: number;
  listeningMs: number;
  servingMs: number;
  maxEventLoopBlockMs: number;
}

export async function measureRestore(
  sessions: number,
  workerCount: number,
  log: (line: string) => void,
): Promise<RestoreReport> {
  const dir = tempDir("datatruc-bench-restore-");
  const db = join(dir.path, "bench.sqlite");
  const first = await startServerProcess(db, BENCH_ENV);
  const workers = startWorkers(workerCount);
  let players = 0;
  try {
    const seats: SeatTask[][] = workers.map(() => []);
    const facilitators: SeatTask[][] = workers.map(() => []);
    for (let s = 0; s < sessions; s++) {
      const created = await createSession(first, SESSION_BODY);
      const w = s % workers.length;
      facilitators[w]?.push({ ...created, name: `f${s}`, role: "facilitator", key: created.facilitatorKey });
      for (let p = 0; p < CAFE; p++) seats[w]?.push({ ...created, name: `Agent ${s}-${p}`, role: "player" });
      players += CAFE;
    }
    await Promise.all(
      workers.map(async (worker, i) => {
        await worker.run("join", {
          url: first.url,
          seats: [...(facilitators[i] ?? []), ...(seats[i] ?? [])],
        });
        await worker.run("start", { codes: (facilitators[i] ?? []).map((f) => f.code) });
        const { members } = await worker.run("membership", {});
        const editors = new Map(members.map((m) => [`${m.code}/${m.teamId}`, m.playerId]));
        await worker.run("edit", {
          editors: [...editors.values()],
          rounds: 1,
          intervalMs: 100,
          drainMs: 200,
          ...EDIT,
        });
      }),
    );
    log(`${sessions} live sessions with ${players} players; restarting`);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await first.stop();
  }
  const t0 = performance.now();
  const second = await startServerProcess(db, BENCH_ENV);
  const listeningMs = performance.now() - t0;
  try {
    while ((await api(second, "/readyz")).status !== 200) await new Promise((r) => setTimeout(r, 20));
    const servingMs = performance.now() - t0;
    const line = second
      .output()
      .split("\n")
      .find((l) => l.includes("live sessions restored"));
    const fields = line ? (JSON.parse(line) as { sessions?: string[]; maxEventLoopBlockMs?: number }) : {};
    log(`restored ${fields.sessions?.length ?? 0} sessions, serving after ${round(servingMs, 0)} ms`);
    return {
      sessions,
      players,
      restored: fields.sessions?.length ?? 0,
      listeningMs: round(listeningMs, 0),
      servingMs: round(servingMs, 0),
      maxEventLoopBlockMs: fields.maxEventLoopBlockMs ?? Number.NaN,
    };
  } finally {
    await second.stop();
    dir.remove();
  }
}
