/**
 * What a team works on: a draft answer of the step's puzzle type, and the edits players make to it.
 * The draft is shared by the team; each edit is attributed to its player. Each type declares its own
 * shapes (shared/puzzles/<type>/schema.ts); these unions come from the registry and are used by the
 * protocol to validate what clients send.
 */
import type { z } from "zod";
import {
  DraftEditSchema,
  type DraftEdit as DraftEditType,
  DraftSchema,
  type Draft as DraftType,
} from "../puzzles/registry.ts";

export { MAX_VALUE_LENGTH } from "../scenario/primitives.ts";

export const Answer: z.ZodType<DraftType> = DraftSchema;
/** One edit of a team's draft. Which edits apply depends on the step's puzzle type. */
export const DraftEdit: z.ZodType<DraftEditType> = DraftEditSchema;

export type Answer = DraftType;
export type DraftEdit = DraftEditType;
