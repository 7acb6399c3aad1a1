/** The date-range form field (issue 14): « 2025-01-01/2025-12-31 », checked with French messages. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateScenarioText } from "../../scenario/validate.ts";
import { checkField } from "./check-field.ts";
import type { FieldRule } from "./schema.ts";

const year2025: FieldRule = { rule: "dateRange", start: "2025-01-01", end: "2025-12-31" };

describe("checkField on a date range", () => {
  it("accepts the expected period, with spaces around the slash", () => {
    expect(checkField(year2025, "2025-01-01/2025-12-31")).toEqual({ ok: true });
    expect(checkField(year2025, " 2025-01-01 / 2025-12-31 ")).toEqual({ ok: true });
    expect(checkField({ rule: "dateRange" }, "2024-03-01/2024-03-01")).toEqual({ ok: true });
  });

  it("refuses with a French message that says what is wrong", () => {
    const message = (value: string, rule: FieldRule = year2025) => checkField(rule, value).message;
    expect(message("")).toBe(
      "Période attendue : deux dates AAAA-MM-JJ séparées par « / » (ex. 2025-01-01/2025-12-31).",
    );
    expect(message("2025")).toBe(message(""));
    expect(message("01/01/2025-31/12/2025")).toBe(message(""));
    expect(message("2025-02-30/2025-12-31")).toBe("La date « 2025-02-30 » n'existe pas.");
    expect(message("2025-12-31/2025-01-01", { rule: "dateRange" })).toBe(
      "La période finit avant de commencer : la date de début vient en premier.",
    );
    expect(message("2024-01-01/2025-12-31")).toBe("La période ne commence pas à la date attendue.");
    expect(message("2025-01-01/2025-06-30")).toBe("La période ne finit pas à la date attendue.");
  });
});

describe("a date-range field in a scenario", () => {
  const valid = readFileSync(join(import.meta.dirname, "../../scenario/fixtures/valid.json"), "utf8");
  const withPeriod = (check: unknown, example: string) => {
    const scenario = JSON.parse(valid);
    const step = scenario.steps[3];
    step.puzzle.fields.push({ id: "periode", label: "Couverture temporelle", input: "date-range" });
    step.solution.fields.periode = { check, example };
    return validateScenarioText(JSON.stringify(scenario, null, 2), "fixtures/valid.json").findings;
  };

  it("validates with its rule and example", () => {
    expect(withPeriod(year2025, "2025-01-01/2025-12-31")).toEqual([]);
  });

  it("an example outside the rule, an impossible rule and a non-date are findings", () => {
    expect(withPeriod(year2025, "2025-01-01/2025-06-30").map((f) => [f.code, f.path])).toEqual([
      ["solution-impossible", "steps[3].solution.fields.periode.example"],
    ]);
    const reversed = withPeriod({ rule: "dateRange", start: "2025-12-31", end: "2025-01-01" }, "x");
    expect(reversed.map((f) => f.code)).toContain("regle-incoherente");
    expect(reversed.find((f) => f.code === "regle-incoherente")?.message).toBe(
      "start (2025-12-31) est après end (2025-01-01) : aucune période ne peut convenir",
    );
    const notADate = withPeriod({ rule: "dateRange", start: "2025-02-30" }, "2025-02-30/2025-03-01");
    expect(notADate.map((f) => [f.code, f.path])).toContainEqual([
      "regle-incoherente",
      "steps[3].solution.fields.periode.check.start",
    ]);
  });
});
