/**
 * The one protocol module: every client → server message has one name and one zod schema here.
 * The server validates each message with `parseClientMessage` before use; the client sends only
 * through its connection module, typed by `ClientMessages`. See docs/protocol.md.
 */
import { z } from "zod";
import { DraftEdit } from "./rules/answer.ts";
import { OBJECTION_REASONS, type RefusalReason } from "./rules/model.ts";
import type { PublicScenario, RevealedStep } from "./rules/public.ts";
import { Id } from "./scenario/schema.ts";

/** Bump when a message or the synced state changes shape. Checked at join. */
export const PROTOCOL_VERSION = 2;

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
    /** The `seatKey` received in `welcome`: takes the same seat back after the reconnection window. */
    seatKey: z.string().max(64).optional(),
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

export const ClientMessages = { ...PlayerMessages, ...FacilitatorMessages } as const;
export type ClientMessageName = keyof typeof ClientMessages;
export type ClientMessage<N extends ClientMessageName> = z.input<(typeof ClientMessages)[N]>;
/** A message's payload once validated (what the rules receive). */
export type ClientPayload<N extends ClientMessageName> = z.output<(typeof ClientMessages)[N]>;
export type PlayerMessageName = keyof typeof PlayerMessages;
export type FacilitatorMessageName = keyof typeof FacilitatorMessages;

/** A validated message: its name and its payload, one member per name (a discriminated union). */
type ActionOf<N extends ClientMessageName> = N extends ClientMessageName
  ? { name: N; payload: ClientPayload<N> }
  : never;
export type PlayerAction = ActionOf<PlayerMessageName>;
export type FacilitatorAction = ActionOf<FacilitatorMessageName>;
export type ClientAction = PlayerAction | FacilitatorAction;

export function isFacilitatorMessage(name: string): name is FacilitatorMessageName {
  return Object.hasOwn(FacilitatorMessages, name);
}

export function isFacilitatorAction(action: ClientAction): action is FacilitatorAction {
  return isFacilitatorMessage(action.name);
}

/** Protocol-level error codes, beyond the rules' refusal reasons. */
export type ProtocolErrorCode =
  | RefusalReason
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
    /** Secret that takes this seat back with a later join (players only; keep it in the browser). */
    seatKey: string | null;
    scenario: PublicScenario;
    serverNow: number;
  };
  /** A step's solution and explanation, once revealed to the receiver's team (or to all). */
  revealed: RevealedStep & { stepIndex: number };
  /** Reply to a refused or malformed message. Nothing changed. */
  error: { code: ProtocolErrorCode; message: string; request: string };
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
  /** Join refusals (the SDK's join promise rejects with this code and a French message). */
  invalidJoinOptions: 4110,
  unknownCode: 4111,
  wrongFacilitatorKey: 4112,
  joinRefused: 4113,
} as const;
