/**
 * The starter scenario written by `npm run scenarios:new <id>`: valid as is, one step of each puzzle
 * type, two roles with private documents. JSON has no comments, so the guidance is in the texts
 * themselves (« Remplacez… »); the editor shows each field's description on hover.
 */

import { PUZZLES } from "../puzzles/registry.ts";
import { Id, type ScenarioInput } from "./schema.ts";
import { SCENARIO_SCHEMA_REF } from "./schema-paths.ts";

/** The competences the starter uses, when the referential has them. */
export const STARTER_COMPETENCES: readonly string[] = [
  ...new Set(PUZZLES.map((type) => type.starter.competence)),
];

export function isValidScenarioId(id: string): boolean {
  return Id.safeParse(id).success;
}

/** A starter scenario `id` whose skills use the given competence ids (from the referential). */
export function starterScenario(id: string, competences: readonly string[]): ScenarioInput {
  const fallback = competences[0] ?? "competence-a-choisir";
  return {
    $schema: SCENARIO_SCHEMA_REF,
    version: 1,
    id,
    metadata: {
      title: "Titre de votre scénario (remplacez-moi)",
      summary:
        "Résumé en deux ou trois phrases, affiché dans le catalogue : la situation, ce que l'équipe va apprendre. Ce scénario de départ contient une étape de chaque type : gardez celles qui vous servent.",
      audience: "Agents sans expérience de la donnée (précisez le public visé)",
      // The steps' time limits, rounded up to five minutes (one more type makes the starter longer).
      durationMinutes:
        5 * Math.ceil(PUZZLES.reduce((total, type) => total + type.starter.timeLimitSeconds, 0) / 300),
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
    // One step of each puzzle type, from the type's own starter (shared/puzzles/<type>/).
    steps: PUZZLES.map(({ type, starter }) => {
      const {
        id,
        title,
        prompt,
        materials,
        puzzle,
        solution,
        explanation,
        hints,
        timeLimitSeconds,
        competence,
      } = starter;
      return {
        id,
        type,
        title,
        prompt,
        ...(materials ? { materials } : {}),
        puzzle,
        solution,
        explanation,
        ...(hints ? { hints } : {}),
        timeLimitSeconds,
        skills: [{ competence: competences.includes(competence) ? competence : fallback, weight: 1 }],
      } as ScenarioInput["steps"][number];
    }),
  };
}
