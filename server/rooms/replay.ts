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
  /** playerId → hash of the seat key given at join (or when the seat was taken back on another device). */
  seatKeyHashes: Map<string, string>;
  /** playerId → hash of the seat's current rejoin code. */
  rejoinCodeHashes: Map<string, string>;
  /** Hashes of seat keys that no longer hold their seat (taken back elsewhere) → playerId. */
  movedSeatKeys: Map<string, string>;
  /** Entries the rules refused on replay (should be none: the log holds accepted events only). */
  diverged: LogEntry[];
}

export function replayLog(scenario: Scenario, session: SessionRecord, entries: LogEntry[]): Replayed {
  const replay = new LogReplay(scenario, session);
  for (const entry of entries) replay.apply(entry);
  return replay.result();
}

/** Longest stretch (ms) a restore runs before it lets the process answer others. */
const SLICE_MS = 20;

/**
 * Replays a stored log page by page, yielding to the event loop every SLICE_MS: a session with
 * 100,000 logged edits costs time proportional to its length, and the process keeps answering
 * (other rooms, /healthz) meanwhile.
 */
export async function replayStoredLog(
  scenario: Scenario,
  session: SessionRecord,
  pages: AsyncIterable<LogEntry[]>,
): Promise<Replayed & { entries: number; lastSeq: number }> {
  const replay = new LogReplay(scenario, session);
  let entries = 0;
  let lastSeq = 0;
  let sliceStart = performance.now();
  for await (const page of pages) {
    for (const entry of page) {
      replay.apply(entry);
      entries++;
      lastSeq = entry.seq;
      if ((entries & 127) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }
  return { ...replay.result(), entries, lastSeq };
}

/** Folds log entries one at a time through `applyEvent`, collecting seat key hashes. */
class LogReplay {
  private model: SessionModel;
  private readonly diverged: LogEntry[] = [];
  /** Every seat's key hash, as logged at join; a seat freed in the lobby (`leave`) has none. */
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly scenario: Scenario,
    session: SessionRecord,
  ) {
    this.model = createSession(scenario, session.options as SessionOptions, {
      now: session.createdAt,
      seed: session.seed,
    });
  }

  private readonly entries: LogEntry[] = [];

  apply(entry: LogEntry): void {
    if (entry.kind === "join" || entry.kind === "seat-claimed" || entry.kind === "leave")
      this.entries.push(entry);
    const hash = (entry.payload as { seatKeyHash?: unknown } | null)?.seatKeyHash;
    if (entry.kind === "join" && entry.actor && typeof hash === "string") this.hashes.set(entry.actor, hash);
    if (entry.kind === "leave" && entry.actor) this.hashes.delete(entry.actor);
    const event = eventFromLog(entry);
    if (!event) return;
    const result = applyEvent(this.model, this.scenario, event);
    if (result.ok) this.model = result.model;
    else this.diverged.push(entry);
  }

  result(): Replayed {
    return { model: this.model, ...seatSecrets(this.entries), diverged: this.diverged };
  }
}

/** Every seat's key and rejoin code hashes, as logged at join or when the seat was taken back on
 *  another device (the previous key then no longer holds it); a seat freed in the lobby has none. */
function seatSecrets(entries: LogEntry[]) {
  const seatKeyHashes = new Map<string, string>();
  const rejoinCodeHashes = new Map<string, string>();
  const movedSeatKeys = new Map<string, string>();
  for (const entry of entries) {
    const playerId = entry.actor;
    if (!playerId) continue;
    const payload = (entry.payload ?? {}) as { seatKeyHash?: unknown; rejoinCodeHash?: unknown };
    if (entry.kind === "join" || entry.kind === "seat-claimed") {
      const previous = seatKeyHashes.get(playerId);
      if (previous && entry.kind === "seat-claimed") movedSeatKeys.set(previous, playerId);
      if (typeof payload.seatKeyHash === "string") seatKeyHashes.set(playerId, payload.seatKeyHash);
      if (typeof payload.rejoinCodeHash === "string") rejoinCodeHashes.set(playerId, payload.rejoinCodeHash);
    }
    if (entry.kind === "leave") {
      seatKeyHashes.delete(playerId);
      rejoinCodeHashes.delete(playerId);
    }
  }
  return { seatKeyHashes, rejoinCodeHashes, movedSeatKeys };
}
