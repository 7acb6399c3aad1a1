/**
 * The scenario catalogue, loaded once at start from `scenarios/`. The server refuses to start when
 * a file is invalid (the message names the file and the problem).
 * TODO(server): switch to `loadScenarioFiles` from shared/scenario/files.ts once it exists, for
 * the full semantic validation; this minimal loader only checks the structure with zod.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { Referential, Scenario } from "../shared/scenario/schema.ts";

export const REFERENTIAL_FILE = "referentiel.json";

export interface Catalog {
  scenarios: Map<string, Scenario>;
  referential: Referential;
}

export class CatalogError extends Error {}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CatalogError(`${path} : JSON illisible (${(error as Error).message})`);
  }
}

export function loadCatalog(dir: string): Catalog {
  const referentialPath = join(dir, REFERENTIAL_FILE);
  const referential = Referential.safeParse(readJson(referentialPath));
  if (!referential.success) {
    throw new CatalogError(`${referentialPath} invalide :\n${z.prettifyError(referential.error)}`);
  }
  const scenarios = new Map<string, Scenario>();
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json") && e.name !== REFERENTIAL_FILE)
    .map((e) => e.name)
    .sort();
  for (const file of files) {
    const path = join(dir, file);
    const parsed = Scenario.safeParse(readJson(path));
    if (!parsed.success) {
      throw new CatalogError(`${path} invalide :\n${z.prettifyError(parsed.error)}`);
    }
    const expectedId = basename(file, ".json");
    if (parsed.data.id !== expectedId) {
      throw new CatalogError(`${path} : l'identifiant « ${parsed.data.id} » doit être « ${expectedId} ».`);
    }
    scenarios.set(parsed.data.id, parsed.data);
  }
  return { scenarios, referential: referential.data };
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
  };
}
