/**
 * Holes a new designer found (issue 14): files not saved in UTF-8, and messages that agree with
 * their noun.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenarioFiles } from "./files.ts";
import { validateScenarioText } from "./validate.ts";

const fixtures = join(import.meta.dirname, "fixtures");
const valid = readFileSync(join(fixtures, "valid.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "datatruc-encoding-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Windows-1252 bytes of a text (its accents are all in Latin-1). */
const windows1252 = (text: string) => Buffer.from(text, "latin1");

function load(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  writeFileSync(join(dir, "referentiel.json"), readFileSync(join(fixtures, "referentiel.json")));
  return loadScenarioFiles([path]).findings.filter((f) => f.file.endsWith(name));
}

describe("a file not saved in UTF-8", () => {
  it("Windows-1252: one error at the first accent, saying to save in UTF-8", () => {
    const text = valid.replace('"title": "La licence"', '"title": "Les métadonnées"');
    const findings = load("cp1252.json", windows1252(text));
    // The first character outside ASCII, wherever it is.
    const lines = text.split("\n");
    const line = lines.findIndex((l) => /[\u0080-\uffff]/.test(l)) + 1;
    const column = (lines[line - 1] ?? "").search(/[\u0080-\uffff]/) + 1;
    expect(line).toBeGreaterThan(0);
    expect(findings).toEqual([
      expect.objectContaining({ severity: "error", code: "encodage", line, column }),
    ]);
    expect(findings[0]?.message).toContain(
      "enregistrez le fichier en UTF-8 (votre éditeur : Enregistrer sous… › Encodage)",
    );
    expect(findings[0]?.message).toContain("Windows-1252");
  });

  it("UTF-16 (with or without its byte order mark): one error at 1:1, not « guillemets droits »", () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, "utf16le")]);
    for (const [name, bytes] of [
      ["utf16-bom.json", withBom],
      ["utf16.json", Buffer.from(valid, "utf16le")],
    ] as const) {
      const findings = load(name, bytes);
      expect(findings, name).toEqual([
        expect.objectContaining({ severity: "error", code: "encodage", line: 1, column: 1 }),
      ]);
      expect(findings[0]?.message).toMatch(/UTF-16.*enregistrez le fichier en UTF-8/);
      expect(findings[0]?.message).not.toContain("guillemets");
    }
  });

  it("UTF-8 with a byte order mark still reads, positions unchanged", () => {
    const findings = load("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("messages agree with their noun", () => {
  it("« l'option … est déjà définie », « l'élément … est déjà défini »", () => {
    const scenario = JSON.parse(valid);
    const options = scenario.steps[0].puzzle.options;
    options.push({ ...options[0] });
    const findings = validateScenarioText(JSON.stringify(scenario, null, 2), "fixtures/valid.json").findings;
    const duplicate = findings.find((f) => f.code === "identifiant-en-double");
    expect(duplicate?.message).toBe(
      `l'option « ${options[0].id} » est déjà définie plus haut : chaque identifiant doit être unique`,
    );
  });
});

describe("a form field's accepted values", () => {
  const withLicence = (accepted: string[], example: string) => {
    const scenario = JSON.parse(valid);
    scenario.steps[3].solution.fields.licence = { check: { rule: "equals", accepted }, example };
    return validateScenarioText(JSON.stringify(scenario, null, 2), "fixtures/valid.json").findings;
  };

  it("a value not among the select's options is named, not blamed on the example", () => {
    const findings = withLicence(["lo-v2"], "lov2");
    expect(findings.map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: "reference-inconnue",
        path: "steps[3].solution.fields.licence.check.accepted[0]",
        message:
          "la valeur acceptée « lo-v2 » n'est pas une valeur de la liste du champ « licence » (valeurs : lov2, odbl) : aucune équipe ne peut la choisir",
      },
    ]);
  });

  it("a dead value beside a good one is not silent", () => {
    const findings = withLicence(["lov2", "odbl-v1"], "lov2");
    expect(findings.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "reference-inconnue", path: "steps[3].solution.fields.licence.check.accepted[1]" },
    ]);
  });
});

describe("form rules that say « must not be »", () => {
  const withTitle = (check: unknown, example: string) => {
    const scenario = JSON.parse(valid);
    scenario.steps[3].solution.fields.titre = { check, example };
    return validateScenarioText(JSON.stringify(scenario, null, 2), "fixtures/valid.json");
  };

  it("notEquals and notMatching validate, and refuse what they name (no lookahead regex needed)", async () => {
    const notFileName = {
      rule: "notMatching",
      pattern: "\\.(csv|xlsx?|ods)$",
      description: "un titre en mots, pas un nom de fichier",
    };
    expect(withTitle(notFileName, "Liste des collèges publics").findings).toEqual([]);
    expect(
      withTitle({ rule: "notEquals", refused: ["Sans titre", "Titre"] }, "Liste des collèges").findings,
    ).toEqual([]);
    const { checkField } = await import("../puzzles/form/check-field.ts");
    expect(checkField(notFileName as never, "colleges_2025.csv")).toEqual({
      ok: false,
      message: "Réponse refusée : un titre en mots, pas un nom de fichier.",
    });
    expect(checkField({ rule: "notEquals", refused: ["Sans titre"] } as never, "  sans TITRE ").ok).toBe(
      false,
    );
    expect(checkField({ rule: "notEquals", refused: ["Sans titre"] } as never, "").ok).toBe(false);
    expect(checkField(notFileName as never, "").ok).toBe(false);
  });

  it("an example the rule refuses, and a bad pattern, are findings", () => {
    const refused = withTitle({ rule: "notEquals", refused: ["Titre"] }, "titre").findings;
    expect(refused.map((f) => f.code)).toEqual(["solution-impossible"]);
    const badPattern = withTitle({ rule: "notMatching", pattern: "(", description: "x" }, "abc").findings;
    expect(badPattern.map((f) => [f.code, f.path])).toContainEqual([
      "regle-incoherente",
      "steps[3].solution.fields.titre.check.pattern",
    ]);
  });
});

describe("a table defect the score does not see", () => {
  it("a cell that differs from its expected value only by outer spaces is a warning at that cell", () => {
    const scenario = JSON.parse(valid);
    const table = scenario.steps[4];
    table.puzzle.rows[1].cells.nom = "Collège B ";
    const findings = validateScenarioText(JSON.stringify(scenario, null, 2), "fixtures/valid.json").findings;
    expect(findings.map(({ severity, code, path }) => ({ severity, code, path }))).toEqual([
      { severity: "warning", code: "tableau-sans-defaut", path: "steps[4].puzzle.rows[1].cells.nom" },
    ]);
    expect(findings[0]?.message).toContain("espaces");
  });
});
