/** The names of a step's pieces (documents, items, piles, cards, options, fields…), from public
 *  data only: what hands and reaction tokens are about, said in words. */
import type { PublicStep } from "../../../shared/rules/public.ts";

const cache = new WeakMap<PublicStep, ReadonlyMap<string, string>>();

function collect(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) for (const inner of value) collect(inner, into);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const name = [record.label, record.title, record.name].find((v) => typeof v === "string");
    if (typeof record.id === "string" && typeof name === "string" && !into.has(record.id))
      into.set(record.id, name);
    for (const inner of Object.values(record)) collect(inner, into);
  }
}

/** Piece id → its name; the documents first, then the puzzle's named things. */
export function pieceLabels(step: PublicStep): ReadonlyMap<string, string> {
  const known = cache.get(step);
  if (known) return known;
  const labels = new Map<string, string>();
  for (const material of step.materials) labels.set(material.id, material.title);
  collect(step.puzzle, labels);
  cache.set(step, labels);
  return labels;
}

export function pieceLabel(step: PublicStep, id: string): string {
  return pieceLabels(step).get(id) ?? id;
}
