/** The choice puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label } from "../../scenario/primitives.ts";

export const ChoiceOption = z
  .strictObject({
    id: Id,
    label: Label,
    feedback: z
      .string()
      .optional()
      .describe("Retour montré après une tentative à l'équipe qui a choisi cette option."),
  })
  .describe("Une option proposée ; la solution la cite par son identifiant.");

export const ChoicePuzzle = z
  .strictObject({
    multiple: z
      .boolean()
      .describe("true : plusieurs réponses possibles (cases à cocher) ; false : une seule (boutons radio)."),
    options: z.array(ChoiceOption).min(2).describe("Les options proposées, dans l'ordre d'affichage."),
  })
  .describe("Question à choix unique ou multiple.");

export const ChoiceSolution = z
  .strictObject({
    correct: z.array(Id).min(1).describe("Identifiants des options correctes."),
  })
  .describe("Solution d'un choix.");

export const ChoiceDraft = z.strictObject({ type: z.literal("choice"), selected: z.array(Id).max(50) });

/** Select or unselect an option (single choice: selecting replaces the previous one). */
export const ChoiceEdit = z.strictObject({ op: z.literal("toggle-option"), optionId: Id });

export type ChoicePuzzle = z.infer<typeof ChoicePuzzle>;
export type ChoiceSolution = z.infer<typeof ChoiceSolution>;
export type ChoiceDraft = z.infer<typeof ChoiceDraft>;
export type ChoiceEdit = z.infer<typeof ChoiceEdit>;
