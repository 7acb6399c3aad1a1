/** The categorize puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label } from "../../scenario/primitives.ts";

export const CategorizeItem = z
  .strictObject({
    id: Id,
    label: Label,
    detail: z.string().optional().describe("Précision affichée sous le libellé."),
  })
  .describe("Un élément à classer ; la solution le cite par son identifiant.");

export const CategorizePuzzle = z
  .strictObject({
    items: z.array(CategorizeItem).min(2).describe("Les éléments à classer."),
    buckets: z
      .array(z.strictObject({ id: Id, label: Label }).describe("Une catégorie (colonne)."))
      .min(2)
      .describe("Les catégories (colonnes) dans lesquelles ranger les éléments."),
  })
  .describe("Classer des éléments dans des catégories.");

export const CategorizeSolution = z
  .strictObject({
    buckets: z
      .record(z.string(), z.array(Id))
      .describe("Pour chaque catégorie (clé = identifiant de catégorie), les éléments qui y vont."),
  })
  .describe("Solution d'un classement : chaque élément dans exactement une catégorie.");

export const CategorizeDraft = z.strictObject({
  type: z.literal("categorize"),
  /** item id → bucket id; an item absent from the record is not placed yet. */
  placements: z.record(z.string().max(64), Id),
});

/** Put an item into a bucket, or take it out (bucketId null). */
export const CategorizeEdit = z.strictObject({
  op: z.literal("place-item"),
  itemId: Id,
  bucketId: Id.nullable(),
});

export type CategorizePuzzle = z.infer<typeof CategorizePuzzle>;
export type CategorizeSolution = z.infer<typeof CategorizeSolution>;
export type CategorizeDraft = z.infer<typeof CategorizeDraft>;
export type CategorizeEdit = z.infer<typeof CategorizeEdit>;
