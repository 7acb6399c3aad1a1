/** link on the table: the cards as a web; a card dropped onto another draws a link of the chosen kind. */
import { linkKey, sameLinkKey, symmetricKinds } from "../../../../shared/puzzles/link/links.ts";
import type { LinkEdit, LinkPuzzle } from "../../../../shared/puzzles/link/schema.ts";
import { t } from "../../i18n/index.ts";
import type { AnswerOf, PuzzleTable } from "../types.ts";
import { kindLabel, sortedLinks } from "./sentences.ts";

/** The edit that draws « from — kind → to »; null when it cannot be drawn (same card, unknown kind,
 *  already drawn, the team's links all used). The DOM's « Relier » button and drops and the table's drops send it. */
export function linkAddEdit(
  puzzle: Pick<LinkPuzzle, "kinds" | "maxLinks">,
  draft: AnswerOf<"link">,
  from: string,
  kind: string,
  to: string,
): LinkEdit | null {
  if (!from || !to || from === to || draft.links.length >= puzzle.maxLinks) return null;
  if (!puzzle.kinds.some((k) => k.id === kind)) return null;
  const symmetric = symmetricKinds(puzzle);
  const key = sameLinkKey({ from, kind, to }, symmetric);
  if (draft.links.some((link) => sameLinkKey(link, symmetric) === key)) return null;
  return { op: "link-add", from, kind, to };
}

export const linkTable: PuzzleTable<"link"> = {
  picture: (puzzle, draft, marks) => ({
    layout: "web",
    zones: [],
    tray: "",
    pieces: puzzle.cards.map((card) => ({
      id: card.id,
      label: card.label,
      tag: t(`link.kind.${card.kind}`),
      zone: null,
      mark: null,
    })),
    links: sortedLinks(puzzle, draft.links).map((link) => ({
      key: linkKey(link),
      from: link.from,
      to: link.to,
      label: kindLabel(puzzle, link.kind),
      both: puzzle.kinds.find((kind) => kind.id === link.kind)?.symmetric === true,
      mark: marks.get(linkKey(link)) ?? null,
    })),
    kinds: puzzle.kinds.map((kind) => ({ id: kind.id, label: kind.label })),
  }),
  drop: (puzzle, draft, drop) =>
    "onto" in drop ? linkAddEdit(puzzle, draft, drop.piece, drop.kind, drop.onto) : null,
};
