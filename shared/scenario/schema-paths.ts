/** Where the generated JSON Schema files live, and the `$schema` value files in `scenarios/` carry. */
export const SCENARIO_SCHEMA_FILE = "scenario.schema.json";
export const REFERENTIAL_SCHEMA_FILE = "referential.schema.json";
export const SCENARIO_SCHEMA_REF = `./schema/${SCENARIO_SCHEMA_FILE}`;
export const REFERENTIAL_SCHEMA_REF = `./schema/${REFERENTIAL_SCHEMA_FILE}`;
