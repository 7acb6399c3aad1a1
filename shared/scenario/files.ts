/**
 * Node-only loader: reads `scenarios/` (or given files), validates the referential and every
 * scenario, and returns the valid ones with all findings. The server and the CLI read scenarios
 * through this; the other modules of `shared/scenario/` stay free of I/O for the browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { csvLookup } from "./csv-files.ts";
import { decodeScenarioBytes } from "./encoding.ts";
import { type Finding, guideLink, sortFindings } from "./findings.ts";
import { formatPath, locate, parseJsonSource } from "./json-source.ts";
import { salvageScenario } from "./meaning.ts";
import type { Referential, Scenario } from "./schema.ts";
import {
  type ReferentialIndex,
  referentialIndexFromText,
  validateReferentialText,
  validateScenarioText,
} from "./validate.ts";

/** The repository root: image `src` paths (`assets/…`) are relative to it. */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, "..", "..");
/** The repository's `scenarios/` directory. */
export const DEFAULT_SCENARIOS_DIR = join(REPOSITORY_ROOT, "scenarios");
/** The referential's file name inside a scenarios directory. */
export const REFERENTIAL_FILE_NAME = "referentiel.json";

export interface LoadedScenario {
  /** The file as named in findings (relative to the working directory). */
  file: string;
  /** Absolute path. */
  path: string;
  scenario: Scenario;
}

export interface LoadResult {
  /** Scenarios without any error, in file name order (a scenario with errors is left out). */
  scenarios: LoadedScenario[];
  /** The referential when it has no error. */
  referential: Referential | undefined;
  /** Every finding, sorted by file and position. */
  findings: Finding[];
  /** Every file read, with whether it is usable. */
  files: { file: string; kind: "scenario" | "referential"; ok: boolean }[];
}

export interface LoadOptions {
  /** Base for the file names shown in findings; default: the working directory. */
  cwd?: string;
  /**
   * Texts to check in place of files (absolute path → text), as if saved: the studio checks the
   * editor's text exactly as `scenarios:check` would check the saved file. A path that does not
   * exist yet is added to the directory's files.
   */
  texts?: ReadonlyMap<string, string>;
}

function displayName(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  const shown = relativePath.startsWith("..") ? path : relativePath;
  return shown.split(sep).join("/");
}

function looksLikeReferential(path: string, text: string): boolean {
  if (basename(path) === REFERENTIAL_FILE_NAME) return true;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return value !== null && typeof value === "object" && "domains" in value && !("steps" in value);
  } catch {
    return false;
  }
}

function jsonFilesIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(directory, name))
    .filter((path) => statSync(path).isFile());
}

/**
 * Loads and validates scenarios. `target`: a directory (default `scenarios/`), or a list of files
 * and directories. When the referential is not among the files, the one next to the first file
 * (or in `scenarios/`) is used and only its errors are reported.
 */
export function loadScenarioFiles(
  target: string | readonly string[] = DEFAULT_SCENARIOS_DIR,
  options: LoadOptions = {},
): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const targets = (typeof target === "string" ? [target] : [...target]).map((path) => resolve(cwd, path));
  const findings: Finding[] = [];
  const files: LoadResult["files"] = [];
  const paths: string[] = [];
  for (const path of targets) {
    if (!existsSync(path)) {
      const file = displayName(path, cwd);
      findings.push({
        severity: "error",
        code: "json-invalide",
        file,
        path: "(racine)",
        line: 1,
        column: 1,
        message: "fichier introuvable",
        help: guideLink("json-invalide"),
      });
      files.push({ file, kind: "scenario", ok: false });
    } else if (statSync(path).isDirectory()) paths.push(...jsonFilesIn(path));
    else paths.push(path);
  }

  const overrides = options.texts ?? new Map<string, string>();
  // (Texts of CSV tables stand for the files `csvLookup` reads, not for scenario files.)
  for (const path of overrides.keys())
    if (!paths.includes(path) && path.toLowerCase().endsWith(".json")) paths.push(path);
  const texts = new Map<string, string>();
  for (const path of paths) {
    const override = overrides.get(path);
    const decoded =
      override === undefined
        ? decodeScenarioBytes(readFileSync(path), displayName(path, cwd))
        : { text: override };
    if ("text" in decoded) texts.set(path, decoded.text);
    else {
      // Not UTF-8: that one finding, the file is not read further.
      findings.push(decoded.finding);
      files.push({ file: decoded.finding.file, kind: "scenario", ok: false });
    }
  }
  const readable = paths.filter((path) => texts.has(path));
  const referentialPaths = readable.filter((path) => looksLikeReferential(path, texts.get(path) ?? ""));
  const scenarioPaths = readable.filter((path) => !referentialPaths.includes(path));

  let referential: Referential | undefined;
  let index: ReferentialIndex | undefined;
  for (const path of referentialPaths) {
    const file = displayName(path, cwd);
    const result = validateReferentialText(texts.get(path) ?? "", file);
    findings.push(...result.findings);
    files.push({ file, kind: "referential", ok: result.value !== undefined });
    referential ??= result.value;
    index ??= referentialIndexFromText(texts.get(path) ?? "");
  }
  if (referentialPaths.length === 0 && scenarioPaths.length > 0) {
    const first = scenarioPaths[0] ?? "";
    const candidates = [
      join(dirname(first), REFERENTIAL_FILE_NAME),
      join(DEFAULT_SCENARIOS_DIR, REFERENTIAL_FILE_NAME),
    ];
    const path = candidates.find((candidate) => existsSync(candidate));
    if (path) {
      const decoded = decodeScenarioBytes(readFileSync(path), displayName(path, cwd));
      const text = "text" in decoded ? decoded.text : "";
      const result = validateReferentialText(text, displayName(path, cwd));
      findings.push(...result.findings.filter((finding) => finding.severity === "error"));
      referential = result.value;
      index = referentialIndexFromText(text);
    } else {
      findings.push({
        severity: "warning",
        code: "referentiel-introuvable",
        file: displayName(first, cwd),
        path: "(racine)",
        line: 1,
        column: 1,
        message: `référentiel introuvable (${REFERENTIAL_FILE_NAME} à côté du scénario ou dans scenarios/) : les compétences des étapes ne sont pas vérifiées`,
        help: guideLink("referentiel-introuvable"),
      });
    }
  }

  const scenarios: LoadedScenario[] = [];
  const seenIds = new Map<string, string>();
  for (const path of scenarioPaths) {
    const file = displayName(path, cwd);
    const text = texts.get(path) ?? "";
    const csv = csvLookup(path.replace(/\.json$/i, ""), (csvPath) => displayName(csvPath, cwd), overrides);
    const result = validateScenarioText(text, file, { csv, ...(index ? { referential: index } : {}) });
    findings.push(...result.findings, ...missingImages(text, file));
    let ok = result.value !== undefined;
    const scenario = result.value;
    if (scenario) {
      const other = seenIds.get(scenario.id);
      if (other) {
        ok = false;
        findings.push({
          severity: "error",
          code: "scenario-en-double",
          file,
          path: "id",
          ...idPosition(texts.get(path) ?? ""),
          message: `le scénario « ${scenario.id} » existe déjà dans ${other} : chaque scénario a son propre identifiant`,
          help: guideLink("scenario-en-double"),
        });
      } else {
        seenIds.set(scenario.id, file);
        scenarios.push({ file, path, scenario });
      }
    }
    files.push({ file, kind: "scenario", ok });
  }
  return { scenarios, referential, findings: sortFindings(findings), files };
}

/** Images whose `src` is not a file of the repository (warnings: the rest of the scenario plays). */
function missingImages(text: string, file: string): Finding[] {
  const source = parseJsonSource(text);
  if (source.syntaxError) return [];
  const findings: Finding[] = [];
  for (const step of salvageScenario(source.value).steps) {
    for (const { index, value: material } of step.materials) {
      if (material.kind !== "image") continue;
      const target = resolve(REPOSITORY_ROOT, material.src);
      if (target.startsWith(REPOSITORY_ROOT + sep) && existsSync(target)) continue;
      const path = ["steps", step.index, "materials", index, "src"];
      findings.push({
        severity: "warning",
        code: "image-introuvable",
        file,
        path: formatPath(path),
        ...locate(source, path),
        message: `l'image « ${material.src} » est introuvable : placez le fichier sous assets/ et donnez son chemin depuis la racine du projet (ex. « assets/scenarios/carte.svg »)`,
        help: guideLink("image-introuvable"),
      });
    }
  }
  return findings;
}

function idPosition(text: string): { line: number; column: number } {
  return locate(parseJsonSource(text), ["id"]);
}
