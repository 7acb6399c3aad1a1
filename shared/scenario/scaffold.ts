/**
 * The starter scenario written by `npm run scenarios:new <id>`: valid as is, one step of each puzzle
 * type, two roles with private documents. JSON has no comments, so the guidance is in the texts
 * themselves (« Remplacez… »); the editor shows each field's description on hover.
 */

import { Id, type ScenarioInput } from "./schema.ts";
import { SCENARIO_SCHEMA_REF } from "./schema-paths.ts";

/** Competences the starter steps prefer, by puzzle type, when the referential has them. */
const PREFERRED = {
  choice: "licences-reutilisation",
  categorize: "acces-documents",
  order: "acces-documents",
  form: "metadonnees",
  table: "qualite-nettoyage",
} as const;

/** The competences the starter uses, when the referential has them. */
export const STARTER_COMPETENCES: readonly string[] = [...new Set(Object.values(PREFERRED))];

export function isValidScenarioId(id: string): boolean {
  return Id.safeParse(id).success;
}

/** A starter scenario `id` whose skills use the given competence ids (from the referential). */
export function starterScenario(id: string, competences: readonly string[]): ScenarioInput {
  const fallback = competences[0] ?? "competence-a-choisir";
  const skill = (type: keyof typeof PREFERRED) => [
    { competence: competences.includes(PREFERRED[type]) ? PREFERRED[type] : fallback, weight: 1 },
  ];
  const source = (label: string, url?: string) => (url ? { label, url } : { label });
  return {
    $schema: SCENARIO_SCHEMA_REF,
    version: 1,
    id,
    metadata: {
      title: "Titre de votre scénario (remplacez-moi)",
      summary:
        "Résumé en deux ou trois phrases, affiché dans le catalogue : la situation, ce que l'équipe va apprendre. Ce scénario de départ contient une étape de chaque type : gardez celles qui vous servent.",
      audience: "Agents sans expérience de la donnée (précisez le public visé)",
      durationMinutes: 20,
      difficulty: "debutant",
      language: "fr",
      tags: ["exemple"],
    },
    roles: [
      {
        id: "juriste",
        name: "Juriste",
        description:
          "Ce que ce rôle sait ou fait dans l'équipe. Donnez-lui des documents privés (« visibleTo ») pour que l'équipe doive se parler.",
      },
      {
        id: "producteur",
        name: "Producteur de la donnée",
        description: "Connaît les données du service : d'où elles viennent, ce que contient chaque colonne.",
      },
    ],
    steps: [
      {
        id: "choisir",
        type: "choice",
        title: "Étape « choice » : choisir une réponse",
        prompt:
          "La consigne de l'étape, adressée à l'équipe. Exemple : le service veut publier la liste de ses équipements. Quelle licence peut-il choisir ?",
        materials: [
          {
            kind: "text",
            id: "note-juriste",
            title: "Document privé de la juriste",
            body: "Seul le rôle « juriste » voit ce document (« visibleTo »).\nPour les données : Licence Ouverte ou ODbL.",
            visibleTo: ["juriste"],
          },
        ],
        puzzle: {
          multiple: false,
          options: [
            {
              id: "licence-ouverte",
              label: "Licence Ouverte",
              feedback: "Retour montré à l'équipe qui a choisi cette option.",
            },
            { id: "gpl", label: "GPL", feedback: "La GPL est une licence de logiciel, pas de données." },
          ],
        },
        solution: { correct: ["licence-ouverte"] },
        explanation: {
          text: "L'explication montrée à la révélation : la règle, et pourquoi, en une ou deux phrases.",
          sources: [source("Article D323-2-1 du CRPA", "https://www.data.gouv.fr/fr/pages/legal/licences/")],
        },
        hints: [
          {
            text: "Un indice aide à chercher sans donner la réponse ; il coûte une part du score.",
            cost: 0.25,
          },
        ],
        timeLimitSeconds: 180,
        skills: skill("choice"),
      },
      {
        id: "classer",
        type: "categorize",
        title: "Étape « categorize » : ranger des éléments dans des catégories",
        prompt: "Exemple : rangez chaque document demandé par un usager selon qu'il est communicable ou non.",
        puzzle: {
          items: [
            { id: "doc-1", label: "Rapport définitif d'un bureau d'études" },
            { id: "doc-2", label: "Dossier médical d'un agent" },
            {
              id: "doc-3",
              label: "Brouillon de note interne",
              detail: "Une précision facultative sous le libellé.",
            },
          ],
          buckets: [
            { id: "communicable", label: "Communicable à toute personne" },
            { id: "non-communicable", label: "Non communicable" },
          ],
        },
        solution: { buckets: { communicable: ["doc-1"], "non-communicable": ["doc-2", "doc-3"] } },
        explanation: {
          text: "Chaque élément va dans exactement une catégorie de la solution.",
          sources: [source("Article L311-2 du CRPA")],
        },
        timeLimitSeconds: 240,
        skills: skill("categorize"),
      },
      {
        id: "ordonner",
        type: "order",
        title: "Étape « order » : remettre dans l'ordre",
        prompt:
          "Exemple : remettez dans l'ordre les étapes d'une demande d'accès à un document administratif.",
        puzzle: {
          items: [
            { id: "demande", label: "L'usager envoie sa demande" },
            { id: "silence", label: "Un mois passe sans réponse" },
            { id: "cada", label: "L'usager saisit la CADA" },
          ],
        },
        solution: { order: ["demande", "silence", "cada"] },
        explanation: {
          text: "Les éléments sont mélangés pour chaque équipe ; la solution les cite tous, dans le bon ordre.",
          sources: [source("Article R311-13 du CRPA")],
        },
        timeLimitSeconds: 180,
        skills: skill("order"),
      },
      {
        id: "remplir",
        type: "form",
        title: "Étape « form » : remplir une fiche",
        prompt: "Exemple : complétez la fiche de métadonnées du jeu de données.",
        materials: [
          {
            kind: "table",
            id: "extrait",
            title: "Extrait du jeu de données",
            columns: ["nom", "commune"],
            rows: [
              ["Piscine municipale", "Bordeaux"],
              ["Médiathèque", "Mérignac"],
            ],
            caption: "Un document de type tableau : une cellule par colonne.",
            visibleTo: ["producteur"],
          },
        ],
        puzzle: {
          fields: [
            {
              id: "titre",
              label: "Titre du jeu de données",
              input: "text",
              help: "Un titre clair, sans sigle.",
            },
            {
              id: "licence",
              label: "Licence",
              input: "select",
              options: [
                { value: "lov2", label: "Licence Ouverte 2.0" },
                { value: "odbl", label: "ODbL" },
              ],
            },
            { id: "mots-cles", label: "Mots-clés", input: "tags", help: "Séparés par des virgules." },
          ],
        },
        solution: {
          fields: {
            titre: {
              check: { rule: "length", min: 10, max: 100 },
              example: "Équipements publics de la commune",
              feedback: "Un titre de 10 à 100 caractères.",
            },
            licence: { check: { rule: "equals", accepted: ["lov2"] }, example: "lov2" },
            "mots-cles": { check: { rule: "tags", minCount: 2 }, example: "équipements, sport" },
          },
        },
        explanation: {
          text: "Chaque champ a une règle (« check ») et un exemple de bonne réponse, montré à la révélation.",
          sources: [source("Guide de documentation de data.gouv.fr", "https://guides.data.gouv.fr/")],
        },
        timeLimitSeconds: 300,
        skills: skill("form"),
      },
      {
        id: "nettoyer",
        type: "table",
        title: "Étape « table » : nettoyer un tableau",
        prompt: "Exemple : nettoyez le tableau des équipements avant de le publier.",
        puzzle: {
          columns: [
            { id: "nom", label: "Nom" },
            { id: "surface", label: "Surface (m²)" },
            { id: "insee", label: "Code INSEE", width: 5 },
          ],
          rows: [
            { id: "l1", cells: { nom: "Piscine", surface: "535,01 m²", insee: "1004" } },
            { id: "l2", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
            { id: "l3", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
          ],
          operations: ["trim", "strip-unit", "decimal-point", "pad-zeros", "remove-row"],
        },
        solution: {
          rows: [
            { id: "l1", cells: { nom: "Piscine", surface: "535.01", insee: "01004" } },
            { id: "l2", cells: { nom: "Médiathèque", surface: "1200", insee: "33063" } },
          ],
          removedRows: ["l3"],
        },
        explanation: {
          text: "La solution est le tableau propre attendu ; chaque valeur doit être atteignable avec les opérations proposées.",
          sources: [source("Guide Etalab de la qualité des données")],
        },
        timeLimitSeconds: 300,
        skills: skill("table"),
      },
    ],
  };
}
