import { describe, expect, it } from "vitest";
import type { SessionModel } from "./model.ts";
import { advanceTeam, isRevealedTo, nextStep, revealStep, skipStep } from "./steps.ts";
import { applyEdit, proposeSubmission } from "./submission.ts";
import { fixtureScenario as scenario, tinyScenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

const solveLicence = (model: SessionModel, playerId: string) =>
  must(
    proposeSubmission(
      must(applyEdit(model, scenario, playerId, "licence", { op: "toggle-option", optionId: "lo" }, T0)),
      scenario,
      playerId,
      "licence",
      T0 + 1,
    ),
  );

describe("facilitator pace", () => {
  it("reveal closes the current step for all teams; next moves everybody on with a fresh timer", () => {
    const model = sessionWith(scenario, ["A", "B"], { teamSize: 1 });
    const solved = solveLicence(model, "p1");
    expect(isRevealedTo(solved, "equipe-1", 0)).toBe(false);
    expect(nextStep(solved, scenario, T0)).toMatchObject({ reason: "not-revealed" });
    const revealed = must(revealStep(solved, scenario, T0 + 10));
    expect(revealed.teams.map((team) => [team.steps[0]?.closed, team.steps[0]?.score])).toEqual([
      [true, 1],
      [true, 0],
    ]);
    expect(isRevealedTo(revealed, "equipe-2", 0)).toBe(true);
    expect(revealed.timer).toMatchObject({ endsAt: null, remainingMs: 0 });
    const next = must(nextStep(revealed, scenario, T0 + 20));
    expect(next.currentStep).toBe(1);
    expect(next.teams.every((team) => team.stepIndex === 1 && team.steps[1]?.startedAt === T0 + 20)).toBe(
      true,
    );
    expect(next.timer).toEqual({ durationMs: 60_000, endsAt: T0 + 20 + 60_000, remainingMs: null });
  });

  it("skip closes the step (best score kept, else 0) and moves on; after the last step comes the debrief", () => {
    const model = sessionWith(tinyScenario, ["A"]);
    const skipped = must(skipStep(model, tinyScenario, T0));
    expect(skipped.teams[0]?.steps[0]).toMatchObject({ closed: true, revealed: true, score: 0 });
    expect(skipped.currentStep).toBe(1);
    const done = must(skipStep(skipped, tinyScenario, T0));
    expect(done.phase).toBe("debrief");
    expect(done.timer).toBeNull();
    expect(skipStep(done, tinyScenario, T0)).toMatchObject({ reason: "wrong-phase" });
  });

  it("advanceTeam is refused in facilitator pace", () => {
    expect(advanceTeam(sessionWith(scenario, ["A"]), scenario, "p1", "licence", T0)).toMatchObject({
      reason: "wrong-phase",
    });
  });
});

describe("team pace", () => {
  it("a closed step is revealed to its team at once; the team advances on its own", () => {
    const model = sessionWith(scenario, ["A", "B"], { pace: "team", teamSize: 1 });
    expect(advanceTeam(model, scenario, "p1", "licence", T0)).toMatchObject({ reason: "step-open" });
    const solved = solveLicence(model, "p1");
    expect(isRevealedTo(solved, "equipe-1", 0)).toBe(true);
    expect(isRevealedTo(solved, "equipe-2", 0)).toBe(false);
    const advanced = must(advanceTeam(solved, scenario, "p1", "licence", T0 + 2));
    expect(advanced.teams.map((team) => team.stepIndex)).toEqual([1, 0]);
    expect(advanced.teams[0]?.steps[1]).toMatchObject({ startedAt: T0 + 2, participants: ["p1"] });
    expect(advanceTeam(advanced, scenario, "p1", "licence", T0)).toMatchObject({ reason: "unknown-step" });
    expect(nextStep(advanced, scenario, T0)).toMatchObject({ reason: "wrong-phase" });
  });

  it("when every team has finished, the session goes to the debrief", () => {
    let model = sessionWith(tinyScenario, ["A"], { pace: "team" });
    model = must(skipStep(model, tinyScenario, T0));
    expect(model.teams[0]).toMatchObject({ stepIndex: 1, finishedAt: null });
    model = must(skipStep(model, tinyScenario, T0 + 1));
    expect(model.teams[0]?.finishedAt).toBe(T0 + 1);
    expect(model.phase).toBe("debrief");
  });

  it("reveal in team pace closes and reveals each team's current step (a stuck team can move on)", () => {
    const model = sessionWith(scenario, ["A", "B"], { pace: "team", teamSize: 1 });
    const solved = solveLicence(model, "p1"); // equipe-1 closed step 0 with 1; equipe-2 is still on it
    const revealed = must(revealStep(solved, scenario, T0 + 10));
    expect(revealed.teams.map((team) => [team.steps[0]?.closed, team.steps[0]?.score])).toEqual([
      [true, 1],
      [true, 0],
    ]);
    expect(isRevealedTo(revealed, "equipe-2", 0)).toBe(true);
    expect(revealed.teams[1]?.steps[1]?.closed).toBe(false);
    // Nothing open any more: a second reveal changes nothing.
    expect(must(revealStep(revealed, scenario, T0 + 11))).toEqual({ ...revealed, extra: {} });
  });
});
