import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Referential } from "../scenario/schema.ts";
import { type CarnetStep, carnetCompetences, carnetLevel, suggestScenarios } from "./carnet.ts";

/** The shipped referential: the rules under test are its data. */
const referential = Referential.parse(
  JSON.parse(readFileSync(new URL("../../scenarios/referentiel.json", import.meta.url), "utf8")),
);
const competenceIds = referential.domains.flatMap((d) => d.competences.map((c) => c.id));
const levelIndex = (id: string | undefined) => referential.levels.findIndex((l) => l.id === id);

const stepArb: fc.Arbitrary<CarnetStep> = fc.record({
  sessionCode: fc.constantFrom("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"),
  scenarioId: fc.constantFrom("exemple", "choix-licence", "demande-cada"),
  stepId: fc.constantFrom("s1", "s2", "s3", "s4"),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  skills: fc.array(
    fc.record({ competence: fc.constantFrom(...competenceIds), weight: fc.constantFrom(0.5, 1, 1.5, 2, 3) }),
    { minLength: 1, maxLength: 3 },
  ),
});
/** A session: several steps played under one session code. */
const sessionArb = fc
  .tuple(fc.constantFrom("S1", "S2", "S3"), fc.array(stepArb, { maxLength: 8 }))
  .map(([code, steps]) => steps.map((s) => ({ ...s, sessionCode: code })));

describe("carnet levels (referential rules as data)", () => {
  it("adding a session never lowers a level (nor points)", () => {
    fc.assert(
      fc.property(fc.array(sessionArb, { maxLength: 4 }), sessionArb, (sessions, added) => {
        const before = carnetCompetences(referential, sessions.flat());
        const after = new Map(
          carnetCompetences(referential, [...sessions.flat(), ...added]).map((c) => [c.competence, c]),
        );
        for (const c of before) {
          const now = after.get(c.competence);
          expect(levelIndex(now?.level?.id)).toBeGreaterThanOrEqual(levelIndex(c.level?.id));
          expect(now?.points ?? 0).toBeGreaterThanOrEqual(c.points);
        }
      }),
    );
  });

  it("replaying the same steps (in another session, any number of times) changes nothing", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (steps, times) => {
        const replayed = Array.from({ length: times }, (_, i) =>
          steps.map((s) => ({ ...s, sessionCode: `R${i}` })),
        ).flat();
        expect(carnetCompetences(referential, [...steps, ...replayed])).toEqual(
          carnetCompetences(referential, steps),
        );
      }),
    );
  });

  it("the highest level needs practice in several distinct scenarios, whatever the points", () => {
    const highest = referential.levels.at(-1);
    expect(highest?.minScenarios).toBeGreaterThanOrEqual(2);
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), fc.constantFrom(...competenceIds), (steps, id) => {
        // Everything in one scenario, weights heavy enough to pass any point threshold.
        const one = steps.map((s) => ({
          ...s,
          scenarioId: "exemple",
          skills: [{ competence: id, weight: 50 }],
        }));
        const c = carnetCompetences(referential, one).find((x) => x.competence === id);
        expect(c?.level?.id).not.toBe(highest?.id);
      }),
    );
  });

  it("counts a step once with its best score, and reaches a level with points and scenarios", () => {
    const skills = [{ competence: "metadonnees", weight: 2 }];
    const steps: CarnetStep[] = [
      { sessionCode: "A", scenarioId: "x", stepId: "s1", score: 0.5, skills },
      { sessionCode: "B", scenarioId: "x", stepId: "s1", score: 1, skills },
      { sessionCode: "B", scenarioId: "x", stepId: "s2", score: 1, skills },
    ];
    const c = carnetCompetences(referential, steps).find((x) => x.competence === "metadonnees");
    expect(c).toMatchObject({ points: 4, scenarios: ["x"], level: { id: "pratique" } });
    expect(c?.next).toMatchObject({ id: "maitrise", pointsMissing: 8, scenariosMissing: 1 });
    expect(c?.progress).toBeCloseTo(1 / 3);
    expect(carnetLevel(referential.levels, 100, 1)?.id).toBe("pratique");
    expect(carnetLevel(referential.levels, 12, 2)?.id).toBe("maitrise");
    expect(carnetLevel(referential.levels, 0.5, 3)).toBeNull();
  });

  it("suggests the scenarios that train the weakest competences, new ones first", () => {
    const scenario = (id: string, competence: string, weight: number) => ({
      id,
      metadata: { title: id } as never,
      steps: [{ skills: [{ competence, weight }] }] as never,
    });
    const progress = carnetCompetences(referential, [
      {
        sessionCode: "A",
        scenarioId: "a",
        stepId: "s",
        score: 1,
        skills: [{ competence: "metadonnees", weight: 5 }],
      },
    ]);
    const suggested = suggestScenarios(progress, [
      scenario("a", "metadonnees", 5),
      scenario("b", "geodonnees", 1),
      scenario("c", "acces-documents", 2),
    ]);
    expect(suggested.map((s) => s.scenarioId)).not.toContain("a");
    expect(suggested.length).toBeGreaterThan(0);
    for (const s of suggested) expect(s.competences.length).toBeGreaterThan(0);
  });
});
