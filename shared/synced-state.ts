/**
 * The synced room state as plain JSON (what `state.toJSON()` gives on a client), as zod schemas: the
 * one description of `server/state.ts` that clients read (docs/protocol.md §5). Reading is lenient,
 * as a screen must never break on one odd value: a missing or malformed field reads as its empty value.
 * JSON-string fields (drafts, edits, answers, feedback, private materials) are decoded with the shared
 * schemas of what they hold.
 */
import { z } from "zod";
import { fromDraftCells } from "./draft-cells.ts";
import { Answer, DraftEdit } from "./rules/answer.ts";
import { type ItemFeedback, REACTIONS } from "./rules/model.ts";
import { Material } from "./scenario/schema.ts";

const text = z.string().catch("");
const count = z.number().catch(0);
const flag = z.boolean().catch(false);
const ids = z.array(z.string()).catch([]);
const list = <T extends z.ZodType>(item: T) => z.array(item).catch([]);

export const TimerView = z.object({ active: flag, durationMs: count, endsAt: count, remainingMs: count });
export const PlayerView = z.object({
  id: text,
  name: text,
  teamId: text,
  roleId: text,
  connected: flag,
  /** 🔒 JSON `{ stepId: Material[] }`: only in the player's own view and the facilitator's. */
  privateMaterials: z.string().optional().catch(undefined),
  /** 🔒 JSON `{ teammateId: { stepId: number } }`: how many of each teammate's private documents
   *  this player cannot read, per step (only in the player's own view and the facilitator's). */
  hiddenCounts: z.string().optional().catch(undefined),
});
export const TeamStepView = z.object({
  stepId: text,
  status: text,
  revealed: flag,
  score: count,
  attempts: count,
  hintsUsed: count,
});
export const ObjectionView = z.object({ playerId: text, reason: text, at: count });
export const ProposalView = z.object({
  id: text,
  stepId: text,
  by: text,
  approvals: ids,
  objections: list(ObjectionView),
  at: count,
});
/** 🔒 The current step's last cancelled proposal (cause: "edit" | "withdrawn" | "restart"). */
export const CancelledProposalView = z.object({
  stepId: text,
  proposalId: text,
  by: text,
  cancelledBy: text,
  cause: text,
  at: count,
});
export const EditView = z.object({ stepId: text, playerId: text, edit: text, at: count });
export const AttemptView = z.object({
  stepId: text,
  answer: text,
  rawScore: count,
  score: count,
  feedback: text,
  proposedBy: text,
  approvedBy: ids,
  at: count,
});
export const HintView = z.object({ stepId: text, text, cost: count });
/** A draft as cells (shared/draft-cells.ts), read as its JSON string; a plain JSON string is read as is. */
const DraftView = z.union([
  z.string(),
  z
    .object({ cells: z.record(z.string(), z.string()).catch({}) })
    .transform(({ cells }) => JSON.stringify(fromDraftCells(Object.entries(cells)) ?? null)),
]);
export const TeamWorkView = z.object({
  /** stepId → the draft's JSON `Answer`. */
  drafts: z.record(z.string(), DraftView).optional().catch(undefined),
  edits: list(EditView).optional(),
  attempts: list(AttemptView).optional(),
  hints: list(HintView).optional(),
  cancelled: CancelledProposalView.nullable().optional().catch(null),
  /** JSON `{ stepId: Reaction[] }`. */
  reactions: text,
});
export const TeamView = z.object({
  id: text,
  name: text,
  memberIds: ids,
  stepIndex: count,
  points: count,
  solved: count,
  rank: count,
  finished: flag,
  steps: list(TeamStepView),
  proposal: ProposalView.nullable().optional().catch(null),
  /** 🔒 Only in the views of the team's members and the facilitator. */
  work: TeamWorkView.nullable().optional().catch(null),
});
export const OptionsView = z.object({
  pace: text,
  submissionRule: z.enum(["any", "majority", "unanimous"]).catch("majority"),
  maxAttempts: count,
  teamSize: count,
  teamCount: text,
  stepTimeSeconds: count,
  sessionTimeSeconds: count,
  hintsEnabled: flag,
  lockAfterStart: flag,
  playersChooseTeam: flag,
});
export const GameView = z.object({
  protocol: count,
  code: text,
  scenarioId: text,
  scenarioTitle: text,
  phase: z.string().catch("lobby").default("lobby"),
  locked: flag,
  currentStep: count,
  stepCount: count,
  serverNow: count,
  timer: TimerView.optional().catch(undefined),
  options: OptionsView.optional().catch(undefined),
  facilitatorConnected: flag,
  /** Connected players: a large session's screen and players do not receive every row. */
  connectedPlayers: count,
  /** The rows this seat sees: every player's in a session of at most 60, else its team's (none for
   *  the screen; the facilitator always sees every row). */
  players: z.record(z.string(), PlayerView).catch({}),
  teams: list(TeamView),
});

export type TimerView = z.output<typeof TimerView>;
export type PlayerView = z.output<typeof PlayerView>;
export type TeamStepView = z.output<typeof TeamStepView>;
export type ProposalView = z.output<typeof ProposalView>;
export type ObjectionView = z.output<typeof ObjectionView>;
export type CancelledProposalView = z.output<typeof CancelledProposalView>;
export type EditView = z.output<typeof EditView>;
export type AttemptView = z.output<typeof AttemptView>;
export type HintView = z.output<typeof HintView>;
export type TeamView = z.output<typeof TeamView>;
export type GameView = z.output<typeof GameView>;

/** Reads a raw state snapshot (`state.toJSON()`) into a GameView with every collection present. */
export function readGame(raw: unknown): GameView {
  return GameView.parse(raw ?? {});
}

function decode<T>(schema: z.ZodType<T>, json: string | undefined | null): T | null {
  if (!json) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const ItemFeedbackList: z.ZodType<ItemFeedback[]> = z.array(
  z.object({ id: z.string(), correct: z.boolean(), message: z.string().optional() }),
);
const PrivateMaterials = z.union([z.record(z.string(), z.array(Material)), z.array(Material)]);

export const decodeAnswer = (json: string | undefined | null) => decode(Answer, json);
export const decodeEdit = (json: string | undefined | null) => decode(DraftEdit, json);
export const decodeFeedback = (json: string | undefined | null) => decode(ItemFeedbackList, json);
/** A player's private materials: `{ stepId: Material[] }` (or, from older servers, a flat list). */
export const decodeMaterials = (json: string | undefined | null) => decode(PrivateMaterials, json);

const HiddenCounts = z.record(z.string(), z.record(z.string(), z.number()));
const Reactions = z.record(
  z.string(),
  z.array(
    z.object({
      pieceId: z.string(),
      playerId: z.string(),
      reaction: z.enum(REACTIONS),
      at: z.number(),
    }),
  ),
);
export type ReactionView = z.output<typeof Reactions>[string][number];
/** Per teammate, per step: how many of their private documents this player cannot read. */
export const decodeHiddenCounts = (json: string | undefined | null) => decode(HiddenCounts, json);
/** A team's reaction tokens, by step id. */
export const decodeReactions = (json: string | undefined | null) => decode(Reactions, json);
