/**
 * Plays every scenario of `scenarios/` to the end through the shared rules engine, as a team of two
 * would: edits on the shared draft (one edit at a time, attributed to a player), a proposal by one
 * player, the approval of the other (majority of two), then the facilitator's reveal and next step.
 *
 * - With the solutions: every step scores 1, the session reaches the debrief, each player earns skills.
 *   The edits are each type's planned solution edits (a table is cleaned with the column operations
 *   the puzzle offers; edit-cell only for what no offered operation can reach, at most a couple of
 *   cells per step).
 * - With plausible wrong answers (each type's `oneMistake`: a wrong option, two items swapped, a field
 *   left wrong, a defect left unfixed…): every step scores below 1 and the team gets feedback on what
 *   is wrong.
 * Also checks the content bars of the real scenarios (steps, types, roles, private materials held by
 * at least two roles in every step, no count hints).
 */
import { describe, expect, it } from "vitest";
import { PUZZLES, puzzleType } from "../shared/puzzles/registry.ts";
import {
  type Answer,
  type Attempt,
  applyEdit,
  approveProposal,
  type DraftEdit,
  emptyAnswer,
  nextStep,
  proposeSubmission,
  ranking,
  revealStep,
  type SessionModel,
  type SessionOptions,
  scoreAnswer,
  skillsEarned,
  solutionAnswer,
} from "../shared/rules/index.ts";
import { must, sessionWith, T0 } from "../shared/rules/test-helpers.ts";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "../shared/scenario/files.ts";
import { routeScenario } from "../shared/scenario/route.ts";
import type { Referential, Scenario, Step } from "../shared/scenario/schema.ts";
import { editsTo, oneMistake } from "./server/bot.ts";

const loaded = loadScenarioFiles(DEFAULT_SCENARIOS_DIR);
const scenarios: Scenario[] = loaded.scenarios.map((entry) => entry.scenario);
const referential = loaded.referential as Referential;
/** A hint that tells how many answers there are instead of the criterion (audit §3.3). */
const COUNT_HINT =
  /\bil y en a (?:un|une|deux|trois|quatre|cinq|six|\d+)\b|\b(il y (en )?a|exactement|seul(e)?s?|une seule|deux|trois|quatre|cinq|six)\b[^.]*\b((bonnes? )?réponses?|exceptions?|formats?|actions?|champs?|jeux|licences|pièces?|demandes?|cellules?)\b/i;

const REAL_SCENARIOS = [
  "metadata-party",
  "referentiel-equipements",
  "choix-licence",
  "demande-cada",
  "publier-sans-exposer",
  "ouvert-par-defaut",
  "algorithmes-publics",
  "faire-parler-les-chiffres",
  "des-adresses-qui-tiennent-la-route",
];

/**
 * The edits a team makes from its current draft: the type's planned solution edits (the playtest's
 * « solution » strategy: a table is cleaned with the offered operations, edit-cell only for what none
 * reaches), or a bot's moves to any other answer.
 */
function editsFor(step: Step, draft: Answer, target: Answer, solution: boolean): DraftEdit[] {
  if (solution) return puzzleType(step.type).solutionEdits(step.puzzle, step.solution).edits;
  return editsTo(step, draft, target);
}

interface Played {
  model: SessionModel;
  attempts: Attempt[];
  editCounts: { stepId: string; manualCells: number }[];
}

/** Two players in one team play the whole scenario, submitting `answerFor(step)` at every step. */
function playThrough(
  scenario: Scenario,
  answerFor: (step: Step) => Answer,
  options: Partial<SessionOptions>,
): Played {
  let model: SessionModel = sessionWith(scenario, ["Aïcha", "Bastien"], { teamCount: 1, ...options });
  const attempts: Attempt[] = [];
  const editCounts: Played["editCounts"] = [];
  let now = T0;
  for (const [index, step] of scenario.steps.entries()) {
    expect(model.currentStep).toBe(index);
    const draft = model.teams[0]?.steps[index]?.draft ?? emptyAnswer(step, 0);
    const edits = editsFor(step, draft, answerFor(step), answerFor === solutionAnswer);
    editCounts.push({ stepId: step.id, manualCells: edits.filter((edit) => edit.op === "edit-cell").length });
    edits.forEach((edit, n) => {
      now += 1000;
      model = must(applyEdit(model, scenario, n % 2 === 0 ? "p1" : "p2", step.id, edit, now));
    });
    now += 1000;
    const proposed = must(proposeSubmission(model, scenario, "p1", step.id, now));
    expect(proposed.extra.submitted, step.id).toBeNull(); // majority of two: the teammate must agree
    const proposalId = proposed.teams[0]?.steps[index]?.proposal?.id ?? "";
    const approved = must(approveProposal(proposed, scenario, "p2", step.id, proposalId, now));
    const attempt = approved.extra.submitted;
    if (!attempt) throw new Error(`${step.id}: not submitted after approval`);
    attempts.push(attempt);
    model = must(revealStep(approved, scenario, now));
    model = must(nextStep(model, scenario, now));
  }
  return { model, attempts, editCounts };
}

describe("scenario files", () => {
  it("all pass the validator with no error and no warning", () => {
    expect(loaded.findings.map((finding) => `${finding.file} ${finding.path}: ${finding.message}`)).toEqual(
      [],
    );
    expect(loaded.referential).toBeDefined();
    expect(scenarios.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining(["exemple", ...REAL_SCENARIOS]),
    );
  });

  it("the example uses each puzzle type of the registry once, with two roles that each hold a private document", () => {
    const example = scenarios.find((scenario) => scenario.id === "exemple");
    expect(example?.steps.map((step) => step.type).sort()).toEqual(PUZZLES.map((type) => type.type).sort());
    expect(example?.roles).toHaveLength(2);
    for (const role of example?.roles ?? []) {
      const own = example?.steps.flatMap((step) =>
        step.materials.filter((m) => m.visibleTo?.includes(role.id)),
      );
      expect(own?.length, role.id).toBeGreaterThan(0);
    }
  });

  it("the count-hint pattern flags the audit's examples and spares criterion hints", () => {
    for (const hint of [
      "Il y en a trois.",
      "Il y a trois formats ouverts.",
      "Cinq actions rapportent des points.",
      "Trois réponses sont justes.",
      "Une seule réponse est la bonne.",
    ])
      expect(hint).toMatch(COUNT_HINT);
    for (const hint of [
      "Pour chaque jeu, posez deux questions : qui en détient les droits, et d'où viennent ses données ?",
      "Un bon identifiant désigne une commune et une seule.",
      "Comparez chaque idée à la liste des neuf critères.",
    ])
      expect(hint).not.toMatch(COUNT_HINT);
  });

  it.each(REAL_SCENARIOS)(
    "%s meets the content bars (steps, duration, types, roles, hints, sources)",
    (id) => {
      const scenario = scenarios.find((candidate) => candidate.id === id);
      if (!scenario) throw new Error(`${id} missing`);
      expect(scenario.metadata.language).toBe("fr");
      expect(scenario.steps.length).toBeGreaterThanOrEqual(6);
      expect(scenario.steps.length).toBeLessThanOrEqual(10);
      expect(scenario.metadata.durationMinutes).toBeGreaterThanOrEqual(30);
      expect(scenario.metadata.durationMinutes).toBeLessThanOrEqual(45);
      const plannedMinutes = scenario.steps.reduce((sum, step) => sum + step.timeLimitSeconds, 0) / 60;
      expect(plannedMinutes).toBeLessThanOrEqual(scenario.metadata.durationMinutes);
      expect(new Set(scenario.steps.map((step) => step.type)).size).toBeGreaterThanOrEqual(3);
      expect(scenario.roles.length).toBeGreaterThanOrEqual(2);
      for (const role of scenario.roles) {
        const own = scenario.steps.flatMap((step) =>
          step.materials.filter((m) => m.visibleTo?.includes(role.id)),
        );
        expect(own.length, `${id}: private documents of ${role.id}`).toBeGreaterThan(0);
      }
      for (const step of scenario.steps) {
        // A team effort: at least two roles hold a private document in every step (a third role,
        // for teams of 4 to 6, may contribute to some steps only).
        const holders = scenario.roles.filter((role) =>
          step.materials.some((m) => m.visibleTo?.includes(role.id)),
        );
        expect(holders.length, `${id}/${step.id}: roles holding a private document`).toBeGreaterThanOrEqual(
          2,
        );
        // No count hint (« il y en a trois ») : hints teach the criterion (audit §3.3).
        for (const hint of step.hints)
          expect(hint.text, `${id}/${step.id}: count hint`).not.toMatch(COUNT_HINT);
        expect(step.hints.length, `${id}/${step.id}: hints`).toBeGreaterThan(0);
        expect(step.explanation.sources.length, `${id}/${step.id}: sources`).toBeGreaterThan(0);
      }
    },
  );
});

// Each scenario is played on its full route and on its short route (a scenario of its own).
const routes = scenarios.flatMap((scenario) => [
  [`${scenario.id} (parcours complet)`, scenario] as const,
  ...(scenario.shortRoute
    ? [[`${scenario.id} (parcours court)`, routeScenario(scenario, "short")] as const]
    : []),
]);

describe("short routes", () => {
  it.each(REAL_SCENARIOS)("%s declares a short route of about 5 steps, 30 min of play at most", (id) => {
    const scenario = scenarios.find((candidate) => candidate.id === id);
    const short = scenario?.shortRoute;
    expect(short?.steps.length).toBeGreaterThanOrEqual(4);
    expect(short?.steps.length).toBeLessThanOrEqual(6);
    expect(short?.durationMinutes).toBeLessThanOrEqual(30);
  });
});

describe.each(routes)("playing %s", (_id, scenario) => {
  it("with the solutions: score 1 on every step, debrief reached, skills earned by both players", () => {
    for (const step of scenario.steps) expect(scoreAnswer(step, solutionAnswer(step)).score, step.id).toBe(1);

    const { model, attempts, editCounts } = playThrough(scenario, solutionAnswer, { maxAttempts: 2 });
    expect(attempts.map((attempt) => attempt.score)).toEqual(scenario.steps.map(() => 1));
    expect(model.phase).toBe("debrief");
    expect(ranking(model)[0]?.points).toBe(scenario.steps.length);
    // Tables are cleaned with the offered operations; typing a cell by hand stays the exception.
    for (const { stepId, manualCells } of editCounts)
      expect(manualCells, `${stepId}: cells typed by hand`).toBeLessThanOrEqual(2);
    const skills = skillsEarned(model, scenario, referential);
    for (const playerId of ["p1", "p2"]) {
      const earned = skills[playerId] ?? [];
      expect(earned.length, playerId).toBeGreaterThan(0);
      expect(
        earned.some((skill) => skill.level !== null),
        `${playerId} reaches a level`,
      ).toBe(true);
    }
  });

  it("with plausible wrong answers: every step scores below 1 and says what is wrong", () => {
    const { model, attempts } = playThrough(scenario, oneMistake, { maxAttempts: 1 });
    expect(model.phase).toBe("debrief");
    attempts.forEach((attempt, index) => {
      const step = scenario.steps[index] as Step;
      expect(attempt.score, step.id).toBeLessThan(1);
      expect(attempt.score, step.id).toBeGreaterThanOrEqual(0);
      const wrong = attempt.feedback.filter((item) => !item.correct);
      expect(wrong.length, `${step.id}: feedback on a mistake`).toBeGreaterThan(0);
    });
    expect(ranking(model)[0]?.points).toBeLessThan(scenario.steps.length);
  });
});
