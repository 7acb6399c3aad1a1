/** Links as keys: one string per link, the same whichever way a symmetric link was drawn. */
import type { LinkPuzzle, LinkTriple } from "./schema.ts";

/** `from:kind:to` (ids never hold a colon): the id of a link in feedback, marks and the debrief. */
export function linkKey(link: LinkTriple): string {
  return `${link.from}:${link.kind}:${link.to}`;
}

/** The link a key names, or null when it is not a link key. */
export function parseLinkKey(key: string): LinkTriple | null {
  const [from, kind, to, ...rest] = key.split(":");
  if (!from || !kind || !to || rest.length > 0) return null;
  return { from, kind, to };
}

/** The ids of the puzzle's symmetric kinds. */
export function symmetricKinds(puzzle: Pick<LinkPuzzle, "kinds">): Set<string> {
  return new Set(puzzle.kinds.filter((kind) => kind.symmetric).map((kind) => kind.id));
}

/** A key that is the same for both directions of a symmetric link. */
export function sameLinkKey(link: LinkTriple, symmetric: ReadonlySet<string>): string {
  if (symmetric.has(link.kind) && link.to < link.from)
    return linkKey({ from: link.to, kind: link.kind, to: link.from });
  return linkKey(link);
}
