import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "./files.ts";
import { facilitatorKit, firstSentence, tableCards } from "./kit.ts";
import type { Scenario, Step } from "./schema.ts";

const scenarios: Scenario[] = loadScenarioFiles(DEFAULT_SCENARIOS_DIR).scenarios.map((e) => e.scenario);
const byId = (id: string) => {
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`${id} missing`);
  return scenario;
};

/** Texts only the solution side of a step holds. */
function solutionTexts(step: Step): string[] {
  const texts = [step.explanation.text, ...step.hints.map((h) => h.text)];
  if (step.type === "choice")
    texts.push(...step.puzzle.options.flatMap((o) => (o.feedback ? [o.feedback] : [])));
  if (step.type === "form")
    for (const field of Object.values(step.solution.fields)) if (field.feedback) texts.push(field.feedback);
  return texts.filter((text) => text.length >= 12);
}

describe("facilitatorKit", () => {
  it("times the full and the short route, play and café (2–3 min of reveal per step)", () => {
    const scenario = byId("metadata-party");
    const kit = facilitatorKit(scenario);
    const seconds = (steps: Step[]) => steps.reduce((sum, s) => sum + s.timeLimitSeconds, 0);
    expect(kit.full.steps).toBe(scenario.steps.length);
    expect(kit.full.playMinutes).toBe(Math.ceil(seconds(scenario.steps) / 60));
    expect(kit.full.cafeMinutes).toEqual({
      min: kit.full.playMinutes + 2 * scenario.steps.length,
      max: kit.full.playMinutes + 3 * scenario.steps.length,
    });
    const shortIds = scenario.shortRoute?.steps ?? [];
    expect(kit.short?.steps).toBe(shortIds.length);
    expect(kit.short?.playMinutes).toBe(
      Math.ceil(seconds(scenario.steps.filter((s) => shortIds.includes(s.id))) / 60),
    );
    expect(kit.steps.filter((s) => s.inShortRoute).map((s) => s.number)).toEqual(
      shortIds.map((id) => scenario.steps.findIndex((s) => s.id === id) + 1),
    );
  });

  it("says what each step teaches (first sentence of its explanation), lists each source once", () => {
    for (const scenario of scenarios) {
      const kit = facilitatorKit(scenario);
      for (const [i, step] of kit.steps.entries())
        expect(scenario.steps[i]?.explanation.text.startsWith(step.teaches)).toBe(true);
      const keys = kit.sources.map((s) => s.label + (s.url ?? ""));
      expect(new Set(keys).size).toBe(keys.length);
      expect(kit.sources.length).toBeGreaterThan(0);
    }
    expect(firstSentence("Un mois de silence vaut refus (R311-13). Ensuite la CADA.")).toBe(
      "Un mois de silence vaut refus (R311-13).",
    );
    expect(firstSentence("Article 4.2 : la mention. Puis")).toBe("Article 4.2 : la mention.");
  });
});

describe("tableCards", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))(
    "%s: every material and option of every step, no solution, feedback or hint text",
    (_id, scenario) => {
      const cards = tableCards(scenario);
      const printed = JSON.stringify(cards);
      expect(cards).toHaveLength(scenario.steps.length);
      for (const [i, step] of scenario.steps.entries()) {
        expect(cards[i]?.materials.map((m) => m.material.id)).toEqual(step.materials.map((m) => m.id));
        if (step.type === "choice")
          for (const option of step.puzzle.options) expect(printed).toContain(JSON.stringify(option.label));
        for (const text of solutionTexts(step)) expect(printed, `${step.id}: ${text}`).not.toContain(text);
        expect(printed).not.toContain(JSON.stringify(step.solution));
      }
    },
  );

  it("names the role of a private material", () => {
    const cards = tableCards(byId("demande-cada"));
    const dpo = cards.flatMap((c) => c.materials).find((m) => m.material.id === "secrets-l311-6");
    expect(dpo?.roleName).toBe("Délégué à la protection des données (DPO)");
  });
});
