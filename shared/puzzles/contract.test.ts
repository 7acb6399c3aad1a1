/**
 * The generic contract tests: every puzzle type of the registry (and every one added later) passes
 * them, from its own arbitraries (shared/puzzles/<type>/testing.ts). See README.md.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Severity } from "../scenario/findings.ts";
import { MAX_VALUE_LENGTH } from "../scenario/primitives.ts";
import type { AnyPuzzleType } from "./contract.ts";
import { DraftEditSchema, DraftSchema, editFits, PUZZLES } from "./registry.ts";
import { type ArbitraryTools, SECRET, TESTING } from "./testing.ts";

const word = fc.stringMatching(/^[a-zé]{1,8}$/);
const tools: ArbitraryTools = {
  word,
  label: fc.stringMatching(/^[A-Za-zé]{1,8}( [a-zé]{1,8})?$/),
  secret: fc.nat(99999).map((n) => `${SECRET}${n}`),
  ids: (prefix, min, max) =>
    fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)),
};
const anyId = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
  fc.constantFrom("o-0", "o-1", "i-0", "b-1", "e-0", "f-0", "r-0", "c-0"),
);
const inUnitRange = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

/** Replaces every string of a value (recursively) with `text`. */
function withStrings(value: unknown, text: string): unknown {
  if (typeof value === "string") return text;
  if (Array.isArray(value)) return value.map((inner) => withStrings(inner, text));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withStrings(inner, text)]));
  return value;
}

function severities(type: AnyPuzzleType, puzzle: unknown, solution: unknown): Severity[] {
  const found: Severity[] = [];
  type.check({ puzzle, solution }, ["steps", 0], (severity) => found.push(severity));
  return found;
}

describe("the registries", () => {
  it("list each type once, in the same order, with its test side", () => {
    const names = PUZZLES.map((type) => type.type);
    expect(new Set(names).size).toBe(names.length);
    expect(TESTING.map((entry) => entry.type)).toEqual(names);
  });
});

for (const type of PUZZLES as readonly AnyPuzzleType[]) {
  const testing = TESTING.find((entry) => entry.type === type.type);
  if (!testing) throw new Error(`no test side for ${type.type}`);
  // Valid parts (parsed with the type's schemas), with the scenario-file input kept for round trips.
  const parts = testing.parts(tools).map((input) => ({
    input,
    puzzle: type.puzzle.parse(input.puzzle),
    solution: type.solution.parse(input.solution),
  }));
  const anyEdit = (testing.anyEdit as (id: fc.Arbitrary<string>) => fc.Arbitrary<{ op: string }>)(anyId);
  const anyDraft = (testing.anyDraft as (id: fc.Arbitrary<string>) => fc.Arbitrary<{ type: string }>)(anyId);
  const draftFor = testing.draftFor as (puzzle: unknown) => fc.Arbitrary<{ type: string }>;

  describe(`puzzle type « ${type.type} »`, () => {
    it("round-trips its puzzle and solution through JSON and its schemas", () => {
      fc.assert(
        fc.property(parts, ({ puzzle, solution }) => {
          expect(type.puzzle.parse(JSON.parse(JSON.stringify(puzzle)))).toEqual(puzzle);
          expect(type.solution.parse(JSON.parse(JSON.stringify(solution)))).toEqual(solution);
        }),
      );
    });

    it("runs its meaning checks on any generated step without throwing, solution or not", () => {
      fc.assert(
        fc.property(parts, ({ puzzle, solution }) => {
          expect(() => severities(type, puzzle, solution)).not.toThrow();
          expect(() => severities(type, puzzle, undefined)).not.toThrow();
        }),
      );
    });

    it("scores its solution draft 1, and its drafts are valid drafts", () => {
      fc.assert(
        fc.property(parts, fc.nat(), ({ puzzle, solution }, seed) => {
          const solved = type.solutionDraft(puzzle, solution);
          expect(type.draft.parse(solved)).toEqual(solved);
          expect(DraftSchema.parse(solved)).toEqual(solved);
          expect(type.score(puzzle, solution, solved).score).toBe(1);
          const publicPuzzle = type.publicPuzzle(puzzle, solution, seed);
          const blank = type.blankDraft(publicPuzzle);
          expect(type.draft.parse(blank)).toEqual(blank);
        }),
      );
    });

    it("scores the initial draft less than 1 when the step has no finding at all", () => {
      fc.assert(
        fc.property(parts, fc.nat(), ({ puzzle, solution }, seed) => {
          fc.pre(severities(type, puzzle, solution).length === 0);
          const initial = type.initialDraft
            ? type.initialDraft(puzzle, solution, seed)
            : type.blankDraft(type.publicPuzzle(puzzle, solution, seed));
          expect(type.score(puzzle, solution, initial).score).toBeLessThan(1);
        }),
      );
    });

    it("makes its one-mistake draft a valid draft scoring at most 1", () => {
      const oneMistake = testing.oneMistake as (puzzle: unknown, solution: unknown) => { type: string };
      fc.assert(
        fc.property(parts, ({ puzzle, solution }) => {
          const draft = oneMistake(puzzle, solution);
          expect(type.draft.parse(draft)).toEqual(draft);
          expect(inUnitRange(type.score(puzzle, solution, draft).score)).toBe(true);
        }),
      );
    });

    it("scores every draft in [0, 1], with feedback on known ids only", () => {
      fc.assert(
        fc.property(
          parts.chain((p) => fc.tuple(fc.constant(p), fc.oneof(anyDraft, draftFor(p.puzzle)))),
          ([{ puzzle, solution }, draft]) => {
            const result = type.score(puzzle, solution, draft);
            expect(inUnitRange(result.score)).toBe(true);
            for (const item of result.items) expect(typeof item.correct).toBe("boolean");
          },
        ),
      );
    });

    it("publishes a puzzle that holds no solution value or feedback text", () => {
      fc.assert(
        fc.property(parts, fc.nat(), ({ puzzle, solution }, seed) => {
          const published = type.publicPuzzle(puzzle, solution, seed);
          expect(JSON.stringify(published)).not.toContain(SECRET);
          expect(JSON.stringify(type.blankDraft(published))).not.toContain(SECRET);
        }),
      );
    });

    it("reaches the solution with its planned edits on a step without error, played through applyEdit", () => {
      fc.assert(
        fc.property(parts, fc.nat(), ({ puzzle, solution }, seed) => {
          fc.pre(!severities(type, puzzle, solution).includes("error"));
          const plan = type.solutionEdits(puzzle, solution);
          expect(plan.problem).toBeUndefined();
          let draft = type.initialDraft
            ? type.initialDraft(puzzle, solution, seed)
            : type.blankDraft(type.publicPuzzle(puzzle, solution, seed));
          for (const edit of plan.edits) {
            expect(type.edit.parse(edit)).toEqual(edit);
            draft = type.applyEdit(puzzle, draft, edit) ?? draft;
          }
          expect(type.score(puzzle, solution, draft).score).toBe(1);
        }),
      );
    });

    it("validates every edit it makes, and keeps drafts valid under any edit", () => {
      fc.assert(
        fc.property(
          parts,
          fc.array(anyEdit, { maxLength: 6 }),
          fc.nat(),
          ({ puzzle, solution }, edits, seed) => {
            const random = fc.sample(fc.double({ min: 0, max: 0.999, noNaN: true }), { seed, numRuns: 50 });
            let i = 0;
            for (const edit of type.randomEdits(puzzle, solution, () => random[i++ % random.length] ?? 0))
              expect(type.edit.safeParse(edit).success).toBe(true);
            let draft = type.solutionDraft(puzzle, solution);
            for (const edit of edits) {
              expect(type.edit.parse(edit)).toEqual(edit);
              expect(DraftEditSchema.parse(edit)).toEqual(edit);
              // Each edit belongs to exactly one type: `op` values are unique across the registry.
              expect(
                PUZZLES.filter((other) => editFits(other.type, edit as never)).map((t) => t.type),
              ).toEqual([type.type]);
              const next = type.applyEdit(puzzle, draft, edit);
              if (next === null) continue;
              expect(type.draft.parse(next)).toEqual(next);
              expect(inUnitRange(type.score(puzzle, solution, next).score)).toBe(true);
              draft = next;
            }
          },
        ),
      );
    });

    it("rejects malformed edits: unknown op, extra key, overlong or ill-formed text", () => {
      fc.assert(
        fc.property(anyEdit, (edit) => {
          expect(DraftEditSchema.safeParse({ ...edit, op: "zz-unknown" }).success).toBe(false);
          expect(type.edit.safeParse({ ...edit, extra: 1 }).success).toBe(false);
          const hasText = JSON.stringify(withStrings({ ...edit, op: "" }, "§")).includes("§");
          if (hasText) {
            const long = { ...(withStrings(edit, "x".repeat(MAX_VALUE_LENGTH + 1)) as object), op: edit.op };
            expect(type.edit.safeParse(long).success).toBe(false);
          }
        }),
      );
    });
  });
}
