/**
 * The one aggregation of a chart: a dataset and the team's choices → the drawn series. The server,
 * the chart, its text alternative and its data table all use these figures.
 */
import type { Aggregate, ChartDataset, Sort } from "./schema.ts";

export interface SeriesPoint {
  label: string;
  value: number;
}

export interface SeriesChoices {
  x: string | null;
  y: string | null;
  aggregate: Aggregate | null;
  sort: Sort | null;
}

/** Whether an aggregation needs a column of numbers (all but count). */
export const needsValues = (aggregate: Aggregate) => aggregate !== "count";

function fold(aggregate: Aggregate, values: number[]): number {
  switch (aggregate) {
    case "count":
      return values.length;
    case "sum":
      return values.reduce((a, b) => a + b, 0);
    case "mean":
      return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
    case "min":
      return values.length === 0 ? 0 : Math.min(...values);
    case "max":
      return values.length === 0 ? 0 : Math.max(...values);
  }
}

/** Categories in order of first appearance, with their rows' numbers. */
function groups(dataset: ChartDataset, xIndex: number, yIndex: number): Map<string, number[]> {
  const byLabel = new Map<string, number[]>();
  for (const row of dataset.rows) {
    const label = String(row[xIndex] ?? "");
    const values = byLabel.get(label) ?? [];
    const value = yIndex < 0 ? 0 : row[yIndex];
    if (typeof value === "number" && Number.isFinite(value)) values.push(value);
    else if (yIndex < 0) values.push(0);
    byLabel.set(label, values);
  }
  return byLabel;
}

/**
 * The series the choices draw, or null while they cannot draw one (no category column, no
 * aggregation, or a value column missing, unknown or not numeric where the aggregation needs it).
 */
export function chartSeries(dataset: ChartDataset, choices: SeriesChoices): SeriesPoint[] | null {
  const { x, y, aggregate, sort } = choices;
  if (x === null || aggregate === null) return null;
  const xIndex = dataset.columns.findIndex((column) => column.id === x);
  if (xIndex < 0 || dataset.columns[xIndex]?.kind !== "text") return null;
  let yIndex = -1;
  if (needsValues(aggregate)) {
    yIndex = dataset.columns.findIndex((column) => column.id === y);
    if (yIndex < 0 || dataset.columns[yIndex]?.kind !== "number") return null;
  }
  const points = [...groups(dataset, xIndex, yIndex)].map(([label, values]) => ({
    label,
    value: fold(aggregate, values),
  }));
  switch (sort ?? "none") {
    case "value-desc":
      return points.sort((a, b) => b.value - a.value);
    case "value-asc":
      return points.sort((a, b) => a.value - b.value);
    case "label":
      return points.sort((a, b) => a.label.localeCompare(b.label, "fr"));
    default:
      return points;
  }
}

/** Number of distinct categories of a text column (pie parts, bars). */
export function categoryCount(dataset: ChartDataset, columnId: string): number {
  const index = dataset.columns.findIndex((column) => column.id === columnId);
  return index < 0 ? 0 : new Set(dataset.rows.map((row) => String(row[index] ?? ""))).size;
}
