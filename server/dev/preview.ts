/**
 * Designer preview support for the dev server (never mounted by `npm start`): the full scenario
 * with its solutions, or its validation findings, and a Server-Sent Events stream announcing each
 * scenario file change. Read by client/src/net/dev-preview.ts.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express from "express";
import { loadScenarioFiles, REFERENTIAL_FILE_NAME } from "../../shared/scenario/files.ts";
import { Id } from "../../shared/scenario/schema.ts";
import { fileStem } from "../../shared/scenario/validate.ts";
import type { CatalogWatcher } from "../catalog-watch.ts";

export const PREVIEW_PATH = "/__preview";

export interface PreviewRouter {
  router: express.Router;
  close(): void;
}

export function previewRouter(scenariosDir: string, watcher: CatalogWatcher): PreviewRouter {
  const dir = resolve(scenariosDir);
  const router = express.Router();
  const clients = new Set<express.Response>();

  router.get("/scenarios/:id", (req, res) => {
    const id = Id.safeParse(req.params.id);
    const file = id.success ? join(dir, `${id.data}.json`) : "";
    if (!id.success || !existsSync(file)) {
      // The ids there are, for a mistyped address.
      const scenarios = loadScenarioFiles(dir)
        .files.filter((entry) => entry.kind === "scenario")
        .map((entry) => fileStem(entry.file));
      res.status(404).json({
        error: {
          code: "unknown-scenario",
          message: `aucun scénario « ${req.params.id} » dans ${scenariosDir}`,
        },
        scenarios,
      });
      return;
    }
    const targets = [file, join(dir, REFERENTIAL_FILE_NAME)].filter((path) => existsSync(path));
    const result = loadScenarioFiles(targets);
    const loaded = result.scenarios[0];
    res.set("cache-control", "no-store");
    res.json(
      loaded ? { scenario: loaded.scenario, findings: result.findings } : { findings: result.findings },
    );
  });

  router.get("/events", (req, res) => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    res.write(": datatruc preview\n\n");
    clients.add(res);
    req.on("close", () => clients.delete(res));
  });

  // The catalogue's watcher says which files changed (debounced), valid or not.
  const unsubscribe = watcher.subscribe(({ files }) => {
    for (const id of files)
      for (const client of clients)
        client.write(`event: scenario-changed\ndata: ${JSON.stringify({ id })}\n\n`);
  });
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(": ping\n\n");
  }, 15_000);

  return {
    router,
    close() {
      unsubscribe();
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
