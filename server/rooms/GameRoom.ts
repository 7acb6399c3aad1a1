/**
 * The `game` room: one per session. Thin by design: it parses every message, checks who sends it,
 * calls the pure rules, writes the accepted action to the session log, then mirrors the model into
 * the synced state. It also owns the clock (timers), reconnection and per-client views.
 */
import { type Client, Room, ServerError } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import {
  type ClientMessageName,
  ClientMessages,
  CloseCodes,
  isFacilitatorMessage,
  JoinOptions,
  type ParsedMessage,
  PROTOCOL_VERSION,
  type ProtocolErrorCode,
  parseClientMessage,
  type SeatRole,
  type ServerMessages,
} from "../../shared/protocol.ts";
import {
  createSession,
  isRevealedTo,
  joinPlayer,
  type PublicScenario,
  removePlayer,
  revealedStep,
  type SessionModel,
  type SessionOptions,
  setConnected,
  tick,
  toPublicScenario,
} from "../../shared/rules/index.ts";
import { type Route, routeScenario } from "../../shared/scenario/route.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { hashSecret, newSecret, secretMatches } from "../codes.ts";
import { GameState, type TeamState } from "../state.ts";
import type { LogEntry, SessionRecord } from "../store/store.ts";
import { type ActionOutcome, applyAction } from "./actions.ts";
import { refusalMessage } from "./messages-fr.ts";
import { StateMirror } from "./mirror.ts";
import { replayLog } from "./replay.ts";
import { deriveResults } from "./results.ts";
import { getRoomServices } from "./services.ts";

/** Presence hash mapping join codes to room ids (shared by every process through Redis later). */
export const CODES_KEY = "datatruc:codes";

/** A room nobody has been connected to for this long is closed (its session stays in the store). */
export const IDLE_ROOM_MS = 6 * 60 * 60 * 1000;

type Seat = { role: "player"; playerId: string } | { role: "facilitator" } | { role: "screen" };
type GameClient = Client<{ userData: Seat; messages: ServerMessages }>;

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

  private code = "";
  private scenario!: Scenario;
  private publicScenario!: PublicScenario;
  private model!: SessionModel;
  private mirror!: StateMirror;
  private logSeq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly seats = new Map<string, Seat>();
  private readonly seatKeyHashes = new Map<string, string>();
  private readonly viewTeam = new Map<string, string>();
  private readonly floodBuckets = new Map<string, { tokens: number; at: number }>();
  /** Steps whose solution each client (by session id) has been sent. */
  private readonly revealsSent = new Map<string, Set<number>>();
  private closedStepsSaved = -1;
  private lastOccupied = Date.now();

  override async onCreate(options: GameRoomCreateOptions) {
    const { store, catalog } = getRoomServices();
    const session = await store.getSession(options.code);
    if (!session) throw new Error(`session inconnue : ${options.code}`);
    const full = catalog.scenarios.get(session.scenarioId);
    if (!full) throw new Error(`scénario inconnu : ${session.scenarioId}`);
    // The facilitator chose the full or the short route at creation (session options).
    const scenario = routeScenario(full, (session.options as { route?: Route }).route);
    this.code = session.code;
    this.scenario = scenario;
    this.publicScenario = toPublicScenario(scenario);
    const entries = await store.readLog(this.code);
    this.logSeq = entries.at(-1)?.seq ?? 0;
    if (entries.length === 0) {
      this.model = createSession(scenario, session.options as SessionOptions, {
        now: session.createdAt,
        seed: session.seed,
      });
    } else {
      await this.restore(session, entries);
    }
    this.mirror = new StateMirror(this.state, scenario);
    this.mirror.init(this.code);
    this.mirror.apply(this.model, Date.now());
    // The session lives until it ends, even while nobody is connected.
    this.autoDispose = false;
    this.maxClients = 500;
    await this.setMetadata({ code: this.code });
    await this.presence.hset(CODES_KEY, this.code, this.roomId);
    this.clock.setInterval(() => this.enqueue(() => this.onTick()), 1000);
  }

  /** Recreated after a restart: replay the log, then show everybody disconnected until they return. */
  private async restore(session: SessionRecord, entries: LogEntry[]): Promise<void> {
    const replayed = replayLog(this.scenario, session, entries);
    if (replayed.diverged.length > 0) {
      console.warn(`[room ${this.code}] ${replayed.diverged.length} log entries not replayed`);
    }
    this.model = replayed.model;
    for (const [playerId, hash] of replayed.seatKeyHashes) this.seatKeyHashes.set(playerId, hash);
    const now = Date.now();
    await this.log("restored", null, { entries: entries.length, diverged: replayed.diverged.length }, now);
    for (const player of Object.values(this.model.players)) {
      if (!player.connected || player.kicked) continue;
      const result = setConnected(this.model, player.id, false, now, this.scenario);
      if (!result.ok) continue;
      await this.log("disconnect", player.id, {}, now);
      this.model = result.model;
    }
  }

  override async onDispose() {
    await this.presence.hdel(CODES_KEY, this.code);
  }

  override async onAuth(_client: GameClient, rawOptions: unknown) {
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
    await this.enqueue(async () => {
      let seatKey: string | null = null;
      if (options.as === "player") {
        const result = await this.seatPlayer(options.name, options.teamId, options.seatKey);
        this.seats.set(client.sessionId, { role: "player", playerId: result.playerId });
        seatKey = result.seatKey;
      } else {
        this.seats.set(client.sessionId, { role: options.as });
        await this.log(`join-${options.as}`, options.as, {});
      }
      this.sync();
      this.welcome(client, seatKey);
    });
  }

  override async onDrop(client: GameClient, code?: number) {
    const deliberate = code === CloseCodes.kicked || code === CloseCodes.flooding;
    await this.enqueue(() => this.markConnected(client, false));
    if (!deliberate && this.model.phase !== "ended") {
      this.allowReconnection(client, getRoomServices().reconnectSeconds);
    }
  }

  override async onReconnect(client: GameClient) {
    await this.enqueue(async () => {
      await this.markConnected(client, true);
      this.viewTeam.delete(client.sessionId);
      this.sync();
      this.welcome(client, null);
    });
  }

  override async onLeave(client: GameClient) {
    await this.enqueue(async () => {
      const seat = this.seats.get(client.sessionId);
      const heldElsewhere = seat?.role === "player" && this.heldByAnother(seat.playerId, client.sessionId);
      if (heldElsewhere) {
        // The seat was taken back with its seat key from another device: it stays as it is.
      } else if (seat?.role === "player" && this.model.phase === "lobby") {
        // Leaving the lobby frees the seat (and the name): nothing was played yet.
        const result = removePlayer(this.model, seat.playerId, this.scenario);
        if (result.ok) {
          await this.log("leave", seat.playerId, {});
          const before = this.model;
          this.model = result.model;
          this.seatKeyHashes.delete(seat.playerId);
          await this.afterChange(before);
        }
      } else if (seat) {
        await this.markConnected(client, false);
      }
      this.seats.delete(client.sessionId);
      this.viewTeam.delete(client.sessionId);
      this.floodBuckets.delete(client.sessionId);
      this.revealsSent.delete(client.sessionId);
      this.sync();
    });
  }

  /** Entry point of every client message (typed handlers and the wildcard). */
  receive(client: GameClient, name: unknown, payload: unknown): void {
    if (this.isFlooding(client)) {
      client.leave(CloseCodes.flooding, "Trop de messages envoyés : connexion fermée.");
      return;
    }
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
    if (isFacilitatorMessage(parsed.name) && seat.role !== "facilitator") {
      this.sendError(client, "not-facilitator", "Action réservée à l'animateur ou l'animatrice.", request);
      return;
    }
    if (!isFacilitatorMessage(parsed.name) && seat.role !== "player") {
      this.sendError(client, "not-player", "Action réservée aux joueurs.", request);
      return;
    }
    void this.enqueue(async () => {
      const actor = seat.role === "player" ? seat.playerId : "facilitator";
      const now = Date.now();
      try {
        const outcome = applyAction(this.model, this.scenario, parsed.name, parsed.payload, actor, now);
        if (!outcome.ok) {
          this.sendError(client, outcome.reason, refusalMessage(outcome.reason, outcome.detail), request);
          return;
        }
        await this.commit(
          parsed.name,
          actor,
          { message: parsed.payload, result: outcome.logExtra },
          outcome,
          now,
        );
      } catch (error) {
        // A bug or a store failure: the model is unchanged unless the log write succeeded.
        console.error(`[room ${this.code}] ${request}:`, error);
        this.sendError(client, "internal", refusalMessage("internal"), request);
      }
    });
  }

  // ------------------------------------------------------------------------------------------

  /** Serializes every model change: one action at a time, in arrival order. */
  private enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error) => {
      if (!(error instanceof ServerError)) console.error(`[room ${this.code}]`, error);
    });
    return run;
  }

  /** Appends to the session log. `at` is the `now` the rule was given, so a replay is exact. */
  private async log(kind: string, actor: string | null, payload: unknown, at = Date.now()): Promise<void> {
    this.logSeq += 1;
    await getRoomServices().store.appendLog(this.code, [{ seq: this.logSeq, at, kind, actor, payload }]);
  }

  /** Logs an accepted action (before anyone sees it), then applies it and its consequences. */
  private async commit(
    kind: string,
    actor: string,
    payload: unknown,
    outcome: Extract<ActionOutcome, { ok: true }>,
    now: number,
  ) {
    await this.log(kind, actor, payload, now);
    const before = this.model;
    this.model = outcome.model;
    await this.afterChange(before);
    for (const playerId of outcome.kicked ?? []) {
      for (const [sessionId, seat] of this.seats) {
        if (seat.role === "player" && seat.playerId === playerId) {
          this.seats.delete(sessionId);
          this.clients.getById(sessionId)?.leave(CloseCodes.kicked, "Vous avez été retiré de la session.");
        }
      }
    }
  }

  private async onTick(): Promise<void> {
    const now = Date.now();
    if (this.clients.length > 0) this.lastOccupied = now;
    else if (now - this.lastOccupied > IDLE_ROOM_MS) {
      await this.log("idle-close", null, {});
      void this.disconnect();
      return;
    }
    const result = tick(this.model, this.scenario, now);
    if (result.expired) {
      await this.log(
        "timer-expired",
        null,
        { phase: this.model.phase, currentStep: this.model.currentStep },
        now,
      );
      const before = this.model;
      this.model = result.model;
      await this.afterChange(before);
    } else {
      this.mirror.setServerNow(now);
    }
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
      // Nothing more to play: the room goes away once the last client leaves.
      this.autoDispose = true;
      if (this.clients.length === 0) void this.disconnect();
    }
    this.sync();
    this.sendNewReveals();
  }

  private sync(): void {
    this.mirror.apply(this.model, Date.now());
    let facilitatorConnected = false;
    for (const client of this.clients) {
      const seat = this.seats.get(client.sessionId);
      if (!seat) continue;
      if (seat.role === "facilitator") facilitatorConnected = true;
      this.refreshView(client, seat);
    }
    if (this.state.facilitatorConnected !== facilitatorConnected) {
      this.state.facilitatorConnected = facilitatorConnected;
    }
  }

  /** Each client's StateView: its own player and team; the facilitator sees every team and player. */
  private refreshView(client: GameClient, seat: Seat): void {
    if (!client.view) client.view = new StateView();
    const view = client.view;
    if (seat.role === "facilitator") {
      for (const team of this.mirror.teams.values()) addTeamToView(view, team);
      for (const player of this.mirror.players.values()) if (!view.has(player)) view.add(player);
      return;
    }
    if (seat.role !== "player") return;
    const player = this.mirror.players.get(seat.playerId);
    if (player && !view.has(player)) view.add(player);
    const teamId = this.model.players[seat.playerId]?.teamId ?? "";
    const previous = this.viewTeam.get(client.sessionId);
    if (previous === teamId) {
      const team = this.mirror.teams.get(teamId);
      if (team) addTeamToView(view, team);
      return;
    }
    if (previous) {
      const old = this.mirror.teams.get(previous);
      if (old && view.has(old)) view.remove(old);
    }
    const team = teamId ? this.mirror.teams.get(teamId) : undefined;
    if (team) {
      view.add(team);
      this.viewTeam.set(client.sessionId, teamId);
    } else {
      this.viewTeam.delete(client.sessionId);
    }
  }

  private welcome(client: GameClient, seatKey: string | null): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    client.send("welcome", {
      protocol: PROTOCOL_VERSION,
      role: seat.role as SeatRole,
      playerId: seat.role === "player" ? seat.playerId : null,
      seatKey,
      scenario: this.publicScenario,
      serverNow: Date.now(),
    });
    // Everything this seat may know is sent again: the client may have lost it (reload, new device).
    this.revealsSent.delete(client.sessionId);
    this.sendReveals(client, seat);
  }

  /** The facilitator knows every solution; a player only their team's revealed steps; the screen
   *  only steps revealed to every team. */
  private mayReceiveReveal(seat: Seat, stepIndex: number): boolean {
    if (seat.role === "facilitator") return true;
    if (seat.role === "player") {
      const teamId = this.model.players[seat.playerId]?.teamId;
      return !!teamId && isRevealedTo(this.model, teamId, stepIndex);
    }
    return (
      this.model.teams.length > 0 && this.model.teams.every((t) => isRevealedTo(this.model, t.id, stepIndex))
    );
  }

  /** Sends a client the solutions it may now know and has not been sent yet. */
  private sendReveals(client: GameClient, seat: Seat): void {
    let sent = this.revealsSent.get(client.sessionId);
    this.scenario.steps.forEach((step, stepIndex) => {
      if (sent?.has(stepIndex) || !this.mayReceiveReveal(seat, stepIndex)) return;
      if (!sent) {
        sent = new Set();
        this.revealsSent.set(client.sessionId, sent);
      }
      sent.add(stepIndex);
      client.send("revealed", { ...revealedStep(step), stepIndex });
    });
  }

  private sendNewReveals(): void {
    for (const client of this.clients) {
      const seat = this.seats.get(client.sessionId);
      if (seat) this.sendReveals(client, seat);
    }
  }

  /** Seats a new player, or gives a known seat back to whoever presents its seat key. */
  private async seatPlayer(
    name: string,
    teamId: string | undefined,
    seatKey: string | undefined,
  ): Promise<{ playerId: string; seatKey: string | null }> {
    if (seatKey) {
      for (const [playerId, hash] of this.seatKeyHashes) {
        const player = this.model.players[playerId];
        if (player && !player.kicked && secretMatches(seatKey, hash)) {
          const now = Date.now();
          await this.log("rejoin", playerId, {}, now);
          const result = setConnected(this.model, playerId, true, now, this.scenario);
          if (result.ok) this.model = result.model;
          return { playerId, seatKey };
        }
      }
    }
    const playerId = `p-${newSecret().slice(0, 12)}`;
    const now = Date.now();
    const result = joinPlayer(this.model, this.scenario, { playerId, name, teamId, now });
    if (!result.ok) {
      // The message is the rules' reason code (e.g. "name-taken"): clients show it in their own language.
      throw new ServerError(CloseCodes.joinRefused, result.reason);
    }
    const key = newSecret();
    const seatKeyHash = hashSecret(key);
    const { teamId: seatedTeam, roleId } = result.model.players[playerId] ?? {};
    await this.log(
      "join",
      playerId,
      {
        name,
        requestedTeamId: teamId ?? null,
        teamId: seatedTeam ?? null,
        roleId: roleId ?? null,
        seatKeyHash,
      },
      now,
    );
    const before = this.model;
    this.model = result.model;
    this.seatKeyHashes.set(playerId, seatKeyHash);
    await this.afterChange(before);
    return { playerId, seatKey: key };
  }

  private async markConnected(client: GameClient, connected: boolean): Promise<void> {
    const seat = this.seats.get(client.sessionId);
    if (seat?.role !== "player") {
      this.sync();
      return;
    }
    const player = this.model.players[seat.playerId];
    if (!player || player.kicked || player.connected === connected) return;
    if (!connected && this.heldByAnother(seat.playerId, client.sessionId)) return;
    const now = Date.now();
    const result = setConnected(this.model, seat.playerId, connected, now, this.scenario);
    if (!result.ok) return;
    await this.log(connected ? "reconnect" : "disconnect", seat.playerId, {}, now);
    const before = this.model;
    this.model = result.model;
    await this.afterChange(before);
  }

  /** True when another connected client sits in this player's seat (seat key used elsewhere). */
  private heldByAnother(playerId: string, sessionId: string): boolean {
    for (const [otherSession, seat] of this.seats) {
      if (otherSession !== sessionId && seat.role === "player" && seat.playerId === playerId) {
        if (this.clients.getById(otherSession)) return true;
      }
    }
    return false;
  }

  private isFlooding(client: GameClient): boolean {
    const { burst, rate } = getRoomServices().flood;
    const now = Date.now();
    const bucket = this.floodBuckets.get(client.sessionId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.floodBuckets.set(client.sessionId, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }

  private sendError(client: GameClient, code: ProtocolErrorCode, message: string, request: string): void {
    client.send("error", { code, message, request });
  }
}

/** Adds a team to a view, and the attempts added since: a new element's own nested collections
 *  (`approvedBy`) reach a view only once the element itself is added to it. */
function addTeamToView(view: StateView, team: TeamState): void {
  if (!view.has(team)) view.add(team);
  for (const attempt of team.work.attempts) if (!view.has(attempt)) view.add(attempt);
}

function protocolMismatch(protocol: unknown): ServerError {
  return new ServerError(
    CloseCodes.protocolMismatch,
    `Version de protocole ${String(protocol)} non prise en charge (serveur : ${PROTOCOL_VERSION}). Rechargez la page.`,
  );
}
