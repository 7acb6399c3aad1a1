/**
 * JSON Schema for editors, generated from the zod format (`schema.ts`), the single source of truth.
 * `npm run scenarios:schema` writes these into `scenarios/schema/`; a test fails when the committed
 * files are stale. Editors use them for completion and to show the French `.describe()` texts.
 */
import { z } from "zod";
import { Referential, Scenario } from "./schema.ts";

type JsonSchema = Record<string, unknown>;

/** File names under `scenarios/schema/`, as referenced by `$schema` in scenario files. */
export const SCENARIO_SCHEMA_FILE = "scenario.schema.json";
export const REFERENTIAL_SCHEMA_FILE = "referential.schema.json";
/** The `$schema` value a scenario or referential file in `scenarios/` carries. */
export const SCENARIO_SCHEMA_REF = `./schema/${SCENARIO_SCHEMA_FILE}`;
export const REFERENTIAL_SCHEMA_REF = `./schema/${REFERENTIAL_SCHEMA_FILE}`;

function generate(schema: z.ZodType, title: string): JsonSchema {
  // io "input": what designers write (fields with a default are optional in the file).
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "throw",
  });
  const { $schema, ...rest } = generated as JsonSchema;
  return { $schema, title, ...rest };
}

export function scenarioJsonSchema(): JsonSchema {
  return generate(Scenario, "Scénario Datatruc");
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
