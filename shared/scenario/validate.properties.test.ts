/** Whatever a designer types, the validator answers with findings, never an exception. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FINDING_CODES, type Finding } from "./findings.ts";
import { validateReferentialText, validateScenarioText } from "./validate.ts";

const valid = readFileSync(join(import.meta.dirname, "fixtures", "valid.json"), "utf8");
const lines = valid.split("\n");

function wellFormed(findings: Finding[], text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const finding of findings) {
    expect(Object.keys(FINDING_CODES)).toContain(finding.code);
    expect(finding.help).toBe(`docs/guide-scenarios.md#${finding.code}`);
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lineCount);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.message.length).toBeGreaterThan(0);
    expect(finding.path.length).toBeGreaterThan(0);
  }
}

describe("validator robustness (fast-check)", () => {
  it("reports well-formed findings for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2) ?? "null";
        wellFormed(validateScenarioText(text, "x.json").findings, text);
        wellFormed(validateReferentialText(text, "x.json").findings, text);
      }),
      { numRuns: 200 },
    );
  });

  it("reports a finding for every duplicated line of a valid scenario (duplicate key or id, or syntax)", () => {
    for (let index = 1; index < lines.length - 1; index++) {
      const edited = [...lines];
      edited.splice(index, 0, lines[index] ?? "");
      const text = edited.join("\n");
      const findings = validateScenarioText(text, "valid.json").findings;
      wellFormed(findings, text);
      expect(findings.length, `line ${index + 1} duplicated: ${lines[index]}`).toBeGreaterThan(0);
    }
  });

  it("never throws when a line is deleted", () => {
    for (let index = 0; index < lines.length; index++) {
      const text = lines.filter((_, i) => i !== index).join("\n");
      wellFormed(validateScenarioText(text, "valid.json").findings, text);
    }
  });

  it("never throws on random edits of characters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: valid.length - 1 }),
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 4 }),
        (at, remove, insert) => {
          const text = valid.slice(0, at) + insert + valid.slice(at + remove);
          wellFormed(validateScenarioText(text, "valid.json").findings, text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
