/**
 * Sections of docs/guide-scenarios.md generated from the project's data, between
 * `<!-- generated: name -->` and `<!-- end: name -->` markers: `npm run scenarios:schema` rewrites
 * them, and a test fails when one is stale.
 */
import type { Referential } from "./schema.ts";

/** The competence ids a step's `skills` may cite, by domain, from `scenarios/referentiel.json`. */
export function competenceSection(referential: Referential): string {
  const rows = referential.domains.flatMap((domain) =>
    domain.competences.map((competence) => [domain.label, `\`${competence.id}\``, competence.label]),
  );
  return markdownTable(["domaine", "identifiant (`competence`)", "compétence"], rows);
}

/** A Markdown table with padded columns, as the formatter (biome) writes it. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

const markers = (name: string) => [`<!-- generated: ${name} -->\n`, `\n<!-- end: ${name} -->`] as const;

/** The text between a section's markers, or undefined when the guide lacks them. */
export function generatedSection(guide: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = guide.indexOf(start);
  const to = guide.indexOf(end, from);
  return from < 0 || to < 0 ? undefined : guide.slice(from + start.length, to);
}

/** The guide with a section's text replaced (the markers must be there). */
export function withGeneratedSection(guide: string, name: string, text: string): string {
  const [start, end] = markers(name);
  const from = guide.indexOf(start);
  const to = guide.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`docs/guide-scenarios.md: markers of « ${name} » missing`);
  return guide.slice(0, from + start.length) + text + guide.slice(to);
}
