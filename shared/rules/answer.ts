/**
 * What a team works on: the shape of a draft answer for each puzzle type, and the edits players
 * make to it. The draft is shared by the team; each edit is attributed to its player.
 * These zod schemas are used by the protocol to validate what clients send.
 */
import { z } from "zod";
import { COLUMN_OPERATIONS, Id } from "../scenario/schema.ts";

/**
 * Longest text value of an edit (form field, table cell), in UTF-16 code units: the `maxlength` of the
 * client's inputs. At most 3 bytes of UTF-8 each, so an edit always fits in a frame (MAX_FRAME_BYTES).
 */
export const MAX_VALUE_LENGTH = 1000;

const Value = z.string().max(MAX_VALUE_LENGTH, `${MAX_VALUE_LENGTH} caractères au plus`);

export const ChoiceAnswer = z.strictObject({ type: z.literal("choice"), selected: z.array(Id).max(50) });
export const CategorizeAnswer = z.strictObject({
  type: z.literal("categorize"),
  /** item id → bucket id; an item absent from the record is not placed yet. */
  placements: z.record(z.string().max(64), Id),
});
export const OrderAnswer = z.strictObject({ type: z.literal("order"), order: z.array(Id).max(100) });
export const FormAnswer = z.strictObject({
  type: z.literal("form"),
  values: z.record(z.string().max(64), Value),
});
export const TableAnswer = z.strictObject({
  type: z.literal("table"),
  /** The team's working copy: every row of the puzzle with its current cells. */
  rows: z.array(z.strictObject({ id: Id, cells: z.record(z.string().max(64), Value) })).max(500),
  removedRows: z.array(Id).max(500),
  removedColumns: z.array(Id).max(100),
});

export const Answer = z.discriminatedUnion("type", [
  ChoiceAnswer,
  CategorizeAnswer,
  OrderAnswer,
  FormAnswer,
  TableAnswer,
]);

/** One edit of a team's draft. Which edits apply depends on the step's puzzle type. */
export const DraftEdit = z.discriminatedUnion("op", [
  /** choice: select or unselect an option (single choice: selecting replaces the previous one). */
  z.strictObject({ op: z.literal("toggle-option"), optionId: Id }),
  /** categorize: put an item into a bucket, or take it out (bucketId null). */
  z.strictObject({ op: z.literal("place-item"), itemId: Id, bucketId: Id.nullable() }),
  /** order: move an item to a position (0-based). */
  z.strictObject({ op: z.literal("move-item"), itemId: Id, toIndex: z.int().min(0).max(100) }),
  /** form: set a field's value. */
  z.strictObject({ op: z.literal("set-field"), fieldId: Id, value: Value }),
  /** table: set one cell by hand. */
  z.strictObject({ op: z.literal("edit-cell"), rowId: Id, columnId: Id, value: Value }),
  /** table: apply a cleaning operation to a whole column. */
  z.strictObject({
    op: z.literal("apply-operation"),
    operation: z.enum(COLUMN_OPERATIONS),
    columnId: Id,
  }),
  /** table: remove or restore a row (duplicates). */
  z.strictObject({ op: z.literal("set-row-removed"), rowId: Id, removed: z.boolean() }),
  /** table: remove or restore a column (personal data). */
  z.strictObject({ op: z.literal("set-column-removed"), columnId: Id, removed: z.boolean() }),
]);

export type ChoiceAnswer = z.infer<typeof ChoiceAnswer>;
export type CategorizeAnswer = z.infer<typeof CategorizeAnswer>;
export type OrderAnswer = z.infer<typeof OrderAnswer>;
export type FormAnswer = z.infer<typeof FormAnswer>;
export type TableAnswer = z.infer<typeof TableAnswer>;
export type Answer = z.infer<typeof Answer>;
export type DraftEdit = z.infer<typeof DraftEdit>;
