import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PUZZLES } from "../puzzles/registry.ts";
import { jsonSchemaFiles, referentialJsonSchema, scenarioJsonSchema } from "./json-schema.ts";

const root = join(import.meta.dirname, "..", "..");
const scenariosDir = join(root, "scenarios");
const fixtures = join(import.meta.dirname, "fixtures");
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

function compile(schema: Record<string, unknown>) {
  // An independent validator: ajv in strict mode, JSON Schema draft 2020-12.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // VS Code's completion snippets: an annotation, not a constraint.
  ajv.addKeyword({ keyword: "defaultSnippets", schemaType: "array" });
  ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
  return ajv.compile(schema);
}

describe("generated JSON Schema", () => {
  it("is committed and up to date (run `npm run scenarios:schema` after changing schema.ts)", () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      const committed = readFileSync(join(scenariosDir, "schema", name), "utf8");
      expect(committed, `scenarios/schema/${name} is stale`).toBe(text);
    }
  });

  it("offers VS Code a complete, valid step of each puzzle type and a document of each kind as snippets", () => {
    const schema = scenarioJsonSchema() as {
      properties: {
        steps: { items: { defaultSnippets: { label: string; body: unknown }[]; oneOf: unknown[] } };
      };
    };
    const snippets = schema.properties.steps.items.defaultSnippets;
    expect(snippets.map((snippet) => snippet.label)).toEqual(PUZZLES.map((type) => `Étape ${type.type}`));
    const validate = compile(scenarioJsonSchema());
    for (const { body } of snippets) {
      const scenario = { ...(readJson(join(fixtures, "valid.json")) as object), steps: [body] };
      expect(validate(scenario), JSON.stringify(validate.errors)).toBe(true);
    }
    const materials = (
      schema.properties.steps.items.oneOf[0] as {
        properties: { materials: { items: { defaultSnippets: { label: string }[] } } };
      }
    ).properties.materials.items.defaultSnippets;
    expect(materials.map((snippet) => snippet.label)).toEqual([
      "Document text",
      "Document table",
      "Document image",
    ]);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(scenarioJsonSchema())).toBe(JSON.stringify(scenarioJsonSchema()));
  });

  it("carries the French descriptions for editors", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain("La consigne donnée à l'équipe.");
    expect(text).toContain('"additionalProperties":false');
  });
});

describe("every scenario file against the JSON Schema (ajv)", () => {
  const validateScenario = compile(scenarioJsonSchema());
  const validateReferential = compile(referentialJsonSchema());
  const files = readdirSync(scenariosDir).filter((name) => name.endsWith(".json"));

  it("finds scenario files and the referential", () => {
    expect(files).toContain("referentiel.json");
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files)("scenarios/%s is valid and points at the schema", (name) => {
    const data = readJson(join(scenariosDir, name)) as Record<string, unknown>;
    const isReferential = name === "referentiel.json";
    const validate = isReferential ? validateReferential : validateScenario;
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(data.$schema).toBe(
      isReferential ? "./schema/referential.schema.json" : "./schema/scenario.schema.json",
    );
  });

  it("accepts the valid fixture and its referential", () => {
    expect(validateScenario(readJson(join(fixtures, "valid.json")))).toBe(true);
    expect(validateReferential(readJson(join(fixtures, "referentiel.json")))).toBe(true);
  });

  it.each([
    ["done-when.json", ["additionalProperties", "required", "type"]],
    ["missing-field.json", ["required"]],
    ["wrong-type.json", ["type"]],
    ["misspelled-key.json", ["additionalProperties"]],
    ["unknown-type.json", ["const"]],
    ["bad-id.json", ["pattern"]],
  ])("rejects the broken fixture %s", (name, keywords) => {
    expect(validateScenario(readJson(join(fixtures, name)))).toBe(false);
    const reported = new Set((validateScenario.errors ?? []).map((error) => error.keyword));
    for (const keyword of keywords) expect(reported).toContain(keyword);
  });
});

describe("editor settings", () => {
  it("map scenarios/*.json and the referential to the committed schemas", () => {
    const settings = readJson(join(root, ".vscode", "settings.json")) as {
      "json.schemas": { fileMatch: string[]; url: string }[];
    };
    const mappings = settings["json.schemas"];
    expect(mappings.map((mapping) => [mapping.fileMatch, mapping.url])).toEqual([
      [
        ["/scenarios/*.json", "!/scenarios/referentiel.json", "!/scenarios/schema/*.json"],
        "./scenarios/schema/scenario.schema.json",
      ],
      [["/scenarios/referentiel.json"], "./scenarios/schema/referential.schema.json"],
    ]);
    for (const mapping of mappings) expect(() => readFileSync(join(root, mapping.url))).not.toThrow();
  });
});
