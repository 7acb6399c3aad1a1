/**
 * The scenario catalogue, loaded at start from `scenarios/` through the shared loader (structure
 * and meaning checks). The server refuses to start when any file has an error: the message lists
 * every finding with its file and position. While it runs, `refreshCatalog` takes a new load in
 * (server/catalog-watch.ts calls it on every change of the directory): a file that stops
 * validating keeps its last valid version, and its findings are kept for the studio.
 */

import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { RULES_VERSION } from "../shared/rules/index.ts";
import { type LoadResult, loadScenarioFiles } from "../shared/scenario/files.ts";
import { type Finding, formatFinding, hasErrors } from "../shared/scenario/findings.ts";
import type { Referential, Scenario } from "../shared/scenario/schema.ts";
import type { SessionRecord, Store } from "./store/store.ts";

export interface Catalog {
  /** Playable scenarios by id, in file name order. Updated in place by `refreshCatalog`. */
  scenarios: Map<string, Scenario>;
  referential: Referential;
  /** Every finding of the latest load, for the studio (a kept version's file shows why it is kept). */
  findings: Finding[];
  /** The scenario id each file (absolute path) gives the catalogue, valid now or last time. */
  sources: Map<string, string>;
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
  const catalog: Catalog = {
    scenarios: new Map(),
    referential: result.referential,
    findings: [],
    sources: new Map(),
  };
  refreshCatalog(catalog, result);
  return catalog;
}

/** What a refresh did, by scenario id. `kept`: files with errors whose last valid version stays. */
export interface CatalogChange {
  added: string[];
  changed: string[];
  removed: string[];
  kept: string[];
}

/**
 * Takes a new load of the scenarios directory into the catalogue (in place: every service holds
 * the same object). Valid files replace their scenario; a file with errors keeps its last valid
 * version (unless a valid file now has its id); a file gone takes its scenario away. An invalid
 * referential keeps the previous one.
 */
export function refreshCatalog(catalog: Catalog, result: LoadResult, cwd = process.cwd()): CatalogChange {
  const valid = new Map(result.scenarios.map((loaded) => [loaded.path, loaded.scenario]));
  const validIds = new Set(result.scenarios.map((loaded) => loaded.scenario.id));
  const next = new Map<string, Scenario>();
  const sources = new Map<string, string>();
  const kept: string[] = [];
  for (const entry of result.files) {
    if (entry.kind !== "scenario") continue;
    const path = resolve(cwd, entry.file);
    const scenario = valid.get(path);
    if (scenario) {
      next.set(scenario.id, scenario);
      sources.set(path, scenario.id);
      continue;
    }
    const previousId = catalog.sources.get(path);
    const previous = previousId === undefined ? undefined : catalog.scenarios.get(previousId);
    if (previousId === undefined || !previous || validIds.has(previousId) || next.has(previousId)) continue;
    next.set(previousId, previous);
    sources.set(path, previousId);
    kept.push(previousId);
  }
  const change: CatalogChange = { added: [], changed: [], removed: [], kept };
  for (const [id, scenario] of next) {
    const before = catalog.scenarios.get(id);
    if (!before) change.added.push(id);
    else if (scenarioHash(before) !== scenarioHash(scenario)) change.changed.push(id);
  }
  for (const id of catalog.scenarios.keys()) if (!next.has(id)) change.removed.push(id);
  catalog.scenarios.clear();
  for (const [id, scenario] of next) catalog.scenarios.set(id, scenario);
  catalog.sources = sources;
  catalog.findings = result.findings;
  if (result.referential) catalog.referential = result.referential;
  return change;
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

/**
 * The scenario copies the given sessions played, by session code (one read per distinct copy):
 * what a carnet, the dashboard and the learning-record export count steps against, so that
 * editing or removing a file in `scenarios/` never changes a past session's record.
 */
export async function sessionScenarios(
  store: Store,
  catalog: Catalog,
  codes: Iterable<string>,
): Promise<Map<string, Scenario>> {
  const byCode = new Map<string, Scenario>();
  const byHash = new Map<string, Scenario | null>();
  for (const code of new Set(codes)) {
    const session = await store.getSession(code);
    if (!session) continue;
    const key = session.scenarioHash ?? `catalogue:${session.scenarioId}`;
    if (!byHash.has(key)) byHash.set(key, await sessionScenario(store, catalog, session));
    const scenario = byHash.get(key);
    if (scenario) byCode.set(code, scenario);
  }
  return byCode;
}

/** The skills a step of a session's scenario copy trains (none when the copy or step is unknown). */
export function stepSkills(scenarios: Map<string, Scenario>, sessionCode: string, stepId: string) {
  return scenarios.get(sessionCode)?.steps.find((s) => s.id === stepId)?.skills ?? [];
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
