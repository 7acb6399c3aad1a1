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
