/**
 * Message catalogues: French (default) and English. Every text a user reads comes from here;
 * screens and scenes call `t(key, params)`. Messages are ICU MessageFormat (see `translate`).
 */
import { IntlMessageFormat } from "intl-messageformat";
import { frenchTypography } from "../../../shared/text/typography.ts";
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

/** The `lang` of scenario texts (written in French) when the interface speaks another language. */
export function contentLang(): "fr" | undefined {
  return current === "fr" ? undefined : "fr";
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

/** Starts with a vowel sound (French elision: « qu'Inès », « d'Amina », « d'Équipe 1 »). */
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüÿœæ]/i;

/** Numbers in messages (`{n}`, `{n, number}`, `#`): at most two decimals, no grouping. */
const formatters = {
  getNumberFormat: (locales?: string | string[], options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locales, { maximumFractionDigits: 2, useGrouping: false, ...options }),
  getDateTimeFormat: (locales?: string | string[], options?: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locales, options),
  getPluralRules: (locales?: string | string[], options?: Intl.PluralRulesOptions) =>
    new Intl.PluralRules(locales, options),
};

interface Compiled {
  format: IntlMessageFormat;
  /** Names used as plain `{name}` (intl-messageformat prints numbers there without the locale). */
  plain: Set<string>;
}

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

/** Names of the arguments a message uses, and which of them are plain `{name}`. */
export function messageArguments(elements: Element[], all = new Set<string>(), plain = new Set<string>()) {
  for (const element of elements) {
    if ("value" in element && element.type !== 0 && element.type !== 8 && typeof element.value === "string") {
      all.add(element.value);
      if (element.type === 1) plain.add(element.value);
    }
    if ("options" in element)
      for (const option of Object.values(element.options)) messageArguments(option.value, all, plain);
    if ("children" in element) messageArguments(element.children, all, plain);
  }
  return { all, plain };
}

const compiled = new Map<string, Compiled>();
function messageFormat(lang: Lang, key: MessageKey): Compiled {
  const id = `${lang}:${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const source = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
    const format = new IntlMessageFormat(source, LOCALES[lang], undefined, { formatters });
    entry = { format, plain: messageArguments(format.getAst()).plain };
    compiled.set(id, entry);
  }
  return entry;
}

/** Each string parameter `x` also comes as `xElision` ("vowel" or "other") for French select;
 *  numbers printed as plain `{n}` are formatted for the language (« 0,5 »). */
function values(lang: Lang, { plain }: Compiled, params: Params): Record<string, string | number> {
  const result: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string")
      result[`${name}Elision`] = VOWEL_START.test(value.trim()) ? "vowel" : "other";
    else if (plain.has(name)) result[name] = numberFormat(LOCALES[lang]).format(value);
  }
  return result;
}

/**
 * Translates a key in a given language (pure; used by tests and by `t`). Messages are ICU
 * MessageFormat (intl-messageformat): `{name}`, `{n, number}`, `{n, plural, one {# point} other
 * {# points}}`, and for French elision `{nameElision, select, vowel {d’} other {de }}{name}`.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const entry = messageFormat(lang, key);
  const text = String(entry.format.format(values(lang, entry, params)));
  // French typography: narrow no-break spaces before ; : ? ! and inside « » (shared/text/typography.ts).
  return lang === "fr" ? frenchTypography(text) : text;
}

/** Like `translate`, with tags in the message (`<name>{name}</name>`) rendered by `tags`. */
export function translateParts<T>(
  lang: Lang,
  key: MessageKey,
  params: Params,
  tags: Record<string, (chunks: (string | T)[]) => T>,
): (string | T)[] {
  const entry = messageFormat(lang, key);
  const result = entry.format.format<T>({ ...values(lang, entry, params), ...tags });
  return Array.isArray(result) ? result : [result as string | T];
}

/** A number as the current language writes it (« 0,5 » in French), at most two decimals. */
export function formatNumber(value: number): string {
  return numberFormat(LOCALES[current]).format(value);
}

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export function tParts<T>(
  key: MessageKey,
  params: Params,
  tags: Record<string, (chunks: (string | T)[]) => T>,
): (string | T)[] {
  return translateParts(current, key, params, tags);
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
