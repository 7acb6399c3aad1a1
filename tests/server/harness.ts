/**
 * Integration test harness: runs the real server as a child process (`node --import tsx
 * server/main.ts`) on 127.0.0.1 and a random port, with a SQLite file in a temp dir, and connects
 * real @colyseus/sdk clients that record everything they receive.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import type { TeamWorkState } from "../../server/state.ts";
import { fromDraftCells } from "../../shared/draft-cells.ts";
import { PROTOCOL_VERSION, type ServerMessages } from "../../shared/protocol.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export function tempDir(prefix = "datatruc-test-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface ServerProcess {
  url: string;
  pid: number;
  wsUrl: string;
  output: () => string;
  /** The operator's creation key the server was started with (CREATE_KEY), sent by createSession. */
  createKey?: string;
  stop(): Promise<void>;
}

/** What talking to a server over HTTP and the SDK needs: its address (and its creation key, if any).
 *  The browser tests' servers (tests/e2e/harness.ts) are reachable this way too. */
export type Reachable = Pick<ServerProcess, "url" | "createKey">;

export async function startServerProcess(
  dbPath: string,
  env: Record<string, string> = {},
  /** Extra Node options (the bench passes `--cpu-prof`). */
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      SKIP_CLIENT_BUILD: "1",
      DATABASE_PATH: dbPath,
      DATABASE_URL: "",
      // Tests create many sessions from one address.
      CREATE_PER_HOUR: "10000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Never leave a server behind, even when a test run is interrupted.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  child.once("exit", () => process.removeListener("exit", killChild));
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    wsUrl: url.replace(/^http/, "ws"),
    output: () => out,
    ...(env.CREATE_KEY ? { createKey: env.CREATE_KEY } : {}),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function api<T = unknown>(
  server: Reachable,
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${server.url}${path}`, { ...init, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (CSV)
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

/**
 * Asks `probe` again (every 50 ms) until it returns something other than undefined; rejects after
 * 25 s naming `what`. For what the server does on its own (a file change picked up…).
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CreatedSession {
  code: string;
  facilitatorKey: string;
  roomId: string;
  joinUrl: string;
  screenUrl: string;
}

export async function createSession(server: Reachable, body: object): Promise<CreatedSession> {
  const json = server.createKey ? { createKey: server.createKey, ...body } : body;
  const res = await api<CreatedSession>(server, "/api/sessions", { method: "POST", json });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${res.text}`);
  return res.body;
}

type Received = { type: string; payload: unknown };

/** A connected SDK client that keeps everything it received: messages, raw frames, state snapshots. */
export class Seat {
  readonly messages: Received[] = [];
  readonly frames: Buffer[] = [];
  readonly snapshots: string[] = [];
  private waiters: (() => void)[] = [];
  playerId: string | null = null;
  leftCode: number | null = null;
  seatKey: string | null = null;

  constructor(
    public room: Room<GameRoom>,
    readonly label: string,
  ) {
    this.attach(room);
  }

  attach(room: Room<GameRoom>): void {
    this.room = room;
    const connection = (
      room as unknown as { connection: { events: { onmessage: (e: MessageEvent) => void } } }
    ).connection;
    const original = connection.events.onmessage;
    connection.events.onmessage = (event: MessageEvent) => {
      this.frames.push(Buffer.from(event.data as ArrayBuffer));
      original(event);
    };
    room.onMessage("*", (type, payload) => {
      this.messages.push({ type: String(type), payload });
      if (type === "welcome") {
        const w = payload as ServerMessages["welcome"];
        this.playerId = w.playerId;
        if (w.seatKey) this.seatKey = w.seatKey;
      }
      this.notify();
    });
    room.onLeave((code) => {
      this.leftCode = code;
      this.notify();
    });
    room.onStateChange(() => {
      this.snapshots.push(JSON.stringify(room.state.toJSON()));
      this.notify();
    });
  }

  get state() {
    return this.room.state;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `predicate` holds (checked on every message and patch); rejects after 25 s. */
  waitFor(predicate: () => boolean, what = "condition"): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.label}: timed out waiting for ${what}; errors: ${JSON.stringify(this.errors().slice(-3))}; left: ${this.leftCode}`,
            ),
          ),
        25_000,
      );
      const check = () => {
        let ok = false;
        try {
          ok = predicate();
        } catch {
          ok = false;
        }
        if (ok) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  errors(): ServerMessages["error"][] {
    return this.messages.filter((m) => m.type === "error").map((m) => m.payload as ServerMessages["error"]);
  }

  revealed(): ServerMessages["revealed"][] {
    return this.messages
      .filter((m) => m.type === "revealed")
      .map((m) => m.payload as ServerMessages["revealed"]);
  }

  welcome(): ServerMessages["welcome"] | undefined {
    return this.messages.findLast((m) => m.type === "welcome")?.payload as
      | ServerMessages["welcome"]
      | undefined;
  }

  send(name: string, payload?: unknown): void {
    (this.room as unknown as { send(n: string, p: unknown): void }).send(name, payload);
  }

  /** Sends a message and waits for the `error` reply it must get. */
  async expectError(name: string, payload: unknown, code?: string): Promise<ServerMessages["error"]> {
    const before = this.errors().length;
    this.send(name, payload);
    await this.waitFor(() => this.errors().length > before, `error reply to ${name}`);
    const error = this.errors()[before];
    if (!error) throw new Error("no error");
    if (code && error.code !== code) {
      throw new Error(
        `${this.label}: ${name} → expected error ${code}, got ${error.code} (${error.message})`,
      );
    }
    return error;
  }

  /** Everything received, as text (frames decoded as UTF-8, messages and snapshots as JSON). */
  everything(): string {
    return [
      ...this.frames.map((f) => f.toString("utf8")),
      ...this.messages.map((m) => JSON.stringify(m)),
      ...this.snapshots,
    ].join("\n");
  }

  /** Closes the connection without telling the room (a closed tab): no automatic reconnection. */
  closeTab(): void {
    this.room.reconnection.enabled = false;
    (this.room as unknown as { connection: { close(code: number, reason: string): void } }).connection.close(
      3000,
      "onglet fermé",
    );
  }

  async leave(): Promise<void> {
    if (this.leftCode !== null) return;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000));
    await Promise.race([this.room.leave(true).catch(() => undefined), timeout]);
  }
}

/** A seat's view of the state, minus the clock (to check that nothing changed). */
export function stateSnapshot(seat: Seat): string {
  const json = seat.state.toJSON() as Record<string, unknown>;
  delete json.serverNow;
  return JSON.stringify(json);
}

/** Every patch produced before now has reached the facilitator's seat once this round trip is done. */
export async function flushPatches(facilitator: Seat): Promise<void> {
  const locked = facilitator.state.locked;
  facilitator.send("lock", { locked: !locked });
  await facilitator.waitFor(() => facilitator.state.locked === !locked, "lock");
  facilitator.send("lock", { locked });
  await facilitator.waitFor(() => facilitator.state.locked === locked, "unlock");
}

export function sdkClient(server: Reachable): Client {
  return new Client(server.url);
}

async function resolveRoom(server: Reachable, code: string): Promise<string> {
  const res = await api<{ roomId: string | null }>(server, `/api/sessions/${code}`);
  if (!res.body.roomId) throw new Error(`no room for ${code}`);
  return res.body.roomId;
}

export async function joinAsPlayer(
  server: Reachable,
  code: string,
  name: string,
  extra: { teamId?: string; seatKey?: string; rejoinCode?: string; protocol?: number } = {},
): Promise<Seat> {
  const roomId = await resolveRoom(server, code);
  const room = await sdkClient(server).joinById<GameRoom>(roomId, {
    as: "player",
    protocol: extra.protocol ?? PROTOCOL_VERSION,
    code,
    name,
    ...(extra.teamId ? { teamId: extra.teamId } : {}),
    ...(extra.seatKey ? { seatKey: extra.seatKey } : {}),
    ...(extra.rejoinCode ? { rejoinCode: extra.rejoinCode } : {}),
  });
  const seat = new Seat(room, name);
  await seat.waitFor(() => seat.welcome() !== undefined, "welcome");
  return seat;
}

export async function joinAsFacilitator(server: Reachable, code: string, key: string): Promise<Seat> {
  const roomId = await resolveRoom(server, code);
  const room = await sdkClient(server).joinById<GameRoom>(roomId, {
    as: "facilitator",
    protocol: PROTOCOL_VERSION,
    code,
    facilitatorKey: key,
  });
  const seat = new Seat(room, "facilitator");
  await seat.waitFor(() => seat.welcome() !== undefined, "welcome");
  return seat;
}

export async function joinAsScreen(server: Reachable, code: string): Promise<Seat> {
  const roomId = await resolveRoom(server, code);
  const room = await sdkClient(server).joinById<GameRoom>(roomId, {
    as: "screen",
    protocol: PROTOCOL_VERSION,
    code,
  });
  const seat = new Seat(room, "screen");
  await seat.waitFor(() => seat.welcome() !== undefined, "welcome");
  return seat;
}

/** A TCP relay in front of the server whose connections can be cut, as a network failure would
 *  (no close handshake). Clients that connect through `server` reconnect through it too. */
export async function startRelay(
  target: ServerProcess,
): Promise<{ server: ServerProcess; cut(): void; close(): void }> {
  const { hostname, port } = new URL(target.url);
  const sockets = new Set<Socket>();
  const relay = createServer((inbound) => {
    const outbound = connect(Number(port), hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    server: { ...target, url, wsUrl: url.replace(/^http/, "ws") },
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      relay.close();
    },
  };
}

/** A step's draft in a synced state, as its JSON (drafts travel as cells: shared/draft-cells.ts). */
export function draftJson(work: TeamWorkState | undefined, stepId: string): string | undefined {
  const draft = work?.drafts.get(stepId);
  return draft ? JSON.stringify(fromDraftCells(draft.cells.entries())) : undefined;
}

/** A started facilitator-paced session of exemple with teams of two: the facilitator, then the players
 *  in the order of `names`, each seen playing. The seats are pushed to `seats` for closing. */
async function startedSession(
  server: ServerProcess,
  seats: Seat[],
  teamCount: number,
  names: string[],
): Promise<{ facilitator: Seat; players: Seat[] }> {
  const session = await createSession(server, {
    scenarioId: "exemple",
    pace: "facilitator",
    teamCount,
    teamSize: 2,
  });
  const facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
  seats.push(facilitator);
  const players: Seat[] = [];
  for (const name of names) players.push(await joinAsPlayer(server, session.code, name));
  seats.push(...players);
  await facilitator.waitFor(() => facilitator.state.players.size === names.length, `${names.length} players`);
  facilitator.send("start", {});
  await Promise.all(players.map((p) => p.waitFor(() => p.state.phase === "playing", "playing")));
  await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
  return { facilitator, players };
}

/** A started session with one team of two: `editor` (Alice) edits, `teammate` (Bruno) watches. */
export async function startedPair(
  server: ServerProcess,
  seats: Seat[],
): Promise<{ facilitator: Seat; editor: Seat; teammate: Seat }> {
  const { facilitator, players } = await startedSession(server, seats, 1, ["Alice", "Bruno"]);
  const [editor, teammate] = players as [Seat, Seat];
  return { facilitator, editor, teammate };
}

/** A started session with two teams of two: `a1` and `a2` in one team, `b1` and `b2` in the other. */
export async function startedTeams(
  server: ServerProcess,
  seats: Seat[],
): Promise<{ facilitator: Seat; a1: Seat; a2: Seat; b1: Seat; b2: Seat }> {
  const { facilitator, players } = await startedSession(server, seats, 2, ["Ana", "Bruno", "Chloé", "Driss"]);
  const [teamA, teamB] = facilitator.state.teams;
  const memberOf = (teamId: string | undefined) =>
    players.filter((p) => facilitator.state.players.get(p.playerId ?? "")?.teamId === teamId);
  const [a1, a2] = memberOf(teamA?.id);
  const [b1, b2] = memberOf(teamB?.id);
  if (!a1 || !a2 || !b1 || !b2) throw new Error("two teams of two expected");
  return { facilitator, a1, a2, b1, b2 };
}
