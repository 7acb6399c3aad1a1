/**
 * The designers' studio API (`/api/studio`): the scenario files with their findings, a file's
 * text, the check of an editor's text (the very findings of `npm run scenarios:check`, with the
 * validated scenario for the preview), the playtest report, the starter scenario, and saving.
 *
 * Open with the development server (`npm run dev`), where saving writes `scenarios/<id>.json` and
 * the catalogue reloads at once. On a shared server, only with the designer key (DESIGNER_KEY, in
 * the `X-Designer-Key` header) and without writing: the studio offers the file for download.
 * Otherwise refused with a French message.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { formatReport } from "../../shared/cli/playtest.ts";
import { csvFolderOf } from "../../shared/scenario/csv-tables.ts";
import { loadScenarioFiles, REFERENTIAL_FILE_NAME } from "../../shared/scenario/files.ts";
import { type Finding, hasErrors } from "../../shared/scenario/findings.ts";
import { playtest } from "../../shared/scenario/playtest.ts";
import { starterScenario } from "../../shared/scenario/scaffold.ts";
import { Id } from "../../shared/scenario/schema.ts";
import { type ImportedTable, SpreadsheetError, spreadsheetToCsv } from "../../shared/scenario/spreadsheet.ts";
import { fileStem, referentialIndexFromText } from "../../shared/scenario/validate.ts";
import type { CatalogWatcher } from "../catalog-watch.ts";
import { hashSecret, secretMatches } from "../codes.ts";
import type { Catalog } from "../scenarios.ts";
import { apiErrorHandler } from "./api.ts";
import { HttpError } from "./errors.ts";
import { parseBody } from "./route.ts";

export const STUDIO_KEY_HEADER = "x-designer-key";

export interface StudioOptions {
  scenariosDir: string;
  catalog: Catalog;
  watcher: CatalogWatcher;
  /** DESIGNER_KEY: opens the studio on a shared server (read and check only). */
  designerKey: string | undefined;
  /** The development server: open without a key, saving writes the file. */
  dev: boolean;
}

export type StudioMode = "dev" | "shared";

/** The largest spreadsheet « Importer un tableau » takes. */
const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;

/** A table's file name as a scenario gives it in `"csv"` (a file of the scenario's folder). */
const TableName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}\.csv$/, {
  message:
    "Nom de tableau invalide : minuscules, chiffres, tirets, terminé par « .csv » (ex. « equipements.csv »).",
});

/** « Importer un tableau »: the table's name, the sheet (number from 1, or name), replace a file. */
const TableQuery = z.object({
  name: TableName,
  sheet: z
    .string()
    .max(100)
    .optional()
    .transform((sheet) =>
      sheet === undefined || sheet === "" ? undefined : /^\d+$/.test(sheet) ? Number(sheet) : sheet,
    ),
  replace: z.string().optional(),
});

/** An editor's text, with the tables imported but not written (shared server) standing for files. */
const TextBody = z.object({
  text: z.string().max(2_000_000),
  tables: z.record(TableName, z.string().max(2_000_000)).optional(),
});

/** A scenario id from the URL, or 400 with what an id looks like. */
function scenarioId(value: unknown): string {
  const id = Id.safeParse(value);
  if (!id.success)
    throw new HttpError(
      400,
      "invalid-id",
      "Identifiant de scénario invalide : minuscules, chiffres et tirets seulement (ex. « licence-commune »).",
    );
  return id.data;
}

export function studioRouter(options: StudioOptions): express.Router {
  const dir = resolve(options.scenariosDir);
  const router = express.Router();
  const keyHash = options.designerKey ? hashSecret(options.designerKey) : undefined;
  const wrongKeys = new RateLimiterMemory({ points: 10, duration: 60, blockDuration: 300 });
  const mode: StudioMode = options.dev ? "dev" : "shared";
  const pathOf = (id: string) => join(dir, `${id}.json`);

  /** Lets the request in (dev server, or the right designer key) or throws why not, in French. */
  const admit = async (req: Request): Promise<void> => {
    if (options.dev) return;
    if (!keyHash)
      throw new HttpError(
        403,
        "studio-closed",
        "Le studio n'est pas ouvert sur ce serveur : il s'ouvre avec le serveur de développement (npm run dev) ou, sur un serveur partagé, avec une clé de conception (variable DESIGNER_KEY).",
      );
    const address = req.ip ?? "unknown";
    if ((await wrongKeys.get(address))?.remainingPoints === 0)
      throw new HttpError(
        429,
        "rate-limited",
        "Trop de tentatives depuis cette adresse : réessayez plus tard.",
      );
    const key = req.get(STUDIO_KEY_HEADER);
    if (!key)
      throw new HttpError(401, "designer-key-required", "Une clé de conception est requise sur ce serveur.");
    if (!secretMatches(key, keyHash)) {
      await wrongKeys.consume(address).catch(() => undefined);
      throw new HttpError(403, "wrong-designer-key", "Clé de conception incorrecte.");
    }
  };
  router.use((req: Request, res: Response, next: NextFunction) => {
    res.set("cache-control", "no-store");
    admit(req).then(() => next(), next);
  });
  router.use(express.json({ limit: "4mb" }));

  /**
   * Loads the directory, with `text` (and imported `tables`) standing for unsaved files; the
   * findings of `path` and of its CSV tables only.
   */
  const check = (path: string, text: string, tables: Record<string, string> = {}) => {
    const texts = new Map([[path, text]]);
    const folder = path.replace(/\.json$/, "");
    for (const [name, csv] of Object.entries(tables)) texts.set(join(folder, name), csv);
    const result = loadScenarioFiles(dir, { texts });
    const file = result.files.find((entry) => resolve(entry.file) === path)?.file;
    const ownTables = file === undefined ? undefined : csvFolderOf(file);
    const findings = result.findings.filter(
      (finding) => finding.file === file || (ownTables && finding.file.startsWith(ownTables)),
    );
    const scenario = result.scenarios.find((loaded) => loaded.path === path)?.scenario ?? null;
    return { findings, scenario };
  };

  router.get("/", (_req, res) => {
    const result = loadScenarioFiles(dir);
    /** A file's findings, and its CSV tables' for a scenario. */
    const findingsOf = (file: string) =>
      result.findings.filter(
        (finding) =>
          finding.file === file || (file.endsWith(".json") && finding.file.startsWith(csvFolderOf(file))),
      );
    const scenarios = result.files
      .filter((entry) => entry.kind === "scenario")
      .map((entry) => {
        const path = resolve(entry.file);
        const id = options.catalog.sources.get(path) ?? fileStem(entry.file);
        const findings: Finding[] = findingsOf(entry.file);
        return {
          id: fileStem(entry.file),
          file: entry.file,
          title: options.catalog.scenarios.get(id)?.metadata.title ?? null,
          ok: entry.ok,
          inCatalogue: options.catalog.sources.has(path),
          findings,
        };
      });
    const referential = result.files.find((entry) => entry.kind === "referential");
    res.json({
      mode,
      scenarios,
      referential: referential ? { file: referential.file, findings: findingsOf(referential.file) } : null,
    });
  });

  router.get("/scenarios/:id", (req, res) => {
    const id = scenarioId(req.params.id);
    const path = pathOf(id);
    if (!existsSync(path))
      throw new HttpError(404, "unknown-scenario", `Le fichier scenarios/${id}.json n'existe pas.`);
    res.json({ id, text: readFileSync(path, "utf8") });
  });

  router.post("/scenarios/:id/check", (req, res) => {
    const id = scenarioId(req.params.id);
    const { text, tables } = parseBody(TextBody, req.body);
    res.json(check(pathOf(id), text, tables));
  });

  router.post("/scenarios/:id/playtest", (req, res) => {
    const id = scenarioId(req.params.id);
    const { text, tables } = parseBody(TextBody, req.body);
    const { findings, scenario } = check(pathOf(id), text, tables);
    if (!scenario || hasErrors(findings))
      throw new HttpError(
        400,
        "scenario-invalid",
        "Le scénario a des erreurs : corrigez-les avant le playtest.",
      );
    const report = playtest(scenario);
    res.json({ report, text: formatReport(report) });
  });

  router.get("/new/:id", (req, res) => {
    const id = scenarioId(req.params.id);
    if (existsSync(pathOf(id)))
      throw new HttpError(
        409,
        "scenario-exists",
        `scenarios/${id}.json existe déjà : choisissez un autre identifiant.`,
      );
    const referentialPath = join(dir, REFERENTIAL_FILE_NAME);
    const referential = existsSync(referentialPath)
      ? referentialIndexFromText(readFileSync(referentialPath, "utf8"))
      : undefined;
    res.json({
      id,
      text: `${JSON.stringify(starterScenario(id, referential?.competences ?? []), null, 2)}\n`,
    });
  });

  router.put("/scenarios/:id", (req, res) => {
    const id = scenarioId(req.params.id);
    const { text } = parseBody(TextBody, req.body);
    if (mode !== "dev")
      throw new HttpError(
        403,
        "read-only",
        "Sur un serveur partagé, le studio n'écrit pas les fichiers : téléchargez le fichier et déposez-le dans scenarios/.",
      );
    const path = pathOf(id);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
    options.watcher.reload([id]);
    const { findings } = check(path, text);
    res.json({ findings, inCatalogue: options.catalog.sources.has(path) });
  });

  /**
   * « Importer un tableau »: the request's body is a spreadsheet (XLSX, ODS) or CSV file; one sheet
   * becomes the scenario's CSV table `name`. Written beside the scenario with the development
   * server (not over an existing file unless `replace`); on a shared server, returned only (the
   * studio checks with it and offers it for download, like the scenario file).
   */
  router.post(
    "/scenarios/:id/tables",
    express.raw({ type: () => true, limit: MAX_SPREADSHEET_BYTES }),
    (req, res) => {
      const id = scenarioId(req.params.id);
      const query = parseBody(TableQuery, req.query);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let table: ImportedTable;
      try {
        table = spreadsheetToCsv(bytes, query.sheet);
      } catch (error) {
        if (!(error instanceof SpreadsheetError)) throw error;
        throw new HttpError(400, "bad-spreadsheet", error.message);
      }
      const path = join(dir, id, query.name);
      let written = false;
      if (mode === "dev") {
        if (existsSync(path) && query.replace !== "1")
          throw new HttpError(
            409,
            "table-exists",
            `scenarios/${id}/${query.name} existe déjà : choisissez un autre nom, ou cochez « Remplacer le fichier ».`,
          );
        mkdirSync(join(dir, id), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, table.csv);
        renameSync(temporary, path);
        options.watcher.reload([id]);
        written = true;
      }
      res.json({ name: query.name, file: `scenarios/${id}/${query.name}`, written, ...table });
    },
  );

  router.use((_req, _res, next) => next(new HttpError(404, "not-found", "Adresse d'API inconnue.")));
  router.use(apiErrorHandler);
  return router;
}
