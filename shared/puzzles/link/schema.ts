/** The link puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label, Text } from "../../scenario/primitives.ts";

/** What a card stands for; the board and the list show it beside the card's text. */
export const CARD_KINDS = ["acteur", "document", "donnee", "outil", "regle"] as const;

export const LinkCard = z
  .strictObject({
    id: Id,
    kind: z
      .enum(CARD_KINDS)
      .describe(
        "Nature de la carte : acteur, document, donnee (jeu de données), outil ou regle (texte, licence).",
      ),
    label: Label,
    detail: z.string().optional().describe("Précision courte affichée sous le libellé."),
  })
  .describe("Une carte à relier ; la solution la cite par son identifiant.");

export const LinkKind = z
  .strictObject({
    id: Id,
    label: Label.describe(
      "Le verbe du lien, lu « carte de départ — verbe → carte d'arrivée » (ex. « publie sous »).",
    ),
    symmetric: z
      .boolean()
      .default(false)
      .describe(
        "true : le lien vaut dans les deux sens (« travaille avec ») ; false (par défaut) : il a un sens.",
      ),
  })
  .describe("Une sorte de lien que l'équipe peut tracer entre deux cartes.");

/** Most links a draft may hold (the edit schema bounds it too). */
export const MAX_LINKS = 60;

export const LinkPuzzle = z
  .strictObject({
    cards: z.array(LinkCard).min(2).max(40).describe("Les cartes du système, dans l'ordre d'affichage."),
    kinds: z.array(LinkKind).min(1).max(12).describe("Les sortes de liens proposées à l'équipe."),
    maxLinks: z
      .int()
      .min(1)
      .max(MAX_LINKS)
      .default(20)
      .describe(
        "Nombre de liens qu'une équipe peut tracer au plus (20 par défaut) : relier tout à tout n'est pas possible.",
      ),
  })
  .describe("Relier des cartes (acteurs, documents, outils, règles) par des liens typés.");

/** A link as players draw it: « from — kind → to ». */
export const LinkTriple = z.strictObject({
  from: Id.describe("Carte de départ."),
  kind: Id.describe("Sorte de lien (identifiant déclaré dans « kinds »)."),
  to: Id.describe("Carte d'arrivée."),
});

export const LinkSolution = z
  .strictObject({
    links: z
      .array(
        LinkTriple.extend({
          feedback: z.string().optional().describe("Explication montrée après la révélation pour ce lien."),
        }).describe("Un lien attendu."),
      )
      .min(1)
      .describe("Les liens attendus ; chacun rapporte une part du score."),
    wrongLinks: z
      .array(
        LinkTriple.extend({
          feedback: Text("Retour montré à l'équipe qui a tracé ce lien faux (pourquoi il ne tient pas)."),
        }).describe("Un lien faux prévu, avec son retour."),
      )
      .default([])
      .describe("Liens faux que vous prévoyez, chacun avec le retour montré à l'équipe qui le trace."),
    otherwise: z
      .string()
      .optional()
      .describe("Retour montré pour tout autre lien faux (sinon, le lien est seulement marqué faux)."),
  })
  .describe("Solution d'un système à relier : les liens attendus et les retours sur les liens faux.");

export const LinkDraft = z.strictObject({
  type: z.literal("link"),
  links: z.array(LinkTriple).max(MAX_LINKS),
});

export const LinkEdit = z.discriminatedUnion("op", [
  /** Draw a link « from — kind → to ». */
  LinkTriple.extend({ op: z.literal("link-add") }),
  /** Remove a drawn link. */
  LinkTriple.extend({ op: z.literal("link-remove") }),
]);

export type LinkCard = z.infer<typeof LinkCard>;
export type LinkPuzzle = z.infer<typeof LinkPuzzle>;
export type LinkSolution = z.infer<typeof LinkSolution>;
export type LinkTriple = z.infer<typeof LinkTriple>;
export type LinkDraft = z.infer<typeof LinkDraft>;
export type LinkEdit = z.infer<typeof LinkEdit>;
