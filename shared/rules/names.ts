/**
 * Display names: how a typed name is cleaned, when it is refused, and the key two names are compared
 * by. NFKC first (full-width letters, ligatures and compatibility forms become plain letters), then
 * control, format (zero-width, bidirectional), private-use, lone-surrogate and blank-rendering
 * characters are refused; names then compare by a confusable-folded key (Unicode TR39 confusables
 * through `unhomoglyph`, case and accents folded), so « Аna » with a Cyrillic А is « Ana ».
 */
import unhomoglyph from "unhomoglyph";
import { fold } from "../text/fold.ts";

export const MAX_NAME_LENGTH = 40;

/** Characters nobody can see or that change how text around them reads: never in a name. */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2800]|\u034F|\u115F|\u1160|\u180B|\u180C|\u180D|\u180F|\u3164|\uFFA0/u;
/** A name shows at least one letter, digit, symbol or punctuation mark. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** A name (or an organisation) as stored: NFKC, whitespace runs collapsed to one space, trimmed. */
export function cleanName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\p{White_Space}+/gu, " ")
    .replace(/^ | $/g, "");
}

/** True when a cleaned text shows something and holds no invisible or control character. */
export function visibleText(text: string): boolean {
  return !INVISIBLE.test(text) && VISIBLE.test(text);
}

/** True when a cleaned name may be shown: 1 to 40 characters, visible ones only. */
export function validName(name: string): boolean {
  return [...name].length <= MAX_NAME_LENGTH && visibleText(name);
}

/** Keys already computed: a join compares the new name with every seated one, and the confusables
 *  mapping costs tens of microseconds a call (bounded: cleared when it grows past KEY_CACHE_SIZE). */
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;

/** The key names are compared by: confusables mapped to their prototype, case and accents folded. */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = fold(unhomoglyph(fold(cleanName(name))));
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

/** Two names are the same when their keys are (« CHLOE » and « Chloé », « Аna » and « Ana »). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
