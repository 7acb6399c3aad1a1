/**
 * Where the client remembers its seats. Each seat (reconnection token, player seat key and rejoin
 * code) is kept in localStorage, so it survives a closed tab and a browser restart on this device;
 * several players may share one device (one seat per name and session). Which seat a tab plays is
 * kept in sessionStorage (it survives a reload of that tab only). The facilitator key of each
 * session created here is kept in localStorage too, so the console reopens in another tab.
 *
 * A seat is forgotten only when its player leaves on purpose or the server refuses it (removed,
 * taken back on another device, unknown): never because the server could not be reached.
 */
import { sameName } from "../../../shared/rules/names.ts";

export type SeatKind = "player" | "facilitator" | "screen";

export interface Seat {
  reconnectionToken: string;
  sessionId: string;
  name?: string;
  /** Player seat secret from `welcome`: takes the seat back after the reconnection window or a restart. */
  seatKey?: string | null;
  /** Short code shown on the board: with the name, takes the seat back on another device. */
  rejoinCode?: string | null;
}

const seatsKey = (kind: SeatKind, code: string) => `datatruc.seats.${kind}.${code}`;
const tabKey = (kind: SeatKind, code: string) => `datatruc.tab-seat.${kind}.${code}`;
const facilitatorKeyKey = (code: string) => `datatruc.facilitator-key.${code}`;

const sameSeat = (a: Seat, name: string | undefined) =>
  a.name === undefined || name === undefined ? a.name === name : sameName(a.name, name);

/** Every seat this device holds in a session (several players may share a device). */
export function storedSeats(kind: SeatKind, code: string): Seat[] {
  const raw = read(localStorageOrNull(), seatsKey(kind, code));
  if (!raw) return [];
  try {
    const seats = JSON.parse(raw) as unknown;
    return Array.isArray(seats)
      ? seats.filter((s): s is Seat => typeof s?.reconnectionToken === "string")
      : [];
  } catch {
    return [];
  }
}

/** The seat this device holds under `name`, if any. */
export function seatNamed(kind: SeatKind, code: string, name: string): Seat | null {
  return storedSeats(kind, code).find((seat) => sameSeat(seat, name)) ?? null;
}

/** Keeps a seat on this device and makes it this tab's seat. */
export function saveSeat(kind: SeatKind, code: string, seat: Seat): void {
  const others = storedSeats(kind, code).filter((s) => !sameSeat(s, seat.name));
  write(localStorageOrNull(), seatsKey(kind, code), JSON.stringify([...others, seat]));
  write(sessionStorageOrNull(), tabKey(kind, code), seat.name ?? "");
}

/** This tab's seat (after a reload); null when the tab has none. */
export function loadSeat(kind: SeatKind, code: string): Seat | null {
  const name = read(sessionStorageOrNull(), tabKey(kind, code));
  if (name === null) return null;
  return storedSeats(kind, code).find((seat) => sameSeat(seat, name || undefined)) ?? null;
}

/** Forgets a seat (this tab's when no name is given) on this device. */
export function forgetSeat(kind: SeatKind, code: string, name?: string): void {
  const forgotten = name ?? loadSeat(kind, code)?.name;
  const kept = storedSeats(kind, code).filter((s) => !sameSeat(s, forgotten));
  if (kept.length > 0) write(localStorageOrNull(), seatsKey(kind, code), JSON.stringify(kept));
  else remove(localStorageOrNull(), seatsKey(kind, code));
  remove(sessionStorageOrNull(), tabKey(kind, code));
}

export function saveFacilitatorKey(code: string, key: string): void {
  write(localStorageOrNull(), facilitatorKeyKey(code), key);
}

/** The facilitator key from the link's fragment (`#key=…`, never sent to the server), else stored. */
export function loadFacilitatorKey(code: string): string | null {
  const fromHash = new URLSearchParams(globalThis.location?.hash.slice(1) ?? "").get("key");
  if (fromHash) {
    saveFacilitatorKey(code, fromHash);
    return fromHash;
  }
  return read(localStorageOrNull(), facilitatorKeyKey(code));
}

function sessionStorageOrNull(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // storage full or disabled: the seat lasts for this page only
  }
}
function remove(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // ignore
  }
}
