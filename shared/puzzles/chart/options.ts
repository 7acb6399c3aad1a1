/** What a team may pick for each choice of a chart step (public data only). */
import { type ChartPuzzle, type Choice, SORTS } from "./schema.ts";

type Offered = Pick<ChartPuzzle, "dataset" | "charts" | "aggregates">;

/** The values offered for a choice: chart kinds, text columns (x), number columns (y), aggregations, sorts. */
export function offered(puzzle: Offered, choice: Choice): readonly string[] {
  const columns = (kind: "text" | "number") =>
    puzzle.dataset.columns.filter((column) => column.kind === kind).map((column) => column.id);
  switch (choice) {
    case "chart":
      return puzzle.charts;
    case "x":
      return columns("text");
    case "y":
      return columns("number");
    case "aggregate":
      return puzzle.aggregates;
    case "sort":
      return SORTS;
  }
}
