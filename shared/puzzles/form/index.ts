/** form: fill in fields, each checked by a rule. */
import { definePuzzleType } from "../contract.ts";
import { checkForm } from "./check.ts";
import { FormDraft, FormEdit, FormPuzzle, FormSolution } from "./schema.ts";
import { scoreForm } from "./score.ts";

export const form = definePuzzleType({
  type: "form",
  description: "Type d'énigme : form = remplir un formulaire.",
  puzzle: FormPuzzle,
  solution: FormSolution,
  draft: FormDraft,
  edit: FormEdit,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: () => ({ type: "form", values: {} }),
  solutionDraft: (_puzzle, solution) => ({
    type: "form",
    values: Object.fromEntries(Object.entries(solution.fields).map(([id, field]) => [id, field.example])),
  }),
  applyEdit(puzzle, draft, edit) {
    if (!puzzle.fields.some((field) => field.id === edit.fieldId)) return null;
    return { type: "form", values: { ...draft.values, [edit.fieldId]: edit.value } };
  },
  score: scoreForm,
  revealFeedback(_puzzle, solution) {
    const feedback: Record<string, string> = {};
    for (const [fieldId, field] of Object.entries(solution.fields))
      if (field.feedback) feedback[fieldId] = field.feedback;
    return feedback;
  },
  check: checkForm,
  solutionEdits: (_puzzle, solution) => ({
    edits: Object.entries(solution.fields).map(([fieldId, field]) => ({
      op: "set-field" as const,
      fieldId,
      value: field.example,
    })),
  }),
  randomEdits(puzzle, solution, random) {
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const examples = ["", "test", ...Object.values(solution.fields).map((field) => field.example)];
    return puzzle.fields.map((field) => ({
      op: "set-field",
      fieldId: field.id,
      value:
        (field.input === "select"
          ? pick(field.options?.map((option) => option.value) ?? [])
          : pick(examples)) ?? "",
    }));
  },
  starter: {
    id: "remplir",
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
      sources: [{ label: "Guide de documentation de data.gouv.fr", url: "https://guides.data.gouv.fr/" }],
    },
    timeLimitSeconds: 300,
    competence: "metadonnees",
  },
});
