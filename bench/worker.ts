/**
 * Benchmark load worker: one child process holding many SDK clients (no rendering) and as many raw
 * `ws` clients of the floor server. Talks to the orchestrator in JSON lines: a command on stdin, one
 * `done` line per command on stdout. Timestamps are epoch milliseconds with sub-millisecond
 * precision (`performance.timeOrigin + performance.now()`), comparable across processes.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { Client, Protocol, Room } from "@colyseus/sdk";
import WebSocket from "ws";
import type { GameRoom } from "../server/rooms/GameRoom.ts";
import { PROTOCOL_VERSION } from "../shared/protocol.ts";
import type { JoinedSeat, SeatTask, WorkerCommand, WorkerWindow } from "./protocol.ts";

const now = () => performance.timeOrigin + performance.now();
const emit = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type GameClientRoom = Room<GameRoom>;
type TeamView = GameClientRoom["state"]["teams"][number];

interface Held {
  room: GameClientRoom;
  seat: SeatTask;
  playerId: string | null;
  /** Bytes of the largest full state (ROOM_STATE frame) this client received. */
  fullState: number;
  /** When the first full state arrived (epoch ms). */
  fullStateAt?: number;
  team?: TeamView;
  /** Team edits seen when the measurement window opened, and the last count reported. */
  baseline: number;
  seen: number;
}

const held = new Map<GameClientRoom, Held>();
const byPlayer = new Map<string, Held>();
let playerBytes = 0;
let recording: { recv: [string, number, number][] } | null = null;

/** Every frame a room receives is counted (bytes, full-state size) before the SDK decodes it. */
const proto = Room.prototype as unknown as { onMessageCallback(this: GameClientRoom, e: MessageEvent): void };
const decode = proto.onMessageCallback;
proto.onMessageCallback = function (event: MessageEvent) {
  const data = event.data as ArrayBuffer | Uint8Array;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  const h = held.get(this);
  if (h) {
    if (h.seat.role === "player") playerBytes += bytes.byteLength;
    if (((bytes[0] ?? 0) & 31) === Protocol.ROOM_STATE) {
      h.fullState = Math.max(h.fullState, bytes.byteLength);
      h.fullStateAt ??= now();
    }
  }
  decode.call(this, event);
};

/** Reports each new edit of the player's team (its count in the window identifies it). */
function watchEdits(h: Held): void {
  h.room.onStateChange((state) => {
    if (!recording || !h.playerId) return;
    h.team ??= state.teams.find((t) => t.memberIds.includes(h.playerId ?? ""));
    const count = h.team?.work?.edits.length ?? 0;
    const at = now();
    for (let k = h.seen + 1; k <= count; k++) recording.recv.push([h.playerId, k - h.baseline, at]);
    h.seen = Math.max(h.seen, count);
  });
}

async function joinOne(client: Client, seat: SeatTask): Promise<JoinedSeat> {
  const options =
    seat.role === "player"
      ? { as: "player", protocol: PROTOCOL_VERSION, code: seat.code, name: seat.name }
      : { as: "facilitator", protocol: PROTOCOL_VERSION, code: seat.code, facilitatorKey: seat.key };
  const asked = now();
  // What `client.joinById` does, in its two steps, to time them apart.
  const reservation = await client.http.post(`/matchmake/joinById/${seat.roomId}`, {
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: options,
  });
  const reserved = now();
  const room = (await client.consumeSeatReservation(reservation.data)) as GameClientRoom;
  const connected = now();
  const h: Held = { room, seat, playerId: null, fullState: 0, baseline: 0, seen: 0 };
  held.set(room, h);
  // A connection closed before its welcome (a seat reservation that expired under load) fails the
  // join, as does a welcome that never comes.
  const playerId = await new Promise<string | null>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no welcome within 60 s")), 60_000);
    room.onMessage("*", (type, message) => {
      if (type !== "welcome") return;
      clearTimeout(timer);
      resolve((message as { playerId: string | null }).playerId);
    });
    room.onLeave((code) => {
      clearTimeout(timer);
      reject(new Error(`closed (${code}) before the welcome`));
    });
  });
  h.playerId = playerId;
  if (playerId) byPlayer.set(playerId, h);
  watchEdits(h);
  const at = now();
  return {
    name: seat.name,
    code: seat.code,
    playerId,
    at,
    fullState: h.fullState,
    stages: { asked, reserved, connected, fullState: h.fullStateAt ?? at, welcome: at },
  };
}

async function join(url: string, seats: SeatTask[]) {
  const client = new Client(url);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu = process.cpuUsage();
  const t0 = now();
  const joined: JoinedSeat[] = [];
  const failed: string[] = [];
  await Promise.all(
    seats.map((seat) =>
      joinOne(client, seat).then(
        (j) => joined.push(j),
        (error) => failed.push(`${seat.name}: ${String(error)}`),
      ),
    ),
  );
  const used = process.cpuUsage(cpu);
  const load = {
    cpuMs: (used.user + used.system) / 1000,
    wallMs: now() - t0,
    lagP99Ms: lag.percentile(99) / 1e6,
  };
  lag.disable();
  // A full state may arrive after the welcome: read the sizes once everything settled.
  await sleep(200);
  for (const j of joined) {
    const h = j.playerId ? byPlayer.get(j.playerId) : undefined;
    if (h) j.fullState = h.fullState;
  }
  return { joined, failed, load };
}

/** Starts the sessions of these facilitators; returns the codes that did not start within 60 s. */
async function start(codes: string[]) {
  const facilitators = [...held.values()].filter(
    (h) => h.seat.role === "facilitator" && codes.includes(h.seat.code),
  );
  const notStarted: string[] = [];
  await Promise.all(
    facilitators.map(async ({ room, seat }) => {
      (room as unknown as { send(n: string, p: unknown): void }).send("start", {});
      const deadline = Date.now() + 60_000;
      while (room.state.phase !== "playing" && Date.now() < deadline) await sleep(50);
      if (room.state.phase !== "playing") notStarted.push(seat.code);
    }),
  );
  return { notStarted };
}

function membership() {
  const members: { playerId: string; code: string; teamId: string }[] = [];
  for (const h of held.values()) {
    if (!h.playerId) continue;
    const teamId = h.room.state.players.get(h.playerId)?.teamId ?? "";
    members.push({ playerId: h.playerId, code: h.seat.code, teamId });
  }
  return { members };
}

/** Raw `ws` clients of the floor server, in groups; the first of each group sends. */
const floorGroups: WebSocket[][] = [];
let floorLatencies: number[] | null = null;

async function floorConnect(url: string, count: number, groupSize: number, prefix: string) {
  const sockets = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const ws = new WebSocket(`${url}/?g=${prefix}-${Math.floor(i / groupSize)}`, {
        perMessageDeflate: false,
      });
      ws.binaryType = "nodebuffer";
      ws.on("message", (data: Buffer) => {
        if (floorLatencies) floorLatencies.push(now() - data.readDoubleLE(8));
      });
      return new Promise<WebSocket>((resolve, reject) => {
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      });
    }),
  );
  for (let i = 0; i < sockets.length; i += groupSize) floorGroups.push(sockets.slice(i, i + groupSize));
  return {};
}

async function measureWindow(cmd: Extract<WorkerCommand, { type: "edit" }>): Promise<WorkerWindow> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  for (const h of held.values()) {
    h.baseline = h.team?.work?.edits.length ?? h.seen;
    h.seen = h.baseline;
  }
  recording = { recv: [] };
  floorLatencies = [];
  playerBytes = 0;
  const sent: [string, number, number][] = [];
  lag.enable();
  const cpu = process.cpuUsage();
  const t0 = now();
  const editors = cmd.editors.map((id) => byPlayer.get(id)).filter((h) => h !== undefined);
  const jitter = (i: number, n: number) => (cmd.intervalMs * i) / Math.max(1, n);
  await Promise.all([
    ...editors.map(async (h, i) => {
      await sleep(jitter(i, editors.length));
      for (let k = 1; k <= cmd.rounds; k++) {
        sent.push([h.playerId ?? "", k, now()]);
        (h.room as unknown as { send(n: string, p: unknown): void }).send("edit", {
          stepId: cmd.stepId,
          edit: { op: "toggle-option", optionId: cmd.optionId },
        });
        await sleep(cmd.intervalMs);
      }
    }),
    ...floorGroups.map(async (group, i) => {
      await sleep(jitter(i, floorGroups.length));
      const message = Buffer.alloc(16);
      for (let k = 1; k <= cmd.rounds; k++) {
        message.writeDoubleLE(k, 0);
        message.writeDoubleLE(now(), 8);
        group[0]?.send(message);
        await sleep(cmd.intervalMs);
      }
    }),
  ]);
  await sleep(cmd.drainMs);
  const wallMs = now() - t0;
  const used = process.cpuUsage(cpu);
  lag.disable();
  const result: WorkerWindow = {
    sent,
    recv: recording.recv,
    floor: floorLatencies,
    cpuMs: (used.user + used.system) / 1000,
    wallMs,
    lagP99Ms: lag.percentile(99) / 1e6,
    playerBytes,
    players: [...held.values()].filter((h) => h.seat.role === "player").length,
  };
  recording = null;
  floorLatencies = null;
  return result;
}

async function quit(): Promise<never> {
  for (const group of floorGroups) for (const ws of group) ws.terminate();
  await Promise.all([...held.keys()].map((r) => r.leave(true).catch(() => undefined)));
  process.exit(0);
}

async function handle(cmd: WorkerCommand): Promise<object> {
  switch (cmd.type) {
    case "join":
      return join(cmd.url, cmd.seats);
    case "start":
      return start(cmd.codes);
    case "membership":
      return membership();
    case "floor":
      return floorConnect(cmd.url, cmd.count, cmd.groupSize, cmd.prefix);
    case "edit":
      return measureWindow(cmd);
    case "quit":
      return quit();
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as WorkerCommand;
  handle(cmd).then(
    (result) => emit({ type: "done", id: cmd.id, result }),
    (error) => emit({ type: "done", id: cmd.id, error: String(error) }),
  );
}
