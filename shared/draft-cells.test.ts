import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { draftCells, fromDraftCells } from "./draft-cells.ts";

describe("draft cells", () => {
  it("give any JSON value back, in any order of the cells", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const cells = [...draftCells(value)];
        const shuffled = cells
          .map((c, i) => ({ c, k: (i * 7919 + seed) % 104729 }))
          .sort((a, b) => a.k - b.k);
        expect(fromDraftCells(shuffled.map(({ c }) => c))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it("change only the cell an edit changed", () => {
    const before = draftCells({
      type: "table",
      cells: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    const after = draftCells({
      type: "table",
      cells: [
        ["a", "b"],
        ["c", "e"],
      ],
    });
    const changed = [...after].filter(([path, json]) => before.get(path) !== json);
    expect(changed).toEqual([["/cells/1/1", '"e"']]);
    expect(draftCells({ "a/b": 1, "~": 2 }).has("/a~1b")).toBe(true);
    expect(
      fromDraftCells([
        ["", "{}"],
        ["/a~1b", "1"],
        ["/~0", "2"],
      ]),
    ).toEqual({ "a/b": 1, "~": 2 });
  });
});
