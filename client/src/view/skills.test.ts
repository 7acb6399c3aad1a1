import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Referential } from "../../../shared/scenario/schema.ts";
import { skillBars } from "./skills.ts";

const referential = Referential.parse(JSON.parse(readFileSync("scenarios/referentiel.json", "utf8")));

describe("skillBars", () => {
  it("lists every competence of the referential, practised or not", () => {
    const count = referential.domains.reduce((n, d) => n + d.competences.length, 0);
    expect(skillBars(referential, [])).toHaveLength(count);
  });

  it("reports the level reached from the thresholds", () => {
    const first = referential.domains[0]?.competences[0]?.id ?? "";
    const lowest = referential.levels[0];
    if (!lowest) throw new Error("referential without levels");
    const [bar] = skillBars(referential, [{ competence: first, points: lowest.minPoints, level: lowest.id }]);
    expect(bar?.levelLabel).toBe(lowest.label);
    expect(bar?.fill).toBeGreaterThan(0);
    const [none] = skillBars(referential, [{ competence: first, points: 0, level: null }]);
    expect(none?.levelLabel).toBeNull();
    expect(none?.ticks).toHaveLength(referential.levels.length);
  });

  it("shows the level the rules gave, never one recomputed from the points", () => {
    const first = referential.domains[0]?.competences[0]?.id ?? "";
    const [lowest, second] = referential.levels;
    if (!lowest || !second) throw new Error("referential with fewer than two levels");
    const [notYet] = skillBars(referential, [{ competence: first, points: second.minPoints, level: null }]);
    expect(notYet?.levelLabel).toBeNull();
    const [given] = skillBars(referential, [
      { competence: first, points: second.minPoints, level: lowest.id },
    ]);
    expect(given?.levelLabel).toBe(lowest.label);
  });
});
