/**
 * The `game` room: one per session. Thin by design: it parses every message, checks who sends it,
 * turns it into a `SessionEvent`, applies it through the one pure `applyEvent`, writes the accepted
 * event to the session log, then mirrors the model into the synced state. It also owns the clock (timers), reconnection and per-client views.
 */
import {
  type AuthContext,
  type Client,
  ClientState,
  type Deferred,
  Room,
  SchemaSerializer,
  type Serializer,
  ServerError,
} from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import {
  type ClientMessageName,
  ClientMessages,
  CloseCodes,
  isFacilitatorAction,
  isPresenceAction,
  isSeatAction,
  JoinOptions,
  type ParsedMessage,
  PROTOCOL_VERSION,
  type PresenceAction,
  type ProtocolErrorCode,
  parseClientMessage,
  type SeatNotice,
  type SeatRole,
  type ServerMessages,
} from "../../shared/protocol.ts";
import {
  applyEvent,
  confirmClaim,
  decideNameJoin,
  type EventResult,
  lookUpName,
  type PublicScenario,
  pendingClaims,
  pieceSeat,
  playersToRecheck,
  RULES_VERSION,
  type Seat,
  type SeatClaim,
  type SeatTeam,
  type SeatView,
  type SessionEvent,
  type SessionModel,
  sameInputs,
  seatView,
  seatViewInputs,
  toPublicScenario,
} from "../../shared/rules/index.ts";
import { type Route, routeScenario } from "../../shared/scenario/route.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { hashSecret, newJoinCode, newSecret, normalizeJoinCode, secretMatches } from "../codes.ts";
import { type Logger, logger } from "../log.ts";
import { messageLabel, PatchLatency, refusals } from "../metrics.ts";
import { sessionScenario } from "../scenarios.ts";
import { GameState, PRIVATE_VIEW, type TeamState } from "../state.ts";
import type { LogEntry } from "../store/store.ts";
import { eventLogEntry } from "./event-log.ts";
import { refusalMessage } from "./messages-fr.ts";
import { StateMirror } from "./mirror.ts";
import { replayStoredLog } from "./replay.ts";
import { deriveResults } from "./results.ts";
import { RoomSerializer } from "./room-serializer.ts";
import { getRoomServices } from "./services.ts";

/** Presence hash mapping join codes to room ids (shared by every process through Redis later). */
export const CODES_KEY = "datatruc:codes";

/** How long a seat the matchmaker reserved waits for its connection (Colyseus's default: 15 s). */
export const SEAT_RESERVATION_SECONDS = 45;
/** The largest session creation allows: MAX_TEAMS teams of MAX_TEAM_SIZE players. */
export const MAX_TEAMS = 50;
export const MAX_TEAM_SIZE = 12;
/** Connections a session room takes: its largest number of players, plus facilitators and projected
 *  screens. (It was 500 for everyone: a 500-player plenary's facilitator took the seat of its 500th
 *  player; bench, 499 of 500 seated.) */
export const MAX_CONNECTIONS = MAX_TEAMS * MAX_TEAM_SIZE + 20;

/** A player's focus is relayed at most this often; the latest one within the interval wins. */
export const FOCUS_INTERVAL_MS = 150;

/** How often the synced state's `serverNow` is refreshed: every client receives that change, so not
 *  on every edit (bench: a patch to each of a 500-player session's clients on every edit) nor every
 *  second; clients compute their clock offset from `welcome` and from each new `serverNow`. */
export const SERVER_CLOCK_MS = 5000;

/** Seat notices kept for the facilitator console (the latest ones). */
const MAX_SEAT_NOTICES = 20;

/** What a player seat given to a client comes with (the secrets only when a seat is given anew). */
interface GivenSeat {
  playerId: string;
  seatKey: string | null;
  rejoinCode: string | null;
}

/** A room nobody has been connected to for this long is closed (its session stays in the store). */
export const IDLE_ROOM_MS = 6 * 60 * 60 * 1000;

/** A seat in this room: the rules' seats, or a device waiting for the facilitator to confirm that it
 *  takes a disconnected seat (it sees the public state only). */
type RoomSeat = Seat | { role: "claimant"; playerId: string };
type GameClient = Client<{ userData: RoomSeat; messages: ServerMessages }>;

export interface GameRoomCreateOptions {
  code: string;
}

type Handler = (this: GameRoom, client: GameClient, payload: unknown) => void;

/** One handler per message name (so the SDK can type `room.send`), plus `_` for unknown names. */
function messageHandlers(): Record<ClientMessageName | "_", Handler> {
  const handlers = {} as Record<ClientMessageName | "_", Handler>;
  for (const name of Object.keys(ClientMessages) as ClientMessageName[]) {
    handlers[name] = function (client, payload) {
      this.receive(client, name, payload);
    };
  }
  handlers._ = function (this: GameRoom, client: GameClient, type: unknown, payload?: unknown) {
    this.receive(client, type, payload);
  } as Handler;
  return handlers;
}

export class GameRoom extends Room<{ state: GameState; client: GameClient }> {
  override state = new GameState();
  override messages = messageHandlers();

  /** The state goes through the room serializer (no empty patch frames, large full states). */
  override setSerializer(serializer: Serializer<GameState>): void {
    super.setSerializer(serializer instanceof SchemaSerializer ? new RoomSerializer() : serializer);
  }

  private code = "";
  /** Log lines of this room carry its session code. */
  private logger: Logger = logger;
  private readonly patchLatency = new PatchLatency();
  private scenario!: Scenario;
  private publicScenario!: PublicScenario;
  private model!: SessionModel;
  private mirror!: StateMirror;
  private logSeq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly seats = new Map<string, RoomSeat>();
  private readonly seatKeyHashes = new Map<string, string>();
  /** What each client's StateView holds (by session id): the seat view's player rows, private parts
   *  and teams it was last given (compared by identity: `seatView` keeps unchanged parts). */
  private readonly viewHeld = new Map<string, HeldView>();
  /** Each client's seat view (by session id), what it was computed from (`seatViewInputs`), and
   *  whether its StateView holds it yet. */
  private readonly seatViews = new Map<
    string,
    { inputs: readonly unknown[]; view: SeatView; held: boolean }
  >();
  /** Client address (session id → ip), to count a screen's messages where it cannot reset them. */
  private readonly addresses = new Map<string, string>();
  /** Clients being closed for flooding (their further messages are dropped). */
  private readonly flooded = new Set<string>();
  /** Hashes of the rejoin code of each seat, and of seat keys that no longer hold their seat (moved). */
  private readonly rejoinCodeHashes = new Map<string, string>();
  private readonly movedSeatKeys = new Map<string, string>();
  private readonly rejoinFailures = new Map<string, number>();
  private claims: SeatClaim[] = [];
  private readonly notices: SeatNotice[] = [];
  /** Clients (by session id) whose reconnection token was used by another connection while they held it. */
  private readonly tokenTakeovers = new Set<string>();
  /** The reconnection each dropped client may still make (rejected when its seat moves elsewhere). */
  private readonly reconnections = new Map<string, Deferred<GameClient>>();
  /** Actions received and not applied yet (applied together, once per turn of the event loop). */
  private pendingActions: PendingAction[] = [];
  /** The model the synced state and the views were last refreshed from. */
  private synced: SessionModel | undefined;
  /** Clients whose seat view was computed again since their reveals were last sent. */
  private readonly revealsToCheck = new Set<GameClient>();
  /** Steps whose solution each client (by session id) has been sent. */
  private readonly revealsSent = new Map<string, Set<number>>();
  private closedStepsSaved = -1;
  /** Per player: when their focus was last relayed, and the one waiting for the interval to pass. */
  private readonly focusSent = new Map<string, number>();
  private readonly focusPending = new Map<string, ServerMessages["focus"]>();
  private lastOccupied = Date.now();
  private clockPublishedAt = 0;

  override async onCreate(options: GameRoomCreateOptions) {
    // The session lives until it ends, even while nobody is connected; set first, so that a long
    // restore is not cut short by the empty-room timer.
    this.autoDispose = false;
    const { store, catalog } = getRoomServices();
    const session = await store.getSession(options.code);
    if (!session) throw new Error(`session inconnue : ${options.code}`);
    const full = await sessionScenario(store, catalog, session);
    if (!full) throw new Error(`scénario inconnu : ${session.scenarioId}`);
    if (session.rulesVersion !== null && session.rulesVersion !== RULES_VERSION) {
      console.warn(
        `[room ${session.code}] créée avec les règles v${session.rulesVersion}, jouée en v${RULES_VERSION}`,
      );
    }
    // The facilitator chose the full or the short route at creation (session options).
    const scenario = routeScenario(full, (session.options as { route?: Route }).route);
    this.code = session.code;
    this.logger = logger.child({ session: this.code });
    this.scenario = scenario;
    this.publicScenario = toPublicScenario(scenario);
    // A new session has an empty log; a session recreated after a restart replays its log.
    const replayed = await replayStoredLog(scenario, session, store.readLogPages(this.code));
    this.logSeq = replayed.lastSeq;
    this.model = replayed.model;
    if (replayed.entries > 0) await this.restore(replayed);
    this.mirror = new StateMirror(this.state, scenario);
    this.mirror.init(this.code);
    this.mirror.apply(this.model);
    this.publishClock(Date.now());
    this.maxClients = MAX_CONNECTIONS;
    // A join burst in a large session keeps the event loop busy: Colyseus's 15 s let seats reserved by
    // the matchmaker expire before their connection was accepted (bench, 500-player plenary).
    this.seatReservationTimeout = SEAT_RESERVATION_SECONDS;
    await this.setMetadata({ code: this.code });
    await this.presence.hset(CODES_KEY, this.code, this.roomId);
    this.clock.setInterval(() => this.enqueue(() => this.onTick()), 1000);
  }

  /** Recreated after a restart (the log replayed): everybody shown disconnected until they return. */
  private async restore(replayed: Awaited<ReturnType<typeof replayStoredLog>>): Promise<void> {
    if (replayed.diverged.length > 0) {
      this.logger.warn({ diverged: replayed.diverged.length }, "log entries not replayed");
    }
    for (const [playerId, hash] of replayed.seatKeyHashes) this.seatKeyHashes.set(playerId, hash);
    for (const [playerId, hash] of replayed.rejoinCodeHashes) this.rejoinCodeHashes.set(playerId, hash);
    for (const [hash, playerId] of replayed.movedSeatKeys) this.movedSeatKeys.set(hash, playerId);
    const now = Date.now();
    // Nobody is back yet: the rules cancel pending proposals, which the first member back would
    // otherwise submit alone.
    await this.record({ kind: "restored", at: now }, () => ({
      entries: replayed.entries,
      diverged: replayed.diverged.length,
    }));
    for (const player of Object.values(this.model.players)) {
      if (!player.connected || player.kicked) continue;
      await this.record({ kind: "disconnect", at: now, playerId: player.id });
    }
  }

  override async onDispose() {
    await this.presence.hdel(CODES_KEY, this.code);
  }

  override async onAuth(client: GameClient, rawOptions: unknown, context: AuthContext) {
    const address = context.ip ?? "unknown";
    if (!(await getRoomServices().limits.join(address))) {
      throw new ServerError(CloseCodes.joinRefused, "rate-limited");
    }
    this.addresses.set(client.sessionId, address);
    const parsed = JoinOptions.safeParse(rawOptions);
    if (!parsed.success) {
      const protocol = (rawOptions as { protocol?: unknown } | null)?.protocol;
      if (typeof protocol === "number" && protocol !== PROTOCOL_VERSION) throw protocolMismatch(protocol);
      throw new ServerError(CloseCodes.invalidJoinOptions, "Options de connexion invalides.");
    }
    const options = parsed.data;
    if (options.protocol !== PROTOCOL_VERSION) throw protocolMismatch(options.protocol);
    if (options.code.toUpperCase() !== this.code) {
      throw new ServerError(CloseCodes.unknownCode, "Code de session inconnu.");
    }
    if (this.model.phase === "ended") {
      throw new ServerError(CloseCodes.sessionEnded, "Cette session est terminée.");
    }
    if (options.as === "facilitator") {
      const session = await getRoomServices().store.getSession(this.code);
      if (!session || !secretMatches(options.facilitatorKey, session.facilitatorKeyHash)) {
        throw new ServerError(CloseCodes.wrongFacilitatorKey, "Clé d'animation incorrecte.");
      }
    }
    return options;
  }

  override async onJoin(client: GameClient, _options: unknown, auth: JoinOptions) {
    const options = JoinOptions.parse(auth);
    const arrived = performance.now();
    await this.enqueue(async () => {
      const started = performance.now();
      let given: GivenSeat | null = null;
      if (options.as === "player") {
        given = await this.seatPlayer(client, options);
        if (!given) return; // waiting for the facilitator's confirmation
        this.seats.set(client.sessionId, { role: "player", playerId: given.playerId });
      } else {
        this.seats.set(client.sessionId, { role: options.as });
        await this.log({ at: Date.now(), kind: `join-${options.as}`, actor: options.as, payload: {} });
      }
      this.sync();
      this.welcome(client, given);
      this.fullStateOnly(client);
      // How long the join waited for the room's queue, and how long seating it took (join bursts).
      const waitedMs = Math.round(started - arrived);
      const seatMs = Math.round(performance.now() - started);
      this.logger.info({ ...this.seatFields(client), waitedMs, seatMs }, "joined");
    });
  }

  /** Who a client is, for log lines: its role and player id (never a key). */
  private seatFields(client: GameClient): { role?: string; player?: string } {
    const seat = this.seats.get(client.sessionId);
    return { role: seat?.role, player: seat?.role === "player" ? seat.playerId : undefined };
  }

  override async onDrop(client: GameClient, code?: number) {
    const seat = this.seats.get(client.sessionId);
    const deliberate =
      code === CloseCodes.kicked ||
      code === CloseCodes.flooding ||
      code === CloseCodes.sessionClosed ||
      code === CloseCodes.seatTakenOver ||
      seat === undefined ||
      seat.role === "claimant";
    this.logger.info({ ...this.seatFields(client), code }, "dropped");
    await this.enqueue(() => this.markConnected(client, false));
    if (!deliberate && this.model.phase !== "ended") {
      // Rejects when the seat is not kept (a refused join, the room disposing, the delay over, the
      // seat taken back elsewhere): nothing to do then.
      const reconnection = this.allowReconnection(client, getRoomServices().reconnectSeconds);
      this.reconnections.set(client.sessionId, reconnection);
      reconnection.catch(() => undefined).finally(() => this.reconnections.delete(client.sessionId));
    }
  }

  override async onReconnect(client: GameClient) {
    await this.enqueue(async () => {
      await this.markConnected(client, true);
      this.logger.info(this.seatFields(client), "reconnected");
      this.forgetView(client);
      this.sync();
      this.fullStateOnly(client);
      const seat = this.seats.get(client.sessionId);
      if (this.tokenTakeovers.delete(client.sessionId) && seat?.role === "player") {
        await this.noteSeatChange(seat.playerId, "taken-over", "token");
      }
      this.welcome(client, null);
    });
  }

  /**
   * A reconnection token presented while the client holding it is still connected: Colyseus closes
   * that connection (a stale one, or another device or tab with the same token). The holder is told
   * why first (4105), and once the new connection is in, the facilitator sees the seat taken over.
   * Tokens are single-use: every join or reconnection gets a new one.
   */
  override checkReconnectionToken(reconnectionToken: string) {
    const holder = this.clients.find((c) => c.reconnectionToken === reconnectionToken);
    if (holder) {
      this.tokenTakeovers.add(holder.sessionId);
      holder.leave(CloseCodes.seatTakenOver, SEAT_TAKEN_OVER);
    }
    return super.checkReconnectionToken(reconnectionToken);
  }

  override async onLeave(client: GameClient) {
    await this.enqueue(async () => {
      const seat = this.seats.get(client.sessionId);
      this.logger.info(this.seatFields(client), "left");
      if (seat?.role === "claimant") {
        this.claims = this.claims.filter((c) => c.id !== client.sessionId);
        this.sendSeats();
      } else if (seat?.role === "player" && this.model.phase === "lobby") {
        // Leaving the lobby frees the seat (and the name): nothing was played yet.
        const result = await this.commit({ kind: "leave", at: Date.now(), playerId: seat.playerId });
        if (result.ok) {
          this.seatKeyHashes.delete(seat.playerId);
          this.rejoinCodeHashes.delete(seat.playerId);
        }
      } else if (seat) {
        await this.markConnected(client, false);
      }
      this.seats.delete(client.sessionId);
      this.forgetView(client);
      this.addresses.delete(client.sessionId);
      this.flooded.delete(client.sessionId);
      this.revealsSent.delete(client.sessionId);
      this.sync();
    });
  }

  /** Patches carry the actions applied since the previous one (action → patch latency metric). */
  override broadcastPatch(): boolean {
    const sent = super.broadcastPatch();
    this.patchLatency.patchSent();
    return sent;
  }

  /** Entry point of every client message (typed handlers and the wildcard): counted against the
   *  seat's budget first (in arrival order), then handled. */
  receive(client: GameClient, name: unknown, payload: unknown): void {
    if (this.flooded.has(client.sessionId)) return;
    void getRoomServices()
      .limits.message(this.floodKey(client))
      .then((allowed) => {
        if (this.flooded.has(client.sessionId)) return;
        if (allowed) return this.handle(client, name, payload);
        this.flooded.add(client.sessionId);
        client.leave(CloseCodes.flooding, "Trop de messages envoyés : connexion fermée.");
      });
  }

  /** The budget a client's messages count against: its seat, which a reconnection does not reset. */
  private floodKey(client: GameClient): string {
    const seat = this.seats.get(client.sessionId);
    if (seat?.role === "player") return `${this.code}:${seat.playerId}`;
    if (seat?.role === "facilitator") return `${this.code}:facilitator`;
    return `${this.code}:address:${this.addresses.get(client.sessionId) ?? client.sessionId}`;
  }

  private handle(client: GameClient, name: unknown, payload: unknown): void {
    const parsed: ParsedMessage = parseClientMessage(name, payload);
    const request = typeof name === "string" ? name.slice(0, 40) : String(name);
    if (!parsed.ok) {
      this.sendError(client, parsed.code, parsed.message, request);
      return;
    }
    const seat = this.seats.get(client.sessionId);
    if (!seat) {
      this.sendError(client, "not-player", "Vous n'êtes pas installé dans cette session.", request);
      return;
    }
    const { action } = parsed;
    if (isSeatAction(action)) {
      if (seat.role !== "facilitator") {
        this.sendError(client, "not-facilitator", "Action réservée à l'animateur ou l'animatrice.", request);
        return;
      }
      const confirm = action.name === "confirm-claim";
      void this.enqueue(() => this.decideClaim(client, confirm, action.payload.claimId, request));
      return;
    }
    if (isPresenceAction(action)) {
      if (seat.role !== "player") {
        this.sendError(client, "not-player", "Action réservée aux joueurs.", request);
        return;
      }
      void this.enqueue(() => this.relayFocus(client, seat.playerId, action, request));
      return;
    }
    let toEvent: (at: number) => SessionEvent;
    if (isFacilitatorAction(action)) {
      if (seat.role !== "facilitator") {
        this.sendError(client, "not-facilitator", "Action réservée à l'animateur ou l'animatrice.", request);
        return;
      }
      toEvent = (at) => ({ kind: "facilitator", at, action });
    } else {
      if (seat.role !== "player") {
        this.sendError(client, "not-player", "Action réservée aux joueurs.", request);
        return;
      }
      toEvent = (at) => ({ kind: "player", at, playerId: seat.playerId, action });
    }
    this.pendingActions.push({ client, request, toEvent, receivedAt: performance.now() });
    // Every message that reaches the room in this turn of the event loop goes in one batch.
    if (this.pendingActions.length === 1) setImmediate(() => void this.enqueue(() => this.applyPending()));
  }

  /**
   * Applies the pending actions in arrival order and writes the accepted ones to the session log in
   * one transaction; only once it committed does the room adopt the new model (the synced state,
   * replies and reveals follow). A failed write changes nothing: every action of the batch is
   * answered `internal`.
   */
  private async applyPending(): Promise<void> {
    const batch = this.pendingActions;
    this.pendingActions = [];
    const before = this.model;
    let model = before;
    const accepted: { action: PendingAction; event: SessionEvent }[] = [];
    const entries: LogEntry[] = [];
    for (const action of batch) {
      const event = action.toEvent(Date.now());
      let result: EventResult;
      try {
        result = applyEvent(model, this.scenario, event);
      } catch (error) {
        this.actionFailed(action, error);
        continue;
      }
      if (!result.ok) {
        const { client, request } = action;
        this.sendError(client, result.reason, refusalMessage(result.reason, result.detail), request);
        continue;
      }
      const effects = { teamId: result.teamId, submitted: result.submitted };
      entries.push({ seq: this.logSeq + entries.length + 1, ...eventLogEntry(event, effects) });
      model = result.model;
      accepted.push({ action, event });
    }
    if (accepted.length === 0) return;
    try {
      await getRoomServices().store.appendLog(this.code, entries);
    } catch (error) {
      // Nothing was written: the model stays as it was.
      for (const { action } of accepted) this.actionFailed(action, error);
      return;
    }
    this.logSeq += entries.length;
    this.model = model;
    try {
      await this.afterChange(before);
    } catch (error) {
      for (const { action } of accepted) this.actionFailed(action, error);
      return;
    }
    for (const { action, event } of accepted) {
      this.patchLatency.actionApplied(action.receivedAt);
      if (event.kind === "facilitator" && event.action.name === "kick") {
        this.closeSeat(event.action.payload.playerId);
      }
    }
  }

  /** A bug or a store failure while applying an action: logged, and its sender told. */
  private actionFailed({ client, request }: PendingAction, error: unknown): void {
    this.logger.error({ ...this.seatFields(client), request, err: error }, "action failed");
    this.sendError(client, "internal", refusalMessage("internal"), request);
  }

  /**
   * Relays what a player holds or edits to their teammates: checked by the rules (their team's
   * current step, one of its pieces), never logged nor kept in the model. At most one every
   * FOCUS_INTERVAL_MS per player: a faster one waits, and a newer one replaces it.
   */
  private relayFocus(client: GameClient, playerId: string, action: PresenceAction, request: string): void {
    const { stepId, pieceId, gesture } = action.payload;
    const seat = pieceSeat(this.model, this.scenario, playerId, stepId, pieceId);
    if ("ok" in seat) {
      this.sendError(client, seat.reason, refusalMessage(seat.reason), request);
      return;
    }
    const message = { playerId, stepId, pieceId, gesture };
    const wait = (this.focusSent.get(playerId) ?? 0) + FOCUS_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.sendFocus(message);
      return;
    }
    const waiting = this.focusPending.has(playerId);
    this.focusPending.set(playerId, message);
    if (!waiting)
      this.clock.setTimeout(() => {
        const latest = this.focusPending.get(playerId);
        this.focusPending.delete(playerId);
        if (latest) this.sendFocus(latest);
      }, wait);
  }

  private sendFocus(message: ServerMessages["focus"]): void {
    this.focusSent.set(message.playerId, Date.now());
    const teamId = this.model.players[message.playerId]?.teamId;
    for (const other of this.clients) {
      const seat = this.seats.get(other.sessionId);
      if (seat?.role !== "player" || seat.playerId === message.playerId) continue;
      if (teamId && this.model.players[seat.playerId]?.teamId === teamId) other.send("focus", message);
    }
  }

  // ------------------------------------------------------------------------------------------

  /** Serializes every model change: one action at a time, in arrival order. */
  private enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error) => {
      if (!(error instanceof ServerError)) this.logger.error({ err: error }, "room task failed");
    });
    return run;
  }

  /** Appends to the session log. An event's `at` is the `now` the rule was given, so a replay is exact. */
  private async log(entry: Omit<LogEntry, "seq">): Promise<void> {
    this.logSeq += 1;
    await getRoomServices().store.appendLog(this.code, [{ seq: this.logSeq, ...entry }]);
  }

  /** Applies an event through the rules; when accepted, logs it (before anyone sees it) and adopts
   *  the new model. `extra` adds room facts to the log entry. Refused: nothing changes. */
  private async record(
    event: SessionEvent,
    extra: (result: Extract<EventResult, { ok: true }>) => Record<string, unknown> = () => ({}),
  ): Promise<EventResult> {
    const result = applyEvent(this.model, this.scenario, event);
    if (!result.ok) return result;
    const effects = { teamId: result.teamId, submitted: result.submitted };
    await this.log(eventLogEntry(event, effects, extra(result)));
    this.model = result.model;
    return result;
  }

  /** Records an event, then applies its consequences (store, reveals, synced state). */
  private async commit(
    event: SessionEvent,
    extra?: (result: Extract<EventResult, { ok: true }>) => Record<string, unknown>,
  ): Promise<EventResult> {
    const before = this.model;
    const result = await this.record(event, extra);
    if (result.ok) await this.afterChange(before);
    return result;
  }

  /** Closes the connections of a player the facilitator removed. */
  private closeSeat(playerId: string): void {
    for (const [sessionId, seat] of this.seats) {
      if (seat.role === "player" && seat.playerId === playerId) {
        this.seats.delete(sessionId);
        this.clients.getById(sessionId)?.leave(CloseCodes.kicked, "Vous avez été retiré de la session.");
      }
    }
  }

  private async onTick(): Promise<void> {
    const now = Date.now();
    if (this.clients.length > 0) this.lastOccupied = now;
    else if (now - this.lastOccupied > IDLE_ROOM_MS) {
      await this.log({ at: now, kind: "idle-close", actor: null, payload: {} });
      void this.disconnect();
      return;
    }
    const { phase, currentStep } = this.model;
    await this.commit({ kind: "timer-expired", at: now }, () => ({ phase, currentStep }));
    if (now - this.clockPublishedAt >= SERVER_CLOCK_MS) this.publishClock(now);
  }

  /** The server clock in the synced state, for clients' timers (they also get it in `welcome`). */
  private publishClock(now: number): void {
    this.mirror.setServerNow(now);
    this.clockPublishedAt = now;
  }

  /** Persists what derives from the model, sends reveals, and mirrors the state. */
  private async afterChange(before: SessionModel): Promise<void> {
    const { store, catalog } = getRoomServices();
    const m = this.model;
    if (m.phase !== before.phase || m.startedAt !== before.startedAt || m.endedAt !== before.endedAt) {
      await store.updateSessionPhase(this.code, m.phase, m.startedAt, m.endedAt);
    }
    const closed = m.teams.reduce((n, t) => n + t.steps.filter((s) => s.closed).length, 0);
    if (closed !== this.closedStepsSaved || m.phase !== before.phase) {
      const results = deriveResults(m, this.scenario, catalog.referential);
      await store.saveResults(this.code, results.steps, results.players, Date.now());
      this.closedStepsSaved = closed;
    }
    if (m.phase === "ended" && !this.autoDispose) {
      // Nothing more to play: clients are closed after a short grace period (time to show the end),
      // and the room goes away once the last client leaves.
      this.autoDispose = true;
      if (this.clients.length === 0) void this.disconnect();
      else this.clock.setTimeout(() => this.closeEveryone(), getRoomServices().endGraceMs);
    }
    this.sync();
    this.sendNewReveals();
  }

  /**
   * Mirrors the model into the synced state and refreshes the views that changed: a player's only
   * when its inputs may have changed (`playersToRecheck`: on an edit, the team's members), the
   * facilitator's and the screen's on every change.
   */
  private sync(): void {
    const recheck = playersToRecheck(this.synced, this.model);
    this.synced = this.model;
    this.mirror.apply(this.model);
    let facilitatorConnected = false;
    for (const client of this.clients) {
      const seat = this.seats.get(client.sessionId);
      if (!seat || seat.role === "claimant") continue;
      if (seat.role === "facilitator") facilitatorConnected = true;
      const kept = seat.role === "player" && recheck !== null && !recheck.has(seat.playerId);
      if (kept && this.seatViews.get(client.sessionId)?.held) continue;
      const cached = this.seatViewOf(client, seat);
      if (cached.held) continue;
      this.refreshView(client, cached.view);
      cached.held = true;
      this.revealsToCheck.add(client);
    }
    if (this.state.facilitatorConnected !== facilitatorConnected) {
      this.state.facilitatorConnected = facilitatorConnected;
    }
  }

  /** A client's seat view (`seatView`), computed again only when what it reads changed: a change
   *  to one team refreshes the views of that team's members and of the facilitator, not every client's. */
  private seatViewOf(client: GameClient, seat: Seat): { view: SeatView; held: boolean } {
    const who = seat.role === "player" ? seat.playerId : seat.role;
    const inputs = [who, ...seatViewInputs(this.model, seat)];
    const cached = this.seatViews.get(client.sessionId);
    if (cached && sameInputs(cached.inputs, inputs)) return cached;
    const fresh = { inputs, view: seatView(this.model, this.scenario, seat), held: false };
    this.seatViews.set(client.sessionId, fresh);
    return fresh;
  }

  /** A client whose StateView is rebuilt (reconnected) or gone (left). */
  private forgetView(client: GameClient): void {
    this.viewHeld.delete(client.sessionId);
    this.seatViews.delete(client.sessionId);
  }

  /**
   * A client still joining (or reconnecting) is sent the full state once its join completes (Colyseus
   * sends it when the client acknowledges JOIN_ROOM, after onJoin), computed then with its view: it
   * holds everything the view holds. The view's pending additions, made while seating the client,
   * would otherwise be sent again in its first patch, as large as the full state itself (a 30-player
   * session: a 10.8 KB full state, then a 13.7 KB patch; in the bench's 500-player burst, 490 MB of
   * patches for 1,000 joins). Patches skip a client until it has joined, so nothing is lost.
   */
  private fullStateOnly(client: GameClient): void {
    if (client.state !== ClientState.JOINED) client.view?.changes.clear();
  }

  /** Each client's StateView holds the teams and player rows its seat may see (`seatView`), and the
   *  private part of its own player (the facilitator: everybody's). Only what changed since the view
   *  was last given is gone through: on an edit, the facilitator's view goes through one team. */
  private refreshView(client: GameClient, visible: SeatView): void {
    if (!client.view) client.view = new StateView();
    const view = client.view;
    const held = this.viewHeld.get(client.sessionId) ?? { rowIds: [], playerIds: [], teams: new Map() };
    if (visible.rowIds !== held.rowIds) {
      const rowIds = new Set(visible.rowIds);
      for (const playerId of held.rowIds) {
        const old = this.mirror.players.get(playerId);
        if (!rowIds.has(playerId) && old && view.has(old)) view.remove(old);
      }
      for (const playerId of rowIds) {
        const player = this.mirror.players.get(playerId);
        if (player && !view.has(player)) view.add(player);
      }
    }
    if (visible.playerIds !== held.playerIds) {
      for (const playerId of visible.playerIds) {
        const player = this.mirror.players.get(playerId);
        if (player && !view.hasTag(player, PRIVATE_VIEW)) view.add(player, PRIVATE_VIEW);
      }
    }
    const teams = new Map(visible.teams.map((team) => [team.id, team]));
    for (const teamId of held.teams.keys()) {
      const old = this.mirror.teams.get(teamId);
      if (!teams.has(teamId) && old && view.has(old)) view.remove(old);
    }
    for (const [teamId, team] of teams) {
      // An unchanged team (the same object) brought no new attempt nor draft.
      if (held.teams.get(teamId) === team) continue;
      const state = this.mirror.teams.get(teamId);
      if (state) addTeamToView(view, state);
    }
    this.viewHeld.set(client.sessionId, { rowIds: visible.rowIds, playerIds: visible.playerIds, teams });
  }

  private welcome(client: GameClient, given: GivenSeat | null): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat || seat.role === "claimant") return;
    client.send("welcome", {
      protocol: PROTOCOL_VERSION,
      role: seat.role as SeatRole,
      playerId: seat.role === "player" ? seat.playerId : null,
      seatKey: given?.seatKey ?? null,
      rejoinCode: given?.rejoinCode ?? null,
      scenario: this.publicScenario,
      serverNow: Date.now(),
    });
    if (seat.role === "facilitator") this.sendSeats(client);
    // Everything this seat may know is sent again: the client may have lost it (reload, new device).
    this.revealsSent.delete(client.sessionId);
    this.sendReveals(client, seat);
  }

  /** Sends a client the solutions its seat may now know (`seatView`) and has not been sent yet. */
  private sendReveals(client: GameClient, seat: Seat): void {
    let sent = this.revealsSent.get(client.sessionId);
    for (const revealed of this.seatViewOf(client, seat).view.revealed) {
      if (sent?.has(revealed.stepIndex)) continue;
      if (!sent) {
        sent = new Set();
        this.revealsSent.set(client.sessionId, sent);
      }
      sent.add(revealed.stepIndex);
      client.send("revealed", revealed);
    }
  }

  /** Sends the clients whose view changed the solutions it now holds (a reveal changes the views). */
  private sendNewReveals(): void {
    for (const client of this.revealsToCheck) {
      const seat = this.seats.get(client.sessionId);
      if (seat && seat.role !== "claimant" && this.clients.getById(client.sessionId) === client) {
        this.sendReveals(client, seat);
      }
    }
    this.revealsToCheck.clear();
  }

  /**
   * A player joins: their seat back with its seat key (taken over if connected elsewhere), their
   * disconnected seat back by name with its rejoin code, a claim waiting for the facilitator (null),
   * or a new seat. Refusals are thrown as join refusals carrying the reason code.
   */
  private async seatPlayer(client: GameClient, options: PlayerJoin): Promise<GivenSeat | null> {
    if (options.seatKey) return this.seatBySeatKey(client, options.seatKey);
    const found = lookUpName(this.model, options.name);
    const claimed = found.kind === "disconnected" ? found.playerId : null;
    const rejoinCode =
      options.rejoinCode === undefined
        ? undefined
        : {
            matches: claimed !== null && this.rejoinCodeMatches(claimed, options.rejoinCode),
            failures: claimed ? (this.rejoinFailures.get(claimed) ?? 0) : 0,
          };
    const decision = decideNameJoin(this.model, options.name, { rejoinCode, askFacilitator: options.claim });
    switch (decision.kind) {
      case "refuse":
        if (decision.reason === "wrong-rejoin-code" && claimed) {
          this.rejoinFailures.set(claimed, (this.rejoinFailures.get(claimed) ?? 0) + 1);
        }
        throw new ServerError(CloseCodes.joinRefused, decision.reason);
      case "claim":
        return this.giveSeatToNewDevice(client, decision.playerId, "rejoin-code");
      case "await-facilitator": {
        const name = this.model.players[decision.playerId]?.name ?? options.name;
        this.seats.set(client.sessionId, { role: "claimant", playerId: decision.playerId });
        this.claims.push({ id: client.sessionId, playerId: decision.playerId, name, at: Date.now() });
        client.send("claim", { status: "pending", name });
        this.sendSeats();
        return null;
      }
      case "new-seat":
        return this.seatNewPlayer(options.name, options.teamId);
    }
  }

  /** The seat whose key this is, taken over from any other connection that holds it. */
  private async seatBySeatKey(client: GameClient, seatKey: string): Promise<GivenSeat> {
    for (const [playerId, seatKeyHash] of this.seatKeyHashes) {
      if (!secretMatches(seatKey, seatKeyHash)) continue;
      const player = this.model.players[playerId];
      if (!player) break;
      if (player.kicked) throw new ServerError(CloseCodes.joinRefused, "kicked");
      const heldElsewhere = this.releaseSeat(playerId, client.sessionId);
      await this.commit({ kind: "rejoin", at: Date.now(), playerId });
      if (heldElsewhere) await this.noteSeatChange(playerId, "taken-over", "seat-key");
      return { playerId, seatKey, rejoinCode: null };
    }
    const moved = this.movedSeatKeys.has(hashSecret(seatKey));
    throw new ServerError(CloseCodes.joinRefused, moved ? "seat-moved" : "seat-unknown");
  }

  /**
   * Frees a player's seat from every other client: a connected one is closed with 4105 and told
   * why, a dropped one loses its pending reconnection. Returns true when a connected client held it.
   */
  private releaseSeat(playerId: string, keptSessionId: string): boolean {
    let heldElsewhere = false;
    for (const [sessionId, seat] of [...this.seats]) {
      if (sessionId === keptSessionId || seat.role !== "player" || seat.playerId !== playerId) continue;
      this.seats.delete(sessionId);
      const connected = this.clients.getById(sessionId);
      if (connected) {
        heldElsewhere = true;
        connected.leave(CloseCodes.seatTakenOver, SEAT_TAKEN_OVER);
      }
      this.reconnections.get(sessionId)?.reject(new Error("seat moved"));
    }
    return heldElsewhere;
  }

  /** A disconnected seat taken back on another device: new seat key and rejoin code; the old ones stop. */
  private async giveSeatToNewDevice(
    client: GameClient,
    playerId: string,
    via: "rejoin-code" | "facilitator",
  ): Promise<GivenSeat> {
    this.releaseSeat(playerId, client.sessionId);
    const seatKey = newSecret();
    const rejoinCode = newJoinCode();
    const seatKeyHash = hashSecret(seatKey);
    const rejoinCodeHash = hashSecret(rejoinCode);
    const result = await this.commit({ kind: "seat-claimed", at: Date.now(), playerId }, () => ({
      via,
      seatKeyHash,
      rejoinCodeHash,
    }));
    if (!result.ok) throw new ServerError(CloseCodes.joinRefused, result.reason);
    const previous = this.seatKeyHashes.get(playerId);
    if (previous) this.movedSeatKeys.set(previous, playerId);
    this.seatKeyHashes.set(playerId, seatKeyHash);
    this.rejoinCodeHashes.set(playerId, rejoinCodeHash);
    this.rejoinFailures.delete(playerId);
    await this.noteSeatChange(playerId, "claimed", via);
    return { playerId, seatKey, rejoinCode };
  }

  private rejoinCodeMatches(playerId: string, rejoinCode: string): boolean {
    const hash = this.rejoinCodeHashes.get(playerId);
    return !!hash && secretMatches(normalizeJoinCode(rejoinCode), hash);
  }

  /** The facilitator confirms or refuses a device's claim of a disconnected seat. */
  private async decideClaim(facilitator: GameClient, confirm: boolean, claimId: string, request: string) {
    this.claims = pendingClaims(this.model, this.claims);
    const claimant = this.clients.getById(claimId);
    if (!confirm) {
      const known = this.claims.some((c) => c.id === claimId);
      this.claims = this.claims.filter((c) => c.id !== claimId);
      if (!known) this.sendError(facilitator, "unknown-claim", refusalMessage("unknown-claim"), request);
      else this.refuseClaimant(claimId);
      this.sendSeats();
      return;
    }
    const decision = confirmClaim(this.model, this.claims, claimId);
    if (!decision.ok || !claimant) {
      const reason = decision.ok ? "unknown-claim" : decision.reason;
      this.sendError(facilitator, reason, refusalMessage(reason), request);
      this.sendSeats();
      return;
    }
    this.claims = decision.remaining;
    for (const other of decision.refused) this.refuseClaimant(other.id);
    const given = await this.giveSeatToNewDevice(claimant, decision.claim.playerId, "facilitator");
    this.seats.set(claimId, { role: "player", playerId: given.playerId });
    this.sync();
    this.welcome(claimant, given);
    this.sendSeats();
  }

  private refuseClaimant(claimId: string): void {
    this.seats.delete(claimId);
    this.clients
      .getById(claimId)
      ?.leave(CloseCodes.claimRefused, "L'animateur n'a pas confirmé la reprise de cette place.");
  }

  /** Records a seat that changed device, for the facilitator console. */
  private async noteSeatChange(playerId: string, kind: SeatNotice["kind"], via: SeatNotice["via"]) {
    const at = Date.now();
    if (kind === "taken-over")
      await this.log({ at, kind: "seat-taken-over", actor: playerId, payload: { via } });
    const name = this.model.players[playerId]?.name ?? playerId;
    this.notices.push({ playerId, name, kind, via, at });
    if (this.notices.length > MAX_SEAT_NOTICES) this.notices.shift();
    this.sendSeats();
  }

  /** Pending claims and seat notices, to one facilitator client or to all of them. */
  private sendSeats(only?: GameClient): void {
    this.claims = pendingClaims(this.model, this.claims);
    const message = { claims: this.claims, notices: this.notices };
    for (const client of only ? [only] : this.clients) {
      if (this.seats.get(client.sessionId)?.role === "facilitator") client.send("seats", message);
    }
  }

  /** Seats a new player under a free name. */
  private async seatNewPlayer(name: string, teamId: string | undefined): Promise<GivenSeat> {
    const playerId = `p-${newSecret().slice(0, 12)}`;
    const key = newSecret();
    const seatKeyHash = hashSecret(key);
    const rejoinCode = newJoinCode();
    const rejoinCodeHash = hashSecret(rejoinCode);
    const event: SessionEvent = {
      kind: "join",
      at: Date.now(),
      playerId,
      name,
      ...(teamId ? { teamId } : {}),
    };
    const result = await this.commit(event, ({ model }) => ({
      teamId: model.players[playerId]?.teamId ?? null,
      roleId: model.players[playerId]?.roleId ?? null,
      seatKeyHash,
      rejoinCodeHash,
    }));
    if (!result.ok) {
      // The message is the rules' reason code (e.g. "name-taken"): clients show it in their own language.
      throw new ServerError(CloseCodes.joinRefused, result.reason);
    }
    this.seatKeyHashes.set(playerId, seatKeyHash);
    this.rejoinCodeHashes.set(playerId, rejoinCodeHash);
    return { playerId, seatKey: key, rejoinCode };
  }

  private async markConnected(client: GameClient, connected: boolean): Promise<void> {
    const seat = this.seats.get(client.sessionId);
    if (seat?.role !== "player") {
      this.sync();
      return;
    }
    const player = this.model.players[seat.playerId];
    if (!player || player.kicked || player.connected === connected) return;
    await this.commit({
      kind: connected ? "reconnect" : "disconnect",
      at: Date.now(),
      playerId: seat.playerId,
    });
  }

  private closeEveryone(): void {
    for (const client of [...this.clients])
      client.leave(CloseCodes.sessionClosed, "La session est terminée.");
  }

  private sendError(client: GameClient, code: ProtocolErrorCode, message: string, request: string): void {
    refusals.inc({ type: messageLabel(request), reason: code });
    client.send("error", { code, message, request });
  }
}

/** Adds a team to a view, and the attempts and drafts added since: a new element's own nested
 *  collections (`approvedBy`, a draft's `cells`) reach a view only once the element itself is added. */
function addTeamToView(view: StateView, team: TeamState): void {
  if (!view.has(team)) view.add(team);
  for (const attempt of team.work.attempts) if (!view.has(attempt)) view.add(attempt);
  for (const draft of team.work.drafts.values()) if (!view.has(draft)) view.add(draft);
}

type PlayerJoin = Extract<JoinOptions, { as: "player" }>;

/** What a client's StateView was last given (`refreshView`). */
interface HeldView {
  rowIds: readonly string[];
  playerIds: readonly string[];
  teams: Map<string, SeatTeam>;
}

/** A player's or the facilitator's action, parsed and allowed, waiting for its batch. */
interface PendingAction {
  client: GameClient;
  request: string;
  toEvent: (at: number) => SessionEvent;
  receivedAt: number;
}

const SEAT_TAKEN_OVER = "Votre place a été reprise sur un autre appareil ou dans un autre onglet.";

function protocolMismatch(protocol: unknown): ServerError {
  return new ServerError(
    CloseCodes.protocolMismatch,
    `Version de protocole ${String(protocol)} non prise en charge (serveur : ${PROTOCOL_VERSION}). Rechargez la page.`,
  );
}
