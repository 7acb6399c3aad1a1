/**
 * The one protocol module: every client → server message has one name and one zod schema here.
 * The server validates each message with `parseClientMessage` before use; the client sends only
 * through its connection module, typed by `ClientMessages`. See docs/protocol.md.
 */
import { z } from "zod";
import { DraftEdit } from "./rules/answer.ts";
import { OBJECTION_REASONS, REACTIONS, type RefusalReason } from "./rules/model.ts";
import type { PublicScenario, RevealedStep } from "./rules/public.ts";
import type { SeatClaim, SeatRefusalReason } from "./rules/seats.ts";
import { Id } from "./scenario/schema.ts";

/** Bump when a message or the synced state changes shape. Checked at join. */
export const PROTOCOL_VERSION = 3;

/** Largest WebSocket frame the server reads (its `maxPayload`); a larger one closes the socket with
 *  1009. Every valid message fits with room to spare (a text value is at most MAX_VALUE_LENGTH
 *  characters, 3,000 bytes), so that a too-long value within a frame gets a clear refusal. */
export const MAX_FRAME_BYTES = 16 * 1024;

/** The Colyseus room name every session uses. */
export const ROOM_NAME = "game";

/** A name as typed: the rules clean it (NFKC, spaces), refuse invisible characters and compare it by
 *  a confusable-folded key (`shared/rules/names.ts`), refusing with `name-invalid` / `name-taken`. */
export const PlayerName = z.string().max(200, "200 caractères au plus");

/** Options passed to `client.join(ROOM_NAME, options)` / `joinById`. */
export const JoinOptions = z.discriminatedUnion("as", [
  z.strictObject({
    as: z.literal("player"),
    protocol: z.number(),
    code: z.string().max(16),
    name: PlayerName,
    teamId: Id.optional(),
    /** The `seatKey` received in `welcome`: takes the same seat back (refused `seat-unknown` / `seat-moved`
     *  when it no longer holds one). Used while the seat is connected elsewhere, it takes it over. */
    seatKey: z.string().max(64).optional(),
    /** The rejoin code shown on the player's old screen: takes their *disconnected* seat (`name`) back. */
    rejoinCode: z.string().max(16).optional(),
    /** Asks the facilitator to confirm that this device takes the disconnected seat `name`. */
    claim: z.literal(true).optional(),
  }),
  z.strictObject({
    as: z.literal("facilitator"),
    protocol: z.number(),
    code: z.string().max(16),
    facilitatorKey: z.string().min(1).max(128),
  }),
  z.strictObject({
    as: z.literal("screen"),
    protocol: z.number(),
    code: z.string().max(16),
  }),
]);
export type JoinOptions = z.input<typeof JoinOptions>;

const StepRef = { stepId: Id };
/** Names the pending proposal an approval, a withdrawal or a disagreement is meant for. */
const ProposalRef = { stepId: Id, proposalId: z.string().min(1).max(80) };

/** Messages any seated player may send (for their own team only). */
export const PlayerMessages = {
  "choose-team": z.strictObject({ teamId: Id }),
  edit: z.strictObject({ ...StepRef, edit: DraftEdit }),
  propose: z.strictObject({ ...StepRef }),
  approve: z.strictObject({ ...ProposalRef }),
  "withdraw-proposal": z.strictObject({ ...ProposalRef }),
  /** Disagree with a teammate's proposal, with one of the quick reasons (it stays pending). */
  disagree: z.strictObject({ ...ProposalRef, reason: z.enum(OBJECTION_REASONS) }),
  hint: z.strictObject({ ...StepRef }),
  /** Team-paced: move the team on to its next step once the current one is closed. */
  advance: z.strictObject({ ...StepRef }),
  /** Leave a reaction token on a piece of the step (a document, an item, a card…), or take one's
   *  own back (null). It stays until taken back or until an edit changes that piece. */
  react: z.strictObject({ ...StepRef, pieceId: Id, reaction: z.enum(REACTIONS).nullable() }),
} as const;

/** What a player is doing with a piece: holding it on the table, or editing it in the DOM. */
export const FOCUS_GESTURES = ["hold", "edit"] as const;

/** How long a teammate's hand (their last `focus` with a piece) is shown without news: a client drops
 *  a hand it has not heard of for this long (a frozen tab, a player gone mid-drag, a lost release). */
export const HAND_TTL_MS = 30_000;
/** How often a client repeats its current focus while it holds or edits a piece, well within
 *  HAND_TTL_MS so that a lost refresh or two does not drop a live hand. */
export const HAND_REFRESH_MS = 10_000;

/** Ephemeral presence: relayed to teammates at once, never logged nor kept (no `SessionEvent`);
 *  rate-limited by the room (the latest one wins). */
export const PresenceMessages = {
  /** The piece the player holds or edits now, or none (pieceId null). */
  focus: z.strictObject({ ...StepRef, pieceId: Id.nullable(), gesture: z.enum(FOCUS_GESTURES) }),
} as const;

/** Messages only the facilitator's client may send. */
export const FacilitatorMessages = {
  start: z.strictObject({}),
  pause: z.strictObject({}),
  resume: z.strictObject({}),
  "add-time": z.strictObject({ seconds: z.int().min(-600).max(3600) }),
  skip: z.strictObject({}),
  reveal: z.strictObject({}),
  next: z.strictObject({}),
  "move-player": z.strictObject({ playerId: z.string().min(1).max(64), teamId: Id }),
  kick: z.strictObject({ playerId: z.string().min(1).max(64) }),
  lock: z.strictObject({ locked: z.boolean() }),
  end: z.strictObject({}),
} as const;

/** Facilitator-only messages about which device holds a seat: decided by the room (they change
 *  connections, not the game), so they are no `SessionEvent`. */
export const SeatMessages = {
  /** Gives a disconnected seat to the device that claimed it (`seats.claims[].id`). */
  "confirm-claim": z.strictObject({ claimId: z.string().min(1).max(64) }),
  "refuse-claim": z.strictObject({ claimId: z.string().min(1).max(64) }),
} as const;

export const ClientMessages = {
  ...PlayerMessages,
  ...FacilitatorMessages,
  ...SeatMessages,
  ...PresenceMessages,
} as const;
export type ClientMessageName = keyof typeof ClientMessages;
export type ClientMessage<N extends ClientMessageName> = z.input<(typeof ClientMessages)[N]>;
/** A message's payload once validated (what the rules receive). */
export type ClientPayload<N extends ClientMessageName> = z.output<(typeof ClientMessages)[N]>;
export type PlayerMessageName = keyof typeof PlayerMessages;
export type FacilitatorMessageName = keyof typeof FacilitatorMessages;
export type SeatMessageName = keyof typeof SeatMessages;
export type PresenceMessageName = keyof typeof PresenceMessages;

/** A validated message: its name and its payload, one member per name (a discriminated union). */
type ActionOf<N extends ClientMessageName> = N extends ClientMessageName
  ? { name: N; payload: ClientPayload<N> }
  : never;
export type PlayerAction = ActionOf<PlayerMessageName>;
export type FacilitatorAction = ActionOf<FacilitatorMessageName>;
export type SeatAction = ActionOf<SeatMessageName>;
export type PresenceAction = ActionOf<PresenceMessageName>;
export type ClientAction = PlayerAction | FacilitatorAction | SeatAction | PresenceAction;

export function isFacilitatorMessage(name: string): name is FacilitatorMessageName {
  return Object.hasOwn(FacilitatorMessages, name);
}

export function isSeatAction(action: ClientAction): action is SeatAction {
  return Object.hasOwn(SeatMessages, action.name);
}

export function isPresenceAction(action: ClientAction): action is PresenceAction {
  return Object.hasOwn(PresenceMessages, action.name);
}

export function isFacilitatorAction(action: ClientAction): action is FacilitatorAction {
  return isFacilitatorMessage(action.name);
}

/** Protocol-level error codes, beyond the rules' refusal reasons. */
export type ProtocolErrorCode =
  | RefusalReason
  | SeatRefusalReason
  | "unknown-message"
  | "invalid-message"
  | "not-facilitator"
  | "not-player"
  | "other-team"
  | "rate-limited"
  | "internal";

export type SeatRole = "player" | "facilitator" | "screen";

/** Server → client messages. */
export interface ServerMessages {
  /** Sent right after each join or reconnection. */
  welcome: {
    protocol: number;
    role: SeatRole;
    /** The player's id (key of `state.players`); null for the facilitator and the screen. */
    playerId: string | null;
    /** Secret that takes this seat back with a later join (players only; keep it in the browser). Sent
     *  when a seat is given (join, claim); null on a reconnection (the client keeps the one it has). */
    seatKey: string | null;
    /** Short code shown on the player's screen: with their name, takes the seat back on another device
     *  once this one is disconnected. Sent with `seatKey`. */
    rejoinCode: string | null;
    scenario: PublicScenario;
    serverNow: number;
  };
  /** A step's solution and explanation, once revealed to the receiver's team (or to all). */
  revealed: RevealedStep & { stepIndex: number };
  /** To the facilitator (at join and on each change): devices waiting to take a disconnected seat back,
   *  and the latest seats taken over or back from another device. */
  seats: { claims: SeatClaim[]; notices: SeatNotice[] };
  /** To a device that asked to take a disconnected seat back: waiting for the facilitator. */
  claim: { status: "pending"; name: string };
  /** To a player's teammates: the piece they hold or edit now (null: none any more). */
  focus: {
    playerId: string;
    stepId: string;
    pieceId: string | null;
    gesture: (typeof FOCUS_GESTURES)[number];
  };
  /** Reply to a refused or malformed message. Nothing changed. */
  error: { code: ProtocolErrorCode; message: string; request: string };
}

/** A seat that changed device: taken over while connected (its seat key or reconnection token used
 *  elsewhere), or taken back while disconnected (rejoin code or facilitator's confirmation). */
export interface SeatNotice {
  playerId: string;
  name: string;
  kind: "taken-over" | "claimed";
  via: "seat-key" | "token" | "rejoin-code" | "facilitator";
  at: number;
}

export type ParsedMessage =
  | { ok: true; action: ClientAction }
  | { ok: false; code: "unknown-message" | "invalid-message"; message: string };

function isMessageName(name: unknown): name is ClientMessageName {
  return typeof name === "string" && Object.hasOwn(ClientMessages, name);
}

/** Validates a raw message against its schema. Never throws. */
export function parseClientMessage(name: unknown, payload: unknown): ParsedMessage {
  if (!isMessageName(name)) {
    return { ok: false, code: "unknown-message", message: `message inconnu : ${String(name).slice(0, 40)}` };
  }
  const result = ClientMessages[name].safeParse(payload ?? {});
  if (!result.success) {
    return { ok: false, code: "invalid-message", message: z.prettifyError(result.error) };
  }
  // The one place name and payload are paired: the payload was just validated by `name`'s own schema.
  return { ok: true, action: { name, payload: result.data } as ClientAction };
}

/** Close codes the server uses when it disconnects a client on purpose, and join refusal codes.
 *  Kept in 41xx (Colyseus itself uses 4000–4003 and 4010, the SDK reconnects on some of them),
 *  except 4004, the documented close after `end` (unused by Colyseus; the SDK does not reconnect). */
export const CloseCodes = {
  /** Every client, a few seconds after the facilitator ended the session (`end`). */
  sessionClosed: 4004,
  kicked: 4101,
  flooding: 4102,
  protocolMismatch: 4103,
  sessionEnded: 4104,
  /** This seat was taken over by another device or tab (its seat key or reconnection token). */
  seatTakenOver: 4105,
  /** The facilitator refused this device's claim of a disconnected seat. */
  claimRefused: 4106,
  /** Join refusals (the SDK's join promise rejects with this code and a French message). */
  invalidJoinOptions: 4110,
  unknownCode: 4111,
  wrongFacilitatorKey: 4112,
  joinRefused: 4113,
} as const;
