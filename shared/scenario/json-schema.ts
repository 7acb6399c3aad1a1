/**
 * JSON Schema for editors, generated from the zod format (`schema.ts`), the single source of truth.
 * `npm run scenarios:schema` writes these into `scenarios/schema/`; a test fails when the committed
 * files are stale. Editors use them for completion and to show the French `.describe()` texts.
 */
import { z } from "zod";
import { TablePuzzle, TableSolution } from "../puzzles/table/schema.ts";
import { STARTER_COMPETENCES, starterScenario } from "./scaffold.ts";
import { Referential, Scenario, TableMaterial } from "./schema.ts";
import {
  REFERENTIAL_SCHEMA_FILE,
  REFERENTIAL_SCHEMA_REF,
  SCENARIO_SCHEMA_FILE,
  SCENARIO_SCHEMA_REF,
} from "./schema-paths.ts";

type JsonSchema = Record<string, unknown>;

export { REFERENTIAL_SCHEMA_FILE, REFERENTIAL_SCHEMA_REF, SCENARIO_SCHEMA_FILE, SCENARIO_SCHEMA_REF };

/**
 * A table may take its rows from a CSV file beside the scenario (`csv-tables.ts` replaces the
 * reference before zod sees it): the file format offers `csv` in place of the rows (and, for a
 * document or a puzzle, of the columns).
 */
const CSV_TABLES = new Map<z.ZodType, string[]>([
  [TableMaterial, ["columns", "rows"]],
  [TablePuzzle, ["columns", "rows"]],
  [TableSolution, ["rows"]],
]);
const CSV_PROPERTY = {
  type: "string",
  pattern: "\\.csv$",
  description:
    "Nom d'un fichier CSV du dossier scenarios/<identifiant du scénario>/ (ex. « equipements.csv ») : la première ligne donne les colonnes, chaque ligne suivante une ligne du tableau. À la place de « rows » (npm run scenarios:import-table le crée depuis un tableur).",
};

function allowCsv(zodSchema: unknown, jsonSchema: JsonSchema): void {
  const replaced = CSV_TABLES.get(zodSchema as z.ZodType);
  if (!replaced) return;
  (jsonSchema.properties as Record<string, unknown>).csv = CSV_PROPERTY;
  jsonSchema.required = (jsonSchema.required as string[]).filter((key) => !replaced.includes(key));
}

function generate(schema: z.ZodType, title: string): JsonSchema {
  // io "input": what designers write (fields with a default are optional in the file).
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "throw",
    override: ({ zodSchema, jsonSchema }) => allowCsv(zodSchema, jsonSchema),
  });
  const { $schema, ...rest } = generated as JsonSchema;
  return { $schema, title, ...rest };
}

/**
 * VS Code's `defaultSnippets`: completion offers a complete step of each type (from the starter
 * scenario) when adding to `steps`, and a document of each kind when adding to `materials`.
 */
function snippetBody(value: unknown): unknown {
  // In a snippet body, `$` starts a placeholder: escape it in texts.
  if (typeof value === "string") return value.replaceAll("$", "\\$");
  if (Array.isArray(value)) return value.map(snippetBody);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, snippetBody(inner)]));
  return value;
}

function addSnippets(schema: JsonSchema): JsonSchema {
  const starter = starterScenario("mon-scenario", STARTER_COMPETENCES);
  const steps = (schema.properties as Record<string, JsonSchema>).steps as JsonSchema;
  const stepItems = steps.items as JsonSchema;
  stepItems.defaultSnippets = starter.steps.map((step) => ({
    label: `Étape ${step.type}`,
    description: step.title,
    body: snippetBody(step),
  }));
  const materials = starter.steps.flatMap((step) => step.materials ?? []);
  const image = {
    kind: "image",
    id: "image-1",
    title: "Titre de l'image",
    src: "assets/scenarios/mon-image.svg",
    alt: "Ce que l'image montre, pour qui ne la voit pas",
  };
  const snippets = [...materials, image].map((material) => ({
    label: `Document ${material.kind}`,
    body: snippetBody(material),
  }));
  for (const option of stepItems.oneOf as JsonSchema[]) {
    const materialsSchema = (option.properties as Record<string, JsonSchema>).materials;
    const materialItems = materialsSchema?.items as JsonSchema | undefined;
    if (materialItems) materialItems.defaultSnippets = snippets;
  }
  return schema;
}

export function scenarioJsonSchema(): JsonSchema {
  return addSnippets(generate(Scenario, "Scénario Datatruc"));
}

export function referentialJsonSchema(): JsonSchema {
  return generate(Referential, "Référentiel de compétences Datatruc");
}

/** Deterministic text of a schema file: two-space indentation and a final newline. */
export function jsonSchemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Every generated file: name under `scenarios/schema/` → its text. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    [SCENARIO_SCHEMA_FILE]: jsonSchemaText(scenarioJsonSchema()),
    [REFERENTIAL_SCHEMA_FILE]: jsonSchemaText(referentialJsonSchema()),
  };
}
