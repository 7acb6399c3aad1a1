/**
 * The scenario format: the single source of truth.
 *
 * Designers write scenarios as JSON files in `scenarios/`. This module defines that format with zod;
 * the JSON Schema in `scenarios/schema/` is generated from it (`npm run scenarios:schema`), and the
 * semantic validator (`validate.ts`) checks what a schema cannot (references, solvability).
 * Every `.describe()` text is read by designers in their editor: it is written in French.
 */
import { z } from "zod";
import { PUZZLES, type PuzzleParts, type PuzzlePartsInput } from "../puzzles/registry.ts";
import { Id, Text } from "./primitives.ts";

export { Id };

export const SCENARIO_FORMAT_VERSION = 1;

export const Source = z
  .strictObject({
    label: Text("Référence lisible de la source (ex. « Article L311-6 du CRPA », « Guide Etalab »)."),
    url: z.url().optional().describe("Lien vers la source, si elle est en ligne."),
  })
  .describe("Une source citée : texte de loi, guide, documentation officielle.");

export const Explanation = z
  .strictObject({
    text: Text("L'explication, en une ou deux phrases qu'un non-juriste comprend : la règle et pourquoi."),
    sources: z.array(Source).min(1).describe("Au moins une source pour appuyer l'explication."),
  })
  .describe("Explication affichée après la révélation de l'étape.");

export const Hint = z
  .strictObject({
    text: Text("L'indice : il aide à chercher sans donner la réponse."),
    cost: z
      .number()
      .min(0)
      .max(1)
      .describe("Ce que l'indice coûte, en fraction du score de l'étape (0 = gratuit, 0.25 = un quart)."),
  })
  .describe("Un indice que l'équipe peut demander pendant l'étape.");

export const SkillWeight = z
  .strictObject({
    competence: Id.describe("Identifiant d'une compétence du référentiel (scenarios/referentiel.json)."),
    weight: z
      .number()
      .gt(0)
      .max(3)
      .describe("Poids de la compétence dans l'étape (de 0 exclu à 3) : points gagnés = score × poids."),
  })
  .describe("Une compétence travaillée par l'étape, avec son poids.");

const visibleTo = z
  .array(Id)
  .min(1)
  .optional()
  .describe(
    "Rôles qui voient ce document (identifiants de `roles`). Absent : tout le monde le voit. Un document privé oblige l'équipe à se parler.",
  );

export const TextMaterial = z
  .strictObject({
    kind: z.literal("text").describe("Un document texte : courriel, lettre, extrait de guide, fiche…"),
    id: Id,
    title: Text("Titre du document, affiché sur sa carte."),
    body: Text("Contenu du document. Les sauts de ligne sont conservés."),
    visibleTo,
  })
  .describe("Document texte.");

export const TableMaterial = z
  .strictObject({
    kind: z.literal("table").describe("Un extrait de tableau de données."),
    id: Id,
    title: Text("Titre du tableau."),
    columns: z.array(Text("Nom de colonne.")).min(1).describe("Noms des colonnes, dans l'ordre."),
    rows: z
      .array(z.array(z.string()))
      .describe("Lignes du tableau : chaque ligne a autant de cellules que de colonnes."),
    caption: z.string().optional().describe("Légende ou source du tableau."),
    visibleTo,
  })
  .describe("Tableau de données.");

export const ImageMaterial = z
  .strictObject({
    kind: z.literal("image").describe("Une image fournie dans assets/."),
    id: Id,
    title: Text("Titre de l'image."),
    src: Text("Chemin de l'image sous assets/ (ex. « assets/scenarios/carte.svg »)."),
    alt: Text("Texte alternatif : ce que l'image montre, pour qui ne la voit pas."),
    visibleTo,
  })
  .describe("Image.");

export const Material = z.discriminatedUnion("kind", [TextMaterial, TableMaterial, ImageMaterial]);

// ---------------------------------------------------------------------------------------------
// Story frame: a setting, characters, an opening and a closing scene, a situation per step.

export const Character = z
  .strictObject({
    id: Id,
    name: Text("Prénom (et nom) du personnage, tel qu'il signe (ex. « Hélène Martin »)."),
    role: Text("Sa fonction et son service (ex. « cheffe du service Éducation »)."),
  })
  .describe(
    "Un personnage du récit. Son portrait est dessiné hors ligne à partir de son nom : aucun fichier à fournir.",
  );

export const Scene = z
  .strictObject({
    character: Id.optional().describe(
      "Identifiant du personnage qui parle (défini dans « story.characters ») ; absent : le narrateur.",
    ),
    text: Text("Ce que le personnage dit ou écrit, en deux ou trois phrases."),
  })
  .describe("Une scène du récit : un texte, dit par un personnage ou par le narrateur.");

export const Story = z
  .strictObject({
    setting: z
      .strictObject({
        territory: Text(
          "Le territoire où se passe l'histoire (ex. « Communauté de communes du Val fleuri »).",
        ),
        service: Text(
          "Le service où travaillent les joueurs (ex. « mission données, direction du numérique »).",
        ),
      })
      .describe("Le décor : où l'on est, dans quel service."),
    characters: z
      .array(Character)
      .min(1)
      .describe("Les personnages ; les scènes et les situations les citent par leur identifiant."),
    opening: Scene.describe("La scène d'ouverture, montrée avant la première étape."),
    closing: Scene.describe("La scène de clôture, montrée sur l'écran de fin."),
  })
  .describe(
    "Le récit (facultatif) : un décor, des personnages, une scène d'ouverture et une de clôture. Chaque étape peut ajouter sa « situation ».",
  );

export const Situation = z
  .strictObject({
    character: Id.describe(
      "Identifiant du personnage qui amène la situation (défini dans « story.characters »).",
    ),
    channel: z
      .enum(["ecrit", "dit", "appelle"])
      .default("ecrit")
      .describe(
        "Comment il la transmet : ecrit (« vous écrit »), dit (« vous dit »), appelle (« vous appelle »).",
      ),
    text: Text("La situation racontée par le personnage, en deux ou trois phrases."),
  })
  .describe(
    "La situation de l'étape, racontée par un personnage : elle ouvre l'étape sur l'écran projeté et sur chaque appareil.",
  );

// ---------------------------------------------------------------------------------------------
// Steps and scenario.

const StepBase = z.strictObject({
  id: Id,
  title: Text("Titre court de l'étape."),
  situation: Situation.optional(),
  prompt: Text("La consigne donnée à l'équipe."),
  materials: z.array(Material).default([]).describe("Documents fournis pour l'étape."),
  explanation: Explanation,
  hints: z.array(Hint).max(5).default([]).describe("Indices (5 au plus), du plus vague au plus précis."),
  timeLimitSeconds: z
    .int()
    .min(30)
    .max(3600)
    .describe("Durée conseillée de l'étape, en secondes (de 30 à 3600)."),
  skills: z.array(SkillWeight).min(1).describe("Compétences travaillées et leur poids."),
  debriefQuestions: z
    .array(Text("Une question ouverte pour la discussion."))
    .max(5)
    .default([])
    .describe(
      "Questions pour lancer la discussion au débriefing de l'étape (5 au plus), montrées après la révélation.",
    ),
});

/** A step's fields common to every puzzle type. */
export const StepCommon = StepBase;

/** A step of one puzzle type: the common fields plus the type's own puzzle and solution. */
function stepOfType(type: (typeof PUZZLES)[number]) {
  return StepBase.extend({
    type: z.literal(type.type).describe(type.description),
    puzzle: type.puzzle,
    solution: type.solution,
  });
}

export type Step = z.output<typeof StepBase> & PuzzleParts;
type StepInput = z.input<typeof StepBase> & PuzzlePartsInput;

export const Step = z
  .discriminatedUnion(
    "type",
    PUZZLES.map(stepOfType) as unknown as [ReturnType<typeof stepOfType>, ...ReturnType<typeof stepOfType>[]],
  )
  .describe(
    "Une étape : une consigne, des documents, une énigme (type) et sa solution.",
  ) as unknown as z.ZodType<Step, StepInput>;

export const Role = z
  .strictObject({
    id: Id,
    name: Text("Nom du rôle (ex. « Juriste »)."),
    description: Text("Ce que ce rôle sait ou fait dans l'équipe, montré sur sa carte de rôle."),
  })
  .describe("Un rôle ; les documents avec « visibleTo » le citent par son identifiant.");

export const ScenarioMetadata = z
  .strictObject({
    title: Text("Titre du scénario."),
    summary: Text("Résumé en deux ou trois phrases, affiché dans le catalogue."),
    audience: Text("Public visé (ex. « agents sans expérience de la donnée »)."),
    durationMinutes: z.int().min(5).max(480).describe("Durée de jeu prévue, en minutes."),
    difficulty: z.enum(["debutant", "intermediaire", "avance"]).describe("Niveau de difficulté."),
    language: z.enum(["fr", "en"]).describe("Langue du contenu."),
    tags: z.array(z.string().min(1)).default([]).describe("Mots-clés du catalogue."),
  })
  .describe("Ce que le catalogue affiche du scénario.");

export const ShortRoute = z
  .strictObject({
    steps: z
      .array(Id)
      .min(3)
      .describe(
        "Identifiants des étapes du parcours court (environ 5), dans l'ordre du scénario. Les autres étapes sont sautées.",
      ),
    durationMinutes: z
      .int()
      .min(5)
      .max(30)
      .describe("Durée de jeu du parcours court, en minutes (30 au plus, hors révélations et débriefing)."),
  })
  .describe(
    "Le parcours court, pour un café de la data de 30 à 45 minutes : un sous-ensemble des étapes qui reste un scénario complet (mêmes rôles, compétence principale toujours travaillée). L'animateur choisit le parcours complet ou court à la création de la session.",
  );

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe("Chemin du schéma JSON, pour l'éditeur."),
    version: z.literal(SCENARIO_FORMAT_VERSION).describe("Version du format de fichier : 1."),
    id: Id.describe("Identifiant du scénario : le même que le nom du fichier, sans « .json »."),
    metadata: ScenarioMetadata,
    roles: z
      .array(Role)
      .default([])
      .describe("Rôles distribués aux joueurs d'une équipe ; certains documents ne sont visibles que d'eux."),
    story: Story.optional(),
    steps: z.array(Step).min(1).describe("Les étapes, dans l'ordre de jeu."),
    shortRoute: ShortRoute.optional(),
  })
  .describe("Un scénario Datatruc.");

// ---------------------------------------------------------------------------------------------
// Competency referential.

/** The 16 competences of the CRCN (décret 2019-919), as numbered by Pix. */
export const CRCN_COMPETENCES = [
  "1.1",
  "1.2",
  "1.3",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "4.1",
  "4.2",
  "4.3",
  "5.1",
  "5.2",
] as const;

export const ReferentialLevel = z
  .strictObject({
    id: Id,
    label: Text("Nom du niveau (ex. « Découverte »)."),
    minPoints: z
      .number()
      .min(0)
      .describe(
        "Points à cumuler sur la compétence pour atteindre ce niveau (score × poids ; sur la session pour l'attestation, sur toutes les sessions du carnet de compétences, chaque étape comptée une fois).",
      ),
    minScenarios: z
      .int()
      .min(1)
      .default(1)
      .describe(
        "Dans le carnet de compétences : nombre de scénarios différents où la compétence doit avoir été pratiquée pour atteindre ce niveau (1 par défaut ; le plus haut niveau en demande au moins 2).",
      ),
  })
  .describe("Un niveau de maîtrise.");

export const Competence = z
  .strictObject({
    id: Id,
    label: Text("Intitulé de la compétence."),
    description: Text("Ce que recouvre la compétence."),
    crcn: z
      .array(z.enum(CRCN_COMPETENCES))
      .min(1)
      .describe(
        "Compétences du CRCN (cadre de référence des compétences numériques, Pix) dont la compétence se rapproche (ex. 3.3 pour les licences). La correspondance est indicative : le CRCN est un cadre pour tous les citoyens.",
      ),
    pixData: z
      .enum([
        "recherche",
        "production",
        "qualite",
        "ouverture",
        "protection",
        "reutilisation",
        "preparation",
        "dataviz",
        "innovation",
      ])
      .optional()
      .describe("Thème Pix+ Données correspondant, s'il y en a un."),
    levels: z
      .record(z.string(), Text("Ce que sait faire un joueur qui a atteint ce niveau."))
      .describe(
        "Pour chaque niveau du référentiel (clé = identifiant de niveau), ce que sait faire le joueur.",
      ),
  })
  .describe("Une compétence ; les étapes la citent dans « skills » par son identifiant.");

export const Domain = z
  .strictObject({
    id: Id,
    label: Text("Intitulé du domaine."),
    competences: z.array(Competence).min(1).describe("Les compétences du domaine."),
  })
  .describe("Un domaine de compétences (ex. juridique, technique, métier).");

export const Referential = z
  .strictObject({
    $schema: z.string().optional().describe("Chemin du schéma JSON, pour l'éditeur."),
    version: z.literal(SCENARIO_FORMAT_VERSION).describe("Version du format de fichier : 1."),
    id: Id,
    title: Text("Titre du référentiel."),
    levels: z.array(ReferentialLevel).min(1).describe("Niveaux, du plus bas au plus haut."),
    domains: z.array(Domain).min(1).describe("Domaines de compétences."),
  })
  .describe("Référentiel de compétences de la donnée.");

export type Source = z.infer<typeof Source>;
export type Explanation = z.infer<typeof Explanation>;
export type Hint = z.infer<typeof Hint>;
export type SkillWeight = z.infer<typeof SkillWeight>;
export type Material = z.infer<typeof Material>;
export type Role = z.infer<typeof Role>;
export type Character = z.infer<typeof Character>;
export type Scene = z.infer<typeof Scene>;
export type Story = z.infer<typeof Story>;
export type Situation = z.infer<typeof Situation>;
export type Scenario = z.infer<typeof Scenario>;
export type ShortRoute = z.infer<typeof ShortRoute>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Competence = z.infer<typeof Competence>;
export type ReferentialLevel = z.infer<typeof ReferentialLevel>;
export type Domain = z.infer<typeof Domain>;
export type Referential = z.infer<typeof Referential>;
