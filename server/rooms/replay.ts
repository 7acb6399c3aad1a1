/**
 * Rebuilds a session's model from its append-only log by applying every entry again through the
 * pure rules, with the `now` each was given. Used when a room is recreated after a restart: the
 * session goes on where it stopped (seats, teams, drafts, attempts, timers).
 */
import { parseClientMessage } from "../../shared/protocol.ts";
import {
  createSession,
  joinPlayer,
  type RuleResult,
  removePlayer,
  type SessionModel,
  type SessionOptions,
  setConnected,
  tick,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { LogEntry, SessionRecord } from "../store/store.ts";
import { applyAction } from "./actions.ts";

export interface Replayed {
  model: SessionModel;
  /** playerId → hash of the seat key given at join. */
  seatKeyHashes: Map<string, string>;
  /** Entries the rules refused on replay (should be none: the log holds accepted actions only). */
  diverged: LogEntry[];
}

export function replayLog(scenario: Scenario, session: SessionRecord, entries: LogEntry[]): Replayed {
  let model = createSession(scenario, session.options as SessionOptions, {
    now: session.createdAt,
    seed: session.seed,
  });
  const seatKeyHashes = new Map<string, string>();
  const diverged: LogEntry[] = [];
  const apply = (entry: LogEntry, result: RuleResult<object>) => {
    if (result.ok) model = result.model;
    else diverged.push(entry);
  };

  for (const entry of entries) {
    const payload = (entry.payload ?? {}) as Record<string, unknown>;
    const playerId = entry.actor ?? "";
    switch (entry.kind) {
      case "join": {
        const requested = payload.requestedTeamId;
        apply(
          entry,
          joinPlayer(model, scenario, {
            playerId,
            name: String(payload.name ?? ""),
            teamId: typeof requested === "string" ? requested : undefined,
            now: entry.at,
          }),
        );
        if (typeof payload.seatKeyHash === "string") seatKeyHashes.set(playerId, payload.seatKeyHash);
        break;
      }
      case "rejoin":
      case "reconnect":
        apply(entry, setConnected(model, playerId, true, entry.at, scenario));
        break;
      case "disconnect":
        apply(entry, setConnected(model, playerId, false, entry.at, scenario));
        break;
      case "leave":
        apply(entry, removePlayer(model, playerId, scenario));
        seatKeyHashes.delete(playerId);
        break;
      case "timer-expired": {
        const result = tick(model, scenario, entry.at);
        if (result.expired) model = result.model;
        else diverged.push(entry);
        break;
      }
      default: {
        const parsed = parseClientMessage(entry.kind, payload.message);
        if (!parsed.ok) break; // join-facilitator, join-screen, idle-close, restored…
        const outcome = applyAction(model, scenario, parsed.name, parsed.payload, playerId, entry.at);
        if (outcome.ok) model = outcome.model;
        else diverged.push(entry);
      }
    }
  }
  return { model, seatKeyHashes, diverged };
}
