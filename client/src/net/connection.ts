/**
 * The one connection module: the only place that talks to the Colyseus room. Screens call
 * `connect…` to get a `Connection`, subscribe to state snapshots and status changes, and send
 * intents with `send(name, payload)`, typed by shared/protocol.ts.
 *
 * Reconnection: the SDK retries by itself after a drop (once the room has been up a few seconds);
 * when it gives up, or after a page reload, we reconnect with the stored reconnection token.
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
import { forgetSeat, loadSeat, type SeatKind, saveSeat } from "./seats.ts";

export type ConnectionStatus = "connected" | "reconnecting" | "closed";
export type CloseReason = "left" | "kicked" | "ended" | "protocol" | "lost";

/** Join options as the screens give them: the protocol version is filled in by `join`. */
export type JoinRequest = WithoutProtocol<JoinOptions>;
type WithoutProtocol<O> = O extends unknown ? Omit<O, "protocol"> : never;

export type Welcome = ServerMessages["welcome"];
export type Revealed = ServerMessages["revealed"];

export interface ConnectionEvents {
  state: (state: unknown) => void;
  welcome: (welcome: Welcome) => void;
  revealed: (revealed: Revealed) => void;
  status: (status: ConnectionStatus, reason?: CloseReason) => void;
  error: (error: ServerMessages["error"]) => void;
}

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 3000, 5000, 5000, 5000, 10000, 10000, 10000];

function endpoint(): string {
  const { protocol, host } = globalThis.location;
  return `${protocol === "https:" ? "https" : "http"}://${host}`;
}

let sharedClient: Client | null = null;
function client(): Client {
  sharedClient ??= new Client(endpoint());
  return sharedClient;
}

export class Connection {
  status: ConnectionStatus = "connected";
  private room: Room;
  private readonly listeners: { [K in keyof ConnectionEvents]: Set<ConnectionEvents[K]> } = {
    state: new Set(),
    welcome: new Set(),
    revealed: new Set(),
    status: new Set(),
    error: new Set(),
  };
  private lastState: unknown = null;
  /** The last `welcome` (scenario, player id); replayed to late listeners. */
  welcome: Welcome | null = null;
  /** Every `revealed` message received, by step index; replayed to late listeners. */
  readonly revealed = new Map<number, Revealed>();
  private closedOnPurpose = false;

  private constructor(
    room: Room,
    readonly kind: SeatKind,
    readonly code: string,
  ) {
    this.room = room;
    this.attach(room);
  }

  /** The id the server gives this client in the room (also the player id). */
  get sessionId(): string {
    return this.room.sessionId;
  }

  /** Resolves the join code to its room (HTTP), then joins it with this client's `PROTOCOL_VERSION`.
   *  Rejects with the server's refusal. */
  static async join(request: JoinRequest): Promise<Connection> {
    const options: JoinOptions = { ...request, protocol: PROTOCOL_VERSION };
    const info = await getSessionInfo(options.code);
    if (!info.roomId) throw new ApiError(410, "session-closed", "session closed");
    const room = await client().joinById(info.roomId, options);
    const connection = new Connection(room, options.as, options.code);
    connection.remember(options.as === "player" ? options.name : undefined);
    return connection;
  }

  /** Rejoins with the token stored for this tab, if any. Null when there is none or it expired. */
  static async resume(kind: SeatKind, code: string): Promise<Connection | null> {
    const seat = loadSeat(kind, code);
    if (!seat) return null;
    try {
      const room = await client().reconnect(seat.reconnectionToken);
      const connection = new Connection(room, kind, code);
      connection.remember(seat.name);
      return connection;
    } catch {
      // The reconnection window is over: take the same seat back with the seat key.
      if (kind === "player" && seat.seatKey && seat.name) {
        try {
          return await Connection.join({
            as: "player",
            code,
            name: seat.name,
            seatKey: seat.seatKey,
          });
        } catch {
          // fall through
        }
      }
      forgetSeat(kind, code);
      return null;
    }
  }

  on<K extends keyof ConnectionEvents>(event: K, listener: ConnectionEvents[K]): () => void {
    this.listeners[event].add(listener);
    if (event === "state" && this.lastState !== null) (listener as ConnectionEvents["state"])(this.lastState);
    if (event === "welcome" && this.welcome) (listener as ConnectionEvents["welcome"])(this.welcome);
    if (event === "revealed")
      for (const r of this.revealed.values()) (listener as ConnectionEvents["revealed"])(r);
    return () => this.listeners[event].delete(listener);
  }

  send<N extends ClientMessageName>(name: N, payload: ClientMessage<N>): void {
    if (this.status === "closed") return;
    this.room.send(name, payload);
  }

  async leave(): Promise<void> {
    this.closedOnPurpose = true;
    forgetSeat(this.kind, this.code);
    await this.room.leave(true).catch(() => undefined);
  }

  private remember(name?: string): void {
    const previous = loadSeat(this.kind, this.code);
    saveSeat(this.kind, this.code, {
      reconnectionToken: this.room.reconnectionToken,
      sessionId: this.room.sessionId,
      name: name ?? previous?.name,
      seatKey: this.welcome?.seatKey ?? previous?.seatKey,
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
    room.onStateChange((state) => {
      const plain = toPlain(state);
      this.lastState = plain;
      this.emit("state", plain);
    });
    room.onMessage("error", (error: ServerMessages["error"]) => this.emit("error", error));
    room.onMessage("welcome", (welcome: Welcome) => {
      this.welcome = welcome;
      this.remember();
      this.emit("welcome", welcome);
    });
    room.onMessage("revealed", (revealed: Revealed) => {
      this.revealed.set(revealed.stepIndex, revealed);
      this.emit("revealed", revealed);
    });
    room.onMessage("*", () => undefined);
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => {
      this.remember();
      this.setStatus("connected");
    });
    room.onLeave((code) => {
      if (this.closedOnPurpose) return this.setStatus("closed", "left");
      if (code === CloseCodes.kicked) return this.close("kicked");
      if (code === CloseCodes.sessionEnded || code === CloseCodes.sessionClosed) return this.close("ended");
      if (code === CloseCodes.protocolMismatch) return this.close("protocol");
      void this.reconnectWithToken();
    });
  }

  private close(reason: CloseReason): void {
    forgetSeat(this.kind, this.code);
    this.setStatus("closed", reason);
  }

  private async reconnectWithToken(): Promise<void> {
    this.setStatus("reconnecting");
    for (const delay of RECONNECT_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.closedOnPurpose) return;
      try {
        const room = await client().reconnect(this.room.reconnectionToken);
        this.room.removeAllListeners();
        this.room = room;
        this.attach(room);
        this.remember();
        this.setStatus("connected");
        return;
      } catch {
        // server still down or seat expired: retry, then give up
      }
    }
    this.close("lost");
  }
}

/** Colyseus schema instances → plain JSON (the view-models read plain data only). */
function toPlain(state: unknown): unknown {
  if (state && typeof (state as { toJSON?: unknown }).toJSON === "function") {
    return (state as { toJSON: () => unknown }).toJSON();
  }
  return state;
}
