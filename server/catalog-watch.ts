/**
 * Hot reload of the scenario catalogue: watches the scenarios directory (chokidar) and, a short
 * while after the last change, loads it again and takes the load into the catalogue
 * (`refreshCatalog`). Running sessions are unaffected: they play the copy stored at creation.
 * Listeners (the designer preview, the studio) hear which files changed, valid or not.
 */
import { basename, dirname, relative, resolve, sep } from "node:path";
import { type FSWatcher, watch } from "chokidar";
import { loadScenarioFiles } from "../shared/scenario/files.ts";
import { formatFinding } from "../shared/scenario/findings.ts";
import type { Logger } from "./log.ts";
import { type Catalog, type CatalogChange, refreshCatalog } from "./scenarios.ts";

/** Milliseconds of quiet after a change before the directory is read again (editors write in bursts). */
export const RELOAD_DEBOUNCE_MS = 150;

export interface CatalogReload {
  change: CatalogChange;
  /** Stems of the files touched since the previous reload (`exemple` for `scenarios/exemple.json`,
   *  `exemple` too for a file of `scenarios/exemple/`). */
  files: string[];
}

export interface CatalogWatcher {
  /** Calls `listener` after each reload; returns a function that stops calling it. */
  subscribe(listener: (reload: CatalogReload) => void): () => void;
  /** Reads the directory now (also used after the studio writes a file). */
  reload(touched?: readonly string[]): CatalogReload;
  close(): Promise<void>;
}

/** The scenario a changed path belongs to: its file stem, or its folder's name for files beside it. */
function stemOf(dir: string, path: string): string | undefined {
  const parts = relative(dir, path).split(sep);
  const [first] = parts;
  if (!first || first.startsWith("..") || first === "schema") return undefined;
  // Ids have no dot: `exemple.json`, `exemple.json.123.tmp` (a save in progress) → `exemple`.
  return first.split(".")[0];
}

export function watchCatalog(catalog: Catalog, scenariosDir: string, log: Logger): CatalogWatcher {
  const dir = resolve(scenariosDir);
  const listeners = new Set<(reload: CatalogReload) => void>();
  const touched = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const reload = (files: readonly string[] = []): CatalogReload => {
    const change = refreshCatalog(catalog, loadScenarioFiles(scenariosDir));
    const done = { change, files: [...files] };
    const { added, changed, removed, kept } = change;
    if (added.length + changed.length + removed.length > 0)
      log.info({ added, changed, removed }, "scenario catalogue reloaded");
    if (kept.length > 0) {
      const errors = catalog.findings.filter((f) => f.severity === "error").map(formatFinding);
      log.warn(
        { kept },
        `scénario invalide : la dernière version valide reste au catalogue\n${errors.join("\n")}`,
      );
    }
    for (const listener of listeners) listener(done);
    return done;
  };

  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    depth: 1,
    ignored: (path) => basename(dirname(path)) === "schema" || basename(path) === "schema",
  });
  watcher.on("all", (_event, path) => {
    const stem = stemOf(dir, path);
    if (stem === undefined) return;
    touched.add(stem);
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...touched];
      touched.clear();
      try {
        reload(files);
      } catch (error) {
        log.error({ err: error }, "scenario catalogue reload failed");
      }
    }, RELOAD_DEBOUNCE_MS);
  });
  watcher.on("error", (error) => log.error({ err: error }, "scenario watcher failed"));

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    async close() {
      clearTimeout(timer);
      listeners.clear();
      await watcher.close();
    },
  };
}
