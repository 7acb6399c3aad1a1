/** Countdowns as data: running (`endsAt` set) or paused (`remainingMs` set). `now` is always an input. */
import type { Timer } from "./model.ts";

export function startTimer(durationMs: number, now: number): Timer {
  return { durationMs, endsAt: now + durationMs, remainingMs: null };
}

/** A timer stopped at zero: shown as elapsed, never expires again. */
export function elapsedTimer(timer: Timer): Timer {
  return { durationMs: timer.durationMs, endsAt: null, remainingMs: 0 };
}

export function remainingMs(timer: Timer, now: number): number {
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs ?? 0);
}

export function isRunning(timer: Timer | null): timer is Timer & { endsAt: number } {
  return timer !== null && timer.endsAt !== null;
}

export function isExpired(timer: Timer | null, now: number): boolean {
  return isRunning(timer) && timer.endsAt <= now;
}

export function pauseTimer(timer: Timer, now: number): Timer {
  if (timer.endsAt === null) return timer;
  return { durationMs: timer.durationMs, endsAt: null, remainingMs: remainingMs(timer, now) };
}

/** Restarts a paused timer; one stopped at zero stays stopped. */
export function resumeTimer(timer: Timer, now: number): Timer {
  if (timer.endsAt !== null || (timer.remainingMs ?? 0) <= 0) return timer;
  return { durationMs: timer.durationMs, endsAt: now + (timer.remainingMs ?? 0), remainingMs: null };
}

/** Adds (or with a negative value removes) time; the remaining time never goes below zero. */
export function extendTimer(timer: Timer, ms: number, now: number): Timer {
  const durationMs = Math.max(0, timer.durationMs + ms);
  if (timer.endsAt !== null)
    return { durationMs, endsAt: Math.max(now, timer.endsAt + ms), remainingMs: null };
  return { durationMs, endsAt: null, remainingMs: Math.max(0, (timer.remainingMs ?? 0) + ms) };
}
