/**
 * The pieces of a step players may point at (hold, edit, react to): its public documents and every
 * id its public puzzle names (items, piles, cards, options, fields, rows…). Private documents are
 * not pieces: pointing at one would tell the others it exists under that id.
 */
import { publicPuzzle } from "../puzzles/registry.ts";
import type { Step } from "../scenario/schema.ts";
import type { DraftEdit } from "./answer.ts";

const cache = new WeakMap<Step, ReadonlySet<string>>();

function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const inner of value) collectIds(inner, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "id" && typeof inner === "string") into.add(inner);
      else collectIds(inner, into);
    }
  }
}

export function stepPieces(step: Step): ReadonlySet<string> {
  const known = cache.get(step);
  if (known) return known;
  const ids = new Set<string>();
  for (const material of step.materials) if (material.visibleTo === undefined) ids.add(material.id);
  // The seed only shuffles (order): the ids are the same whatever it is.
  collectIds(publicPuzzle(step, 0).puzzle, ids);
  cache.set(step, ids);
  return ids;
}

/** The pieces an edit changes: the ids it names (an item, its new pile, a link's two cards…),
 *  not its free text. */
export function piecesEdited(edit: DraftEdit): Set<string> {
  const named = new Set<string>();
  for (const [key, value] of Object.entries(edit)) {
    if (key === "op" || key === "value" || key === "text") continue;
    if (typeof value === "string") named.add(value);
  }
  return named;
}
