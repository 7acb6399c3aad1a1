/** Helpers for session tests: build sessions, unwrap results, deep-freeze inputs. */
import type { Scenario } from "../scenario/schema.ts";
import type { RuleResult, SessionModel, SessionOptions } from "./model.ts";
import { joinPlayer } from "./players.ts";
import { createSession, defaultOptions, startSession } from "./session.ts";

export const T0 = 1_000_000;

/** The model of an accepted result; fails the test with the reason otherwise. */
export function must<T extends object>(result: RuleResult<T>): SessionModel & { extra: T } {
  if (!result.ok) throw new Error(`refused: ${result.reason}${result.detail ? ` (${result.detail})` : ""}`);
  const { ok: _ok, model, ...extra } = result;
  return Object.assign(model, { extra: extra as unknown as T });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A session with `names` joined in order (player ids p1, p2…), optionally started. */
export function sessionWith(
  scenario: Scenario,
  names: string[],
  options: Partial<SessionOptions> = {},
  start = true,
): SessionModel {
  let model = createSession(
    scenario,
    { ...defaultOptions(options.pace ?? "facilitator"), ...options },
    { now: T0, seed: 7 },
  );
  names.forEach((name, index) => {
    model = must(joinPlayer(model, scenario, { playerId: `p${index + 1}`, name, now: T0 }));
  });
  return start ? must(startSession(model, scenario, T0)) : model;
}
