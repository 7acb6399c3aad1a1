/** order: put items back in the right order. */
import { shuffle } from "../../rules/rng.ts";
import { definePuzzleType } from "../contract.ts";
import { checkOrder } from "./check.ts";
import { OrderDraft, OrderEdit, OrderPuzzle, OrderSolution } from "./schema.ts";
import { scoreOrder } from "./score.ts";

/** The items shuffled with `seed`, never left in solution order (rotated when they happen to match). */
function shuffled(puzzle: OrderPuzzle, solution: OrderSolution, seed: number): string[] {
  let order = shuffle(
    puzzle.items.map((item) => item.id),
    seed,
  );
  const solved = order.every((id, index) => solution.order[index] === id);
  if (solved && order.length > 1) order = [...order.slice(1), ...order.slice(0, 1)];
  return order;
}

export const order = definePuzzleType({
  type: "order",
  description: "Type d'énigme : order = remettre des éléments dans l'ordre.",
  puzzle: OrderPuzzle,
  solution: OrderSolution,
  draft: OrderDraft,
  edit: OrderEdit,
  // The designer may list items in the right order: publish them shuffled, never in solution order.
  publicPuzzle(puzzle, solution, seed) {
    const byId = new Map(puzzle.items.map((item) => [item.id, item]));
    const items = shuffled(puzzle, solution, seed).flatMap((id) => {
      const item = byId.get(id);
      return item ? [{ ...item }] : [];
    });
    return { items };
  },
  blankDraft: (puzzle) => ({ type: "order", order: puzzle.items.map((item) => item.id) }),
  initialDraft: (puzzle, solution, seed) => ({ type: "order", order: shuffled(puzzle, solution, seed) }),
  solutionDraft: (_puzzle, solution) => ({ type: "order", order: [...solution.order] }),
  applyEdit(_puzzle, draft, edit) {
    const from = draft.order.indexOf(edit.itemId);
    if (from < 0 || edit.toIndex >= draft.order.length) return null;
    const next = draft.order.filter((id) => id !== edit.itemId);
    next.splice(edit.toIndex, 0, edit.itemId);
    return { type: "order", order: next };
  },
  score: (_puzzle, solution, draft) => scoreOrder(solution, draft),
  check: checkOrder,
  solutionEdits: (_puzzle, solution) => ({
    edits: solution.order.map((itemId, toIndex) => ({ op: "move-item" as const, itemId, toIndex })),
  }),
  randomEdits(puzzle, _solution, random) {
    const ids = shuffle(
      puzzle.items.map((item) => item.id),
      Math.floor(random() * 2 ** 32),
    );
    return ids.map((itemId, toIndex) => ({ op: "move-item", itemId, toIndex }));
  },
  starter: {
    id: "ordonner",
    title: "Étape « order » : remettre dans l'ordre",
    prompt: "Exemple : remettez dans l'ordre les étapes d'une demande d'accès à un document administratif.",
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
      sources: [{ label: "Article R311-13 du CRPA" }],
    },
    timeLimitSeconds: 180,
    competence: "acces-documents",
  },
});
