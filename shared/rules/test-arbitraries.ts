/**
 * fast-check arbitraries for the property tests: valid steps of every puzzle type (parsed with the
 * real zod schema), answers of any shape, draft edits and session actions.
 * Every solution-only text carries the marker `SOLUTION-` so that a leak is easy to find.
 */
import fc from "fast-check";
import { COLUMN_OPERATIONS, type Scenario, Step, type Step as StepType } from "../scenario/schema.ts";
import type { Answer, DraftEdit } from "./answer.ts";
import type { SessionEvent } from "./events.ts";
import type { SessionModel } from "./model.ts";
import { fixtureInput } from "./test-fixtures.ts";

export const SECRET = "SOLUTION-";

const word = fc.stringMatching(/^[a-zé]{1,8}$/);
const label = fc.stringMatching(/^[A-Za-zé]{1,8}( [a-zé]{1,8})?$/);
const secret = fc.nat(99999).map((n) => `${SECRET}${n}`);
const ids = (prefix: string, min: number, max: number) =>
  fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`));

const base = (id: string) =>
  fc.record({
    id: fc.constant(id),
    title: label,
    prompt: label,
    materials: fc.array(
      fc.record({
        kind: fc.constant("text" as const),
        id: fc.constantFrom("doc-a", "doc-b"),
        title: label,
        body: fc.oneof(
          label,
          secret.map((s) => `privé ${s}`),
        ),
      }),
      { maxLength: 1 },
    ),
    privateMaterial: fc.record({
      kind: fc.constant("text" as const),
      id: fc.constant("prive"),
      title: label,
      body: secret,
    }),
    explanation: fc.record({ text: secret, sources: fc.constant([{ label: "Source" }]) }),
    hints: fc.array(fc.record({ text: secret, cost: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      maxLength: 3,
    }),
    timeLimitSeconds: fc.integer({ min: 30, max: 600 }),
    skills: fc.constant([{ competence: "cadre-juridique", weight: 1 }]),
  });

function withBase(
  b: { privateMaterial: object; materials: object[] } & Record<string, unknown>,
  rest: object,
): unknown {
  const { privateMaterial, materials, ...common } = b;
  // Public materials hold no secret; the private one (visible to a role) may.
  const publicMaterials = materials.filter((m) => !JSON.stringify(m).includes(SECRET));
  return {
    ...common,
    materials: [...publicMaterials, { ...privateMaterial, visibleTo: ["juriste"] }],
    ...rest,
  };
}

const choiceStep = fc
  .tuple(base("s-choice"), ids("o", 2, 6), fc.boolean())
  .chain(([b, optionIds, multiple]) =>
    fc
      .tuple(
        fc.array(label, { minLength: optionIds.length, maxLength: optionIds.length }),
        fc.array(fc.option(secret, { nil: undefined }), {
          minLength: optionIds.length,
          maxLength: optionIds.length,
        }),
        fc.subarray(optionIds, { minLength: 1 }),
      )
      .map(([labels, feedbacks, correct]) =>
        withBase(b, {
          type: "choice",
          puzzle: {
            multiple,
            options: optionIds.map((id, i) => ({
              id,
              label: labels[i],
              ...(feedbacks[i] ? { feedback: feedbacks[i] } : {}),
            })),
          },
          solution: { correct },
        }),
      ),
  );

const categorizeStep = fc
  .tuple(base("s-categorize"), ids("i", 2, 6), ids("b", 2, 4))
  .chain(([b, itemIds, bucketIds]) =>
    fc
      .array(fc.constantFrom(...bucketIds), { minLength: itemIds.length, maxLength: itemIds.length })
      .map((assigned) =>
        withBase(b, {
          type: "categorize",
          puzzle: {
            items: itemIds.map((id) => ({ id, label: id })),
            buckets: bucketIds.map((id) => ({ id, label: id })),
          },
          solution: {
            buckets: Object.fromEntries(
              bucketIds.map((bucket) => [bucket, itemIds.filter((_, i) => assigned[i] === bucket)]),
            ),
          },
        }),
      ),
  );

const orderStep = fc.tuple(base("s-order"), ids("e", 2, 6)).chain(([b, itemIds]) =>
  fc.shuffledSubarray(itemIds, { minLength: itemIds.length, maxLength: itemIds.length }).map((order) =>
    withBase(b, {
      type: "order",
      puzzle: { items: itemIds.map((id) => ({ id, label: id })) },
      solution: { order },
    }),
  ),
);

const fieldSolution = fc.oneof(
  secret.map((s) => ({ check: { rule: "equals", accepted: [s] }, example: s })),
  fc
    .integer({ min: 1, max: 5 })
    .map((min) => ({ check: { rule: "length", min, max: 30 }, example: `${SECRET}${"x".repeat(min)}` })),
  fc.nat(99999).map((n) => ({
    check: { rule: "pattern", pattern: `^${SECRET}\\d+$`, description: "un code" },
    example: `${SECRET}${n}`,
  })),
  fc
    .integer({ min: 0, max: 100 })
    .map((n) => ({ check: { rule: "number", min: n, max: n + 10 }, example: String(n + 5) })),
  secret.map((s) => ({ check: { rule: "tags", minCount: 1, required: [s] }, example: `${s}, autre` })),
);

const formStep = fc.tuple(base("s-form"), ids("f", 1, 4)).chain(([b, fieldIds]) =>
  fc
    .array(fc.tuple(fieldSolution, fc.option(secret, { nil: undefined })), {
      minLength: fieldIds.length,
      maxLength: fieldIds.length,
    })
    .map((solutions) =>
      withBase(b, {
        type: "form",
        puzzle: { fields: fieldIds.map((id) => ({ id, label: id, input: "text" })) },
        solution: {
          fields: Object.fromEntries(
            fieldIds.map((id, i) => {
              const [field, feedback] = solutions[i] ?? [];
              return [id, { ...field, ...(feedback ? { feedback } : {}) }];
            }),
          ),
        },
      }),
    ),
);

const tableStep = fc.tuple(base("s-table"), ids("c", 1, 4), ids("r", 1, 5)).chain(([b, columnIds, rowIds]) =>
  fc
    .tuple(
      fc.array(
        fc.array(fc.tuple(word, fc.boolean()), { minLength: columnIds.length, maxLength: columnIds.length }),
        {
          minLength: rowIds.length,
          maxLength: rowIds.length,
        },
      ),
      fc.subarray(rowIds),
      fc.subarray(columnIds, { maxLength: columnIds.length - 1 }),
      fc.subarray(["trim", "pad-zeros", "remove-row", "remove-column", "edit-cell"] as const, {
        minLength: 1,
      }),
      fc.nat(9999),
    )
    .map(([cells, removedRows, removedColumns, operations, n]) =>
      withBase(b, {
        type: "table",
        puzzle: {
          columns: columnIds.map((id) => ({ id, label: id, width: 3 })),
          rows: rowIds.map((id, r) => ({
            id,
            cells: Object.fromEntries(columnIds.map((c, i) => [c, cells[r]?.[i]?.[0] ?? ""])),
          })),
          operations,
        },
        solution: {
          // A defect cell's expected value is a secret; a right cell keeps its initial value.
          rows: rowIds
            .filter((id) => !removedRows.includes(id))
            .map((id) => {
              const r = rowIds.indexOf(id);
              const kept = columnIds.filter((c) => !removedColumns.includes(c));
              return {
                id,
                cells: Object.fromEntries(
                  kept.map((c) => {
                    const [initial, defect] = cells[r]?.[columnIds.indexOf(c)] ?? ["", false];
                    return [c, defect ? `${SECRET}${n}-${id}-${c}` : initial];
                  }),
                ),
              };
            }),
          removedRows,
          removedColumns,
        },
      }),
    ),
);

/** A valid step of any puzzle type. */
export const stepArbitrary: fc.Arbitrary<StepType> = fc
  .oneof(choiceStep, categorizeStep, orderStep, formStep, tableStep)
  .map((input) => Step.parse(input));

/** A valid scenario made of generated steps (unique ids) with the fixture's metadata and roles. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .array(stepArbitrary, { minLength: 1, maxLength: 5 })
  .map((steps) => ({
    ...(fixtureInput as Scenario),
    metadata: { ...(fixtureInput as Scenario).metadata, tags: [] },
    roles: (fixtureInput.roles ?? []).map((role) => ({ ...role })),
    steps: steps.map((step, i) => ({ ...step, id: `${step.id}-${i}` })),
  }));

const anyId = fc.oneof(
  fc.constantFrom("o-0", "o-1", "i-0", "i-1", "b-0", "e-0", "e-1", "f-0", "r-0", "c-0"),
  word,
);

/** Any well-formed answer, right type or not, with known and unknown ids. */
export const answerArbitrary: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ type: fc.constant("choice" as const), selected: fc.array(anyId, { maxLength: 8 }) }),
  fc.record({
    type: fc.constant("categorize" as const),
    placements: fc.dictionary(anyId, anyId, { maxKeys: 8 }),
  }),
  fc.record({ type: fc.constant("order" as const), order: fc.array(anyId, { maxLength: 8 }) }),
  fc.record({
    type: fc.constant("form" as const),
    values: fc.dictionary(anyId, fc.string({ maxLength: 20 }), { maxKeys: 5 }),
  }),
  fc.record({
    type: fc.constant("table" as const),
    rows: fc.array(
      fc.record({ id: anyId, cells: fc.dictionary(anyId, fc.string({ maxLength: 10 }), { maxKeys: 4 }) }),
      {
        maxLength: 6,
      },
    ),
    removedRows: fc.array(anyId, { maxLength: 4 }),
    removedColumns: fc.array(anyId, { maxLength: 4 }),
  }),
);

/** An answer of the step's own type built from its ids (more likely to score between 0 and 1). */
export function answerFor(step: StepType): fc.Arbitrary<Answer> {
  switch (step.type) {
    case "choice":
      return fc
        .subarray(step.puzzle.options.map((o) => o.id))
        .map((selected) => ({ type: "choice" as const, selected }));
    case "categorize": {
      const buckets = step.puzzle.buckets.map((b) => b.id);
      return fc
        .array(fc.option(fc.constantFrom(...buckets), { nil: undefined }), {
          minLength: step.puzzle.items.length,
          maxLength: step.puzzle.items.length,
        })
        .map((picked) => ({
          type: "categorize" as const,
          placements: Object.fromEntries(
            step.puzzle.items.flatMap((item, i) => (picked[i] ? [[item.id, picked[i]] as const] : [])),
          ),
        }));
    }
    case "order":
      return fc
        .shuffledSubarray(step.puzzle.items.map((i) => i.id))
        .map((order) => ({ type: "order" as const, order }));
    case "form":
      return fc
        .array(fc.oneof(fc.string({ maxLength: 12 }), word), {
          minLength: step.puzzle.fields.length,
          maxLength: step.puzzle.fields.length,
        })
        .map((values) => ({
          type: "form" as const,
          values: Object.fromEntries(step.puzzle.fields.map((f, i) => [f.id, values[i] ?? ""])),
        }));
    case "table": {
      const columns = step.puzzle.columns.map((c) => c.id);
      const rows = step.puzzle.rows.map((r) => r.id);
      return fc
        .tuple(
          fc.array(
            fc.array(fc.oneof(word, fc.constant("")), {
              minLength: columns.length,
              maxLength: columns.length,
            }),
            {
              minLength: rows.length,
              maxLength: rows.length,
            },
          ),
          fc.subarray(rows),
          fc.subarray(columns),
        )
        .map(([cells, removedRows, removedColumns]) => ({
          type: "table" as const,
          rows: rows.map((id, r) => ({
            id,
            cells: Object.fromEntries(columns.map((c, i) => [c, cells[r]?.[i] ?? ""])),
          })),
          removedRows,
          removedColumns,
        }));
    }
  }
}

/** Draft edits over the ids of the fixture scenario (and a few unknown ones). */
export const editArbitrary: fc.Arbitrary<DraftEdit> = (() => {
  const option = fc.constantFrom("lo", "cc-by-nc", "aucune", "nom", "courriel", "commune", "zz");
  const item = fc.constantFrom("doc-1", "doc-2", "doc-3", "demande", "silence", "cada", "tribunal", "zz");
  const column = fc.constantFrom("insee", "surface", "ouvert", "responsable", "zz");
  const row = fc.constantFrom("r1", "r2", "r3", "zz");
  return fc.oneof(
    option.map((optionId) => ({ op: "toggle-option" as const, optionId })),
    fc.record({
      op: fc.constant("place-item" as const),
      itemId: item,
      bucketId: fc.constantFrom("oui", "non", "zz", null),
    }),
    fc.record({ op: fc.constant("move-item" as const), itemId: item, toIndex: fc.nat(5) }),
    fc.record({
      op: fc.constant("set-field" as const),
      fieldId: fc.constantFrom("titre", "licence", "insee", "frequence", "mots-cles", "zz"),
      value: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("lo", "35238", "30", "sport, stade")),
    }),
    fc.record({ op: fc.constant("edit-cell" as const), rowId: row, columnId: column, value: word }),
    fc.record({
      op: fc.constant("apply-operation" as const),
      operation: fc.constantFrom(...COLUMN_OPERATIONS),
      columnId: column,
    }),
    fc.record({ op: fc.constant("set-row-removed" as const), rowId: row, removed: fc.boolean() }),
    fc.record({ op: fc.constant("set-column-removed" as const), columnId: column, removed: fc.boolean() }),
  );
})();

const playerId = fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6", "p7");
/** Players who act on their team's work: mostly seated by the script's opening joins. */
const actor = fc.constantFrom("p1", "p2", "p3", "p4", "p5");
const teamId = fc.constantFrom("equipe-1", "equipe-2", "equipe-3", "equipe-9");
/** "@current" stands for the acting player's current step (resolved when the action is applied). */
export const CURRENT_STEP = "@current";
const stepId = fc.oneof(
  { weight: 4, arbitrary: fc.constant(CURRENT_STEP) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "licence",
      "donnees-perso",
      "communicable",
      "procedure",
      "fiche",
      "nettoyage",
      "zz",
    ),
  },
);

/** One session action (player or facilitator) with the time that passes before it. */
export type Action =
  | { kind: "join"; playerId: string; name: string; teamId?: string }
  | { kind: "connect"; playerId: string; connected: boolean }
  | { kind: "remove" | "kick"; playerId: string }
  | { kind: "move" | "choose"; playerId: string; teamId: string }
  | { kind: "start" | "pause" | "resume" | "reveal" | "next" | "skip" | "end" | "tick" }
  | { kind: "add-time"; seconds: number }
  | { kind: "lock"; locked: boolean }
  | { kind: "edit"; playerId: string; stepId: string; edit: DraftEdit }
  | {
      kind: "propose" | "approve" | "withdraw" | "disagree" | "hint" | "advance";
      playerId: string;
      stepId: string;
    };

const join = fc.record({
  kind: fc.constant("join" as const),
  playerId,
  name: fc.constantFrom("Ana", "ana", "Bob", "Chloé", "Dan", "Éve", "Fox", " "),
});

/** A join in the lobby, with no time passing and a name of its own. */
export const joinArbitrary: fc.Arbitrary<{ action: Action; elapsedMs: number }> = fc.record({
  elapsedMs: fc.constant(0),
  action: actor.map((id) => ({ kind: "join" as const, playerId: id, name: `Joueur ${id}` })),
});

export const actionArbitrary: fc.Arbitrary<{ action: Action; elapsedMs: number }> = fc.record({
  elapsedMs: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }) },
  ),
  action: fc.oneof(
    { weight: 4, arbitrary: join },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("join" as const), playerId, name: word, teamId }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant("connect" as const), playerId, connected: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constantFrom("remove" as const, "kick" as const), playerId }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constantFrom("move" as const, "choose" as const), playerId, teamId }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          "start" as const,
          "pause" as const,
          "resume" as const,
          "reveal" as const,
          "next" as const,
          "skip" as const,
          "tick" as const,
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("end" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("add-time" as const),
        seconds: fc.integer({ min: -600, max: 600 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("lock" as const), locked: fc.boolean() }) },
    {
      weight: 40,
      arbitrary: fc.record({
        kind: fc.constant("edit" as const),
        playerId: actor,
        stepId,
        edit: editArbitrary,
      }),
    },
    {
      weight: 40,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          "propose" as const,
          "approve" as const,
          "withdraw" as const,
          "disagree" as const,
          "hint" as const,
          "advance" as const,
        ),
        playerId: actor,
        stepId,
      }),
    },
  ),
});

/** Session options (and the session's seed) of every kind. */
export const sessionOptionsArbitrary = fc.record({
  pace: fc.constantFrom("facilitator" as const, "team" as const),
  teamCount: fc.constantFrom("auto" as const, 1, 2, 3),
  teamSize: fc.integer({ min: 1, max: 4 }),
  submissionRule: fc.constantFrom("any" as const, "majority" as const, "unanimous" as const),
  maxAttempts: fc.integer({ min: 1, max: 3 }),
  playersChooseTeam: fc.boolean(),
  lockAfterStart: fc.boolean(),
  hintsEnabled: fc.boolean(),
  seed: fc.nat(),
});

/** A session script: some joins, the start, then any actions. */
export const scriptArbitrary = fc
  .tuple(
    fc.array(joinArbitrary, { minLength: 2, maxLength: 8 }),
    fc.array(actionArbitrary, { minLength: 20, maxLength: 120 }),
  )
  .map(([joins, actions]) => [...joins, { action: { kind: "start" } as Action, elapsedMs: 0 }, ...actions]);

const PLAYER_MESSAGE = { propose: "propose", hint: "hint", advance: "advance" } as const;

/** The event a generated action stands for at `now`, its `@current` step resolved against `model`
 *  (the step the acting player's team is on). */
export function actionEvent(action: Action, model: SessionModel, at: number): SessionEvent {
  const current = (playerId: string, stepId: string) => {
    if (stepId !== CURRENT_STEP) return stepId;
    const team = model.teams.find((t) => t.id === model.players[playerId]?.teamId);
    return team?.steps[team.stepIndex]?.stepId ?? "zz";
  };
  /** The pending proposal of the player's team (most of the time), or a stale id. */
  const proposalId = (playerId: string) => {
    const team = model.teams.find((t) => t.id === model.players[playerId]?.teamId);
    const pending = team?.steps[team.stepIndex]?.proposal?.id;
    return pending && at % 5 !== 0 ? pending : `${current(playerId, CURRENT_STEP)}/0`;
  };
  switch (action.kind) {
    case "join":
      return { ...action, at };
    case "connect":
      return { kind: action.connected ? "reconnect" : "disconnect", at, playerId: action.playerId };
    case "remove":
      return { kind: "leave", at, playerId: action.playerId };
    case "kick":
      return { kind: "facilitator", at, action: { name: "kick", payload: { playerId: action.playerId } } };
    case "move":
      return {
        kind: "facilitator",
        at,
        action: { name: "move-player", payload: { playerId: action.playerId, teamId: action.teamId } },
      };
    case "choose":
      return {
        kind: "player",
        at,
        playerId: action.playerId,
        action: { name: "choose-team", payload: { teamId: action.teamId } },
      };
    case "tick":
      return { kind: "timer-expired", at };
    case "add-time":
      return { kind: "facilitator", at, action: { name: "add-time", payload: { seconds: action.seconds } } };
    case "lock":
      return { kind: "facilitator", at, action: { name: "lock", payload: { locked: action.locked } } };
    case "edit": {
      const stepId = current(action.playerId, action.stepId);
      return {
        kind: "player",
        at,
        playerId: action.playerId,
        action: { name: "edit", payload: { stepId, edit: action.edit } },
      };
    }
    case "approve":
    case "withdraw":
    case "disagree": {
      const payload = {
        stepId: current(action.playerId, action.stepId),
        proposalId: proposalId(action.playerId),
      };
      const playerAction =
        action.kind === "approve"
          ? { name: "approve" as const, payload }
          : action.kind === "withdraw"
            ? { name: "withdraw-proposal" as const, payload }
            : { name: "disagree" as const, payload: { ...payload, reason: "wrong" as const } };
      return { kind: "player", at, playerId: action.playerId, action: playerAction };
    }
    case "propose":
    case "hint":
    case "advance": {
      const stepId = current(action.playerId, action.stepId);
      const name = PLAYER_MESSAGE[action.kind];
      return { kind: "player", at, playerId: action.playerId, action: { name, payload: { stepId } } };
    }
    default:
      return { kind: "facilitator", at, action: { name: action.kind, payload: {} } };
  }
}
