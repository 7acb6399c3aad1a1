/** The designers' guide: its examples are valid and playable, and every finding links to a section of it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUZZLES } from "../puzzles/registry.ts";
import { FINDING_CODES, formatFinding } from "./findings.ts";
import { competenceSection, generatedSection } from "./guide-sections.ts";
import { playtest } from "./playtest.ts";
import { referentialIndexFromText, validateReferentialText, validateScenarioValue } from "./validate.ts";

const root = join(import.meta.dirname, "..", "..");
const guide = readFileSync(join(root, "docs", "guide-scenarios.md"), "utf8");
const referential = referentialIndexFromText(
  readFileSync(join(root, "scenarios", "referentiel.json"), "utf8"),
);
const options = referential ? { referential } : {};

/** JSON code blocks preceded by `<!-- guide-test: kind -->`. */
function examples(kind: "scenario" | "step"): unknown[] {
  const pattern = new RegExp(`<!-- guide-test: ${kind} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, "g");
  return [...guide.matchAll(pattern)].map((match) => JSON.parse(match[1] ?? ""));
}

function scenarioAround(step: unknown) {
  return {
    $schema: "./schema/scenario.schema.json",
    version: 1,
    id: "guide",
    metadata: {
      title: "Exemple du guide",
      summary: "Une étape d'exemple du guide.",
      audience: "Tests",
      durationMinutes: 10,
      difficulty: "debutant",
      language: "fr",
    },
    steps: [step],
  };
}

describe("docs/guide-scenarios.md", () => {
  it("lists every competence id of scenarios/referentiel.json (generated section, npm run scenarios:schema)", () => {
    const result = validateReferentialText(
      readFileSync(join(root, "scenarios", "referentiel.json"), "utf8"),
      "scenarios/referentiel.json",
    );
    if (!result.value) throw new Error("scenarios/referentiel.json does not validate");
    expect(generatedSection(guide, "competences")).toBe(competenceSection(result.value));
  });

  it("has a section for every kind of finding (the anchors findings link to)", () => {
    const headings = new Set([...guide.matchAll(/^### ([a-z-]+)$/gm)].map((match) => match[1]));
    for (const code of Object.keys(FINDING_CODES)) expect(headings, code).toContain(code);
  });

  it("ends its tutorial with a complete scenario that validates without any finding and playtests", () => {
    const [tutorial] = examples("scenario");
    const result = validateScenarioValue(tutorial, "scenarios/demande-mairie.json", options);
    expect(result.findings.map(formatFinding)).toEqual([]);
    if (!result.value) throw new Error("invalid tutorial scenario");
    expect(new Set(result.value.steps.map((step) => step.type)).size).toBe(3);
    expect(playtest(result.value, { teams: 4 }).solvable).toBe(true);
  });

  it("gives a complete, valid and solvable example for each puzzle type of the registry", () => {
    const steps = examples("step");
    expect(steps.map((step) => (step as { type: string }).type)).toEqual(PUZZLES.map((type) => type.type));
    for (const step of steps) {
      const result = validateScenarioValue(scenarioAround(step), "scenarios/guide.json", options);
      expect(result.findings.map(formatFinding)).toEqual([]);
      if (!result.value) throw new Error("invalid guide example");
      expect(playtest(result.value, { teams: 3 }).steps.map((s) => [s.id, s.solvable])).toEqual([
        [(step as { id: string }).id, true],
      ]);
    }
  });
});
