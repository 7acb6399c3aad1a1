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

/** Every displayed string of `value` (the strings `typesetDisplay` typesets), with its JSON path. */
export function displayedTexts(value: unknown): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (item: unknown, path: string[], display: boolean): void => {
    if (typeof item === "string") {
      if (display) found.push({ path: path.join("."), text: item });
    } else if (Array.isArray(item)) {
      for (const [i, entry] of item.entries()) walk(entry, [...path, String(i)], display);
    } else if (item !== null && typeof item === "object")
      for (const [key, entry] of Object.entries(item)) walk(entry, [...path, key], DISPLAY_KEYS.has(key));
  };
  walk(value, [], false);
  return found;
}

/**
 * What the typesetter cannot repair in a displayed French text: « » or ; ? ! without the space that
 * becomes a narrow no-break space (« «mot» », « Pourquoi? »), or straight or English quotes instead of « »
 * (straight quotes are allowed on a line that quotes JSON).
 * Returns a French message per problem (empty when the text is ready).
 */
export function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (/«(?![ \u00a0\u202f])|[^ \u00a0\u202f]»/.test(text))
    problems.push("guillemets « » sans espace à l'intérieur");
  if (/[\p{L}\p{N})»][?!;](?=\s|$)/u.test(text)) problems.push("pas d'espace avant « ; », « ? » ou « ! »");
  if (/\p{L}:(?=\s)/u.test(text)) problems.push("pas d'espace avant « : »");
  // Straight quotes are fine in a quoted piece of JSON (a line with a `"key":`), never in prose.
  const prose = text.split("\n").filter((line) => !/"[^"]*"\s*:/.test(line));
  if (/[“”]/.test(text) || prose.some((line) => line.includes('"')))
    problems.push("guillemets droits ou anglais au lieu de « »");
  return problems;
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
