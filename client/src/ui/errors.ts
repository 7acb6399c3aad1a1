/**
 * Turns server refusals, join refusals and API errors into sentences in the interface language.
 * The server's `message` is French: it is shown only for a code this client does not know.
 */
import { CloseCodes, type ProtocolErrorCode } from "../../../shared/protocol.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";

/** The catalogue key of every code an `error` reply may carry (tsc checks that none is missing). */
export const ERROR_KEYS: Record<ProtocolErrorCode, MessageKey> = {
  "wrong-phase": "error.wrong-phase",
  "session-locked": "error.session-locked",
  "session-full": "error.session-full",
  "name-taken": "error.name-taken",
  "name-invalid": "error.name-invalid",
  "unknown-player": "error.unknown-player",
  "unknown-team": "error.unknown-team",
  "team-full": "error.team-full",
  "not-in-team": "error.not-in-team",
  "unknown-step": "error.unknown-step",
  "step-closed": "error.step-closed",
  "invalid-edit": "error.invalid-edit",
  "stale-proposal": "error.stale-proposal",
  "own-proposal": "error.own-proposal",
  "already-approved": "error.already-approved",
  "no-attempts-left": "error.no-attempts-left",
  "hints-disabled": "error.hints-disabled",
  "no-more-hints": "error.no-more-hints",
  "not-revealed": "error.not-revealed",
  "no-next-step": "error.no-next-step",
  "invalid-option": "error.invalid-option",
  "unknown-piece": "error.unknown-piece",
  "no-reaction": "error.no-reaction",
  "no-players": "error.no-players",
  "step-open": "error.step-open",
  kicked: "error.kicked",
  "unknown-message": "error.unknown-message",
  "invalid-message": "error.invalid-message",
  "not-facilitator": "error.not-facilitator",
  "not-player": "error.not-player",
  "other-team": "error.other-team",
  "rate-limited": "error.rate-limited",
  internal: "error.internal",
  "seat-claimable": "error.seat-claimable",
  "seat-unknown": "error.seat-unknown",
  "seat-moved": "conn.moved",
  "wrong-rejoin-code": "error.wrong-rejoin-code",
  "rejoin-code-locked": "error.rejoin-code-locked",
  "unknown-claim": "error.unknown-claim",
  "seat-connected": "error.seat-connected",
  "claim-refused": "conn.claim-refused",
};

/**
 * The catalogue key of every close / join refusal code. `joinRefused` carries the rules' reason code as
 * its message (e.g. "name-taken"), shown through ERROR_KEYS; an unknown reason is wrapped as is.
 */
export const CLOSE_CODE_KEYS: Record<keyof typeof CloseCodes, MessageKey> = {
  sessionClosed: "conn.ended",
  kicked: "conn.kicked",
  flooding: "error.flooding",
  protocolMismatch: "conn.protocol",
  sessionEnded: "conn.ended",
  invalidJoinOptions: "error.invalid-join",
  unknownCode: "join.unknown",
  wrongFacilitatorKey: "error.wrong-key",
  joinRefused: "error.join-refused",
  seatTakenOver: "conn.taken-over",
  claimRefused: "conn.claim-refused",
};

/** HTTP API error codes that have their own sentence (others read as refusal codes). */
const API_KEYS: Record<string, MessageKey> = {
  network: "error.network",
  "unknown-session": "join.unknown",
  "missing-key": "fac.keyMissing",
  "wrong-key": "error.wrong-key",
  "create-key-required": "error.create-key-required",
  "wrong-create-key": "error.wrong-create-key",
};

/** A refusal code as a sentence; the server's message (or the code) for a code we do not know. */
export function errorCodeText(code: string, message?: string): string {
  if (Object.hasOwn(ERROR_KEYS, code)) return t(ERROR_KEYS[code as ProtocolErrorCode]);
  return t("error.generic", { message: message ?? code });
}

/** The rules' reason code of a join refused by the room (`joinRefused`), else null. */
export function joinRefusalReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return code === CloseCodes.joinRefused && error instanceof Error ? error.message : null;
}

/** Why joining a room failed: a join refusal (numeric close code), the session lookup, or else. */
export function joinErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "number") {
    const name = (Object.keys(CloseCodes) as (keyof typeof CloseCodes)[]).find((n) => CloseCodes[n] === code);
    const message = error instanceof Error ? error.message : "";
    if (name === "joinRefused" && Object.hasOwn(ERROR_KEYS, message)) return errorCodeText(message);
    if (name) return t(CLOSE_CODE_KEYS[name], { message });
  }
  if (error instanceof ApiError && error.status === 404) return t("join.unknown");
  if (error instanceof ApiError && error.code === "session-closed") return t("join.closed");
  return errorText(error);
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = Object.hasOwn(API_KEYS, error.code) ? API_KEYS[error.code] : undefined;
    return key ? t(key) : errorCodeText(error.code, error.message);
  }
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return errorCodeText(error.code, (error as { message?: string }).message);
  }
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}
