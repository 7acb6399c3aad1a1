import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Referential, Scenario } from "../scenario/schema.ts";
import type { SessionModel } from "./model.ts";
import { playerResults, ranking, skillsEarned } from "./results.ts";
import { revealStep, skipStep } from "./steps.ts";
import { applyEdit, proposeSubmission } from "./submission.ts";
import { fixtureScenario as scenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

const referential = Referential.parse({
  version: 1,
  id: "ref",
  title: "Référentiel de test",
  levels: [
    { id: "decouverte", label: "Découverte", minPoints: 1 },
    { id: "pratique", label: "Pratique", minPoints: 2 },
  ],
  domains: [
    {
      id: "droit",
      label: "Droit",
      competences: [
        {
          id: "cadre-juridique",
          label: "Cadre juridique",
          description: "Le CRPA.",
          crcn: ["1.1"],
          levels: {},
        },
      ],
    },
  ],
});

function played(): SessionModel {
  // Three teams of one: equipe-1 solves step 0, equipe-2 does too, equipe-3 does not.
  let model = sessionWith(scenario, ["A", "B", "C"], { teamSize: 1 });
  for (const playerId of ["p1", "p2"]) {
    model = must(
      applyEdit(model, scenario, playerId, "licence", { op: "toggle-option", optionId: "lo" }, T0),
    );
    model = must(proposeSubmission(model, scenario, playerId, "licence", T0 + 1));
  }
  return must(revealStep(model, scenario, T0 + 2));
}

describe("ranking", () => {
  it("sorts by points; ties share a rank", () => {
    const model = played();
    const teamOf = (playerId: string) => model.players[playerId]?.teamId;
    expect(ranking(model)).toEqual([
      expect.objectContaining({ teamId: teamOf("p1"), points: 1, solved: 1, rank: 1 }),
      expect.objectContaining({ teamId: teamOf("p2"), points: 1, solved: 1, rank: 1 }),
      expect.objectContaining({ teamId: teamOf("p3"), points: 0, solved: 0, rank: 3 }),
    ]);
  });
});

describe("skillsEarned and playerResults", () => {
  it("gives each participant score × weight per competence, with the level reached", () => {
    const skills = skillsEarned(played(), scenario, referential);
    expect(skills.p1).toEqual([
      {
        competence: "cadre-juridique",
        label: "Cadre juridique",
        points: 2,
        level: "pratique",
        levelLabel: "Pratique",
      },
    ]);
    expect(skills.p3).toEqual([
      { competence: "cadre-juridique", label: "Cadre juridique", points: 0, level: null, levelLabel: null },
    ]);
  });

  it("lists each player's steps, points, rank and contributions", () => {
    const results = playerResults(played(), scenario, referential);
    expect(results.find((r) => r.playerId === "p1")).toMatchObject({
      playerName: "A",
      rank: 1,
      points: 1,
      edits: 1,
      proposals: 1,
      steps: [{ stepId: "licence", stepIndex: 0, score: 1, attempts: 1, hintsUsed: 0, closedAt: T0 + 1 }],
    });
    expect(results.find((r) => r.playerId === "p3")).toMatchObject({ rank: 3, points: 0, edits: 0 });
  });
});

describe("with the example scenario and the real referential", () => {
  it("every competence of exemple.json has its referential label", () => {
    const exemple = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));
    const real = Referential.parse(JSON.parse(readFileSync("scenarios/referentiel.json", "utf8")));
    let model = sessionWith(exemple, ["A"], { pace: "team" });
    for (const step of exemple.steps) {
      model = must(skipStep(model, exemple, T0));
      expect(model.teams[0]?.steps.find((s) => s.stepId === step.id)?.closed).toBe(true);
    }
    const skills = skillsEarned(model, exemple, real).p1 ?? [];
    expect(skills.length).toBeGreaterThan(0);
    for (const skill of skills) expect(skill.label).not.toBe(skill.competence);
  });
});
