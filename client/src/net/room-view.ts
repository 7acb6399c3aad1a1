/**
 * What a screen knows about its room, kept up to date from one `Connection`: the scenario (from
 * `welcome`), the revealed steps by index, the last game state (`readGame`), the offset between the
 * server's clock and ours, and the connection status. The facilitator console, the projected
 * screen, the debrief and the player's screen all follow their room through this one class and add
 * their own reactions with hooks; `follow` re-renders after each message.
 *
 * The `apply…` methods are pure state transitions (the clock is an input), tested without a server.
 */
import { HAND_TTL_MS } from "../../../shared/protocol.ts";
import type { PublicScenario, RevealedStep } from "../../../shared/rules/public.ts";
import { typesetDisplay } from "../../../shared/text/typography.ts";
import { type GameView, readGame } from "../view/state.ts";
import type { CloseReason, Connection, ConnectionStatus, Focus, Revealed, Welcome } from "./connection.ts";

export interface RoomHooks {
  welcome?: (welcome: Welcome) => void;
  revealed?: (revealed: Revealed) => void;
  /** After every state snapshot. */
  state?: (game: GameView) => void;
  /** When the phase differs from the previous snapshot's (`previous` is undefined for the first one). */
  phase?: (game: GameView, previous: string | undefined) => void;
  status?: (status: ConnectionStatus, reason: CloseReason | undefined, previous: ConnectionStatus) => void;
}

export class RoomView {
  game: GameView | null = null;
  scenario: PublicScenario | null = null;
  readonly revealed = new Map<number, RevealedStep>();
  /** Server clock minus ours, in ms (timers are computed on the server's clock). */
  clockOffsetMs = 0;
  /** The newest server time the offset was taken from (a snapshot may carry an older one: the
   *  server refreshes `serverNow` every few seconds, `welcome` carries the time it was sent). */
  private clockSampleAt = 0;
  status: ConnectionStatus = "connected";
  closeReason: CloseReason | undefined;
  /** What each teammate holds or edits now (player id → their last focus with a piece). A hand goes
   *  when released (pieceId null), when its holder is disconnected or gone from the state, and when
   *  not refreshed for HAND_TTL_MS (`expireHands`). */
  readonly hands = new Map<string, Focus>();
  /** When each hand was last heard of (our clock). */
  private readonly handSeenAt = new Map<string, number>();

  applyFocus(focus: Focus, now: number): void {
    if (focus.pieceId === null) this.dropHand(focus.playerId);
    else {
      this.hands.set(focus.playerId, focus);
      this.handSeenAt.set(focus.playerId, now);
    }
  }

  /** Drops the hands not refreshed for HAND_TTL_MS; true when one was dropped (to re-render). */
  expireHands(now: number): boolean {
    let dropped = false;
    for (const [playerId, seenAt] of this.handSeenAt)
      if (now - seenAt >= HAND_TTL_MS) dropped = this.dropHand(playerId) || dropped;
    return dropped;
  }

  private dropHand(playerId: string): boolean {
    this.handSeenAt.delete(playerId);
    return this.hands.delete(playerId);
  }

  applyWelcome(welcome: Welcome, now: number): void {
    // Every displayed scenario text gets French typography (narrow no-break spaces) once, here.
    this.scenario = typesetDisplay(welcome.scenario);
    this.sampleClock(welcome.serverNow, now, true);
  }

  private sampleClock(serverNow: number, now: number, fresh: boolean): void {
    if (!serverNow || (!fresh && serverNow <= this.clockSampleAt)) return;
    this.clockOffsetMs = serverNow - now;
    this.clockSampleAt = Math.max(this.clockSampleAt, serverNow);
  }

  applyRevealed(revealed: Revealed): void {
    this.revealed.set(revealed.stepIndex, typesetDisplay(revealed));
  }

  /** Reads a state snapshot; returns the phase before it (undefined for the first snapshot). */
  applyState(raw: unknown, now: number): string | undefined {
    const previous = this.game?.phase;
    this.game = readGame(raw);
    const players = this.game.players;
    for (const playerId of this.hands.keys())
      if (players[playerId]?.connected !== true) this.dropHand(playerId);
    this.sampleClock(this.game.serverNow, now, false);
    return previous;
  }

  /** Returns the status before this change. */
  applyStatus(status: ConnectionStatus, reason?: CloseReason): ConnectionStatus {
    const previous = this.status;
    this.status = status;
    this.closeReason = reason;
    return previous;
  }

  /** Subscribes to `connection`: each message updates this view, runs the hook, then `render`. */
  follow(connection: Connection, render: () => void, hooks: RoomHooks = {}): void {
    connection.on("welcome", (welcome) => {
      this.applyWelcome(welcome, Date.now());
      hooks.welcome?.(welcome);
      render();
    });
    connection.on("revealed", (revealed) => {
      this.applyRevealed(revealed);
      hooks.revealed?.(revealed);
      render();
    });
    connection.on("state", (raw) => {
      const previous = this.applyState(raw, Date.now());
      const game = this.game as GameView;
      if (previous !== game.phase) hooks.phase?.(game, previous);
      hooks.state?.(game);
      render();
    });
    connection.on("focus", (focus) => {
      this.applyFocus(focus, Date.now());
      render();
    });
    connection.on("status", (status, reason) => {
      const previous = this.applyStatus(status, reason);
      hooks.status?.(status, reason, previous);
      render();
    });
  }
}
