/**
 * The scenario catalogue, loaded once at start from `scenarios/` through the shared loader
 * (structure and meaning checks). The server refuses to start when any file has an error: the
 * message lists every finding with its file and position.
 */

import { createHash } from "node:crypto";
import { RULES_VERSION } from "../shared/rules/index.ts";
import { loadScenarioFiles } from "../shared/scenario/files.ts";
import { formatFinding, hasErrors } from "../shared/scenario/findings.ts";
import type { Referential, Scenario } from "../shared/scenario/schema.ts";
import type { SessionRecord, Store } from "./store/store.ts";

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

/** The content hash a scenario copy is stored under. */
export function scenarioHash(scenario: Scenario): string {
  return createHash("sha256").update(JSON.stringify(scenario)).digest("hex");
}

/** Stores a copy of the scenario (once per content) and returns its hash. */
export async function storeScenario(store: Store, scenario: Scenario, now = Date.now()): Promise<string> {
  const hash = scenarioHash(scenario);
  await store.saveScenarioVersion(hash, scenario.id, scenario, now);
  return hash;
}

/**
 * The scenario a session plays: the copy stored when it was created, whatever `scenarios/` holds now.
 * A session created before copies were kept gets the catalogue's current copy pinned on first use.
 */
export async function sessionScenario(
  store: Store,
  catalog: Catalog,
  session: SessionRecord,
): Promise<Scenario | null> {
  if (session.scenarioHash) {
    // Stored after validation by the catalogue: read back as it was.
    return (await store.getScenarioVersion(session.scenarioHash)) as Scenario | null;
  }
  const current = catalog.scenarios.get(session.scenarioId);
  if (!current) return null;
  await store.pinSessionScenario(session.code, await storeScenario(store, current), RULES_VERSION);
  return current;
}

/** The scenario behind a badge: the catalogue's, or the copy last played once the file is gone. */
export async function badgeScenario(
  store: Store,
  catalog: Catalog,
  scenarioId: string,
): Promise<Scenario | null> {
  const current = catalog.scenarios.get(scenarioId);
  if (current) return current;
  return (await store.latestScenarioVersion(scenarioId)) as Scenario | null;
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
