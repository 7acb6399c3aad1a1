/**
 * The one connection module: the only place that talks to the Colyseus room. Screens call
 * `connect…` to get a `Connection`, subscribe to state snapshots and status changes, and send
 * intents with `send(name, payload)`, typed by shared/protocol.ts.
 *
 * Reconnection is ours (the SDK's own retries are off): after a drop, with a growing delay and for
 * as long as the seat can exist, the connection tries its reconnection token (same room, within the
 * server's window), then joins again the same way (a player with their seat key, the facilitator with
 * the key, the screen as a screen), through the join code: after a server restart the room is new.
 * It stops only when the server refuses the seat (removed, taken back elsewhere, session ended or gone).
 */
import { Client, type Room } from "@colyseus/sdk";
import {
  type ClientMessage,
  type ClientMessageName,
  CloseCodes,
  type JoinOptions,
  PROTOCOL_VERSION,
  type ServerMessages,
} from "../../../shared/protocol.ts";
import { ApiError, getSessionInfo } from "./api.ts";
import { forgetSeat, loadSeat, type SeatKind, saveSeat, seatNamed } from "./seats.ts";

export type ConnectionStatus = "connected" | "reconnecting" | "closed";
/** Why a connection closed: `taken-over` (this seat now plays on another device or tab, which used
 *  the same seat key or token), `moved` (taken back on another device: this one no longer holds it),
 *  `claim-refused` (the facilitator did not confirm a claim), `lost` (the session is gone). */
export type CloseReason =
  | "left"
  | "kicked"
  | "ended"
  | "protocol"
  | "lost"
  | "taken-over"
  | "moved"
  | "claim-refused";

/** Join options as the screens give them: the protocol version is filled in by `join`. */
export type JoinRequest = WithoutProtocol<JoinOptions>;
type WithoutProtocol<O> = O extends unknown ? Omit<O, "protocol"> : never;

export type Welcome = ServerMessages["welcome"];
export type Revealed = ServerMessages["revealed"];
export type SeatsUpdate = ServerMessages["seats"];
export type Focus = ServerMessages["focus"];

export interface ConnectionEvents {
  state: (state: unknown) => void;
  welcome: (welcome: Welcome) => void;
  revealed: (revealed: Revealed) => void;
  status: (status: ConnectionStatus, reason?: CloseReason) => void;
  error: (error: ServerMessages["error"]) => void;
  /** Facilitator: pending seat claims and seat notices. */
  seats: (seats: SeatsUpdate) => void;
  /** A claim of a disconnected seat waits for the facilitator. */
  claim: (claim: ServerMessages["claim"]) => void;
  /** A teammate holds or edits a piece (or lets go of it). */
  focus: (focus: Focus) => void;
}

/** Delay before the n-th recovery attempt: 0.5 s doubling up to 15 s, with ±20 % jitter so that a
 *  room's players do not all come back in the same instant after a restart. */
export function recoveryDelayMs(attempt: number, random = Math.random()): number {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** What a refused join means for a seat: retry later, or a reason to stop (and whether the server
 *  refused the seat itself, so that this device forgets it). */
export function joinRefusal(error: unknown): { reason: CloseReason; forget: boolean } | null {
  if (error instanceof ApiError) return error.status === 404 ? { reason: "lost", forget: true } : null;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === CloseCodes.sessionEnded) return { reason: "ended", forget: false };
  if (code === CloseCodes.protocolMismatch) return { reason: "protocol", forget: false };
  if (code === CloseCodes.unknownCode || code === CloseCodes.wrongFacilitatorKey)
    return { reason: "lost", forget: true };
  if (code !== CloseCodes.joinRefused) return null;
  if (message === "kicked") return { reason: "kicked", forget: true };
  if (message === "seat-moved") return { reason: "moved", forget: true };
  if (message === "seat-unknown") return { reason: "lost", forget: true };
  return null;
}

function endpoint(): string {
  const { protocol, host } = globalThis.location;
  return `${protocol === "https:" ? "https" : "http"}://${host}`;
}

let sharedClient: Client | null = null;
function client(): Client {
  sharedClient ??= new Client(endpoint());
  return sharedClient;
}

/** Resolves the join code to its room (HTTP: after a restart the room is a new one), then joins it. */
async function joinRoom(request: JoinRequest): Promise<Room> {
  const options: JoinOptions = { ...request, protocol: PROTOCOL_VERSION };
  const info = await getSessionInfo(options.code);
  if (info.phase === "ended") throw Object.assign(new Error("ended"), { code: CloseCodes.sessionEnded });
  if (!info.roomId) throw new ApiError(410, "session-closed", "session closed");
  return client().joinById(info.roomId, options);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Connection {
  status: ConnectionStatus = "connected";
  private room: Room;
  private readonly listeners: { [K in keyof ConnectionEvents]: Set<ConnectionEvents[K]> } = {
    state: new Set(),
    welcome: new Set(),
    revealed: new Set(),
    status: new Set(),
    error: new Set(),
    seats: new Set(),
    claim: new Set(),
    focus: new Set(),
  };
  private lastState: unknown = null;
  /** The last `welcome` (scenario, player id); replayed to late listeners. */
  welcome: Welcome | null = null;
  /** Every `revealed` message received, by step index; replayed to late listeners. */
  readonly revealed = new Map<number, Revealed>();
  /** Facilitator: the last seats update; a player: the pending claim, until the facilitator decides. */
  seats: SeatsUpdate | null = null;
  claim: ServerMessages["claim"] | null = null;
  private closedOnPurpose = false;
  private recovering = false;
  /** How to join again: the request that worked, with the seat key once the seat is given. */
  private request: JoinRequest;
  /** The player's seat secrets (kept across reconnections, which do not send them again). */
  private seatKey: string | null;
  rejoinCode: string | null;

  private constructor(
    room: Room,
    request: JoinRequest,
    kept?: { seatKey?: string | null; rejoinCode?: string | null },
  ) {
    this.room = room;
    this.request = request;
    this.seatKey = kept?.seatKey ?? null;
    this.rejoinCode = kept?.rejoinCode ?? null;
    this.attach(room);
  }

  get kind(): SeatKind {
    return this.request.as;
  }

  get code(): string {
    return this.request.code;
  }

  /** The id the server gives this client in the room (also the player id). */
  get sessionId(): string {
    return this.room.sessionId;
  }

  /** Joins with this client's `PROTOCOL_VERSION`. A player who already holds a seat under this name on
   *  this device takes it back with its seat key. Rejects with the server's refusal. */
  static async join(request: JoinRequest): Promise<Connection> {
    const kept =
      request.as === "player" && !request.seatKey ? seatNamed("player", request.code, request.name) : null;
    if (kept?.seatKey && request.as === "player") {
      try {
        return await Connection.open({ ...request, seatKey: kept.seatKey }, kept);
      } catch (error) {
        const refusal = joinRefusal(error);
        if (!refusal?.forget) throw error;
        forgetSeat("player", request.code, kept.name); // the server refused that seat: join anew
      }
    }
    return Connection.open(request);
  }

  private static async open(
    request: JoinRequest,
    kept?: { seatKey?: string | null; rejoinCode?: string | null },
  ) {
    const room = await joinRoom(request);
    const connection = new Connection(room, request, kept);
    connection.remember();
    return connection;
  }

  /** Takes this tab's stored player seat back (after a reload): its token, else its seat key. Null when
   *  the tab has no seat or the server cannot take it back now (the seat stays stored unless refused). */
  static async resume(code: string): Promise<Connection | null> {
    const seat = loadSeat("player", code);
    if (!seat?.name) return null;
    const request: JoinRequest = { as: "player", code, name: seat.name, seatKey: seat.seatKey ?? undefined };
    try {
      const room = await client().reconnect(seat.reconnectionToken);
      const connection = new Connection(room, request, seat);
      connection.remember();
      return connection;
    } catch {
      // the reconnection window is over (or the server restarted): the seat key below
    }
    if (!seat.seatKey) return null;
    try {
      return await Connection.open(request, seat);
    } catch (error) {
      if (joinRefusal(error)?.forget) forgetSeat("player", code, seat.name);
      return null;
    }
  }

  on<K extends keyof ConnectionEvents>(event: K, listener: ConnectionEvents[K]): () => void {
    this.listeners[event].add(listener);
    if (event === "state" && this.lastState !== null) (listener as ConnectionEvents["state"])(this.lastState);
    if (event === "welcome" && this.welcome) (listener as ConnectionEvents["welcome"])(this.welcome);
    if (event === "revealed")
      for (const r of this.revealed.values()) (listener as ConnectionEvents["revealed"])(r);
    if (event === "seats" && this.seats) (listener as ConnectionEvents["seats"])(this.seats);
    if (event === "claim" && this.claim) (listener as ConnectionEvents["claim"])(this.claim);
    return () => this.listeners[event].delete(listener);
  }

  send<N extends ClientMessageName>(name: N, payload: ClientMessage<N>): void {
    if (this.status === "closed") return;
    this.room.send(name, payload);
  }

  /** Leaves on purpose: the seat is forgotten on this device (in the lobby the server frees it). */
  async leave(): Promise<void> {
    this.closedOnPurpose = true;
    forgetSeat(this.kind, this.code, this.playerName());
    await this.room.leave(true).catch(() => undefined);
  }

  /** Closes this page's connection without giving the seat up (the screen goes away). */
  async detach(): Promise<void> {
    this.closedOnPurpose = true;
    await this.room.leave(true).catch(() => undefined);
  }

  /** After `taken-over`: takes the seat back on this device (the other one is told). */
  takeBack(): void {
    this.closedOnPurpose = false;
    void this.recover();
  }

  private playerName(): string | undefined {
    return this.request.as === "player" ? this.request.name : undefined;
  }

  private remember(): void {
    if (!this.room.reconnectionToken) return;
    saveSeat(this.kind, this.code, {
      reconnectionToken: this.room.reconnectionToken,
      sessionId: this.room.sessionId,
      name: this.playerName(),
      seatKey: this.seatKey,
      rejoinCode: this.rejoinCode,
    });
  }

  private emit<K extends keyof ConnectionEvents>(event: K, ...args: Parameters<ConnectionEvents[K]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: unknown[]) => void)(...args);
  }

  private setStatus(status: ConnectionStatus, reason?: CloseReason): void {
    this.status = status;
    this.emit("status", status, reason);
  }

  private attach(room: Room): void {
    room.reconnection.enabled = false; // our own recovery (see the module comment)
    room.onStateChange((state) => {
      const plain = toPlain(state);
      this.lastState = plain;
      this.emit("state", plain);
    });
    room.onMessage("error", (error: ServerMessages["error"]) => this.emit("error", error));
    room.onMessage("welcome", (welcome: Welcome) => {
      this.welcome = welcome;
      this.claim = null;
      if (welcome.seatKey && this.request.as === "player") {
        this.seatKey = welcome.seatKey;
        this.rejoinCode = welcome.rejoinCode;
        const { rejoinCode: _code, claim: _claim, ...rest } = this.request;
        this.request = { ...rest, seatKey: welcome.seatKey };
      }
      this.remember();
      this.emit("welcome", welcome);
    });
    room.onMessage("revealed", (revealed: Revealed) => {
      this.revealed.set(revealed.stepIndex, revealed);
      this.emit("revealed", revealed);
    });
    room.onMessage("seats", (seats: SeatsUpdate) => {
      this.seats = seats;
      this.emit("seats", seats);
    });
    room.onMessage("claim", (claim: ServerMessages["claim"]) => {
      this.claim = claim;
      this.emit("claim", claim);
    });
    room.onMessage("focus", (focus: Focus) => this.emit("focus", focus));
    room.onMessage("*", () => undefined);
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onLeave((code) => {
      if (room !== this.room) return;
      if (this.closedOnPurpose) return this.setStatus("closed", "left");
      if (code === CloseCodes.kicked) return this.close("kicked", true);
      if (code === CloseCodes.sessionEnded || code === CloseCodes.sessionClosed)
        return this.close("ended", false);
      if (code === CloseCodes.protocolMismatch) return this.close("protocol", false);
      if (code === CloseCodes.seatTakenOver) return this.close("taken-over", false);
      if (code === CloseCodes.claimRefused) return this.close("claim-refused", false);
      void this.recover();
    });
  }

  private close(reason: CloseReason, forget: boolean): void {
    if (forget) forgetSeat(this.kind, this.code, this.playerName());
    this.setStatus("closed", reason);
  }

  /** Comes back after a drop, for as long as the seat can exist (see the module comment). */
  private async recover(): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    this.setStatus("reconnecting");
    try {
      for (let attempt = 0; ; attempt++) {
        await sleep(recoveryDelayMs(attempt));
        if (this.closedOnPurpose) return;
        const refusal = await this.tryToComeBack();
        if (refusal === null) return;
        if (refusal !== "retry") return this.close(refusal.reason, refusal.forget);
      }
    } finally {
      this.recovering = false;
    }
  }

  /** One attempt: null when back, "retry", or the refusal that ends the seat. */
  private async tryToComeBack(): Promise<ReturnType<typeof joinRefusal> | "retry"> {
    let room: Room | null = null;
    try {
      room = await client().reconnect(this.room.reconnectionToken);
    } catch {
      try {
        room = await joinRoom(this.request);
      } catch (error) {
        return joinRefusal(error) ?? "retry";
      }
    }
    const old = this.room;
    this.room = room;
    old.removeAllListeners();
    this.attach(room);
    this.remember();
    this.setStatus("connected");
    return null;
  }
}

/** Colyseus schema instances → plain JSON (the view-models read plain data only). */
function toPlain(state: unknown): unknown {
  if (state && typeof (state as { toJSON?: unknown }).toJSON === "function") {
    return (state as { toJSON: () => unknown }).toJSON();
  }
  return state;
}
