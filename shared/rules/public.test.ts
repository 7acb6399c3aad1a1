import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Scenario } from "../scenario/schema.ts";
import { solutionAnswer } from "./drafts.ts";
import { privateMaterialsFor, revealedStep, toPublicScenario } from "./public.ts";
import { fixtureScenario, fixtureStep } from "./test-fixtures.ts";

const exemple = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));

describe("toPublicScenario", () => {
  it.each([
    ["fixture", fixtureScenario],
    ["exemple.json", exemple],
  ])("keeps no solution, explanation, feedback, hint text or private material (%s)", (_name, scenario) => {
    const text = JSON.stringify(toPublicScenario(scenario));
    for (const key of ['"solution"', '"explanation"', '"feedback"', '"visibleTo"'])
      expect(text).not.toContain(key);
    for (const step of scenario.steps) {
      expect(text).not.toContain(step.explanation.text);
      for (const hint of step.hints) expect(text).not.toContain(hint.text);
      for (const material of step.materials)
        if (material.visibleTo) expect(text).not.toContain(JSON.stringify(material.id));
    }
    expect(text).not.toContain("SECRET-JURISTE");
  });

  it("keeps what players need: ids, labels, puzzle, public materials, hint costs", () => {
    const publicScenario = toPublicScenario(fixtureScenario);
    const licence = publicScenario.steps[0];
    expect(licence).toMatchObject({
      id: "licence",
      type: "choice",
      hints: [{ cost: 0.25 }, { cost: 0.5 }],
      materials: [{ id: "courriel" }],
      puzzle: {
        multiple: false,
        options: [{ id: "lo", label: "Licence Ouverte 2.0" }, { id: "cc-by-nc" }, { id: "aucune" }],
      },
    });
    expect(publicScenario.roles.map((role) => role.id)).toEqual(["juriste", "producteur"]);
  });

  it("publishes order items shuffled, never in solution order", () => {
    const step = fixtureStep("procedure", "order");
    const published = toPublicScenario(fixtureScenario).steps.find((s) => s.id === "procedure");
    if (published?.type !== "order") throw new Error("order step expected");
    const ids = published.puzzle.items.map((item) => item.id);
    expect([...ids].sort()).toEqual([...step.solution.order].sort());
    expect(ids).not.toEqual(step.solution.order);
  });
});

describe("privateMaterialsFor", () => {
  it("gives each role its own documents only", () => {
    expect(privateMaterialsFor(fixtureScenario, "juriste")).toEqual({
      licence: [expect.objectContaining({ id: "note-juriste" })],
    });
    expect(privateMaterialsFor(fixtureScenario, "producteur")).toEqual({});
    expect(privateMaterialsFor(fixtureScenario, null)).toEqual({});
  });
});

describe("revealedStep", () => {
  it("gives the solution, explanation, feedback and a right answer", () => {
    const step = fixtureStep("licence", "choice");
    expect(revealedStep(step)).toEqual({
      stepId: "licence",
      solution: { correct: ["lo"] },
      explanation: step.explanation,
      feedback: { lo: expect.any(String), "cc-by-nc": expect.any(String) },
      hints: step.hints,
      answer: solutionAnswer(step),
      debriefQuestions: [],
    });
    expect(revealedStep(fixtureStep("fiche", "form")).feedback).toEqual({
      licence: "La Licence Ouverte.",
    });
  });
});
