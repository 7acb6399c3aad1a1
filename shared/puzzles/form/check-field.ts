/** Form field rules: does a value satisfy a field's `check` rule? Messages are shown to players (French). */
import { fold } from "../../text/fold.ts";
import type { FieldRule } from "./schema.ts";

export interface FieldCheck {
  ok: boolean;
  /** Why the value is refused, in French; absent when ok. */
  message?: string;
}

/**
 * Case-, accent- and whitespace-insensitive form of a value, for `equals` and `tags.required`.
 * Typographic apostrophes (’ ‘ ʼ, typed by phones' smart punctuation) count as a straight one.
 */
export function looseText(value: string): string {
  return fold(value)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, "");
}

/** Parses `12`, `-3.5`, `3,5`, `1 234,5`; null when the text is not a number. */
export function parseNumber(value: string): number | null {
  const text = value
    .trim()
    .replace(/[ \u00a0\u202f]/g, "")
    .replace(",", ".");
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Splits a tags value on commas and semicolons; empty tags are dropped. */
export function splitTags(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** Whether `AAAA-MM-JJ` names a day of the calendar (not 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `2025-01-01/2025-12-31` (spaces around the slash allowed) → its two dates; null when not that shape. */
export function parseDateRange(value: string): { start: string; end: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  return match ? { start: match[1] ?? "", end: match[2] ?? "" } : null;
}

const ok: FieldCheck = { ok: true };
const refuse = (message: string): FieldCheck => ({ ok: false, message });

/**
 * Checks one value against its rule. Never throws (an invalid designer pattern refuses the value).
 * `length` with no `min` still requires a non-empty value.
 */
export function checkField(rule: FieldRule, value: string): FieldCheck {
  const text = value.trim();
  switch (rule.rule) {
    case "equals":
      return rule.accepted.some((accepted) => looseText(accepted) === looseText(text))
        ? ok
        : refuse("Cette réponse n'est pas celle attendue.");
    case "length": {
      const min = rule.min ?? 1;
      const length = [...text].length;
      if (length < min) return refuse(`Réponse trop courte : ${min} caractères au moins.`);
      if (rule.max !== undefined && length > rule.max)
        return refuse(`Réponse trop longue : ${rule.max} caractères au plus.`);
      return ok;
    }
    case "pattern": {
      let regexp: RegExp;
      try {
        regexp = new RegExp(rule.pattern);
      } catch {
        return refuse(`Format attendu : ${rule.description}.`);
      }
      return regexp.test(text) ? ok : refuse(`Format attendu : ${rule.description}.`);
    }
    case "notEquals":
      if (text === "") return refuse("Une réponse est attendue.");
      return rule.refused.some((refused) => looseText(refused) === looseText(text))
        ? refuse(
            rule.description ? `Réponse refusée : ${rule.description}.` : "Cette réponse ne convient pas.",
          )
        : ok;
    case "notMatching": {
      if (text === "") return refuse("Une réponse est attendue.");
      let regexp: RegExp;
      try {
        regexp = new RegExp(rule.pattern);
      } catch {
        return refuse(`Réponse refusée : ${rule.description}.`);
      }
      return regexp.test(text) ? refuse(`Réponse refusée : ${rule.description}.`) : ok;
    }
    case "number": {
      const number = parseNumber(text);
      if (number === null) return refuse("Un nombre est attendu.");
      if (rule.min !== undefined && number < rule.min)
        return refuse(`Nombre attendu : au moins ${rule.min}.`);
      if (rule.max !== undefined && number > rule.max) return refuse(`Nombre attendu : au plus ${rule.max}.`);
      return ok;
    }
    case "dateRange": {
      const range = parseDateRange(text);
      if (!range)
        return refuse(
          "Période attendue : deux dates AAAA-MM-JJ séparées par « / » (ex. 2025-01-01/2025-12-31).",
        );
      const impossible = [range.start, range.end].find((date) => !isCalendarDate(date));
      if (impossible) return refuse(`La date « ${impossible} » n'existe pas.`);
      // ISO dates of the same shape compare as text.
      if (range.start > range.end)
        return refuse("La période finit avant de commencer : la date de début vient en premier.");
      if (rule.start !== undefined && range.start !== rule.start)
        return refuse("La période ne commence pas à la date attendue.");
      if (rule.end !== undefined && range.end !== rule.end)
        return refuse("La période ne finit pas à la date attendue.");
      return ok;
    }
    case "tags": {
      const tags = splitTags(text);
      if (tags.length < rule.minCount) return refuse(`Au moins ${rule.minCount} mots-clés sont attendus.`);
      if (rule.maxCount !== undefined && tags.length > rule.maxCount)
        return refuse(`Au plus ${rule.maxCount} mots-clés sont attendus.`);
      const { minLength, maxLength } = rule;
      if (minLength !== undefined && tags.some((tag) => [...tag].length < minLength))
        return refuse(`Chaque mot-clé doit avoir au moins ${minLength} caractères.`);
      if (maxLength !== undefined && tags.some((tag) => [...tag].length > maxLength))
        return refuse(`Chaque mot-clé doit avoir au plus ${maxLength} caractères.`);
      const present = new Set(tags.map(looseText));
      const missing = (rule.required ?? []).filter((tag) => !present.has(looseText(tag)));
      if (missing.length > 0) return refuse("Il manque au moins un mot-clé attendu.");
      return ok;
    }
  }
}
