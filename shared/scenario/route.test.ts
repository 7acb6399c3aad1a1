import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { routeScenario, shortRouteProblems } from "./route.ts";
import { Scenario } from "./schema.ts";
import { validateScenarioText } from "./validate.ts";

const text = readFileSync("scenarios/demande-cada.json", "utf8");
const scenario = Scenario.parse(JSON.parse(text));

/** demande-cada's file with its short route replaced. */
function withShortRoute(steps: string[], durationMinutes = 30): string {
  return JSON.stringify({ ...JSON.parse(text), shortRoute: { steps, durationMinutes } });
}
const findings = (json: string) =>
  validateScenarioText(json, "scenarios/demande-cada.json").findings.filter(
    (f) => f.code === "parcours-court-invalide",
  );

describe("routeScenario", () => {
  it("the short route keeps its steps in order and its own duration; the full route is the scenario", () => {
    const short = routeScenario(scenario, "short");
    expect(short.steps.map((s) => s.id)).toEqual(scenario.shortRoute?.steps);
    expect(short.metadata.durationMinutes).toBe(scenario.shortRoute?.durationMinutes);
    expect(routeScenario(scenario, "full")).toBe(scenario);
    expect(routeScenario({ ...scenario, shortRoute: undefined }, "short")).toEqual({
      ...scenario,
      shortRoute: undefined,
    });
  });
});

describe("the validator checks that a short route stands alone", () => {
  it("every shipped scenario's short route has no problem", () => {
    expect(shortRouteProblems(scenario)).toEqual([]);
  });

  it("an unknown step, a repeated step or a step out of order is an error at its path", () => {
    expect(
      findings(withShortRoute(["document-administratif", "inconnue", "delais"])).map((f) => f.path),
    ).toEqual(["shortRoute.steps[1]"]);
    expect(findings(withShortRoute(["delais", "document-administratif", "voies-recours"]))).toHaveLength(1);
  });

  it("a role left without a private document, or the main competence no longer trained, is an error", () => {
    const messages = findings(withShortRoute(["delais", "voies-recours", "demande-abusive"])).map(
      (f) => f.message,
    );
    expect(messages.some((m) => m.includes("« dpo »"))).toBe(true);
    expect(
      findings(withShortRoute(["qui-nomme-prada", "role-prada", "demande-abusive"])).length,
    ).toBeGreaterThan(0);
  });

  it("steps longer than the announced duration is an error", () => {
    const [f] = findings(withShortRoute(scenario.shortRoute?.steps ?? [], 5));
    expect(f?.path).toBe("shortRoute.durationMinutes");
  });
});
