/** The letter puzzle type's format: compose a reply from blocks, in order, with placeholders filled. */
import { z } from "zod";
import { Id, Text, Value } from "../../scenario/primitives.ts";
import { FieldSolution, FormField } from "../form/schema.ts";

export const LetterBlock = z
  .strictObject({
    id: Id,
    text: Text(
      "Le paragraphe proposé, tel qu'il figurera dans la lettre. Un champ à compléter s'écrit {{identifiant}} (ex. « Votre demande du {{date-demande}} »).",
    ),
    feedback: z
      .string()
      .optional()
      .describe("Retour montré, après une tentative, à l'équipe qui a choisi ce paragraphe."),
  })
  .describe("Un paragraphe possible pour une partie ; la solution le cite par son identifiant.");

export const LetterPart = z
  .strictObject({
    id: Id,
    label: Text("Nom de la partie (ex. « Objet », « Décision », « Voies et délais de recours »)."),
    blocks: z
      .array(LetterBlock)
      .min(2)
      .describe(
        "Les paragraphes entre lesquels l'équipe choisit (au moins deux ; mélangés pour chaque équipe).",
      ),
  })
  .describe("Une partie de la lettre : l'équipe y choisit un paragraphe.");

export const LetterPuzzle = z
  .strictObject({
    parts: z
      .array(LetterPart)
      .min(2)
      .describe("Les parties de la lettre. Elles sont mélangées : l'équipe les remet dans l'ordre."),
    placeholders: z
      .array(FormField)
      .default([])
      .describe(
        "Les champs à compléter cités dans les paragraphes par {{identifiant}} : date, article, délai… (mêmes types de saisie qu'un formulaire).",
      ),
  })
  .describe("Composer une réponse écrite à partir de paragraphes proposés.");

export const LetterSolution = z
  .strictObject({
    parts: z
      .array(
        z
          .strictObject({
            part: Id.describe("Identifiant de la partie."),
            block: Id.describe("Identifiant du bon paragraphe de cette partie."),
          })
          .describe("Une partie et son bon paragraphe."),
      )
      .min(2)
      .describe("Toutes les parties, dans l'ordre de la lettre, chacune avec son bon paragraphe."),
    placeholders: z
      .record(z.string(), FieldSolution)
      .default({})
      .describe(
        "Pour chaque champ à compléter (clé = identifiant), sa règle et un exemple de bonne valeur, comme pour un formulaire.",
      ),
  })
  .describe("Solution d'une lettre : l'ordre des parties, le bon paragraphe de chacune, les bonnes valeurs.");

export const LetterDraft = z.strictObject({
  type: z.literal("letter"),
  /** The parts in the team's order. */
  order: z.array(Id).max(50),
  /** part id → chosen block id; a part absent from the record has no block chosen yet. */
  choices: z.record(z.string().max(64), Id),
  /** placeholder id → value. */
  values: z.record(z.string().max(64), Value),
});

export const LetterEdit = z.discriminatedUnion("op", [
  /** Choose a part's block, or clear the choice (blockId null). */
  z.strictObject({ op: z.literal("letter-choose"), partId: Id, blockId: Id.nullable() }),
  /** Move a part to a position (0-based). */
  z.strictObject({ op: z.literal("letter-move"), partId: Id, toIndex: z.int().min(0).max(50) }),
  /** Fill a placeholder. */
  z.strictObject({ op: z.literal("letter-fill"), placeholderId: Id, value: Value }),
]);

export type LetterBlock = z.infer<typeof LetterBlock>;
export type LetterPart = z.infer<typeof LetterPart>;
export type LetterPuzzle = z.infer<typeof LetterPuzzle>;
export type LetterSolution = z.infer<typeof LetterSolution>;
export type LetterDraft = z.infer<typeof LetterDraft>;
export type LetterEdit = z.infer<typeof LetterEdit>;

/** The placeholder ids a block's text cites, in order (`{{id}}`). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([a-z0-9][a-z0-9-]*)\s*\}\}/g)].map((match) => match[1] ?? "");
}

/** A block's text with each `{{id}}` replaced by `fill(id)`. */
export function fillText(text: string, fill: (id: string) => string): string {
  return text.replace(/\{\{\s*([a-z0-9][a-z0-9-]*)\s*\}\}/g, (_, id: string) => fill(id));
}
