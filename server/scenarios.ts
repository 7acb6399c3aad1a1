/**
 * The scenario catalogue, loaded once at start from `scenarios/` through the shared loader
 * (structure and meaning checks). The server refuses to start when any file has an error: the
 * message lists every finding with its file and position.
 */

import { loadScenarioFiles } from "../shared/scenario/files.ts";
import { formatFinding, hasErrors } from "../shared/scenario/findings.ts";
import type { Referential, Scenario } from "../shared/scenario/schema.ts";

export interface Catalog {
  scenarios: Map<string, Scenario>;
  referential: Referential;
}

export class CatalogError extends Error {}

export function loadCatalog(dir: string): Catalog {
  const result = loadScenarioFiles(dir);
  const errors = result.findings.filter((f) => f.severity === "error");
  if (hasErrors(result.findings) || !result.referential) {
    const lines = errors.map(formatFinding);
    if (!result.referential && lines.length === 0)
      lines.push(`${dir} : référentiel de compétences introuvable`);
    throw new CatalogError(lines.join("\n"));
  }
  const scenarios = new Map<string, Scenario>();
  for (const loaded of result.scenarios) scenarios.set(loaded.scenario.id, loaded.scenario);
  return { scenarios, referential: result.referential };
}

/** Public catalogue entry: metadata only. */
export function catalogEntry(s: Scenario) {
  return {
    id: s.id,
    title: s.metadata.title,
    summary: s.metadata.summary,
    audience: s.metadata.audience,
    durationMinutes: s.metadata.durationMinutes,
    difficulty: s.metadata.difficulty,
    language: s.metadata.language,
    tags: s.metadata.tags,
    stepCount: s.steps.length,
    roles: s.roles,
    /** The short route for cafés: its duration and number of steps (null when the scenario has none). */
    shortRoute: s.shortRoute
      ? { durationMinutes: s.shortRoute.durationMinutes, stepCount: s.shortRoute.steps.length }
      : null,
  };
}
