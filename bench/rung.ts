/**
 * One rung of the ladder: fresh server(s), floor relay and load workers; sessions of realistic
 * shape created and their facilitators seated; the join burst (the plenary's 500 players at once,
 * then everybody else at once); sessions started; then the measurement window, where one editor per
 * team edits every second while, at the same moment and from the same workers, the floor clients
 * bounce messages off the raw `ws` relay.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { api, type CreatedSession, createSession, tempDir } from "../tests/server/harness.ts";
import { type Cluster, heapSnapshot, startCluster, type Topology } from "./cluster.ts";
import {
  cpuMs,
  eventLoopBusyMs,
  eventLoopLagP99Ms,
  heapKb,
  percentile,
  round,
  rssKb,
  schedMs,
} from "./measure.ts";
import {
  deal,
  type JoinedSeat,
  type LoadWorker,
  type SeatTask,
  startWorkers,
  type WorkerWindow,
} from "./protocol.ts";
import {
  EDIT,
  SESSION_BODY,
  type SessionKind,
  type SessionShape,
  sessionShapes,
  TEAM_SIZE,
} from "./shapes.ts";

/** Colyseus's default patch interval (GameRoom keeps it): a patch leaves at most this late. */
export const PATCH_INTERVAL_MS = 50;
const OVERFLOW = "@colyseus/schema buffer overflow";

export interface RungOptions {
  players: number;
  workers: number;
  rounds: number;
  intervalMs: number;
  plenary: number;
  /** How long the workers keep listening after the last edit. */
  drainMs: number;
  topology: Topology;
  cpuProfileDir?: string;
  /** Heap snapshots of the (first) server before and after the join bursts go there. */
  heapSnapshotDir?: string;
  /** Where each server's log is kept (server-<topology>-<players>-<n>.log). */
  outDir?: string;
  postgres?: () => Promise<string>;
  log?: (line: string) => void;
}

export interface Burst {
  players: number;
  seated: number;
  failed: number;
  /** From the burst's start to the last welcome. */
  seatedMs: number;
  overflowWarnings: number;
  maxFullStateBytes: number;
  /** Server CPU during the burst (all processes), per player seated. */
  cpuMsPerJoin: number;
  /** Server CPU during the burst, % of one core (all processes). */
  serverCpuPercent: number;
  /** Share of the burst the server's event loop was running code (all processes, % of one core):
   *  well above its CPU %, the server waited for a CPU; close to it, it waited for its clients. */
  serverBusyPercent: number;
  /** Share of the burst the servers' main threads waited on a run queue for a CPU (% of one core). */
  serverRunQueuePercent: number;
  /** Each join's stages (ms): p50 / p95 / max over the players seated (`JoinedSeat.stages`). */
  stages: Record<JoinStage, { p50: number; p95: number; max: number }>;
  /** The load workers' own CPU (% of one core) and event-loop lag during the burst. */
  workers: { cpuPercent: number; lagP99Ms: number }[];
  /** The load workers' CPU during the burst (all workers), per player seated: beside the server's. */
  loadCpuMsPerJoin: number;
}

/** Why the load generator, not the server, may have paced a burst: a worker near a full core, or its
 *  event loop held long enough to delay the joins it times (a tenth of the burst). */
function burstBottleneck(name: string, b: Burst): string[] {
  const reasons: string[] = [];
  for (const [i, w] of b.workers.entries()) {
    if (w.cpuPercent > 80) reasons.push(`${name}: load worker ${i} used ${w.cpuPercent} % of a core`);
    if (w.lagP99Ms > b.seatedMs / 10)
      reasons.push(`${name}: load worker ${i} event loop lagged ${w.lagP99Ms} ms (p99)`);
  }
  return reasons;
}

/** A join's stages, each from the end of the previous one: the worker sending the request after the
 *  burst began, the matchmaking HTTP request (seat reserved), the WebSocket until JOIN_ROOM (onAuth,
 *  the room's queue, onJoin), the full state, the welcome. */
const JOIN_STAGES = ["start", "reserve", "connect", "fullState", "welcome"] as const;
type JoinStage = (typeof JOIN_STAGES)[number];

function joinStages(joined: JoinedSeat[], start: number): Burst["stages"] {
  const ends = (j: JoinedSeat) => [
    j.stages.asked,
    j.stages.reserved,
    j.stages.connected,
    j.stages.fullState,
    j.stages.welcome,
  ];
  const out = {} as Burst["stages"];
  JOIN_STAGES.forEach((stage, i) => {
    const values = joined.map((j) => {
      const e = ends(j);
      return (e[i] ?? 0) - (i === 0 ? start : (e[i - 1] ?? 0));
    });
    out[stage] = {
      p50: round(percentile(values, 50), 0),
      p95: round(percentile(values, 95), 0),
      max: round(Math.max(0, ...values), 0),
    };
  });
  return out;
}

export interface Distribution {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface RungReport {
  players: number;
  topology: Topology;
  processes: number;
  sessions: Record<SessionKind, number>;
  teams: number;
  joinBurst: { plenary: Burst | null; others: Burst };
  latency: Distribution & { maxMs: number; expected: number };
  floor: Distribution;
  patchIntervalMs: number;
  /** p95(edit → teammates' patch) / (p95 floor + patch interval). */
  ratio: number;
  edits: { sent: number; perSecond: number };
  /** Teammates' patches carrying an edit, delivered per second. */
  deliveredPerSecond: number;
  server: {
    cpuPercent: number;
    cpuMsPerEdit: number;
    eventLoopLagP99Ms: number;
    rssKb: number;
    rssPerPlayerKb: number;
    rssDeltaPerPlayerKb: number;
    /** The same growth read at the end of the edit window (≈ 15 s of play later): what of the joins'
     *  growth was garbage V8 had not collected yet, and what the play added. */
    rssDeltaAfterWindowPerPlayerKb: number;
    /** Growth of the V8 heap (used, and total with its slack) and of external memory (Buffers, typed
     *  arrays) while the players joined, per player (KB). */
    heapUsedDeltaPerPlayerKb: number;
    heapTotalDeltaPerPlayerKb: number;
    externalDeltaPerPlayerKb: number;
  };
  bytesPerPlayerPerEdit: number;
  load: {
    workers: { cpuPercent: number; lagP99Ms: number }[];
    floorServerCpuPercent: number;
    bottleneck: boolean;
    reasons: string[];
  };
}

const distribution = (values: number[]): Distribution => ({
  samples: values.length,
  p50Ms: round(percentile(values, 50)),
  p95Ms: round(percentile(values, 95)),
  p99Ms: round(percentile(values, 99)),
});

async function startFloor(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/floor-server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.once("exit", () => child.kill("SIGKILL"));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/floor listening on (ws:\/\/\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`floor server exited (${code})`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const overflowCount = (cluster: Cluster) =>
  cluster.servers.reduce((n, s) => n + s.output().split(OVERFLOW).length - 1, 0);

/** Every worker joins its share of `seats` at the same moment. */
async function burst(
  cluster: Cluster,
  workers: LoadWorker[],
  seats: SeatTask[],
  serverCpu: () => number,
): Promise<{ burst: Burst; joined: JoinedSeat[] }> {
  const shares = deal(seats, workers.length);
  const overflowBefore = overflowCount(cluster);
  const busy = async () =>
    (await Promise.all(cluster.servers.map((s) => eventLoopBusyMs(s.url)))).reduce((a, b) => a + b, 0);
  const busyBefore = await busy();
  const queued = () => cluster.servers.reduce((n, s) => n + schedMs(s.pid).waitMs, 0);
  const queuedBefore = queued();
  const cpuBefore = serverCpu();
  const start = performance.timeOrigin + performance.now();
  const results = await Promise.all(
    workers.map((w, i) => w.run("join", { url: cluster.entry.url, seats: shares[i] ?? [] })),
  );
  const cpuUsed = serverCpu() - cpuBefore;
  const wallMs = performance.timeOrigin + performance.now() - start;
  const busyMs = (await busy()) - busyBefore;
  const queuedMs = queued() - queuedBefore;
  const joined = results.flatMap((r) => r.joined);
  const failed = results.flatMap((r) => r.failed);
  if (failed.length > 0) console.warn(`  ${failed.length} joins failed, e.g. ${failed[0]}`);
  return {
    joined,
    burst: {
      players: seats.length,
      seated: joined.length,
      failed: failed.length,
      seatedMs: joined.length ? round(Math.max(...joined.map((j) => j.at)) - start, 0) : Number.NaN,
      overflowWarnings: overflowCount(cluster) - overflowBefore,
      maxFullStateBytes: Math.max(0, ...joined.map((j) => j.fullState)),
      cpuMsPerJoin: round(cpuUsed / Math.max(1, joined.length), 2),
      serverCpuPercent: round((cpuUsed / wallMs) * 100, 0),
      serverBusyPercent: round((busyMs / wallMs) * 100, 0),
      serverRunQueuePercent: round((queuedMs / wallMs) * 100, 0),
      stages: joinStages(joined, start),
      workers: results.map((r) => ({
        cpuPercent: round((r.load.cpuMs / r.load.wallMs) * 100, 0),
        lagP99Ms: round(r.load.lagP99Ms),
      })),
      loadCpuMsPerJoin: round(results.reduce((n, r) => n + r.load.cpuMs, 0) / Math.max(1, joined.length), 2),
    },
  };
}

function describeBurst(b: Burst): string {
  const stages = JOIN_STAGES.map((s) => `${s} ${b.stages[s].p50}/${b.stages[s].p95}/${b.stages[s].max}`);
  return (
    `${b.seated} seated in ${b.seatedMs} ms, ${b.cpuMsPerJoin} ms server CPU per join, ${b.loadCpuMsPerJoin} ms load CPU per join (server CPU ${b.serverCpuPercent} % of a core, event loop busy ${b.serverBusyPercent} %, waiting for a CPU ${b.serverRunQueuePercent} %, ` +
    `load workers ${b.workers.map((w) => `${w.cpuPercent} %`).join(", ")}, lag p99 ${b.workers.map((w) => w.lagP99Ms).join(", ")} ms); ` +
    `stages p50/p95/max ms: ${stages.join(", ")}`
  );
}

function playerSeats(sessions: { shape: SessionShape; created: CreatedSession }[], kinds: SessionKind[]) {
  const seats: SeatTask[] = [];
  sessions.forEach(({ shape, created }, s) => {
    if (!kinds.includes(shape.kind)) return;
    for (let p = 0; p < shape.players; p++) {
      seats.push({ code: created.code, roomId: created.roomId, name: `Agent ${s}-${p}`, role: "player" });
    }
  });
  return seats;
}

/** Game latencies: each teammate's patch carrying edit k of its team, against when k was sent. */
function teammateLatencies(
  windows: WorkerWindow[],
  teamOf: Map<string, string>,
): { latencies: number[]; expected: number } {
  const sentAt = new Map<string, number>();
  const editorTeams = new Set<string>();
  for (const w of windows) {
    for (const [playerId, k, at] of w.sent) {
      const team = teamOf.get(playerId);
      if (!team) continue;
      sentAt.set(`${team}#${k}`, at);
      editorTeams.add(playerId);
    }
  }
  const latencies: number[] = [];
  for (const w of windows) {
    for (const [playerId, k, at] of w.recv) {
      if (editorTeams.has(playerId)) continue;
      const sent = sentAt.get(`${teamOf.get(playerId)}#${k}`);
      if (sent !== undefined) latencies.push(at - sent);
    }
  }
  const teamSizes = new Map<string, number>();
  for (const team of teamOf.values()) teamSizes.set(team, (teamSizes.get(team) ?? 0) + 1);
  let expected = 0;
  for (const w of windows)
    for (const [playerId] of w.sent) expected += (teamSizes.get(teamOf.get(playerId) ?? "") ?? 1) - 1;
  return { latencies, expected };
}

export async function runRung(options: RungOptions): Promise<RungReport> {
  const log = options.log ?? (() => undefined);
  const dir = tempDir("datatruc-bench-");
  const cluster = await startCluster(options.topology, dir.path, options);
  const floor = await startFloor();
  const workers = startWorkers(options.workers);
  const pids = cluster.servers.map((s) => s.pid);
  const serverCpu = () => pids.reduce((n, pid) => n + cpuMs(pid), 0);
  const serverRss = () => pids.reduce((n, pid) => n + rssKb(pid), 0);
  const serverHeap = async () => {
    const each = await Promise.all(cluster.servers.map((s) => heapKb(s.url)));
    const sum = (key: keyof (typeof each)[number]) => each.reduce((n, h) => n + h[key], 0);
    return { heapTotal: sum("heapTotal"), heapUsed: sum("heapUsed"), external: sum("external") };
  };
  const snapshot = async (name: string) => {
    const first = cluster.servers[0];
    if (options.heapSnapshotDir && first) await heapSnapshot(first, options.heapSnapshotDir, name);
  };
  try {
    const shapes = sessionShapes(options.players, options.plenary);
    const sessions: { shape: SessionShape; created: CreatedSession }[] = [];
    for (const shape of shapes) {
      const created = await createSession(cluster.entry, SESSION_BODY);
      sessions.push({ shape, created });
    }
    const facilitators: SeatTask[] = sessions.map(({ created }) => ({
      code: created.code,
      roomId: created.roomId,
      name: `facilitator ${created.code}`,
      role: "facilitator",
      key: created.facilitatorKey,
    }));
    const byWorker = deal(facilitators, workers.length);
    await Promise.all(
      workers.map((w, i) => w.run("join", { url: cluster.entry.url, seats: byWorker[i] ?? [] })),
    );
    log(`${sessions.length} sessions created, facilitators seated`);

    await snapshot(`before-joins-${options.players}`);
    const rssBefore = serverRss();
    const heapBefore = await serverHeap();
    const plenarySeats = playerSeats(sessions, ["plenary"]);
    const plenary = plenarySeats.length ? await burst(cluster, workers, plenarySeats, serverCpu) : null;
    if (plenary) log(`plenary burst: ${describeBurst(plenary.burst)}`);
    const others = await burst(cluster, workers, playerSeats(sessions, ["hackathon", "cafe"]), serverCpu);
    log(`join burst: ${describeBurst(others.burst)}`);
    const seated = others.burst.seated + (plenary?.burst.seated ?? 0);
    const rssAfterJoin = serverRss();
    const heapAfterJoin = await serverHeap();
    await snapshot(`after-joins-${options.players}`);

    const started = await Promise.all(
      workers.map((w, i) => w.run("start", { codes: (byWorker[i] ?? []).map((f) => f.code) })),
    );
    const notStarted = started.flatMap((s) => s.notStarted);
    if (notStarted.length > 0) log(`${notStarted.length} sessions did not start (no player seated?)`);
    const members = (await Promise.all(workers.map((w) => w.run("membership", {})))).flatMap(
      (r) => r.members,
    );
    const teamOf = new Map(members.map((m) => [m.playerId, `${m.code}/${m.teamId}`]));
    // One editor per team: its first member found.
    const editors = new Map<string, string>();
    for (const m of members) {
      const team = teamOf.get(m.playerId) ?? "";
      if (m.teamId && !editors.has(team)) editors.set(team, m.playerId);
    }
    const floorPerWorker = Math.ceil(seated / workers.length);
    await Promise.all(
      workers.map((w, i) =>
        w.run("floor", { url: floor.url, count: floorPerWorker, groupSize: TEAM_SIZE, prefix: `w${i}` }),
      ),
    );
    log(`${editors.size} teams playing, ${floorPerWorker * workers.length} floor clients connected`);
    await new Promise((r) => setTimeout(r, 1000));

    await Promise.all(cluster.servers.map((s) => eventLoopLagP99Ms(s.url)));
    const cpu0 = serverCpu();
    const floorCpu0 = cpuMs(floor.pid);
    const t0 = performance.now();
    const windows = await Promise.all(
      workers.map((w) =>
        w.run("edit", {
          editors: [...editors.values()],
          rounds: options.rounds,
          intervalMs: options.intervalMs,
          drainMs: options.drainMs,
          ...EDIT,
        }),
      ),
    );
    const wallMs = performance.now() - t0;
    const cpuUsed = serverCpu() - cpu0;
    const floorCpuPercent = round(((cpuMs(floor.pid) - floorCpu0) / wallMs) * 100, 0);
    const lags = await Promise.all(cluster.servers.map((s) => eventLoopLagP99Ms(s.url)));
    const rssEnd = serverRss();
    const healthy = await Promise.all(cluster.servers.map((s) => api(s, "/healthz")));
    if (healthy.some((h) => h.status !== 200)) log("a server is not healthy after the window");

    const { latencies, expected } = teammateLatencies(windows, teamOf);
    const floorLatencies = windows.flatMap((w) => w.floor);
    const sent = windows.reduce((n, w) => n + w.sent.length, 0);
    const game = distribution(latencies);
    const floorDist = distribution(floorLatencies);
    const loadWorkers = windows.map((w) => ({
      cpuPercent: round((w.cpuMs / w.wallMs) * 100, 0),
      lagP99Ms: round(w.lagP99Ms),
    }));
    const reasons: string[] = [
      ...(plenary ? burstBottleneck("plenary burst", plenary.burst) : []),
      ...burstBottleneck("join burst", others.burst),
    ];
    for (const [i, w] of loadWorkers.entries()) {
      if (w.cpuPercent > 80) reasons.push(`load worker ${i} used ${w.cpuPercent} % of a core`);
      if (w.lagP99Ms > 50) reasons.push(`load worker ${i} event loop lagged ${w.lagP99Ms} ms (p99)`);
    }
    const playerBytes = windows.reduce((n, w) => n + w.playerBytes, 0);
    const counted = (kind: SessionKind) => shapes.filter((s) => s.kind === kind).length;
    return {
      players: options.players,
      topology: options.topology,
      processes: cluster.servers.length,
      sessions: { plenary: counted("plenary"), hackathon: counted("hackathon"), cafe: counted("cafe") },
      teams: editors.size,
      joinBurst: { plenary: plenary?.burst ?? null, others: others.burst },
      latency: { ...game, maxMs: round(Math.max(0, ...latencies)), expected },
      floor: floorDist,
      patchIntervalMs: PATCH_INTERVAL_MS,
      ratio: round(game.p95Ms / (floorDist.p95Ms + PATCH_INTERVAL_MS), 2),
      edits: { sent, perSecond: round((sent * 1000) / (options.rounds * options.intervalMs)) },
      deliveredPerSecond: round((latencies.length * 1000) / (options.rounds * options.intervalMs)),
      server: {
        cpuPercent: round((cpuUsed / wallMs) * 100, 0),
        cpuMsPerEdit: round(cpuUsed / Math.max(1, sent), 2),
        eventLoopLagP99Ms: round(Math.max(...lags)),
        rssKb: Math.max(rssAfterJoin, rssEnd),
        rssPerPlayerKb: round(Math.max(rssAfterJoin, rssEnd) / Math.max(1, seated)),
        rssDeltaPerPlayerKb: round((rssAfterJoin - rssBefore) / Math.max(1, seated)),
        rssDeltaAfterWindowPerPlayerKb: round((rssEnd - rssBefore) / Math.max(1, seated)),
        heapUsedDeltaPerPlayerKb: round((heapAfterJoin.heapUsed - heapBefore.heapUsed) / Math.max(1, seated)),
        heapTotalDeltaPerPlayerKb: round(
          (heapAfterJoin.heapTotal - heapBefore.heapTotal) / Math.max(1, seated),
        ),
        externalDeltaPerPlayerKb: round((heapAfterJoin.external - heapBefore.external) / Math.max(1, seated)),
      },
      bytesPerPlayerPerEdit: round(playerBytes / Math.max(1, seated) / options.rounds, 0),
      load: {
        workers: loadWorkers,
        floorServerCpuPercent: floorCpuPercent,
        bottleneck: reasons.length > 0,
        reasons,
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await floor.stop();
    await cluster.stop();
    if (options.outDir) {
      for (const [i, s] of cluster.servers.entries()) {
        writeFileSync(
          join(options.outDir, `server-${options.topology}-${options.players}-${i}.log`),
          s.output(),
        );
      }
    }
    dir.remove();
  }
}
