/**
 * The synced room state (schema v5 `schema()` helper). Public data only, except fields marked
 * `.view()`: those reach only the clients whose StateView holds the instance (a team's members and
 * the facilitator for `TeamState.work`; the rows of `players` a seat sees, `seatView`'s `rowIds`:
 * everybody's in a small session, the team's in a large one), and `PlayerState.privateMaterials`,
 * tagged PRIVATE_VIEW, for the player themself and the facilitator. Structured values that vary by puzzle type (draft answers,
 * feedback, edits) travel as JSON strings. Documented in docs/protocol.md § "Synced state".
 */
import { type SchemaType, schema, t } from "@colyseus/schema";

/** The view tag of a player's private part (a bit: `view.add(player, PRIVATE_VIEW)`). */
export const PRIVATE_VIEW = 1;

/** A countdown on the server clock (epoch ms). Running: `endsAt` > 0. Paused: `remainingMs` > 0. */
export const TimerState = schema(
  {
    /** False when there is no timer at all. */
    active: t.boolean(),
    durationMs: t.number(),
    endsAt: t.number(),
    remainingMs: t.number(),
  },
  "TimerState",
);
export type TimerState = SchemaType<typeof TimerState>;

export const OptionsState = schema(
  {
    /** "facilitator" | "team" */
    pace: t.string(),
    /** "any" | "majority" | "unanimous" */
    submissionRule: t.string(),
    maxAttempts: t.uint8(),
    teamSize: t.uint8(),
    /** Number of teams as text, or "auto". */
    teamCount: t.string(),
    /** 0 = each step's own time limit. */
    stepTimeSeconds: t.uint32(),
    /** 0 = no global timer. */
    sessionTimeSeconds: t.uint32(),
    hintsEnabled: t.boolean(),
    lockAfterStart: t.boolean(),
    playersChooseTeam: t.boolean(),
  },
  "OptionsState",
);
export type OptionsState = SchemaType<typeof OptionsState>;

export const PlayerState = schema(
  {
    id: t.string(),
    name: t.string(),
    /** "" while the player has no team. */
    teamId: t.string(),
    /** Role id from the scenario's `roles`, "" when none. */
    roleId: t.string(),
    connected: t.boolean(),
    /** JSON `Material[]`: the materials only this player's role can see, for every step.
     *  Visible to this player and the facilitator only. */
    privateMaterials: t.string().view(PRIVATE_VIEW),
    /** JSON `{ teammateId: { stepId: number } }`: how many of each teammate's private documents this
     *  player cannot read, per step (counts only; « Ana tient un document que vous ne voyez pas »).
     *  Visible to this player and the facilitator only. */
    hiddenCounts: t.string().view(PRIVATE_VIEW),
  },
  "PlayerState",
);
export type PlayerState = SchemaType<typeof PlayerState>;

/** Public progress of one team on one step. */
export const TeamStepState = schema(
  {
    stepId: t.string(),
    /** "pending" (not reached) | "open" | "closed" */
    status: t.string(),
    revealed: t.boolean(),
    /** Best score in [0, 1]; -1 while the step has no score. */
    score: t.number(),
    attempts: t.uint8(),
    hintsUsed: t.uint8(),
  },
  "TeamStepState",
);
export type TeamStepState = SchemaType<typeof TeamStepState>;

/** A teammate's disagreement with the pending proposal, with its quick reason. */
export const ObjectionState = schema(
  {
    playerId: t.string(),
    /** "incomplete" | "wrong" | "discuss" */
    reason: t.string(),
    at: t.number(),
  },
  "ObjectionState",
);
export type ObjectionState = SchemaType<typeof ObjectionState>;

/** The team's pending submission proposal (who proposed, who agreed, who disagrees and why).
 *  The answer is the draft. `id` is what `approve`, `withdraw-proposal` and `disagree` name. */
export const ProposalState = schema(
  {
    id: t.string(),
    stepId: t.string(),
    by: t.string(),
    approvals: t.array("string"),
    objections: t.array(ObjectionState),
    at: t.number(),
  },
  "ProposalState",
);
export type ProposalState = SchemaType<typeof ProposalState>;

/** The team's last cancelled proposal, so that its author is told (team-private). */
export const CancelledProposalState = schema(
  {
    stepId: t.string(),
    proposalId: t.string(),
    /** The proposal's author. */
    by: t.string(),
    /** Who cancelled it ("" after a restart). */
    cancelledBy: t.string(),
    /** "edit" | "withdrawn" | "restart" */
    cause: t.string(),
    at: t.number(),
  },
  "CancelledProposalState",
);
export type CancelledProposalState = SchemaType<typeof CancelledProposalState>;

/** One attributed draft edit (team-private). */
export const EditState = schema(
  {
    stepId: t.string(),
    playerId: t.string(),
    /** JSON `DraftEdit`. */
    edit: t.string(),
    at: t.number(),
  },
  "EditState",
);
export type EditState = SchemaType<typeof EditState>;

/** One submitted attempt with its feedback (team-private). */
export const AttemptState = schema(
  {
    stepId: t.string(),
    /** JSON `Answer` as submitted. */
    answer: t.string(),
    rawScore: t.number(),
    score: t.number(),
    /** JSON `ItemFeedback[]`. */
    feedback: t.string(),
    proposedBy: t.string(),
    approvedBy: t.array("string"),
    at: t.number(),
  },
  "AttemptState",
);
export type AttemptState = SchemaType<typeof AttemptState>;

export const HintState = schema(
  {
    stepId: t.string(),
    text: t.string(),
    cost: t.number(),
  },
  "HintState",
);
export type HintState = SchemaType<typeof HintState>;

/** A step's shared draft as cells (shared/draft-cells.ts): JSON-pointer path → JSON, so that an edit
 *  sends the cells it changed, not the whole draft. */
export const DraftState = schema(
  {
    cells: t.map("string"),
  },
  "DraftState",
);
export type DraftState = SchemaType<typeof DraftState>;

/** What only the team's members and the facilitator see. */
export const TeamWorkState = schema(
  {
    /** stepId → the shared draft of every step the team has opened (an `Answer`, as cells). */
    drafts: t.map(DraftState),
    /** The latest attributed edits (at most the last 100; the full history is in the session log). */
    edits: t.array(EditState),
    attempts: t.array(AttemptState),
    hints: t.array(HintState),
    /** The current step's last cancelled proposal, until a new one is made. */
    cancelled: t.ref(CancelledProposalState).optional(),
    /** JSON `{ stepId: Reaction[] }`: the reaction tokens on the pieces of the steps that have some. */
    reactions: t.string(),
  },
  "TeamWorkState",
);
export type TeamWorkState = SchemaType<typeof TeamWorkState>;

export const TeamState = schema(
  {
    id: t.string(),
    name: t.string(),
    memberIds: t.array("string"),
    /** Index of the step the team is on. */
    stepIndex: t.uint16(),
    /** Sum of the team's step scores. */
    points: t.number(),
    solved: t.uint16(),
    /** 1 = first; ties share a rank. */
    rank: t.uint16(),
    finished: t.boolean(),
    steps: t.array(TeamStepState),
    /** Present while a proposal is pending. */
    proposal: t.ref(ProposalState).optional(),
    /** Team-private: visible to the team's members and the facilitator only. */
    work: t.ref(TeamWorkState).view(),
  },
  "TeamState",
);
export type TeamState = SchemaType<typeof TeamState>;

export const GameState = schema(
  {
    protocol: t.uint16(),
    code: t.string(),
    scenarioId: t.string(),
    scenarioTitle: t.string(),
    /** "lobby" | "playing" | "paused" | "debrief" | "ended" */
    phase: t.string(),
    locked: t.boolean(),
    /** Facilitator pace: the step everybody is on. */
    currentStep: t.uint16(),
    stepCount: t.uint16(),
    /** Server clock (epoch ms), refreshed every SERVER_CLOCK_MS (5 s): clients compute remaining time
     *  against it (and against `welcome`'s, fresher when they join). */
    serverNow: t.number(),
    /** Step timer (facilitator pace) or global timer (team pace). */
    timer: TimerState,
    options: OptionsState,
    facilitatorConnected: t.boolean(),
    /** Connected players (not kicked): what a large session's screen shows instead of their rows. */
    connectedPlayers: t.uint16(),
    /** playerId → player: the rows the seat sees (all of them in a session of at most 60 players). */
    players: t.map(PlayerState).view(),
    /** Teams in display order. */
    teams: t.array(TeamState),
  },
  "GameState",
);
export type GameState = SchemaType<typeof GameState>;
