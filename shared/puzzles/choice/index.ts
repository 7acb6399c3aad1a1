/** choice: a single or multiple choice among options. */
import { definePuzzleType } from "../contract.ts";
import { checkChoice } from "./check.ts";
import { ChoiceDraft, ChoiceEdit, ChoicePuzzle, ChoiceSolution } from "./schema.ts";
import { scoreChoice } from "./score.ts";

export const choice = definePuzzleType({
  type: "choice",
  description: "Type d'énigme : choice = question à choix unique ou multiple.",
  puzzle: ChoicePuzzle,
  solution: ChoiceSolution,
  draft: ChoiceDraft,
  edit: ChoiceEdit,
  // Option feedback comes with each attempt's result, never before.
  publicPuzzle: (puzzle) => ({
    multiple: puzzle.multiple,
    options: puzzle.options.map((option) => ({ id: option.id, label: option.label })),
  }),
  blankDraft: () => ({ type: "choice", selected: [] }),
  solutionDraft: (puzzle, solution) => ({
    type: "choice",
    selected: puzzle.multiple ? [...solution.correct] : solution.correct.slice(0, 1),
  }),
  applyEdit(puzzle, draft, edit) {
    if (!puzzle.options.some((option) => option.id === edit.optionId)) return null;
    if (draft.selected.includes(edit.optionId))
      return { type: "choice", selected: draft.selected.filter((id) => id !== edit.optionId) };
    return {
      type: "choice",
      selected: puzzle.multiple ? [...draft.selected, edit.optionId] : [edit.optionId],
    };
  },
  score: scoreChoice,
  leftOut: (_puzzle, solution, draft) => solution.correct.filter((id) => !draft.selected.includes(id)),
  revealFeedback(puzzle) {
    const feedback: Record<string, string> = {};
    for (const option of puzzle.options) if (option.feedback) feedback[option.id] = option.feedback;
    return feedback;
  },
  check: checkChoice,
  solutionEdits(puzzle, solution) {
    const correct = puzzle.multiple ? solution.correct : solution.correct.slice(0, 1);
    return { edits: correct.map((optionId) => ({ op: "toggle-option", optionId })) };
  },
  randomEdits(puzzle, _solution, random) {
    const options = puzzle.options.map((option) => option.id);
    if (!puzzle.multiple) {
      const optionId = options[Math.floor(random() * options.length)];
      return optionId ? [{ op: "toggle-option" as const, optionId }] : [];
    }
    return options
      .filter(() => random() < 0.5)
      .map((optionId) => ({ op: "toggle-option" as const, optionId }));
  },
  starter: {
    id: "choisir",
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
      sources: [
        { label: "Article D323-2-1 du CRPA", url: "https://www.data.gouv.fr/fr/pages/legal/licences/" },
      ],
    },
    hints: [
      {
        text: "Un indice aide à chercher sans donner la réponse ; il coûte une part du score.",
        cost: 0.25,
      },
    ],
    timeLimitSeconds: 180,
    competence: "licences-reutilisation",
  },
});
