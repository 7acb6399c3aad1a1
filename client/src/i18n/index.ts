/**
 * Message catalogues: French (default) and English. Every text a user reads comes from here;
 * screens and scenes call `t(key, params)`. Placeholders are written `{name}`.
 */
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };
export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];
export const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

const STORAGE_KEY = "datatruc.lang";
let current: Lang = "fr";

export function initLang(): Lang {
  const fromQuery = new URLSearchParams(globalThis.location?.search ?? "").get("lang");
  const stored = safeStorageGet(STORAGE_KEY);
  const wanted = fromQuery ?? stored;
  current = wanted === "en" ? "en" : "fr";
  if (typeof document !== "undefined") document.documentElement.lang = current;
  return current;
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export type Params = Record<string, string | number>;

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };
const numberFormat = (locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });

/**
 * Translates a key in a given language (pure; used by tests and by `t`). Placeholders: `{name}`
 * (numbers formatted for the language: « 0,5 » in French) and `{name|one|other}`, the word that
 * agrees with the number `name` (« 1 point », « 1,5 point », « 2 points »; "1 point", "0.5 points").
 */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
  if (!params) return template;
  const locale = LOCALES[lang];
  return template.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g,
    (whole: string, name: string, one?: string, other?: string): string => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one !== undefined && other !== undefined) {
        return new Intl.PluralRules(locale).select(Number(value)) === "one" ? one : other;
      }
      return typeof value === "number"
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(value)
        : value;
    },
  );
}

/** A number as the current language writes it (« 0,5 » in French), at most two decimals. */
export function formatNumber(value: number): string {
  return numberFormat(LOCALES[current]).format(value);
}

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** Formats a number of seconds as m:ss. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long" }).format(
    new Date(epochMs),
  );
}

function safeStorageGet(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
