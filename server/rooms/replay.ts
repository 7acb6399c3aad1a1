/**
 * Rebuilds a session's model from its append-only log: the log's events folded through the one
 * pure `applyEvent`, each with the `now` it was given. Used when a room is recreated after a restart:
 * the session goes on where it stopped (seats, teams, drafts, attempts, timers).
 */
import {
  applyEvent,
  createSession,
  type SessionModel,
  type SessionOptions,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { LogEntry, SessionRecord } from "../store/store.ts";
import { eventFromLog } from "./event-log.ts";

export interface Replayed {
  model: SessionModel;
  /** playerId → hash of the seat key given at join. */
  seatKeyHashes: Map<string, string>;
  /** Entries the rules refused on replay (should be none: the log holds accepted events only). */
  diverged: LogEntry[];
}

export function replayLog(scenario: Scenario, session: SessionRecord, entries: LogEntry[]): Replayed {
  const initial = createSession(scenario, session.options as SessionOptions, {
    now: session.createdAt,
    seed: session.seed,
  });
  const diverged: LogEntry[] = [];
  const model = entries.reduce((current, entry) => {
    const event = eventFromLog(entry);
    if (!event) return current;
    const result = applyEvent(current, scenario, event);
    if (result.ok) return result.model;
    diverged.push(entry);
    return current;
  }, initial);
  return { model, seatKeyHashes: seatKeyHashes(entries), diverged };
}

/** Every seat's key hash, as logged at join; a seat freed in the lobby (`leave`) has none. */
function seatKeyHashes(entries: LogEntry[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of entries) {
    const hash = (entry.payload as { seatKeyHash?: unknown } | null)?.seatKeyHash;
    if (entry.kind === "join" && entry.actor && typeof hash === "string") hashes.set(entry.actor, hash);
    if (entry.kind === "leave" && entry.actor) hashes.delete(entry.actor);
  }
  return hashes;
}
