/** Building rule results: a refusal never throws, an accepted action returns the new model. */
import type { Ok, Refusal, RefusalReason, SessionModel } from "./model.ts";

export function refuse(reason: RefusalReason, detail?: string): Refusal {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

export function accept<T extends object>(model: SessionModel, extra: T): Ok<T>;
export function accept(model: SessionModel): Ok;
export function accept(model: SessionModel, extra: object = {}): Ok {
  return { ok: true, model, ...extra };
}
