/**
 * `npm run scenarios:new <id>`: writes `scenarios/<id>.json`, a valid starter scenario with one step
 * of each puzzle type, then checks it and says what to do next. `--dir` writes elsewhere (tests).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles, REFERENTIAL_FILE_NAME } from "../scenario/files.ts";
import { formatFinding, hasErrors } from "../scenario/findings.ts";
import { isValidScenarioId, starterScenario } from "../scenario/scaffold.ts";
import { referentialIndexFromText } from "../scenario/validate.ts";

function main(argv: string[]): number {
  const dirFlag = argv.indexOf("--dir");
  const directory = dirFlag >= 0 ? argv[dirFlag + 1] : DEFAULT_SCENARIOS_DIR;
  const positional = dirFlag >= 0 ? argv.filter((_, i) => i !== dirFlag && i !== dirFlag + 1) : argv;
  const [id, ...rest] = positional;
  if (!id || rest.length > 0 || !directory) {
    console.error(
      "usage : npm run scenarios:new -- <identifiant> [--dir <dossier>]   (ex. npm run scenarios:new -- licence-commune)",
    );
    return 2;
  }
  if (!isValidScenarioId(id)) {
    console.error(
      `identifiant « ${id} » invalide : minuscules, chiffres et tirets seulement, sans espace ni accent (ex. « licence-commune »)`,
    );
    return 2;
  }
  const path = join(resolve(directory), `${id}.json`);
  const shown = relative(process.cwd(), path);
  if (existsSync(path)) {
    console.error(`${shown} existe déjà : choisissez un autre identifiant ou modifiez ce fichier.`);
    return 1;
  }
  const referentialPath = join(DEFAULT_SCENARIOS_DIR, REFERENTIAL_FILE_NAME);
  const referential = existsSync(referentialPath)
    ? referentialIndexFromText(readFileSync(referentialPath, "utf8"))
    : undefined;
  writeFileSync(path, `${JSON.stringify(starterScenario(id, referential?.competences ?? []), null, 2)}\n`);

  const result = loadScenarioFiles([path]);
  for (const finding of result.findings) console.log(formatFinding(finding));
  if (hasErrors(result.findings)) return 1;
  console.log(`✓ ${shown} créé : une étape de chaque type (choice, categorize, order, form, table).

Et maintenant :
  1. Ouvrez ${shown} dans votre éditeur (la complétion et l'aide des champs viennent du schéma).
  2. Remplacez les textes, supprimez les étapes inutiles, ajoutez les vôtres.
  3. Vérifiez :        npm run scenarios:check -- ${shown}
  4. Prévisualisez :   npm run dev   puis ouvrez /preview/${id}
  5. Testez le jeu :   npm run scenarios:playtest -- ${id}
Le guide : docs/guide-scenarios.md`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
