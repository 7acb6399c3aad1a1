/** The chart puzzle type's format: puzzle and solution (scenario file), draft and edits (players). */
import { z } from "zod";
import { Id, Label, Text } from "../../scenario/primitives.ts";

/** Chart kinds a team may pick. */
export const CHART_KINDS = ["bar", "line", "pie"] as const;
/** How rows of the same category fold into one figure. */
export const AGGREGATES = ["sum", "mean", "count", "min", "max"] as const;
/** Order of the drawn categories. */
export const SORTS = ["none", "value-desc", "value-asc", "label"] as const;
/** The choices a team makes, in the order they are shown and scored. */
export const CHOICES = ["chart", "x", "y", "aggregate", "sort"] as const;

export const ChartKind = z
  .enum(CHART_KINDS)
  .describe("Type de graphique : bar = barres, line = courbe, pie = secteurs (camembert).");
export const Aggregate = z
  .enum(AGGREGATES)
  .describe(
    "Agrégation : sum = somme, mean = moyenne, count = nombre de lignes, min = minimum, max = maximum.",
  );
export const Sort = z
  .enum(SORTS)
  .describe(
    "Tri : none = ordre des données, value-desc = valeurs décroissantes, value-asc = valeurs croissantes, label = ordre alphabétique.",
  );
export const Choice = z.enum(CHOICES).describe("Un choix de l'équipe : chart, x, y, aggregate ou sort.");

/** Bounds of a dataset: small enough to draw, send and read. */
export const MAX_COLUMNS = 8;
export const MAX_ROWS = 200;

export const ChartColumn = z
  .strictObject({
    id: Id,
    label: Label,
    kind: z
      .enum(["text", "number"])
      .describe(
        "text = catégorie (commune, année, fonction…), number = valeur chiffrée (montant, effectif…).",
      ),
    unit: z
      .string()
      .trim()
      .max(20)
      .optional()
      .describe("Unité des nombres, affichée (ex. « M€ », « agents »)."),
  })
  .describe("Une colonne du jeu de données ; la solution la cite par son identifiant.");

export const ChartCell = z.union([z.string().max(200), z.number()]).describe("Une valeur : texte ou nombre.");

export const ChartDataset = z
  .strictObject({
    title: Text("Titre du jeu de données, affiché au-dessus du tableau."),
    source: z
      .string()
      .trim()
      .max(300)
      .optional()
      .describe("Source et date des données (ou « données fictives »), affichées sous le graphique."),
    columns: z.array(ChartColumn).min(2).max(MAX_COLUMNS).describe("Les colonnes, dans l'ordre des lignes."),
    rows: z
      .array(
        z.array(ChartCell).max(MAX_COLUMNS).describe("Une ligne : une valeur par colonne, dans l'ordre."),
      )
      .min(1)
      .max(MAX_ROWS)
      .describe("Les lignes du jeu de données."),
  })
  .describe("Le petit jeu de données à représenter.");

/** Most candidate flaws a judge step offers. */
export const MAX_FLAWS = 12;

export const ChartShown = z
  .strictObject({
    chart: ChartKind,
    x: Id.describe("Colonne des catégories du graphique montré (colonne de texte)."),
    y: Id.optional().describe("Colonne des valeurs du graphique montré (sauf agrégation count)."),
    aggregate: Aggregate,
    sort: Sort.default("none"),
    axisFrom: z
      .number()
      .optional()
      .describe(
        "Début de l'axe des valeurs (barres, courbe) ; un axe qui ne part pas de zéro exagère les écarts.",
      ),
    title: z.string().trim().max(200).optional().describe("Titre affiché au-dessus du graphique montré."),
    hideSource: z
      .boolean()
      .default(false)
      .describe("true : le graphique montré n'indique ni source ni date."),
  })
  .describe("Le graphique montré à l'équipe, avec ses défauts éventuels.");

export const ChartJudge = z
  .strictObject({
    shown: ChartShown,
    flaws: z
      .array(
        z.strictObject({ id: Id, label: Label }).describe("Un défaut possible, coché ou non par l'équipe."),
      )
      .min(2)
      .max(MAX_FLAWS)
      .describe("Les défauts possibles proposés (vrais et faux) ; la solution cite les vrais."),
  })
  .describe(
    "Variante « juger un graphique » : l'équipe ne construit pas, elle repère ce qui trompe dans le graphique montré.",
  );

export const ChartPuzzle = z
  .strictObject({
    dataset: ChartDataset,
    judge: ChartJudge.optional(),
    charts: z
      .array(ChartKind)
      .min(2)
      .default([...CHART_KINDS])
      .describe("Types de graphique proposés (par défaut : tous)."),
    aggregates: z
      .array(Aggregate)
      .min(2)
      .default([...AGGREGATES])
      .describe("Agrégations proposées (par défaut : toutes)."),
  })
  .describe("Construire un graphique à partir d'un jeu de données, ou juger un graphique donné (judge).");

const Accepted = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .min(1)
    .describe(`${what} acceptés (un seul suffit ; plusieurs si plusieurs réponses se défendent).`);

export const ChartSolution = z
  .strictObject({
    chart: Accepted(ChartKind, "Types de graphique").optional(),
    x: Accepted(Id, "Identifiants de la colonne des catégories (axe horizontal ou parts)").optional(),
    y: Accepted(Id, "Identifiants de la colonne des valeurs (colonne de nombres)")
      .optional()
      .describe("Colonnes de valeurs acceptées ; absent quand la valeur ne compte pas (agrégation count)."),
    aggregate: Accepted(Aggregate, "Agrégations").optional(),
    sort: Accepted(Sort, "Tris").optional().describe("Tris acceptés ; absent quand le tri ne compte pas."),
    flaws: z
      .array(Id)
      .min(1)
      .optional()
      .describe("Variante judge : identifiants des vrais défauts du graphique montré."),
    feedback: z
      .record(Id, z.string().trim().min(1))
      .optional()
      .describe(
        "Pour chaque choix (chart, x, y, aggregate, sort) ou défaut (variante judge), l'explication montrée après la révélation.",
      ),
  })
  .describe("Solution d'un graphique : les réponses acceptées pour chaque choix noté.");

export const ChartDraft = z.strictObject({
  type: z.literal("chart"),
  chart: ChartKind.nullable(),
  x: Id.nullable(),
  y: Id.nullable(),
  aggregate: Aggregate.nullable(),
  sort: Sort.nullable(),
  /** Judge variant: the candidate flaws the team flagged. */
  flags: z.array(Id).max(MAX_FLAWS),
});

/** Pick (or clear, value null) one of the team's choices; flag or unflag a candidate flaw (judge). */
export const ChartEdit = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("chart-set"), choice: Choice, value: z.string().max(64).nullable() }),
  z.strictObject({ op: z.literal("chart-flag"), flawId: Id }),
]);

export type ChartKind = z.infer<typeof ChartKind>;
export type Aggregate = z.infer<typeof Aggregate>;
export type Sort = z.infer<typeof Sort>;
export type Choice = z.infer<typeof Choice>;
export type ChartColumn = z.infer<typeof ChartColumn>;
export type ChartDataset = z.infer<typeof ChartDataset>;
export type ChartShown = z.infer<typeof ChartShown>;
export type ChartPuzzle = z.infer<typeof ChartPuzzle>;
export type ChartSolution = z.infer<typeof ChartSolution>;
export type ChartDraft = z.infer<typeof ChartDraft>;
export type ChartEdit = z.infer<typeof ChartEdit>;
