/**
 * Small scenarios for the rules tests: every puzzle type, two roles, a role-private document.
 * Written as `ScenarioInput` and parsed with the real zod schema, so they stay valid.
 */
import { Scenario, type ScenarioInput } from "../scenario/schema.ts";

const explanation = {
  text: "Un document administratif achevé est communicable à toute personne qui le demande.",
  sources: [{ label: "Article L311-1 du CRPA", url: "https://www.legifrance.gouv.fr/" }],
};
const skills = [{ competence: "cadre-juridique", weight: 2 }];

export const fixtureInput: ScenarioInput = {
  version: 1,
  id: "fixture",
  metadata: {
    title: "Scénario de test",
    summary: "Un petit scénario pour les tests du moteur de règles.",
    audience: "tests",
    durationMinutes: 20,
    difficulty: "debutant",
    language: "fr",
  },
  roles: [
    { id: "juriste", name: "Juriste", description: "Connaît le CRPA." },
    { id: "producteur", name: "Producteur", description: "Connaît les données." },
  ],
  steps: [
    {
      id: "licence",
      type: "choice",
      title: "Choisir une licence",
      prompt: "Quelle licence pour ce jeu de données ?",
      materials: [
        { kind: "text", id: "courriel", title: "Courriel", body: "Bonjour, quelle licence ?" },
        {
          kind: "text",
          id: "note-juriste",
          title: "Note du juriste",
          body: "SECRET-JURISTE : la licence ouverte convient.",
          visibleTo: ["juriste"],
        },
      ],
      puzzle: {
        multiple: false,
        options: [
          { id: "lo", label: "Licence Ouverte 2.0", feedback: "Oui : c'est la licence de référence." },
          { id: "cc-by-nc", label: "CC BY-NC", feedback: "Non : interdit la réutilisation commerciale." },
          { id: "aucune", label: "Aucune licence" },
        ],
      },
      solution: { correct: ["lo"] },
      explanation,
      hints: [
        { text: "Pensez aux licences homologuées.", cost: 0.25 },
        { text: "Elle est publiée par Etalab.", cost: 0.5 },
      ],
      timeLimitSeconds: 120,
      skills,
    },
    {
      id: "donnees-perso",
      type: "choice",
      title: "Données personnelles",
      prompt: "Quelles colonnes contiennent des données personnelles ?",
      puzzle: {
        multiple: true,
        options: [
          { id: "nom", label: "Nom" },
          { id: "courriel", label: "Courriel" },
          { id: "commune", label: "Commune" },
          { id: "surface", label: "Surface" },
        ],
      },
      solution: { correct: ["nom", "courriel"] },
      explanation,
      timeLimitSeconds: 60,
      skills: [{ competence: "donnees-personnelles", weight: 1 }],
    },
    {
      id: "communicable",
      type: "categorize",
      title: "Communicable ?",
      prompt: "Classez ces documents.",
      puzzle: {
        items: [
          { id: "doc-1", label: "Rapport final" },
          { id: "doc-2", label: "Brouillon" },
          { id: "doc-3", label: "Dossier médical" },
        ],
        buckets: [
          { id: "oui", label: "Communicable" },
          { id: "non", label: "Non communicable" },
        ],
      },
      solution: { buckets: { oui: ["doc-1"], non: ["doc-2", "doc-3"] } },
      explanation,
      timeLimitSeconds: 90,
      skills,
    },
    {
      id: "procedure",
      type: "order",
      title: "La procédure",
      prompt: "Remettez les étapes dans l'ordre.",
      puzzle: {
        items: [
          { id: "demande", label: "Demande" },
          { id: "silence", label: "Silence d'un mois" },
          { id: "cada", label: "Saisine de la CADA" },
          { id: "tribunal", label: "Tribunal administratif" },
        ],
      },
      solution: { order: ["demande", "silence", "cada", "tribunal"] },
      explanation,
      timeLimitSeconds: 90,
      skills,
    },
    {
      id: "fiche",
      type: "form",
      title: "Fiche de métadonnées",
      prompt: "Remplissez la fiche.",
      puzzle: {
        fields: [
          { id: "titre", label: "Titre", input: "text" },
          {
            id: "licence",
            label: "Licence",
            input: "select",
            options: [{ value: "lo", label: "Licence Ouverte" }],
          },
          { id: "insee", label: "Code INSEE", input: "text" },
          { id: "frequence", label: "Fréquence (jours)", input: "number" },
          { id: "mots-cles", label: "Mots-clés", input: "tags" },
        ],
      },
      solution: {
        fields: {
          titre: {
            check: { rule: "length", min: 10, max: 80 },
            example: "Équipements sportifs de la commune",
          },
          licence: {
            check: { rule: "equals", accepted: ["lo"] },
            example: "lo",
            feedback: "La Licence Ouverte.",
          },
          insee: {
            check: { rule: "pattern", pattern: "^\\d{5}$", description: "cinq chiffres" },
            example: "35238",
          },
          frequence: { check: { rule: "number", min: 1, max: 365 }, example: "30" },
          "mots-cles": {
            check: { rule: "tags", minCount: 2, maxCount: 5, required: ["sport"] },
            example: "sport, équipement",
          },
        },
      },
      explanation,
      timeLimitSeconds: 300,
      skills: [{ competence: "metadonnees", weight: 3 }],
    },
    {
      id: "nettoyage",
      type: "table",
      title: "Nettoyer le tableau",
      prompt: "Nettoyez ce tableau.",
      puzzle: {
        columns: [
          { id: "insee", label: "Code INSEE", width: 5 },
          { id: "surface", label: "Surface" },
          { id: "ouvert", label: "Ouvert" },
          { id: "responsable", label: "Responsable" },
        ],
        rows: [
          {
            id: "r1",
            cells: { insee: "1004", surface: "535,01 m²", ouvert: "oui", responsable: "Jean Dupont" },
          },
          { id: "r2", cells: { insee: "35238", surface: "12", ouvert: "false", responsable: "Marie Curie" } },
          { id: "r3", cells: { insee: "35238", surface: "12", ouvert: "false", responsable: "Marie Curie" } },
        ],
        operations: [
          "pad-zeros",
          "strip-unit",
          "decimal-point",
          "normalize-boolean",
          "remove-row",
          "remove-column",
        ],
      },
      solution: {
        rows: [
          { id: "r1", cells: { insee: "01004", surface: "535.01", ouvert: "true" } },
          { id: "r2", cells: { insee: "35238", surface: "12", ouvert: "false" } },
        ],
        removedRows: ["r3"],
        removedColumns: ["responsable"],
      },
      explanation,
      timeLimitSeconds: 300,
      skills: [{ competence: "qualite", weight: 2 }],
    },
  ],
};

export const fixtureScenario: Scenario = Scenario.parse(fixtureInput);

/** The fixture step with this id (throws in tests when absent). */
export function fixtureStep<T extends Scenario["steps"][number]["type"]>(id: string, type: T) {
  const step = fixtureScenario.steps.find((s) => s.id === id);
  if (!step || step.type !== type) throw new Error(`no ${type} step ${id}`);
  return step as Extract<Scenario["steps"][number], { type: T }>;
}

/** A scenario with no roles and two short choice steps: for session tests. */
export const tinyScenario: Scenario = Scenario.parse({
  ...fixtureInput,
  id: "tiny",
  roles: [],
  steps: (fixtureInput.steps as ScenarioInput["steps"]).slice(0, 2),
});

/** The fixture with, on its first step, a private document both roles read (`visibleTo` naming two
 *  roles) beside the juriste's own note: for what a teammate is told about documents they cannot see. */
export const sharedDocumentScenario: Scenario = Scenario.parse({
  ...fixtureInput,
  steps: fixtureInput.steps.map((step, index) =>
    index === 0
      ? {
          ...step,
          materials: [
            ...(step.materials ?? []),
            {
              kind: "text",
              id: "note-commune",
              title: "Note commune",
              body: "SECRET-COMMUN : lue par la juriste et le producteur.",
              visibleTo: ["juriste", "producteur"],
            },
          ],
        }
      : step,
  ),
});
