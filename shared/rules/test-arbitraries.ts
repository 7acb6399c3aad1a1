/**
 * fast-check arbitraries for the property tests: valid steps of every puzzle type (parsed with the
 * real zod schema), answers of any shape, draft edits and session actions.
 * Every solution-only text carries the marker `SOLUTION-` so that a leak is easy to find.
 */
import fc from "fast-check";
import { type ArbitraryTools, SECRET, TESTING } from "../puzzles/testing.ts";
import { type Scenario, Step, type Step as StepType } from "../scenario/schema.ts";
import type { Answer, DraftEdit } from "./answer.ts";
import type { SessionEvent } from "./events.ts";
import type { SessionModel } from "./model.ts";
import { fixtureInput } from "./test-fixtures.ts";

export { SECRET };

const word = fc.stringMatching(/^[a-zé]{1,8}$/);
const label = fc.stringMatching(/^[A-Za-zé]{1,8}( [a-zé]{1,8})?$/);
const secret = fc.nat(99999).map((n) => `${SECRET}${n}`);
const ids = (prefix: string, min: number, max: number) =>
  fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`));
const tools: ArbitraryTools = { word, label, secret, ids };

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

/** A valid step of any puzzle type. */
export const stepArbitrary: fc.Arbitrary<StepType> = fc
  .oneof(
    ...TESTING.map((type) =>
      fc
        .tuple(base(`s-${type.type}`), type.parts(tools))
        .map(([b, parts]) => withBase(b, { type: type.type, ...parts })),
    ),
  )
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
  ...TESTING.map((type): fc.Arbitrary<Answer> => type.anyDraft(anyId)),
);

/** An answer of the step's own type built from its ids (more likely to score between 0 and 1). */
export function answerFor(step: StepType): fc.Arbitrary<Answer> {
  return arbitrariesOf(step.type).draftFor(step.puzzle as never);
}

function arbitrariesOf(type: StepType["type"]): (typeof TESTING)[number] {
  const found = TESTING.find((entry) => entry.type === type);
  if (!found) throw new Error(`no arbitraries for puzzle type ${type}`);
  return found;
}

/** Draft edits over the ids of the fixture scenario (and a few unknown ones), of every type. */
export const editArbitrary: fc.Arbitrary<DraftEdit> = (() => {
  const fixtureId = fc.constantFrom(
    "lo",
    "cc-by-nc",
    "aucune",
    "nom",
    "courriel",
    "commune",
    "doc-1",
    "doc-2",
    "doc-3",
    "demande",
    "silence",
    "cada",
    "tribunal",
    "oui",
    "non",
    "zz",
  );
  return fc.oneof(...TESTING.map((type): fc.Arbitrary<DraftEdit> => type.anyEdit(fixtureId)));
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
      kind: "react";
      playerId: string;
      stepId: string;
      pieceId: string;
      reaction: "agree" | "disagree" | "question" | null;
    }
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
      // Reaction tokens: on pieces of the fixture's steps, a private document, or nothing known.
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant("react" as const),
        playerId: actor,
        stepId,
        pieceId: fc.constantFrom("lo", "cc-by-nc", "courriel", "note-juriste", "insee", "nope"),
        reaction: fc.constantFrom("agree" as const, "disagree" as const, "question" as const, null),
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
    case "react": {
      const { playerId, pieceId, reaction } = action;
      const payload = { stepId: current(playerId, action.stepId), pieceId, reaction };
      return { kind: "player", at, playerId, action: { name: "react", payload } };
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
