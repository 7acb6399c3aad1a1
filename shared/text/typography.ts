/**
 * French typography for displayed text: a narrow no-break space (U+202F) before « ; : ? ! » and
 * inside « », so that punctuation never starts a line on a narrow screen. Designers type ordinary
 * spaces in scenario files; the client typesets what it displays. Only existing spaces are replaced:
 * « 17:00 », « https://… » or « Mo-Fr; Sa » are left as they are.
 */

export const NARROW_NBSP = "\u202f";

/** `text` with the spaces before ; : ? ! », and after «, made narrow and unbreakable. */
export function frenchTypography(text: string): string {
  return text
    .replace(/«[ \u00a0\u202f]+/g, `«${NARROW_NBSP}`)
    .replace(/[ \u00a0\u202f]+([;:?!»])/g, `${NARROW_NBSP}$1`);
}

/** Keys whose string values are displayed text (never ids, values compared by the rules, or cells). */
const DISPLAY_KEYS = new Set([
  "title",
  "summary",
  "audience",
  "description",
  "name",
  "prompt",
  "body",
  "caption",
  "alt",
  "label",
  "detail",
  "help",
  "feedback",
  "text",
]);

/**
 * A copy of `value` (a public scenario, a revealed step, materials…) with `frenchTypography`
 * applied to every displayed string; ids, option values, table cells and answers are unchanged.
 */
export function typesetDisplay<T>(value: T): T {
  return typeset(value, false) as T;
}

function typeset(value: unknown, display: boolean): unknown {
  if (typeof value === "string") return display ? frenchTypography(value) : value;
  if (Array.isArray(value)) return value.map((item) => typeset(item, display));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, typeset(item, DISPLAY_KEYS.has(key))]),
    );
  return value;
}
