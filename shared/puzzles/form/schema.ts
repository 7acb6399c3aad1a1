/** The form puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label, Text, Value } from "../../scenario/primitives.ts";

/** A calendar date as written in a scenario file (whether it exists is a meaning check). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date AAAA-MM-JJ attendue");

export const FormField = z
  .strictObject({
    id: Id,
    label: Label,
    help: z.string().optional().describe("Aide affichée sous le champ."),
    input: z
      .enum(["text", "textarea", "select", "tags", "number", "date", "date-range"])
      .describe(
        "Type de saisie : text (une ligne), textarea (plusieurs lignes), select (liste), tags (mots-clés séparés par des virgules), number, date (AAAA-MM-JJ), date-range (période AAAA-MM-JJ/AAAA-MM-JJ, ex. 2025-01-01/2025-12-31).",
      ),
    options: z
      .array(
        z.strictObject({
          value: z
            .string()
            .min(1)
            .describe(
              "Valeur enregistrée quand le joueur choisit cette option ; c'est elle que la règle compare.",
            ),
          label: Label,
        }),
      )
      .optional()
      .describe("Valeurs proposées, obligatoires pour un champ « select »."),
  })
  .describe("Un champ du formulaire ; la solution lui associe une règle par son identifiant.");

export const FormPuzzle = z
  .strictObject({
    fields: z.array(FormField).min(1).describe("Les champs du formulaire, dans l'ordre."),
  })
  .describe("Remplir un formulaire (ex. une fiche de métadonnées).");

export const FieldRule = z
  .discriminatedUnion("rule", [
    z.strictObject({
      rule: z.literal("equals").describe("La réponse doit être l'une des valeurs acceptées."),
      accepted: z
        .array(z.string().min(1))
        .min(1)
        .describe("Valeurs acceptées (comparées sans tenir compte de la casse, des accents ni des espaces)."),
    }),
    z.strictObject({
      rule: z.literal("length").describe("La réponse doit avoir une longueur comprise entre min et max."),
      min: z.int().min(0).optional().describe("Nombre minimal de caractères."),
      max: z.int().min(1).optional().describe("Nombre maximal de caractères."),
    }),
    z.strictObject({
      rule: z.literal("pattern").describe("La réponse doit respecter une expression régulière."),
      pattern: z.string().min(1).describe("Expression régulière JavaScript, ex. « ^\\d{5}$ »."),
      description: Text("Ce que le motif attend, en clair (affiché au joueur en cas d'erreur)."),
    }),
    z.strictObject({
      rule: z
        .literal("notEquals")
        .describe("La réponse ne doit être aucune des valeurs refusées (et ne doit pas être vide)."),
      refused: z
        .array(z.string().min(1))
        .min(1)
        .describe("Valeurs refusées (comparées sans tenir compte de la casse, des accents ni des espaces)."),
      description: z
        .string()
        .min(1)
        .optional()
        .describe(
          "Pourquoi, en clair (affiché au joueur en cas de refus), ex. « un titre qui dit ce que contient le jeu ».",
        ),
    }),
    z.strictObject({
      rule: z
        .literal("notMatching")
        .describe("La réponse ne doit pas respecter une expression régulière (et ne doit pas être vide)."),
      pattern: z
        .string()
        .min(1)
        .describe("Expression régulière JavaScript des réponses refusées, ex. « \\.csv$ »."),
      description: Text("Ce qui est attendu, en clair (affiché au joueur en cas de refus)."),
    }),
    z.strictObject({
      rule: z.literal("number").describe("La réponse doit être un nombre dans un intervalle."),
      min: z.number().optional().describe("Plus petite valeur acceptée."),
      max: z.number().optional().describe("Plus grande valeur acceptée."),
    }),
    z.strictObject({
      rule: z
        .literal("dateRange")
        .describe(
          "La réponse doit être une période : deux dates AAAA-MM-JJ séparées par « / » (ex. 2025-01-01/2025-12-31), le début avant la fin.",
        ),
      start: IsoDate.optional().describe("Date de début attendue (AAAA-MM-JJ) ; absente : toute date."),
      end: IsoDate.optional().describe("Date de fin attendue (AAAA-MM-JJ) ; absente : toute date."),
    }),
    z.strictObject({
      rule: z.literal("tags").describe("Liste de mots-clés."),
      minCount: z.int().min(0).describe("Nombre minimal de mots-clés."),
      maxCount: z.int().min(1).optional().describe("Nombre maximal de mots-clés."),
      minLength: z.int().min(1).optional().describe("Longueur minimale de chaque mot-clé."),
      maxLength: z.int().min(1).optional().describe("Longueur maximale de chaque mot-clé."),
      required: z
        .array(z.string().min(1))
        .optional()
        .describe("Mots-clés qui doivent figurer dans la liste."),
    }),
  ])
  .describe("Règle de validation d'un champ.");

export const FieldSolution = z
  .strictObject({
    check: FieldRule,
    example: z
      .string()
      .describe("Une bonne réponse, montrée à la révélation. Elle doit respecter la règle `check`."),
    feedback: z.string().optional().describe("Retour affiché quand le champ est faux."),
  })
  .describe("La règle d'un champ et un exemple de bonne réponse.");

export const FormSolution = z
  .strictObject({
    fields: z
      .record(z.string(), FieldSolution)
      .describe("Pour chaque champ (clé = identifiant du champ), sa règle et un exemple de bonne réponse."),
  })
  .describe("Solution d'un formulaire.");

export const FormDraft = z.strictObject({
  type: z.literal("form"),
  values: z.record(z.string().max(64), Value),
});

/** Set a field's value. */
export const FormEdit = z.strictObject({ op: z.literal("set-field"), fieldId: Id, value: Value });

export type FormField = z.infer<typeof FormField>;
export type FormPuzzle = z.infer<typeof FormPuzzle>;
export type FieldRule = z.infer<typeof FieldRule>;
export type FieldSolution = z.infer<typeof FieldSolution>;
export type FormSolution = z.infer<typeof FormSolution>;
export type FormDraft = z.infer<typeof FormDraft>;
export type FormEdit = z.infer<typeof FormEdit>;
