import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUZZLES } from "../puzzles/registry.ts";
import { loadScenarioFiles } from "./files.ts";
import { type Finding, formatExcerpt, formatFinding } from "./findings.ts";
import { referentialIndexFromText, validateReferentialText, validateScenarioText } from "./validate.ts";

const fixtures = join(import.meta.dirname, "fixtures");
/** Every puzzle type, as the messages list them. */
const TYPES = PUZZLES.map((type) => type.type).join(", ");
const referential = referentialIndexFromText(readFileSync(join(fixtures, "referentiel.json"), "utf8"));

function check(name: string): Finding[] {
  const text = readFileSync(join(fixtures, name), "utf8");
  return validateScenarioText(text, `fixtures/${name}`, referential ? { referential } : {}).findings;
}

const errorsOf = (findings: Finding[]) => findings.filter((finding) => finding.severity === "error");
const brief = ({ code, path, line, column, message }: Finding) => ({ code, path, line, column, message });

describe("validateScenarioText on the valid fixture", () => {
  it("has no finding at all and returns the parsed scenario", () => {
    const text = readFileSync(join(fixtures, "valid.json"), "utf8");
    const result = validateScenarioText(text, "fixtures/valid.json", referential ? { referential } : {});
    expect(result.findings).toEqual([]);
    expect(result.value?.steps.map((step) => step.type)).toEqual([
      "choice",
      "categorize",
      "order",
      "form",
      "table",
    ]);
  });
});

describe("the story frame", () => {
  it("a scenario with a setting, characters, scenes, a situation and debrief questions has no finding", () => {
    const result = validateScenarioText(
      readFileSync(join(fixtures, "story.json"), "utf8"),
      "fixtures/story.json",
      referential ? { referential } : {},
    );
    expect(result.findings).toEqual([]);
    expect(result.value?.story?.characters.map((character) => character.name)).toEqual(["Hélène", "Marc"]);
    expect(result.value?.steps[0]?.situation).toEqual({
      character: "helene",
      channel: "ecrit",
      text: "Nous voulons publier la liste des écoles.",
    });
  });

  it("a situation without any declared character is an error at its JSON path", () => {
    const text = readFileSync(join(fixtures, "valid.json"), "utf8").replace(
      '"title": "La licence",',
      '"title": "La licence", "situation": { "character": "helene", "text": "Bonjour." },',
    );
    const findings = validateScenarioText(
      text,
      "fixtures/valid.json",
      referential ? { referential } : {},
    ).findings;
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({
        code: "reference-inconnue",
        path: "steps[0].situation.character",
        message:
          "le personnage « helene » n'est pas déclaré : le scénario ne déclare aucun personnage (ajoutez « story.characters »)",
      }),
    ]);
  });
});

describe("one broken fixture per kind of mistake: line, column, path and message", () => {
  it("issue 2 « Done when »: a wrong reference, a missing field, a wrong type and a misspelled key give one finding each", () => {
    const findings = check("done-when.json");
    expect(findings.map(brief)).toEqual([
      {
        code: "cle-inconnue",
        path: "steps[0].promt",
        line: 22,
        column: 7,
        message: "clé « promt » inconnue : vouliez-vous dire « prompt » ?",
      },
      {
        code: "reference-inconnue",
        path: "steps[1].solution.buckets.communicable[1]",
        line: 58,
        column: 37,
        message: "l'élément « doc-7 » n'existe pas (éléments connus : doc-1, doc-2, doc-3)",
      },
      {
        code: "champ-manquant",
        path: "steps[2].prompt",
        line: 66,
        column: 5,
        message: "champ obligatoire « prompt » manquant : La consigne donnée à l'équipe.",
      },
      {
        code: "type-incorrect",
        path: "steps[3].timeLimitSeconds",
        line: 108,
        column: 27,
        message: "type incorrect : on attend un nombre entier (sans guillemets), on trouve le texte « 240 »",
      },
    ]);
    expect(findings.every((finding) => finding.severity === "error")).toBe(true);
    expect(findings[1]?.help).toBe("docs/guide-scenarios.md#reference-inconnue");
  });

  it("formats a finding as file:line:column, severity, path, message and guide link", () => {
    const finding = check("wrong-reference.json")[0];
    expect(finding && formatFinding(finding)).toBe(
      "fixtures/wrong-reference.json:58:37: erreur: steps[1].solution.buckets.communicable[1]: l'élément « doc-7 » n'existe pas (éléments connus : doc-1, doc-2, doc-3)\n    → docs/guide-scenarios.md#reference-inconnue",
    );
  });

  it("shows the source line with a caret under the column", () => {
    const text = 'abc\n  "x": 1,\n';
    expect(formatExcerpt(text, 2, 3)).toBe('    2 |   "x": 1,\n      |   ^');
    expect(formatExcerpt(text, 9, 1)).toBe("");
    const long = `${"a".repeat(150)}X`;
    const [shown, caret] = formatExcerpt(long, 1, 151).split("\n");
    expect(shown?.indexOf("X")).toBe(caret?.indexOf("^"));
  });

  it.each<[string, Partial<Finding>[]]>([
    ["missing-field.json", [{ code: "champ-manquant", path: "steps[2].prompt", line: 66, column: 5 }]],
    [
      "wrong-type.json",
      [{ code: "type-incorrect", path: "steps[3].timeLimitSeconds", line: 109, column: 27 }],
    ],
    ["misspelled-key.json", [{ code: "cle-inconnue", path: "steps[0].promt", line: 22, column: 7 }]],
    [
      "unknown-key.json",
      [
        {
          code: "cle-inconnue",
          path: "steps[1].difficulte",
          line: 64,
          column: 7,
          message:
            "clé « difficulte » inconnue ici (clés possibles : id, title, situation, prompt, materials, explanation, hints, timeLimitSeconds, skills, debriefQuestions, type, puzzle, … (13 en tout))",
        },
      ],
    ],
    [
      "bad-json.json",
      [
        {
          code: "json-invalide",
          line: 22,
          column: 7,
          message:
            'virgule manquante avant « "prompt" » : séparez les éléments par des virgules (regardez la fin de la ligne précédente)',
        },
      ],
    ],
    [
      "trailing-comma.json",
      [
        {
          code: "json-invalide",
          line: 32,
          column: 9,
          message:
            "virgule en trop avant « ] » : en JSON, le dernier élément d'une liste ou d'un objet n'est pas suivi d'une virgule",
        },
      ],
    ],
    [
      "unknown-type.json",
      [
        {
          code: "valeur-invalide",
          path: "steps[2].type",
          line: 68,
          column: 15,
          message: `« type » vaut « ordre », valeur non prévue ; valeurs possibles : ${TYPES} (vouliez-vous dire « order » ?)`,
        },
      ],
    ],
    [
      "bad-id.json",
      [{ code: "identifiant-invalide", path: "steps[0].materials[0].id", line: 24, column: 33 }],
    ],
    [
      "duplicate-id.json",
      [
        {
          code: "identifiant-en-double",
          path: "steps[1].puzzle.items[2].id",
          line: 49,
          column: 19,
          message: "l'élément « doc-2 » est déjà défini plus haut : chaque identifiant doit être unique",
        },
      ],
    ],
    ["duplicate-key.json", [{ code: "cle-en-double", path: "steps[1].title", line: 43, column: 7 }]],
    [
      "unknown-role.json",
      [
        {
          code: "reference-inconnue",
          path: "steps[0].materials[1].visibleTo[0]",
          line: 25,
          column: 112,
          message:
            "le rôle « jurist » n'existe pas (rôles connus : juriste, producteur) ; vouliez-vous dire « juriste » ?",
        },
      ],
    ],
    [
      "unknown-character.json",
      [
        {
          code: "reference-inconnue",
          path: "story.closing.character",
          line: 24,
          column: 31,
          message: "le personnage « paul » n'existe pas (personnages déclarés : helene, marc)",
        },
        {
          code: "reference-inconnue",
          path: "steps[0].situation.character",
          line: 31,
          column: 35,
          message:
            "le personnage « helen » n'existe pas (personnages déclarés : helene, marc) ; vouliez-vous dire « helene » ?",
        },
      ],
    ],
    [
      "unknown-competence.json",
      [
        {
          code: "reference-inconnue",
          path: "steps[3].skills[0].competence",
          line: 110,
          column: 34,
          message:
            "la compétence « metadonees » n'existe pas (compétences connues : acces-documents, licences-reutilisation, qualite-nettoyage, metadonnees) ; vouliez-vous dire « metadonnees » ?",
        },
      ],
    ],
    [
      "hints-too-expensive.json",
      [{ code: "indices-trop-chers", path: "steps[0].hints", line: 36, column: 16 }],
    ],
    [
      "unsolvable-choice.json",
      [{ code: "solution-impossible", path: "steps[0].solution.correct", line: 34, column: 32 }],
    ],
    [
      "unsolvable-categorize.json",
      [
        {
          code: "solution-impossible",
          path: "steps[1].solution.buckets.non-communicable[0]",
          line: 59,
          column: 32,
          message:
            "l'élément « doc-2 » est déjà rangé dans « communicable » : chaque élément va dans une seule catégorie",
        },
      ],
    ],
    [
      "unsolvable-order.json",
      [
        {
          code: "solution-impossible",
          path: "steps[2].solution.order",
          line: 78,
          column: 30,
          message: "l'ordre doit citer chaque élément une fois ; il manque : cada",
        },
        { code: "solution-impossible", path: "steps[2].solution.order[2]", line: 78, column: 53 },
      ],
    ],
    [
      "unsolvable-form.json",
      [
        {
          code: "solution-impossible",
          path: "steps[3].solution.fields.titre.example",
          line: 104,
          column: 86,
          message:
            "l'exemple « Collèges » ne respecte pas la règle « length » (réponse trop courte : 10 caractères au moins) : corrigez l'exemple ou la règle",
        },
      ],
    ],
    [
      "unsolvable-table.json",
      [
        {
          code: "solution-impossible",
          path: "steps[4].solution.rows[0].cells.surface",
          line: 132,
          column: 67,
          message:
            "la valeur attendue « 535.01 » n'est pas atteignable depuis « 535,01 m² » avec les opérations proposées (trim, strip-unit, pad-zeros, remove-row) : ajoutez l'opération qui convient ou « edit-cell », ou corrigez la valeur attendue",
        },
      ],
    ],
  ])("%s", (name, expected) => {
    const errors = errorsOf(check(name));
    expect(errors).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      expect(errors[i]).toMatchObject(want);
    });
  });

  it("warns (without error) when the scenario id differs from the file name", () => {
    const findings = check("wrong-file-name.json");
    expect(findings.map(brief)).toEqual([
      {
        code: "nom-de-fichier",
        path: "id",
        line: 4,
        column: 9,
        message:
          "l'identifiant « autre-nom » diffère du nom du fichier « wrong-file-name.json » : renommez l'un ou l'autre pour qu'ils correspondent",
      },
    ]);
    expect(findings[0]?.severity).toBe("warning");
  });
});

describe("meaning checks on edited scenarios", () => {
  const valid = readFileSync(join(fixtures, "valid.json"), "utf8");
  const edit = (from: string, to: string) => {
    expect(valid).toContain(from);
    return validateScenarioText(valid.replace(from, to), "valid.json", referential ? { referential } : {})
      .findings;
  };

  it("reaches table values through a sequence of operations (strip-unit then decimal-point) and reports a missing one", () => {
    expect(
      errorsOf(
        edit(
          '"surface": "1200", "insee": "33063" } },\n          { "id": "r3"',
          '"surface": "1200", "insee": "33063" } },\n          { "id": "r3"',
        ),
      ),
    ).toEqual([]);
    const findings = errorsOf(edit('"insee": "01004"', '"insee": "1004"'));
    expect(findings).toEqual([]);
    const pad = errorsOf(edit('"pad-zeros", ', ""));
    expect(pad.map(brief)).toMatchObject([
      { code: "solution-impossible", path: "steps[4].solution.rows[0].cells.insee" },
    ]);
  });

  it("accepts any expected value when edit-cell is offered", () => {
    expect(errorsOf(edit('"surface": "535.01"', '"surface": "535"'))).toHaveLength(1);
    const text = valid
      .replace('"surface": "535.01"', '"surface": "535"')
      .replace('"remove-row"]', '"remove-row", "edit-cell"]');
    expect(
      errorsOf(validateScenarioText(text, "valid.json", referential ? { referential } : {}).findings),
    ).toEqual([]);
  });

  it("requires remove-row to remove rows and every row to be kept or removed", () => {
    expect(errorsOf(edit(', "remove-row"]', "]")).map(brief)).toMatchObject([
      { code: "solution-impossible", path: "steps[4].solution.removedRows" },
    ]);
    expect(errorsOf(edit('"removedRows": ["r3"]', '"removedRows": []')).map((f) => f.message)).toEqual([
      "chaque ligne du tableau doit être soit attendue dans solution.rows, soit supprimée dans removedRows ; oubliées : r3",
    ]);
  });

  it("checks select examples are options, rule coherence and invalid patterns", () => {
    expect(errorsOf(edit('"example": "lov2"', '"example": "lo"')).map((f) => f.path)).toEqual([
      "steps[3].solution.fields.licence.example",
      "steps[3].solution.fields.licence.example",
    ]);
    expect(
      errorsOf(edit('"rule": "length", "min": 10, "max": 80', '"rule": "length", "min": 100, "max": 80')).map(
        (f) => f.code,
      ),
    ).toContain("regle-incoherente");
    expect(
      errorsOf(
        edit(
          '{ "rule": "length", "min": 10, "max": 80 }',
          '{ "rule": "pattern", "pattern": "([a-z", "description": "des lettres" }',
        ),
      ).map((f) => [f.code, f.path]),
    ).toContainEqual(["regle-incoherente", "steps[3].solution.fields.titre.check.pattern"]);
  });

  it("reports an unknown bucket key at the key, and unplaced items", () => {
    const findings = errorsOf(edit('"communicable": ["doc-1"],', '"comunicable": ["doc-1"],'));
    expect(findings.map((f) => f.message)).toEqual([
      "la catégorie « comunicable » n'existe pas (catégories connues : communicable, non-communicable) ; vouliez-vous dire « communicable » ?",
    ]);
    expect(findings[0]).toMatchObject({ line: 58, column: 11 });
    const unplaced = errorsOf(
      edit('"non-communicable": ["doc-2", "doc-3"]', '"non-communicable": ["doc-2"]'),
    );
    expect(unplaced.map((f) => f.message)).toEqual([
      "chaque élément doit être rangé dans une catégorie de la solution ; sans catégorie : doc-3",
    ]);
  });

  it("still checks references in the other steps when one step is malformed", () => {
    const text = valid
      .replace('"title": "La licence",', '"title": 3,')
      .replace('"order": ["demande", "silence", "cada"]', '"order": ["demande", "silence", "cad"]');
    const findings = errorsOf(validateScenarioText(text, "valid.json").findings);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ["type-incorrect", "steps[0].title"],
      ["solution-impossible", "steps[2].solution.order"],
      ["reference-inconnue", "steps[2].solution.order[2]"],
    ]);
  });

  it("warns about a role without private material and a missing $schema", () => {
    const text = valid
      .replace('"visibleTo": ["juriste"] }', '"visibleTo": ["producteur"] }')
      .replace('"$schema": "../../../scenarios/schema/scenario.schema.json",\n', "");
    const findings = validateScenarioText(text, "valid.json", referential ? { referential } : {}).findings;
    expect(findings.map((f) => [f.severity, f.code, f.path])).toEqual([
      ["warning", "schema-manquant", "(racine)"],
      ["warning", "role-sans-document", "roles[0]"],
    ]);
  });

  it("warns when the steps' time limits add up to more than the planned duration", () => {
    const findings = edit('"durationMinutes": 20,', '"durationMinutes": 10,');
    expect(findings.map(brief)).toEqual([
      {
        code: "duree-incoherente",
        path: "metadata.durationMinutes",
        line: 9,
        column: 24,
        message:
          "les durées des étapes (timeLimitSeconds) font 16 min au total, plus que les 10 min prévues : augmentez durationMinutes ou raccourcissez des étapes",
      },
    ]);
    expect(findings[0]?.severity).toBe("warning");
  });

  it("gives line and column for a text that is not JSON at all", () => {
    const result = validateScenarioText('{\n  "version": 1,\n  "id": \'exemple\'\n}\n', "x.json");
    expect(result.findings.map(brief)).toEqual([
      {
        code: "json-invalide",
        path: "(racine)",
        line: 3,
        column: 9,
        message: "symbole inattendu « 'exemple' » : le texte doit être entre guillemets droits \"…\"",
      },
    ]);
    expect(validateScenarioText("", "x.json").findings[0]?.message).toBe(
      "fichier vide : un objet JSON { … } est attendu",
    );
    expect(validateScenarioText("[1, 2]", "x.json").findings[0]?.code).toBe("type-incorrect");
  });
});

describe("referential", () => {
  it("accepts the fixture referential and reports unknown level keys and duplicate competences", () => {
    const text = readFileSync(join(fixtures, "referentiel.json"), "utf8");
    expect(validateReferentialText(text, "referentiel.json").findings).toEqual([]);
    const broken = text
      .replace('"pratique": "Trie une demande."', '"pratiqe": "Trie une demande."')
      .replace('"id": "metadonnees"', '"id": "qualite-nettoyage"');
    const findings = validateReferentialText(broken, "referentiel.json").findings;
    expect(findings.map((f) => [f.severity, f.code, f.path])).toEqual([
      ["warning", "niveau-non-decrit", "domains[0].competences[0].levels"],
      ["error", "reference-inconnue", "domains[0].competences[0].levels.pratiqe"],
      ["error", "identifiant-en-double", "domains[1].competences[1].id"],
    ]);
  });
});

describe("loadScenarioFiles", () => {
  it("loads the repository's scenarios/ with no error", () => {
    const result = loadScenarioFiles();
    const errors = errorsOf(result.findings);
    expect(errors.map(formatFinding)).toEqual([]);
    expect(result.referential?.id).toBe("referentiel");
    expect(result.scenarios.map((loaded) => loaded.scenario.id)).toContain("exemple");
  });

  it("uses the referential next to the given files and keeps out scenarios with errors", () => {
    const result = loadScenarioFiles([join(fixtures, "valid.json"), join(fixtures, "done-when.json")], {
      cwd: fixtures,
    });
    expect(result.scenarios.map((loaded) => loaded.file)).toEqual(["valid.json"]);
    expect(result.files).toEqual([
      { file: "valid.json", kind: "scenario", ok: true },
      { file: "done-when.json", kind: "scenario", ok: false },
    ]);
    expect(errorsOf(result.findings)).toHaveLength(4);
  });

  it("warns about an image whose file does not exist", () => {
    const directory = mkdtempSync(join(tmpdir(), "datatruc-images-"));
    try {
      const valid = readFileSync(join(fixtures, "valid.json"), "utf8");
      const withImage = (src: string) =>
        valid.replace(
          '"materials": [\n',
          `"materials": [\n        { "kind": "image", "id": "carte", "title": "Carte", "src": "${src}", "alt": "Une carte" },\n`,
        );
      writeFileSync(join(directory, "valid.json"), withImage("assets/nulle-part.svg"));
      copyFileSync(join(fixtures, "referentiel.json"), join(directory, "referentiel.json"));
      const missing = loadScenarioFiles(directory, { cwd: directory });
      expect(missing.findings.map(brief)).toEqual([
        {
          code: "image-introuvable",
          path: "steps[0].materials[0].src",
          line: 24,
          column: 68,
          message:
            "l'image « assets/nulle-part.svg » est introuvable : placez le fichier sous assets/ et donnez son chemin depuis la racine du projet (ex. « assets/scenarios/carte.svg »)",
        },
      ]);
      expect(missing.findings[0]?.severity).toBe("warning");
      writeFileSync(join(directory, "valid.json"), withImage("docs/guide-scenarios.md"));
      expect(loadScenarioFiles(directory, { cwd: directory }).findings).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("reports two files with the same scenario id", () => {
    const directory = mkdtempSync(join(tmpdir(), "datatruc-scenarios-"));
    try {
      const valid = readFileSync(join(fixtures, "valid.json"), "utf8");
      writeFileSync(join(directory, "valid.json"), valid);
      writeFileSync(join(directory, "copie.json"), valid);
      copyFileSync(join(fixtures, "referentiel.json"), join(directory, "referentiel.json"));
      const result = loadScenarioFiles(directory, { cwd: directory });
      expect(result.findings.map((f) => [f.file, f.severity, f.code])).toEqual([
        ["copie.json", "warning", "nom-de-fichier"],
        ["valid.json", "error", "scenario-en-double"],
      ]);
      expect(result.findings[1]?.message).toBe(
        "le scénario « valid » existe déjà dans copie.json : chaque scénario a son propre identifiant",
      );
      expect(result.scenarios.map((loaded) => loaded.file)).toEqual(["copie.json"]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("structure messages say what was expected", () => {
  const valid = readFileSync(join(fixtures, "valid.json"), "utf8");
  it.each<[string, string, Partial<Finding>]>([
    [
      '"timeLimitSeconds": 300,',
      '"timeLimitSeconds": 10,',
      {
        code: "valeur-hors-limites",
        path: "steps[4].timeLimitSeconds",
        line: 138,
        column: 27,
        message: "valeur 10 trop petite : il faut au moins 30",
      },
    ],
    [
      '"title": "La licence",',
      '"title": "  ",',
      {
        code: "texte-vide",
        path: "steps[0].title",
        line: 21,
        column: 16,
        message: "texte vide : écrivez au moins un caractère (hors espaces)",
      },
    ],
    [
      '"difficulty": "debutant",',
      '"difficulty": "facile",',
      {
        code: "valeur-invalide",
        path: "metadata.difficulty",
        message:
          "le texte « facile » n'est pas prévu ici : valeurs possibles : debutant, intermediaire, avance",
      },
    ],
    [
      '"version": 1,',
      '"version": 2,',
      {
        code: "valeur-invalide",
        path: "version",
        message: "le nombre 2 n'est pas prévu ici : la valeur attendue est 1",
      },
    ],
    [
      '"sources": [{ "label": "Article D323-2-1 du CRPA" }]',
      '"sources": [{ "label": "Article D323-2-1 du CRPA", "url": "cada.fr" }]',
      {
        code: "valeur-invalide",
        path: "steps[0].explanation.sources[0].url",
        message: "lien « cada.fr » invalide : une adresse complète est attendue (ex. https://www.cada.fr)",
      },
    ],
    [
      '{ "kind": "text", "id": "note"',
      '{ "kind": "texte", "id": "note"',
      {
        code: "valeur-invalide",
        path: "steps[0].materials[0].kind",
        line: 24,
        column: 19,
        message:
          "« kind » vaut « texte », valeur non prévue ; valeurs possibles : text, table, image (vouliez-vous dire « text » ?)",
      },
    ],
    [
      '"id": "tri",\n      "type": "categorize",',
      '"id": "tri",',
      {
        code: "champ-manquant",
        path: "steps[1].type",
        line: 40,
        column: 5,
        message: `champ obligatoire « type » manquant : il vaut l'une de ces valeurs : ${TYPES}`,
      },
    ],
    [
      '"options": [\n          { "id": "lo", "label": "Licence Ouverte" },\n          { "id": "gpl", "label": "GPL" }\n        ]',
      '"options": [\n          { "id": "lo", "label": "Licence Ouverte" }\n        ]',
      {
        code: "valeur-hors-limites",
        path: "steps[0].puzzle.options",
        message: "au moins 2 éléments attendus dans la liste, 1 trouvé",
      },
    ],
    [
      '"communicable": ["doc-1"],',
      '"communicable": "doc-1",',
      {
        code: "type-incorrect",
        path: "steps[1].solution.buckets.communicable",
        message: "type incorrect : on attend une liste [ … ], on trouve le texte « doc-1 »",
      },
    ],
    [
      '"prompt": "Quelle licence choisir pour publier ces données ?",',
      '"consigne": "Quelle licence choisir pour publier ces données ?",',
      {
        code: "cle-inconnue",
        path: "steps[0].consigne",
        line: 22,
        column: 7,
        message: "clé « consigne » inconnue : vouliez-vous dire « prompt » ?",
      },
    ],
    [
      '"cost": 0.25',
      '"cost": 0,25',
      {
        code: "json-invalide",
        line: 36,
        column: 73,
        message:
          "nombre écrit avec une virgule décimale ? En JSON, le séparateur décimal est le point (ex. 0.25, pas 0,25)",
      },
    ],
  ])("%s → %s", (from, to, expected) => {
    expect(valid).toContain(from);
    const findings = validateScenarioText(
      valid.replace(from, to),
      "valid.json",
      referential ? { referential } : {},
    ).findings;
    const errors = errorsOf(findings);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(expected);
  });
});
