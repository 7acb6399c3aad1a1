/**
 * Plays every scenario of `scenarios/` to the end through the shared rules engine, as a team of two
 * would: edits on the shared draft (one edit at a time, attributed to a player), a proposal by one
 * player, the approval of the other (majority of two), then the facilitator's reveal and next step.
 *
 * - With the solutions: every step scores 1, the session reaches the debrief, each player earns skills.
 *   Table steps are cleaned with the column operations the puzzle offers; edit-cell only for what no
 *   offered operation can reach (and at most a couple of cells per step).
 * - With plausible wrong answers (a wrong option, two items swapped, a field left wrong, a defect left
 *   unfixed): every step scores below 1 and the team gets feedback on what is wrong.
 * Also checks the content bars of the real scenarios (steps, types, roles, private materials held by
 * at least two roles in every step, no count hints).
 */
import { describe, expect, it } from "vitest";
import { PUZZLES } from "../shared/puzzles/registry.ts";
import {
  applyOperationToValue,
  COLUMN_OPERATIONS,
  type ColumnOperation,
  sameCell,
} from "../shared/puzzles/table/ops.ts";
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
import { editsTo, wrongAnswer as wrongDraft } from "./server/bot.ts";

const loaded = loadScenarioFiles(DEFAULT_SCENARIOS_DIR);
const scenarios: Scenario[] = loaded.scenarios.map((entry) => entry.scenario);
const referential = loaded.referential as Referential;
const REAL_SCENARIOS = [
  "metadata-party",
  "referentiel-equipements",
  "choix-licence",
  "demande-cada",
  "publier-sans-exposer",
  "ouvert-par-defaut",
  "algorithmes-publics",
];

type TableStep = Extract<Step, { type: "table" }>;
type TableAnswer = Extract<Answer, { type: "table" }>;

/** Every sequence of at most `depth` offered column operations (the empty one first). */
function operationSequences(offered: readonly ColumnOperation[], depth: number): ColumnOperation[][] {
  const sequences: ColumnOperation[][] = [[]];
  let frontier: ColumnOperation[][] = [[]];
  for (let level = 0; level < depth; level++) {
    frontier = frontier.flatMap((sequence) => offered.map((operation) => [...sequence, operation]));
    sequences.push(...frontier);
  }
  return sequences;
}

/**
 * The edits a team makes to turn the initial table into `target`: for each column, the shortest
 * sequence of offered operations that gets the most cells right, then edit-cell for the rest.
 */
function tableEdits(step: TableStep, target: TableAnswer): DraftEdit[] {
  const edits: DraftEdit[] = [];
  for (const rowId of target.removedRows) edits.push({ op: "set-row-removed", rowId, removed: true });
  for (const columnId of target.removedColumns)
    edits.push({ op: "set-column-removed", columnId, removed: true });
  const offered = COLUMN_OPERATIONS.filter((operation) => step.puzzle.operations.includes(operation));
  const sequences = operationSequences(offered, 3);
  const keptRows = step.puzzle.rows.filter((row) => !target.removedRows.includes(row.id));
  const wanted = new Map(target.rows.map((row) => [row.id, row.cells]));
  for (const column of step.puzzle.columns) {
    if (target.removedColumns.includes(column.id)) continue;
    const run = (sequence: ColumnOperation[], value: string) =>
      sequence.reduce((current, operation) => applyOperationToValue(operation, current, column.width), value);
    const matches = (sequence: ColumnOperation[]) =>
      keptRows.filter((row) =>
        sameCell(run(sequence, row.cells[column.id] ?? ""), wanted.get(row.id)?.[column.id]),
      ).length;
    let best: ColumnOperation[] = [];
    for (const sequence of sequences) if (matches(sequence) > matches(best)) best = sequence;
    for (const operation of best) edits.push({ op: "apply-operation", operation, columnId: column.id });
    for (const row of keptRows) {
      const expected = wanted.get(row.id)?.[column.id] ?? "";
      if (!sameCell(run(best, row.cells[column.id] ?? ""), expected))
        edits.push({ op: "edit-cell", rowId: row.id, columnId: column.id, value: expected });
    }
  }
  return edits;
}

/** The edits that turn an empty draft into `target`. */
function editsFor(step: Step, target: Answer): DraftEdit[] {
  switch (target.type) {
    case "choice":
      return target.selected.map((optionId) => ({ op: "toggle-option", optionId }));
    case "categorize":
      return Object.entries(target.placements).map(([itemId, bucketId]) => ({
        op: "place-item",
        itemId,
        bucketId,
      }));
    case "order":
      return target.order.map((itemId, toIndex) => ({ op: "move-item", itemId, toIndex }));
    case "form":
      return Object.entries(target.values).map(([fieldId, value]) => ({ op: "set-field", fieldId, value }));
    case "table":
      if (step.type !== "table") throw new Error(`${step.id}: table answer for a ${step.type} step`);
      return tableEdits(step, target);
    case "link":
      return target.links.map((link) => ({ op: "link-add", ...link }));
    case "chart":
      return [
        ...(["chart", "x", "y", "aggregate", "sort"] as const).flatMap((choice) =>
          target[choice] === null ? [] : [{ op: "chart-set" as const, choice, value: target[choice] }],
        ),
        ...target.flags.map((flawId) => ({ op: "chart-flag" as const, flawId })),
      ];
    default:
      // Types without a hand-written playthrough here: their bot moves from the initial draft.
      return editsTo(step, emptyAnswer(step, 0), target);
  }
}

/** A value that breaks a form field's rule, as a hurried player would type it. */
function wrongValue(step: Extract<Step, { type: "form" }>, fieldId: string): string {
  const field = step.puzzle.fields.find((candidate) => candidate.id === fieldId);
  const check = step.solution.fields[fieldId]?.check;
  if (field?.input === "select" && check?.rule === "equals") {
    const other = field.options?.find((option) => !check.accepted.includes(option.value));
    if (other) return other.value;
  }
  switch (check?.rule) {
    case "number":
      return String((check.max ?? check.min ?? 0) + 1);
    case "length":
      return "à voir";
    default:
      return "";
  }
}

/** A plausible wrong answer: close to the solution, with one typical mistake. */
function wrongAnswer(step: Step): Answer {
  const right = solutionAnswer(step);
  switch (step.type) {
    case "choice": {
      const wrong = step.puzzle.options.find((option) => !step.solution.correct.includes(option.id));
      if (!wrong) throw new Error(`${step.id}: no wrong option to pick`);
      if (!step.puzzle.multiple) return { type: "choice", selected: [wrong.id] };
      // Forgets one right option and ticks a wrong one.
      return { type: "choice", selected: [...step.solution.correct.slice(1), wrong.id] };
    }
    case "categorize": {
      if (right.type !== "categorize") throw new Error("unreachable");
      const placements = { ...right.placements };
      const [first, second] = Object.entries(step.solution.buckets).filter(([, items]) => items.length > 0);
      const a = first?.[1][0];
      const b = second?.[1][0];
      if (!first || !second || !a || !b) throw new Error(`${step.id}: needs two non-empty buckets`);
      placements[a] = second[0];
      placements[b] = first[0];
      return { type: "categorize", placements };
    }
    case "order": {
      const order = [...step.solution.order];
      [order[0], order[1]] = [order[1] as string, order[0] as string];
      return { type: "order", order };
    }
    case "form": {
      if (right.type !== "form") throw new Error("unreachable");
      const [firstField] = step.puzzle.fields.filter((field) => field.id in step.solution.fields);
      if (!firstField) throw new Error(`${step.id}: no field with a rule`);
      return { type: "form", values: { ...right.values, [firstField.id]: wrongValue(step, firstField.id) } };
    }
    case "table": {
      if (right.type !== "table") throw new Error("unreachable");
      // Forgets the first row to remove, or else leaves the first faulty cell as it was.
      if (right.removedRows.length > 0) return { ...right, removedRows: right.removedRows.slice(1) };
      for (const row of step.puzzle.rows) {
        const expected = step.solution.rows.find((candidate) => candidate.id === row.id)?.cells ?? {};
        for (const [columnId, value] of Object.entries(expected)) {
          if (sameCell(row.cells[columnId], value)) continue;
          return {
            ...right,
            rows: right.rows.map((r) =>
              r.id === row.id
                ? { id: r.id, cells: { ...r.cells, [columnId]: row.cells[columnId] ?? "" } }
                : r,
            ),
          };
        }
      }
      throw new Error(`${step.id}: a table step without any defect`);
    }
    case "link": {
      if (right.type !== "link") throw new Error("unreachable");
      // Forgets the last expected link and draws the first one backwards.
      const [first] = right.links;
      if (!first) throw new Error(`${step.id}: a link step without expected links`);
      return {
        type: "link",
        links: [...right.links.slice(1, -1), { from: first.to, kind: first.kind, to: first.from }],
      };
    }
    case "chart": {
      if (right.type !== "chart") throw new Error("unreachable");
      // Judge: forgets the first real flaw. Build: right chart, but the first aggregation offered
      // that the solution does not accept.
      if (step.puzzle.judge) return { ...right, flags: right.flags.slice(1) };
      const aggregate = step.puzzle.aggregates.find((a) => !step.solution.aggregate?.includes(a));
      if (!aggregate) throw new Error(`${step.id}: every aggregation is accepted`);
      return { ...right, aggregate };
    }
    default:
      return wrongDraft(step, right);
  }
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
    const edits = editsFor(step, answerFor(step));
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
          expect(hint.text, `${id}/${step.id}: count hint`).not.toMatch(
            /\b(il y (en )?a|exactement|seul(e)?s?|une seule|deux|trois|quatre|cinq)\b[^.]*\b((bonnes? )?réponses?|exceptions?|formats?|actions?|champs?|jeux|licences|pièces?|demandes?|cellules?)\b/i,
          );
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
    // Cleaning is done with the offered operations; typing by hand stays the exception.
    for (const { stepId, manualCells } of editCounts) {
      if (scenario.steps.find((step) => step.id === stepId)?.type === "table")
        expect(manualCells, `${stepId}: cells typed by hand`).toBeLessThanOrEqual(2);
    }
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
    const { model, attempts } = playThrough(scenario, wrongAnswer, { maxAttempts: 1 });
    expect(model.phase).toBe("debrief");
    attempts.forEach((attempt, index) => {
      const step = scenario.steps[index] as Step;
      expect(attempt.score, step.id).toBeLessThan(1);
      expect(attempt.score, step.id).toBeGreaterThanOrEqual(0);
      const wrong = attempt.feedback.filter((item) => !item.correct);
      expect(wrong.length, `${step.id}: feedback on a mistake`).toBeGreaterThan(0);
      if (step.type === "choice" || step.type === "form")
        expect(
          wrong.every((item) => (item.message ?? "").length > 0),
          `${step.id}: feedback message`,
        ).toBe(true);
    });
    expect(ranking(model)[0]?.points).toBeLessThan(scenario.steps.length);
  });
});
