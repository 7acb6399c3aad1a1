import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUZZLES } from "../puzzles/registry.ts";
import { formatFinding } from "./findings.ts";
import { playtest } from "./playtest.ts";
import { starterScenario } from "./scaffold.ts";
import { referentialIndexFromText, validateScenarioText, validateScenarioValue } from "./validate.ts";

const root = join(import.meta.dirname, "..", "..");
const referential = referentialIndexFromText(
  readFileSync(join(root, "scenarios", "referentiel.json"), "utf8"),
);

describe("starter scenario (npm run scenarios:new)", () => {
  const starter = starterScenario("mon-scenario", referential?.competences ?? []);

  it("validates against the repository's referential with no finding at all", () => {
    expect(referential?.competences.length).toBeGreaterThan(0);
    const result = validateScenarioValue(
      starter,
      "scenarios/mon-scenario.json",
      referential ? { referential } : {},
    );
    expect(result.findings.map(formatFinding)).toEqual([]);
    expect(result.value?.steps.map((step) => step.type)).toEqual(PUZZLES.map((type) => type.type));
  });

  it("playtests: every step solvable", () => {
    const result = validateScenarioValue(starter, "scenarios/mon-scenario.json");
    if (!result.value) throw new Error("starter invalid");
    const report = playtest(result.value, { teams: 5, seed: 3 });
    expect(report.steps.map((step) => [step.id, step.solvable, step.problem])).toEqual(
      PUZZLES.map((type) => [type.starter.id, true, undefined]),
    );
  });

  it("is written by the CLI, which refuses a bad id and an existing file", () => {
    const directory = mkdtempSync(join(tmpdir(), "datatruc-new-"));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "shared/cli/new-scenario.ts", ...args], {
        cwd: root,
        encoding: "utf8",
      });
    try {
      const created = run("atelier-cada", "--dir", directory);
      expect(created.stderr).toBe("");
      expect(created.status).toBe(0);
      expect(created.stdout).toContain("créé : une étape de chaque type");
      const text = readFileSync(join(directory, "atelier-cada.json"), "utf8");
      const checked = validateScenarioText(text, "atelier-cada.json", referential ? { referential } : {});
      expect(checked.findings).toEqual([]);
      expect(JSON.parse(text).$schema).toBe("./schema/scenario.schema.json");

      const again = run("atelier-cada", "--dir", directory);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("existe déjà");
      const bad = run("Atelier CADA", "--dir", directory);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("identifiant « Atelier CADA » invalide");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
