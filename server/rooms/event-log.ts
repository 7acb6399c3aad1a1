/**
 * How a `SessionEvent` is written to the session log and read back. The stored shape is the one the
 * log has always had (docs/protocol.md §7), so databases written before the event fold still restore:
 * seat events keep their kind with the player as actor; a message keeps its name as kind with
 * `{ message, result }` as payload; `timer-expired` has no actor.
 */
import {
  isFacilitatorAction,
  isPresenceAction,
  isSeatAction,
  parseClientMessage,
} from "../../shared/protocol.ts";
import type { EventEffects, SeatEvent, SessionEvent } from "../../shared/rules/events.ts";
import type { LogEntry } from "../store/store.ts";

/** The log entry of an accepted event, without its sequence number. `extra` adds room facts
 *  (a seat key's hash, the seated team) that the rules do not need. */
export function eventLogEntry(
  event: SessionEvent,
  effects: EventEffects,
  extra: Record<string, unknown> = {},
): Omit<LogEntry, "seq"> {
  const { at } = event;
  switch (event.kind) {
    case "join":
      return {
        at,
        kind: "join",
        actor: event.playerId,
        payload: { name: event.name, requestedTeamId: event.teamId ?? null, ...extra },
      };
    case "player":
    case "facilitator":
      return {
        at,
        kind: event.action.name,
        actor: event.kind === "player" ? event.playerId : "facilitator",
        payload: { message: event.action.payload, result: effects },
      };
    case "timer-expired":
    case "restored":
      return { at, kind: event.kind, actor: null, payload: extra };
    default:
      return { at, kind: event.kind, actor: event.playerId, payload: extra };
  }
}

const SEAT_KINDS = new Set(["rejoin", "seat-claimed", "reconnect", "disconnect", "leave"]);

function isSeatKind(kind: string): kind is Exclude<SeatEvent["kind"], "join"> {
  return SEAT_KINDS.has(kind);
}

/** The event a log entry records, or null for the room's own bookkeeping entries
 *  (`join-facilitator`, `join-screen`, `idle-close`). */
export function eventFromLog(entry: LogEntry): SessionEvent | null {
  const { at, kind } = entry;
  const playerId = entry.actor ?? "";
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  if (kind === "join") {
    const teamId = typeof payload.requestedTeamId === "string" ? payload.requestedTeamId : undefined;
    return { kind, at, playerId, name: String(payload.name ?? ""), ...(teamId ? { teamId } : {}) };
  }
  if (isSeatKind(kind)) return { kind, at, playerId };
  if (kind === "timer-expired" || kind === "restored") return { kind, at };
  const parsed = parseClientMessage(kind, payload.message);
  // Seat and presence messages are never logged as events.
  if (!parsed.ok || isSeatAction(parsed.action) || isPresenceAction(parsed.action)) return null;
  const { action } = parsed;
  return isFacilitatorAction(action)
    ? { kind: "facilitator", at, action }
    : { kind: "player", at, playerId, action };
}
