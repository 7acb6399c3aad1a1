/** Links as words: « La commune — publie sous → Licence Ouverte », from public data only. */

import type { LinkTriple } from "../../../../shared/puzzles/link/schema.ts";
import type { PublicPuzzleOf } from "../../../../shared/puzzles/registry.ts";
import { labelOf } from "../types.ts";

export type LinkPuzzleView = PublicPuzzleOf<"link">;

/** The label of a link kind (its id when unknown). */
export const kindLabel = (puzzle: LinkPuzzleView | null, id: string) => labelOf(puzzle?.kinds, id);
export const cardLabel = (puzzle: LinkPuzzleView | null, id: string) => labelOf(puzzle?.cards, id);

/** « from — kind → to » (⇄ for a kind that holds both ways). */
export function linkSentence(puzzle: LinkPuzzleView | null, link: LinkTriple): string {
  const both = puzzle?.kinds.find((kind) => kind.id === link.kind)?.symmetric;
  return `${cardLabel(puzzle, link.from)} — ${kindLabel(puzzle, link.kind)} ${both ? "⇄" : "→"} ${cardLabel(puzzle, link.to)}`;
}

/** The links in the puzzle's own order: by starting card, then kind, then target card. */
export function sortedLinks(puzzle: LinkPuzzleView, links: readonly LinkTriple[]): LinkTriple[] {
  const cardRank = new Map(puzzle.cards.map((card, i) => [card.id, i]));
  const kindRank = new Map(puzzle.kinds.map((kind, i) => [kind.id, i]));
  const rank = (map: Map<string, number>, id: string) => map.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...links].sort(
    (a, b) =>
      rank(cardRank, a.from) - rank(cardRank, b.from) ||
      rank(kindRank, a.kind) - rank(kindRank, b.kind) ||
      rank(cardRank, a.to) - rank(cardRank, b.to),
  );
}
