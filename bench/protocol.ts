/**
 * What the orchestrator (bench/run.ts) and its load workers (bench/worker.ts) say to each other,
 * and the pool that spawns the workers and matches each command with its `done` line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface SeatTask {
  code: string;
  roomId: string;
  name: string;
  role: "player" | "facilitator";
  key?: string;
}

export interface JoinedSeat {
  name: string;
  code: string;
  playerId: string | null;
  /** When the welcome arrived (epoch ms). */
  at: number;
  /** Bytes of the full state the client received on joining. */
  fullState: number;
  /** When each stage of the join ended (epoch ms): the join asked, the seat reserved (matchmaking
   *  HTTP), the room's JOIN_ROOM received (WebSocket, onAuth, onJoin), the full state, the welcome. */
  stages: { asked: number; reserved: number; connected: number; fullState: number; welcome: number };
}

/** A worker's own CPU and event-loop lag during a command. */
export interface WorkerLoad {
  cpuMs: number;
  wallMs: number;
  lagP99Ms: number;
}

/** What a worker measured during the edit window. Tuples: [playerId, edit number, epoch ms]. */
export interface WorkerWindow {
  sent: [string, number, number][];
  recv: [string, number, number][];
  /** Floor round trips (ms): client → raw ws relay → other client. */
  floor: number[];
  cpuMs: number;
  wallMs: number;
  lagP99Ms: number;
  /** Bytes received by this worker's player clients. */
  playerBytes: number;
  players: number;
}

type Commands = {
  join: { url: string; seats: SeatTask[] };
  start: { codes: string[] };
  membership: Record<string, never>;
  floor: { url: string; count: number; groupSize: number; prefix: string };
  edit: {
    editors: string[];
    rounds: number;
    intervalMs: number;
    drainMs: number;
    stepId: string;
    optionId: string;
  };
  quit: Record<string, never>;
};

export type WorkerCommand = {
  [K in keyof Commands]: { type: K; id: number } & Commands[K];
}[keyof Commands];

export type WorkerResults = {
  join: { joined: JoinedSeat[]; failed: string[]; load: WorkerLoad };
  start: { notStarted: string[] };
  membership: { members: { playerId: string; code: string; teamId: string }[] };
  floor: Record<string, never>;
  edit: WorkerWindow;
  quit: never;
};

/** One load worker process. */
export class LoadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(readonly child: ChildProcess) {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      let event: { type?: string; id?: number; result?: unknown; error?: string };
      try {
        event = JSON.parse(line);
      } catch {
        return; // a stray line (a library's console output)
      }
      const waiter = event.type === "done" && event.id ? this.pending.get(event.id) : undefined;
      if (!waiter || event.id === undefined) return;
      this.pending.delete(event.id);
      if (event.error) waiter.reject(new Error(`load worker: ${event.error}`));
      else waiter.resolve(event.result);
    });
    child.once("exit", (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`load worker exited (${code})`));
      this.pending.clear();
    });
  }

  run<K extends Exclude<keyof Commands, "quit">>(type: K, args: Commands[K]): Promise<WorkerResults[K]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin?.write(`${JSON.stringify({ type, id, ...args })}\n`);
    });
  }

  /** Asks the worker to leave its rooms and exit; killed after 5 s. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      this.child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin?.write(`${JSON.stringify({ type: "quit", id: 0 })}\n`);
    });
  }
}

/** Deals items to `n` hands in turn (item i to hand i mod n). */
export function deal<T>(items: readonly T[], n: number): T[][] {
  const hands = Array.from({ length: n }, () => [] as T[]);
  for (const [i, item] of items.entries()) hands[i % n]?.push(item);
  return hands;
}

export function startWorkers(count: number): LoadWorker[] {
  return Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/worker.ts"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    process.once("exit", () => child.kill("SIGKILL"));
    return new LoadWorker(child);
  });
}
