import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { offered } from "./options.ts";
import { AGGREGATES, CHART_KINDS, CHOICES, type ChartDraft, SORTS } from "./schema.ts";

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

export const chartTesting: PuzzleTesting<"chart"> = {
  type: "chart",
  parts: ({ ids, secret }) =>
    fc
      .tuple(ids("t", 1, 2), ids("n", 1, 3), fc.integer({ min: 1, max: 8 }))
      .chain(([texts, numbers, rowCount]) =>
        fc
          .record({
            rows: fc.array(
              fc.tuple(
                fc.array(fc.constantFrom("a", "b", "c"), {
                  minLength: texts.length,
                  maxLength: texts.length,
                }),
                fc.array(fc.integer({ min: -50, max: 500 }), {
                  minLength: numbers.length,
                  maxLength: numbers.length,
                }),
              ),
              { minLength: rowCount, maxLength: rowCount },
            ),
            chart: fc.subarray([...CHART_KINDS], { minLength: 1 }),
            x: fc.subarray(texts, { minLength: 1 }),
            y: fc.option(fc.subarray(numbers, { minLength: 1 }), { nil: undefined }),
            sort: fc.option(fc.subarray([...SORTS], { minLength: 1 }), { nil: undefined }),
            feedback: secret,
          })
          .map(({ rows, chart, x, y, sort, feedback }) => ({
            puzzle: {
              dataset: {
                title: "Jeu de données",
                columns: [
                  ...texts.map((id) => ({ id, label: id, kind: "text" as const })),
                  ...numbers.map((id) => ({ id, label: id, kind: "number" as const })),
                ],
                rows: rows.map(([t, n]) => [...t, ...n]),
              },
            },
            solution: {
              chart,
              x,
              ...(y ? { y } : {}),
              aggregate: y ? ["sum", "mean"] : ["count"],
              ...(sort ? { sort } : {}),
              feedback: { chart: feedback },
            },
          })),
      ),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("chart" as const),
      chart: nullable(fc.constantFrom(...CHART_KINDS)),
      x: nullable(id),
      y: nullable(id),
      aggregate: nullable(fc.constantFrom(...AGGREGATES)),
      sort: nullable(fc.constantFrom(...SORTS)),
    }),
  draftFor: (puzzle) =>
    fc.record(
      Object.fromEntries([
        ["type", fc.constant("chart")],
        ...CHOICES.map((choice) => [choice, nullable(fc.constantFrom(...offered(puzzle, choice)))]),
      ]),
    ) as fc.Arbitrary<ChartDraft>,
  anyEdit: (id) =>
    fc.record({
      op: fc.constant("chart-set" as const),
      choice: fc.constantFrom(...CHOICES),
      value: nullable(fc.oneof(id, fc.constantFrom(...CHART_KINDS, ...AGGREGATES, ...SORTS))),
    }),
  editsTo: (draft, target) =>
    CHOICES.filter((choice) => draft[choice] !== target[choice]).map((choice) => ({
      op: "chart-set" as const,
      choice,
      value: target[choice],
    })),
  wrongDraft(puzzle, solution) {
    const wrong = <T extends string>(options: readonly T[], accepted: readonly T[]) =>
      options.find((value) => !accepted.includes(value)) ?? null;
    return {
      type: "chart",
      chart: wrong(puzzle.charts, solution.chart),
      x: wrong(offered(puzzle, "x"), solution.x),
      y: null,
      aggregate: wrong(puzzle.aggregates, solution.aggregate),
      sort: null,
    };
  },
};
