import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { chart } from "./index.ts";
import { offered } from "./options.ts";
import { AGGREGATES, CHART_KINDS, CHOICES, type ChartDraft, type ChartEdit, SORTS } from "./schema.ts";

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
            judge: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
          })
          .map(({ rows, chart, x, y, sort, feedback, judge }) => {
            const dataset = {
              title: "Jeu de données",
              columns: [
                ...texts.map((id) => ({ id, label: id, kind: "text" as const })),
                ...numbers.map((id) => ({ id, label: id, kind: "number" as const })),
              ],
              rows: rows.map(([t, n]) => [...t, ...n]),
            };
            if (judge !== undefined) {
              const flaws = Array.from({ length: judge }, (_, i) => ({ id: `f-${i}`, label: `défaut ${i}` }));
              return {
                puzzle: {
                  dataset,
                  judge: {
                    shown: { chart: chart[0], x: x[0], y: numbers[0], aggregate: "sum", axisFrom: 10 },
                    flaws,
                  },
                },
                solution: { flaws: ["f-0"], feedback: { "f-0": feedback } },
              };
            }
            return {
              puzzle: { dataset },
              solution: {
                chart,
                x,
                ...(y ? { y } : {}),
                aggregate: y ? ["sum", "mean"] : ["count"],
                ...(sort ? { sort } : {}),
                feedback: { chart: feedback },
              },
            };
          }),
      ),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("chart" as const),
      chart: nullable(fc.constantFrom(...CHART_KINDS)),
      x: nullable(id),
      y: nullable(id),
      aggregate: nullable(fc.constantFrom(...AGGREGATES)),
      sort: nullable(fc.constantFrom(...SORTS)),
      flags: fc.uniqueArray(id, { maxLength: 6 }),
    }),
  draftFor: (puzzle) =>
    fc.record(
      Object.fromEntries([
        ["type", fc.constant("chart")],
        ...CHOICES.map((choice) => [
          choice,
          puzzle.judge ? fc.constant(null) : nullable(fc.constantFrom(...offered(puzzle, choice))),
        ]),
        ["flags", fc.subarray((puzzle.judge?.flaws ?? []).map((flaw) => flaw.id))],
      ]),
    ) as fc.Arbitrary<ChartDraft>,
  anyEdit: (id) =>
    fc.oneof(
      fc.record({
        op: fc.constant("chart-set" as const),
        choice: fc.constantFrom(...CHOICES),
        value: nullable(fc.oneof(id, fc.constantFrom(...CHART_KINDS, ...AGGREGATES, ...SORTS))),
      }),
      fc.record({ op: fc.constant("chart-flag" as const), flawId: id }),
    ),
  editsTo: (draft, target): ChartEdit[] => [
    ...CHOICES.filter((choice) => draft[choice] !== target[choice]).map((choice) => ({
      op: "chart-set" as const,
      choice,
      value: target[choice],
    })),
    ...[
      ...draft.flags.filter((id) => !target.flags.includes(id)),
      ...target.flags.filter((id) => !draft.flags.includes(id)),
    ].map((flawId) => ({ op: "chart-flag" as const, flawId })),
  ],
  wrongDraft(puzzle, solution) {
    const wrong = <T extends string>(options: readonly T[], accepted: readonly T[] = []) =>
      options.find((value) => !accepted.includes(value)) ?? null;
    const falseFlaw = puzzle.judge?.flaws.find((flaw) => !solution.flaws?.includes(flaw.id));
    if (puzzle.judge)
      return {
        type: "chart",
        chart: null,
        x: null,
        y: null,
        aggregate: null,
        sort: null,
        flags: falseFlaw ? [falseFlaw.id] : [],
      };
    return {
      type: "chart",
      chart: wrong(puzzle.charts, solution.chart),
      x: wrong(offered(puzzle, "x"), solution.x),
      y: null,
      aggregate: wrong(puzzle.aggregates, solution.aggregate),
      sort: null,
      flags: [],
    };
  },
  oneMistake(puzzle, solution) {
    // Judge: the first real flaw forgotten and the first false one flagged (a team is told about the
    // flaws it flags, not about those it misses). Build: the right chart with an aggregation not accepted.
    const right = chart.solutionDraft(puzzle, solution);
    if (puzzle.judge) {
      const falseFlaw = puzzle.judge.flaws.find((flaw) => !solution.flaws?.includes(flaw.id));
      return { ...right, flags: [...right.flags.slice(1), ...(falseFlaw ? [falseFlaw.id] : [])] };
    }
    const aggregate = puzzle.aggregates.find((a) => !solution.aggregate?.includes(a)) ?? null;
    return { ...right, aggregate };
  },
};
