/** categorize: put each item into one of the buckets. */
import { definePuzzleType } from "../contract.ts";
import { checkCategorize } from "./check.ts";
import { CategorizeDraft, CategorizeEdit, CategorizePuzzle, CategorizeSolution } from "./schema.ts";
import { expectedBuckets, scoreCategorize } from "./score.ts";

export const categorize = definePuzzleType({
  type: "categorize",
  description: "Type d'énigme : categorize = classer des éléments dans des catégories.",
  puzzle: CategorizePuzzle,
  solution: CategorizeSolution,
  draft: CategorizeDraft,
  edit: CategorizeEdit,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: () => ({ type: "categorize", placements: {} }),
  solutionDraft: (_puzzle, solution) => ({
    type: "categorize",
    placements: Object.fromEntries(expectedBuckets(solution)),
  }),
  applyEdit(puzzle, draft, edit) {
    if (!puzzle.items.some((item) => item.id === edit.itemId)) return null;
    const placements = { ...draft.placements };
    if (edit.bucketId === null) {
      delete placements[edit.itemId];
    } else {
      if (!puzzle.buckets.some((bucket) => bucket.id === edit.bucketId)) return null;
      placements[edit.itemId] = edit.bucketId;
    }
    return { type: "categorize", placements };
  },
  score: scoreCategorize,
  leftOut: (puzzle, _solution, draft) =>
    puzzle.items.map((item) => item.id).filter((id) => !Object.hasOwn(draft.placements, id)),
  check: checkCategorize,
  solutionEdits: (_puzzle, solution) => ({
    edits: Object.entries(solution.buckets).flatMap(([bucketId, items]) =>
      items.map((itemId) => ({ op: "place-item" as const, itemId, bucketId })),
    ),
  }),
  randomEdits(puzzle, _solution, random) {
    const buckets = puzzle.buckets.map((bucket) => bucket.id);
    return puzzle.items.map((item) => ({
      op: "place-item",
      itemId: item.id,
      bucketId: buckets[Math.floor(random() * buckets.length)] ?? null,
    }));
  },
  starter: {
    id: "classer",
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
      sources: [{ label: "Article L311-2 du CRPA" }],
    },
    timeLimitSeconds: 240,
    competence: "acces-documents",
  },
});
