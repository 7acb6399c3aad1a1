/**
 * Seats and names: what a name typed on the join form means, and how a player takes their own
 * *disconnected* seat back from another device (with the short rejoin code shown on their old
 * screen, or confirmed by the facilitator). A connected seat is never taken by name: only its seat
 * key or reconnection token (the device that holds it) may take it over.
 *
 * Pending claims live beside the session model (they belong to live connections, not to the log):
 * the room keeps the list and asks these functions what to do with it.
 */
import type { SessionModel } from "./model.ts";
import { sameName } from "./names.ts";

/** Join and claim refusals about seats (beside the rules' `RefusalReason`s). */
export type SeatRefusalReason =
  /** The name is a disconnected seat's: take it back with its rejoin code or the facilitator's confirmation. */
  | "seat-claimable"
  /** A seat key the session does not know (never given, or the seat was freed in the lobby). */
  | "seat-unknown"
  /** The seat was taken back on another device: this device's seat key no longer holds it. */
  | "seat-moved"
  | "wrong-rejoin-code"
  /** Too many wrong rejoin codes for this seat: only the facilitator can confirm now. */
  | "rejoin-code-locked"
  /** The claim is no longer pending (confirmed, refused, or its device left). */
  | "unknown-claim"
  /** The seat is connected again (its device came back): nobody takes it by name. */
  | "seat-connected"
  /** The facilitator refused the claim. */
  | "claim-refused";

/** Wrong rejoin codes a seat accepts before only the facilitator can confirm a claim. */
export const MAX_REJOIN_CODE_FAILURES = 5;

/** What a name means in a session: nobody's, a connected seat's, or a disconnected seat's. */
export type NameLookup =
  | { kind: "free" }
  | { kind: "connected"; playerId: string }
  | { kind: "disconnected"; playerId: string };

/** Names compare as `sameName` does (case, accents, spaces); removed players do not hold their name. */
export function lookUpName(model: SessionModel, name: string): NameLookup {
  const player = Object.values(model.players).find((p) => !p.kicked && sameName(p.name, name));
  if (!player) return { kind: "free" };
  return { kind: player.connected ? "connected" : "disconnected", playerId: player.id };
}

/** How a join by name asks for a disconnected seat. `rejoinCode` is checked by the room (hashes are secrets). */
export interface NameJoinRequest {
  rejoinCode?: { matches: boolean; failures: number };
  askFacilitator?: boolean;
}

export type NameJoinDecision =
  | { kind: "new-seat" }
  | { kind: "claim"; playerId: string }
  | { kind: "await-facilitator"; playerId: string }
  | { kind: "refuse"; reason: SeatRefusalReason | "name-taken" };

/** A player types a name: a new seat, their disconnected seat back (code or facilitator), or a refusal. */
export function decideNameJoin(
  model: SessionModel,
  name: string,
  request: NameJoinRequest,
): NameJoinDecision {
  const found = lookUpName(model, name);
  if (found.kind === "free") return { kind: "new-seat" };
  if (found.kind === "connected") return { kind: "refuse", reason: "name-taken" };
  const { rejoinCode } = request;
  if (rejoinCode) {
    if (rejoinCode.failures >= MAX_REJOIN_CODE_FAILURES)
      return { kind: "refuse", reason: "rejoin-code-locked" };
    return rejoinCode.matches
      ? { kind: "claim", playerId: found.playerId }
      : { kind: "refuse", reason: "wrong-rejoin-code" };
  }
  if (request.askFacilitator) return { kind: "await-facilitator", playerId: found.playerId };
  return { kind: "refuse", reason: "seat-claimable" };
}

/** A device waiting for the facilitator to confirm that it may take a disconnected seat. */
export interface SeatClaim {
  /** The claiming client's id. */
  id: string;
  playerId: string;
  /** The seat's name (as the session knows it). */
  name: string;
  at: number;
}

/** Claims whose seat is still disconnected and not removed: the others are dropped. */
export function pendingClaims(model: SessionModel, claims: readonly SeatClaim[]): SeatClaim[] {
  return claims.filter((claim) => {
    const player = model.players[claim.playerId];
    return player !== undefined && !player.kicked && !player.connected;
  });
}

export type ClaimDecision =
  | { ok: true; claim: SeatClaim; remaining: SeatClaim[]; refused: SeatClaim[] }
  | { ok: false; reason: SeatRefusalReason };

/** The facilitator confirms a claim: it takes the seat; other claims on the same seat are refused. */
export function confirmClaim(
  model: SessionModel,
  claims: readonly SeatClaim[],
  claimId: string,
): ClaimDecision {
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) return { ok: false, reason: "unknown-claim" };
  const player = model.players[claim.playerId];
  if (!player || player.kicked) return { ok: false, reason: "unknown-claim" };
  if (player.connected) return { ok: false, reason: "seat-connected" };
  const others = claims.filter((c) => c.id !== claimId);
  return {
    ok: true,
    claim,
    remaining: others.filter((c) => c.playerId !== claim.playerId),
    refused: others.filter((c) => c.playerId === claim.playerId),
  };
}
