/**
 * Pure helpers of the organisation's admin screens: identifiers made from labels (for new
 * directions and programmes: existing ones keep theirs, seats and certificates point to them) and
 * moving an item in an ordered list.
 */

/** An identifier of the scenario format (`a-z`, `0-9`, dashes) made from a label, unique in `taken`. */
export function idFromLabel(label: string, taken: Iterable<string>, fallback = "element"): string {
  const base =
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56)
      .replace(/-+$/, "") || fallback;
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  const [item] = copy.splice(index, 1) as [T];
  copy.splice(target, 0, item);
  return copy;
}
