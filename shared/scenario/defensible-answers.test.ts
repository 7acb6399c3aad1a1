import { describe, expect, it } from "vitest";
import { scoreAnswer } from "../rules/scoring/index.ts";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "./files.ts";
import type { Step } from "./schema.ts";

/** Answers an expert would defend must not be scored wrong (content review of the catalogue scenarios). */
const scenarios = loadScenarioFiles(DEFAULT_SCENARIOS_DIR).scenarios.map((entry) => entry.scenario);

function step(scenarioId: string, stepId: string): Step {
  const scenario = scenarios.find((s) => s.id === scenarioId);
  const found = scenario?.steps.find((s) => s.id === stepId);
  if (!found) throw new Error(`étape ${scenarioId}/${stepId} introuvable`);
  return found;
}

describe("defensible answers", () => {
  it.each([
    "Arrêtés de circulation de Bréhan-sur-Lisse",
    "ARRÊTÉS DE CIRCULATION DE BRÉHAN-SUR-LISSE",
    "Arretes de circulation - Brehan-sur-Lisse",
  ])("ouvert-par-defaut/catalogue accepts the title « %s »", (titre) => {
    const result = scoreAnswer(step("ouvert-par-defaut", "catalogue"), { type: "form", values: { titre } });
    expect(result.items.find((item) => item.id === "titre")?.correct).toBe(true);
  });

  it("ouvert-par-defaut/catalogue still refuses a title that names no commune", () => {
    const result = scoreAnswer(step("ouvert-par-defaut", "catalogue"), {
      type: "form",
      values: { titre: "Arrêtés de circulation" },
    });
    expect(result.items.find((item) => item.id === "titre")?.correct).toBe(false);
  });
});
