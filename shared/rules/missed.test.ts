import { describe, expect, it } from "vitest";
import type { Answer } from "./answer.ts";
import { missedItems, sessionMisses, stepMisses } from "./missed.ts";
import type { Attempt, Team } from "./model.ts";
import { fixtureScenario, fixtureStep } from "./test-fixtures.ts";
import { sessionWith, T0 } from "./test-helpers.ts";

const choice = (...selected: string[]): Answer => ({ type: "choice", selected });

describe("missedItems", () => {
  it("counts a wrong pick and a right option left unpicked (the feedback during play names neither)", () => {
    const step = fixtureStep("donnees-perso", "choice");
    expect(missedItems(step, choice("nom", "commune"))).toEqual(["commune", "courriel"]);
    expect(missedItems(step, choice("nom", "courriel"))).toEqual([]);
    expect(missedItems(fixtureStep("licence", "choice"), choice("cc-by-nc"))).toEqual(["cc-by-nc", "lo"]);
  });

  it("counts a document in the wrong pile and one left unsorted", () => {
    const step = fixtureStep("communicable", "categorize");
    const answer: Answer = { type: "categorize", placements: { "doc-1": "oui", "doc-2": "oui" } };
    expect(missedItems(step, answer)).toEqual(["doc-2", "doc-3"]);
  });

  it("counts the items out of place in an order", () => {
    const step = fixtureStep("procedure", "order");
    const answer: Answer = { type: "order", order: ["demande", "cada", "silence", "tribunal"] };
    expect(missedItems(step, answer)).toEqual(["silence", "cada"]);
  });
});

describe("stepMisses", () => {
  it("counts each item over the teams that answered, most missed first", () => {
    const step = fixtureStep("donnees-perso", "choice");
    const misses = stepMisses(step, [
      choice("nom"),
      choice("nom", "commune"),
      null,
      choice("nom", "courriel"),
    ]);
    expect(misses).toEqual({
      stepId: "donnees-perso",
      answered: 3,
      items: [
        { id: "courriel", missed: 2 },
        { id: "commune", missed: 1 },
      ],
    });
  });

  it("is empty when every team got it right or nobody answered", () => {
    const step = fixtureStep("licence", "choice");
    expect(stepMisses(step, [choice("lo"), choice("lo")]).items).toEqual([]);
    expect(stepMisses(step, [null, null])).toEqual({ stepId: "licence", answered: 0, items: [] });
  });
});

describe("sessionMisses", () => {
  const attempt = (answer: Answer): Attempt => ({
    answer,
    rawScore: 0,
    score: 0,
    feedback: [],
    proposedBy: "p1",
    approvedBy: [],
    at: T0,
  });
  const withAttempts = (team: Team, stepId: string, answers: Answer[], draft?: Answer): Team => ({
    ...team,
    steps: team.steps.map((step) =>
      step.stepId === stepId ? { ...step, attempts: answers.map(attempt), draft: draft ?? step.draft } : step,
    ),
  });

  it("reads each team's last attempt, per step in scenario order; a draft never sent does not count", () => {
    const model = sessionWith(fixtureScenario, ["Ana", "Bruno"], { teamCount: 2, teamSize: 1 });
    const [first, second] = model.teams as [Team, Team];
    const teams = [
      withAttempts(first, "licence", [choice("aucune"), choice("lo")]),
      withAttempts(second, "licence", [choice("cc-by-nc")]),
      withAttempts({ ...first, id: "t3" }, "donnees-perso", [], choice("surface")),
    ];
    const misses = sessionMisses(fixtureScenario, teams);
    expect(misses.map((m) => m.stepId)).toEqual(fixtureScenario.steps.map((s) => s.id));
    expect(misses[0]).toEqual({
      stepId: "licence",
      answered: 2,
      items: [
        { id: "cc-by-nc", missed: 1 },
        { id: "lo", missed: 1 },
      ],
    });
    expect(misses[1]).toEqual({ stepId: "donnees-perso", answered: 0, items: [] });
  });
});
