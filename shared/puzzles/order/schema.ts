/** The order puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label } from "../../scenario/primitives.ts";

export const OrderPuzzle = z
  .strictObject({
    items: z
      .array(z.strictObject({ id: Id, label: Label }).describe("Un élément à ordonner."))
      .min(2)
      .describe("Les éléments à ordonner. Ils sont mélangés pour chaque équipe."),
  })
  .describe("Remettre des éléments dans l'ordre.");

export const OrderSolution = z
  .strictObject({
    order: z.array(Id).min(2).describe("Tous les éléments, dans le bon ordre."),
  })
  .describe("Solution d'un ordre.");

export const OrderDraft = z.strictObject({ type: z.literal("order"), order: z.array(Id).max(100) });

/** Move an item to a position (0-based). */
export const OrderEdit = z.strictObject({
  op: z.literal("move-item"),
  itemId: Id,
  toIndex: z.int().min(0).max(100),
});

export type OrderPuzzle = z.infer<typeof OrderPuzzle>;
export type OrderSolution = z.infer<typeof OrderSolution>;
export type OrderDraft = z.infer<typeof OrderDraft>;
export type OrderEdit = z.infer<typeof OrderEdit>;
