/**
 * `npm run scenarios:schema`: regenerates the JSON Schema files of `scenarios/schema/` from the zod
 * format, and the guide's list of competence ids from `scenarios/referentiel.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { competenceSection, withGeneratedSection } from "../scenario/guide-sections.ts";
import { jsonSchemaFiles } from "../scenario/json-schema.ts";
import { validateReferentialText } from "../scenario/validate.ts";

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

// The guide's generated sections (the competence ids of the referential).
const guidePath = join(import.meta.dirname, "..", "..", "docs", "guide-scenarios.md");
const referential = validateReferentialText(
  readFileSync(join(import.meta.dirname, "..", "..", "scenarios", "referentiel.json"), "utf8"),
  "scenarios/referentiel.json",
).value;
if (referential) {
  const guide = readFileSync(guidePath, "utf8");
  const updated = withGeneratedSection(guide, "competences", competenceSection(referential));
  if (updated !== guide) writeFileSync(guidePath, updated);
  console.log(`docs/guide-scenarios.md (compétences) : ${updated === guide ? "déjà à jour" : "régénéré"}`);
} else
  console.log(
    "scenarios/referentiel.json a des erreurs : la liste des compétences du guide n'est pas régénérée",
  );
