/**
 * A draft on the wire as cells (issue 16): one entry per JSON value of the draft, keyed by its
 * JSON-pointer path ("" the draft itself, "/selected/0" its first selected option), each container
 * as "{}" or "[]" and each leaf as its JSON. The synced state keeps a step's draft as such a map, so
 * an edit sends the cells it changed (a table cell, a field, a selected option), not the whole draft.
 */

const escapeKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
const unescapeKey = (key: string) => key.replaceAll("~1", "/").replaceAll("~0", "~");

/** The cells of a JSON value. */
export function draftCells(value: unknown): Map<string, string> {
  const cells = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      cells.set(path, "[]");
      for (const [index, child] of node.entries()) walk(child, `${path}/${index}`);
    } else if (node !== null && typeof node === "object") {
      cells.set(path, "{}");
      for (const [key, child] of Object.entries(node)) {
        if (child !== undefined) walk(child, `${path}/${escapeKey(key)}`);
      }
    } else cells.set(path, JSON.stringify(node ?? null));
  };
  walk(value, "");
  return cells;
}

/** The JSON value back from its cells (any order); undefined without a root cell or on a bad cell. */
export function fromDraftCells(cells: Iterable<[string, string]>): unknown {
  const byDepth = [...cells].map(([path, json]) => ({ path, json, depth: path.split("/").length }));
  byDepth.sort((a, b) => a.depth - b.depth);
  const nodes = new Map<string, unknown>();
  try {
    for (const { path, json } of byDepth) {
      const value: unknown = json === "{}" ? {} : json === "[]" ? [] : JSON.parse(json);
      if (path === "") {
        nodes.set(path, value);
        continue;
      }
      const cut = path.lastIndexOf("/");
      const parent = nodes.get(path.slice(0, cut));
      if (parent === null || typeof parent !== "object") return undefined;
      // Defined, not assigned: a key such as "__proto__" stays a plain key.
      Object.defineProperty(parent, unescapeKey(path.slice(cut + 1)), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      nodes.set(path, value);
    }
  } catch {
    return undefined;
  }
  return nodes.get("");
}
