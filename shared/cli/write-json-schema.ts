/** `npm run scenarios:schema`: regenerates the JSON Schema files of `scenarios/schema/` from the zod format. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaFiles } from "../scenario/json-schema.ts";

const directory = join(import.meta.dirname, "..", "..", "scenarios", "schema");
mkdirSync(directory, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  const path = join(directory, name);
  let previous = "";
  try {
    previous = readFileSync(path, "utf8");
  } catch {
    // first generation
  }
  if (previous === text) {
    console.log(`scenarios/schema/${name} : déjà à jour`);
  } else {
    writeFileSync(path, text);
    console.log(`scenarios/schema/${name} : régénéré`);
  }
}
