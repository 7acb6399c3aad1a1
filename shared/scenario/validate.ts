/**
 * Validates scenario and referential files in two passes, structure (zod) then meaning, and reports
 * findings with file, JSON path, line and column, a French message and a guide link.
 *
 * Pure (no I/O): the server and the CLI read files with `files.ts`; the browser preview can call
 * these functions on text it received.
 */
import type { z } from "zod";
import { type CsvLookup, type CsvOrigin, csvPlace, resolveCsvTables } from "./csv-tables.ts";
import { type Finding, type FindingCode, guideLink, type Severity, sortFindings } from "./findings.ts";
import { formatPath, type JsonPath, type JsonSource, locate, parseJsonSource } from "./json-source.ts";
import {
  checkReferentialMeaning,
  checkScenarioMeaning,
  indexReferential,
  type ReferentialIndex,
  salvageScenario,
} from "./meaning.ts";
import { shortRouteProblems } from "./route.ts";
import { Referential, Scenario } from "./schema.ts";
import { REFERENTIAL_SCHEMA_FILE, SCENARIO_SCHEMA_FILE } from "./schema-paths.ts";
import { type Report, reportStructureIssues } from "./structure.ts";

export type { ReferentialIndex } from "./meaning.ts";
export { indexReferential } from "./meaning.ts";

export interface Validation<T> {
  /** The parsed value (defaults applied), present only when there is no error. */
  value: T | undefined;
  findings: Finding[];
}

/**
 * Collects findings for one file, turning JSON paths into positions (in the CSV file the rows came
 * from, for a table read from one: `origins`).
 */
function collector(
  file: string,
  source: JsonSource,
  origins: readonly CsvOrigin[] = [],
): { report: Report; findings: Finding[] } {
  const findings: Finding[] = [];
  const report: Report = (severity, code, path, message, target = "value") => {
    const place = csvPlace(origins, path);
    if (place === "silent") return;
    const { line, column } = place ?? locate(source, path, target);
    findings.push({
      severity,
      code,
      file: place?.file ?? file,
      path: formatPath(path),
      line,
      column,
      message,
      help: guideLink(code),
    });
  };
  return { report, findings };
}

function finding(
  file: string,
  severity: Severity,
  code: FindingCode,
  line: number,
  column: number,
  message: string,
): Finding {
  return { severity, code, file, path: "(racine)", line, column, message, help: guideLink(code) };
}

/** Syntax error and duplicate keys; returns undefined when the text is not JSON. */
function readJson(text: string, file: string, report: Report, findings: Finding[]): JsonSource | undefined {
  const source = parseJsonSource(text);
  if (source.syntaxError) {
    const { line, column, message } = source.syntaxError;
    findings.push(finding(file, "error", "json-invalide", line, column, message));
    return undefined;
  }
  for (const duplicate of source.duplicateKeys) {
    report(
      "error",
      "cle-en-double",
      [...duplicate.path, duplicate.key],
      `la clé « ${duplicate.key} » apparaît deux fois dans le même objet : seule la dernière compterait ; gardez-en une`,
      "key",
    );
  }
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) {
    report("error", "type-incorrect", [], "le fichier doit contenir un objet JSON { … }");
    return undefined;
  }
  return source;
}

function checkSchemaRef(value: unknown, expectedFile: string, report: Report): void {
  const ref = (value as Record<string, unknown>).$schema;
  if (typeof ref !== "string")
    report(
      "warning",
      "schema-manquant",
      [],
      `ajoutez en tête du fichier "$schema": "./schema/${expectedFile}" pour la complétion dans l'éditeur`,
    );
  else if (!ref.endsWith(expectedFile))
    report(
      "warning",
      "schema-manquant",
      ["$schema"],
      `« $schema » devrait pointer vers schema/${expectedFile}`,
    );
}

/** `scenarios/licence.json` → `licence`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, "");
}

function structure<T extends z.ZodType>(schema: T, value: unknown, report: Report): z.infer<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  reportStructureIssues(schema, value, result.error.issues, report);
  return undefined;
}

export interface ScenarioValidationOptions {
  /** The referential's competences; when absent, skills are not checked against it. */
  referential?: ReferentialIndex;
  /** The scenario's CSV tables by name (`csv-files.ts` reads them); when absent, none is found. */
  csv?: CsvLookup;
}

/** Both passes over a scenario file's text. `file` is how findings name it (e.g. `scenarios/licence.json`). */
export function validateScenarioText(
  text: string,
  file: string,
  options: ScenarioValidationOptions = {},
): Validation<Scenario> {
  const findings: Finding[] = [];
  const source = parseJsonSource(text);
  const origins: CsvOrigin[] = [];
  const { report, findings: located } = collector(file, source, origins);
  const readable = readJson(text, file, report, findings);
  if (!readable) return { value: undefined, findings: sortFindings([...findings, ...located]) };
  checkSchemaRef(readable.value, SCENARIO_SCHEMA_FILE, report);
  const tables = resolveCsvTables(readable.value, file, options.csv, report, origins);
  findings.push(...tables.findings);
  const raw = tables.value;
  const scenario = structure(Scenario, raw, report);
  const parts = salvageScenario(raw);
  checkScenarioMeaning(parts, options.referential, report);
  if (scenario)
    for (const problem of shortRouteProblems(scenario))
      report("error", "parcours-court-invalide", problem.path, problem.message);
  if (parts.id !== undefined && parts.id !== fileStem(file))
    report(
      "warning",
      "nom-de-fichier",
      ["id"],
      `l'identifiant « ${parts.id} » diffère du nom du fichier « ${fileStem(file)}.json » : renommez l'un ou l'autre pour qu'ils correspondent`,
    );
  const all = sortFindings([...findings, ...located]);
  const ok = !all.some((f) => f.severity === "error");
  return { value: ok ? scenario : undefined, findings: all };
}

/** Both passes over a referential file's text. */
export function validateReferentialText(text: string, file: string): Validation<Referential> {
  const findings: Finding[] = [];
  const source = parseJsonSource(text);
  const { report, findings: located } = collector(file, source);
  const readable = readJson(text, file, report, findings);
  if (!readable) return { value: undefined, findings: sortFindings([...findings, ...located]) };
  checkSchemaRef(readable.value, REFERENTIAL_SCHEMA_FILE, report);
  const referential = structure(Referential, readable.value, report);
  if (referential) checkReferentialMeaning(referential, report);
  const all = sortFindings([...findings, ...located]);
  const ok = !all.some((f) => f.severity === "error");
  return { value: ok ? referential : undefined, findings: all };
}

/** Validates an in-memory scenario (e.g. a generated one), positions refer to its 2-space JSON text. */
export function validateScenarioValue(
  value: unknown,
  file: string,
  options: ScenarioValidationOptions = {},
): Validation<Scenario> {
  return validateScenarioText(`${JSON.stringify(value, null, 2)}\n`, file, options);
}

/** The competence index of a referential text, even a partly invalid one (undefined if not JSON). */
export function referentialIndexFromText(text: string): ReferentialIndex | undefined {
  const source = parseJsonSource(text);
  return source.syntaxError ? undefined : indexReferential(source.value);
}

export type { JsonPath };
