/**
 * Where the client remembers its seats: the reconnection token of each room it joined (per tab,
 * sessionStorage, so several players can share one laptop) and the facilitator key of each session
 * it created (localStorage, so the console reopens in another tab).
 */
export type SeatKind = "player" | "facilitator" | "screen";

export interface Seat {
  reconnectionToken: string;
  sessionId: string;
  name?: string;
  /** Player seat secret from `welcome`: takes the seat back after the reconnection window. */
  seatKey?: string | null;
}

const seatKey = (kind: SeatKind, code: string) => `datatruc.seat.${kind}.${code}`;
const facilitatorKeyKey = (code: string) => `datatruc.facilitator-key.${code}`;

export function saveSeat(kind: SeatKind, code: string, seat: Seat): void {
  write(sessionStorageOrNull(), seatKey(kind, code), JSON.stringify(seat));
}

export function loadSeat(kind: SeatKind, code: string): Seat | null {
  const raw = read(sessionStorageOrNull(), seatKey(kind, code));
  if (!raw) return null;
  try {
    const seat = JSON.parse(raw) as Seat;
    return typeof seat.reconnectionToken === "string" ? seat : null;
  } catch {
    return null;
  }
}

export function forgetSeat(kind: SeatKind, code: string): void {
  try {
    sessionStorageOrNull()?.removeItem(seatKey(kind, code));
  } catch {
    // ignore
  }
}

export function saveFacilitatorKey(code: string, key: string): void {
  write(localStorageOrNull(), facilitatorKeyKey(code), key);
}

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
