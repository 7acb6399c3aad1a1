/**
 * chart: the dataset (a table), one labelled select per choice (chart kind, category column, value
 * column, aggregation, sort) and the chart drawn live from the shared aggregation, with its text
 * alternative and a table of the drawn figures.
 */
import { html, nothing } from "lit-html";
import { chartSeries, needsValues, type SeriesPoint } from "../../../../shared/puzzles/chart/aggregate.ts";
import { offered } from "../../../../shared/puzzles/chart/options.ts";
import { CHOICES, type ChartDataset, type Choice } from "../../../../shared/puzzles/chart/schema.ts";
import { requestRender } from "../../app.ts";
import { formatNumber, type MessageKey, t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";

type Draft = AnswerOf<"chart">;
type Puzzle = StepOf<"chart">["puzzle"];
/** What a chart draws: the team's choices, or the chart a judge step shows. */
type Spec = Pick<Draft, Choice> & { axisFrom?: number };

/** The chart a judge step shows, as choices. */
const shownSpec = (shown: NonNullable<Puzzle["judge"]>["shown"]): Spec => ({ ...shown, y: shown.y ?? null });

/** The label of a value offered for a choice (a column's label, or a word of the catalogue). */
export function valueLabel(dataset: ChartDataset, choice: Choice, value: string): string {
  if (choice === "x" || choice === "y")
    return dataset.columns.find((column) => column.id === value)?.label ?? value;
  return t(`chart.${choice}.${value}` as MessageKey);
}

/** The series the draft draws, or a judge step shows (null while it cannot draw one). */
export const draftSeries = (puzzle: Puzzle, draft: Draft) =>
  chartSeries(puzzle.dataset, puzzle.judge ? shownSpec(puzzle.judge.shown) : draft);

/** The chart in one sentence: what is drawn, and its highest and lowest figures. */
export function chartSentence(puzzle: Puzzle, draft: Spec, points: SeriesPoint[]): string {
  const { dataset } = puzzle;
  const label = (choice: Choice) => {
    const value = draft[choice];
    return value === null ? "" : valueLabel(dataset, choice, value);
  };
  const ranked = [...points].sort((a, b) => b.value - a.value);
  const high = ranked[0];
  const low = ranked.at(-1);
  const measure =
    draft.aggregate && needsValues(draft.aggregate)
      ? t("chart.measure", { aggregate: label("aggregate"), column: label("y") })
      : t("chart.measureCount");
  return (
    t("chart.sentence", {
      kind: label("chart"),
      measure,
      x: label("x"),
      count: points.length,
      high: high ? `${high.label} (${formatNumber(high.value)})` : "",
      low: low ? `${low.label} (${formatNumber(low.value)})` : "",
    }) +
    (draft.axisFrom !== undefined && draft.chart !== "pie"
      ? ` ${t("chart.axisFrom", { from: formatNumber(draft.axisFrom) })}`
      : "")
  );
}

function datasetTable(dataset: ChartDataset) {
  return html`<details class="chart-data">
    <summary>${t("chart.dataset", { count: dataset.rows.length })}</summary>
    <div class="scroll-x" tabindex="0" role="region" aria-label=${dataset.title}>
      <table class="data-table">
        <caption>${dataset.title}</caption>
        <thead><tr>${dataset.columns.map((c) => html`<th scope="col">${c.label}${c.unit ? ` (${c.unit})` : ""}</th>`)}</tr></thead>
        <tbody>${dataset.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${typeof cell === "number" ? formatNumber(cell) : cell}</td>`)}</tr>`)}</tbody>
      </table>
    </div>
  </details>`;
}

/** The drawn chart (loaded in its own chunk), its sentence and the table of its figures. */
function figure(puzzle: Puzzle, draft: Spec, drawn: Drawer | null, showSource: boolean) {
  const points = chartSeries(puzzle.dataset, draft);
  if (!points || !draft.chart) return html`<p class="muted chart-empty">${t("chart.incomplete")}</p>`;
  const sentence = chartSentence(puzzle, draft, points);
  const valueColumn = puzzle.dataset.columns.find((c) => c.id === draft.y);
  return html`<figure class="chart-figure">
    ${drawn ? drawn(draft.chart, points, "chart-sentence", draft.axisFrom) : html`<p class="muted">${t("chart.loading")}</p>`}
    <figcaption id="chart-sentence">${sentence}${showSource && puzzle.dataset.source ? html` <span class="muted">${t("chart.source", { source: puzzle.dataset.source })}</span>` : nothing}</figcaption>
    <table class="data-table chart-figures">
      <caption class="visually-hidden">${t("chart.figures")}</caption>
      <thead><tr><th scope="col">${valueLabel(puzzle.dataset, "x", draft.x ?? "")}</th>
        <th scope="col">${draft.aggregate && needsValues(draft.aggregate) ? `${valueLabel(puzzle.dataset, "aggregate", draft.aggregate)} · ${valueColumn?.label ?? ""}${valueColumn?.unit ? ` (${valueColumn.unit})` : ""}` : t("chart.measureCount")}</th></tr></thead>
      <tbody>${points.map((p) => html`<tr><th scope="row">${p.label}</th><td>${formatNumber(p.value)}</td></tr>`)}</tbody>
    </table>
  </figure>`;
}

type Drawer = typeof import("./draw.ts").drawChart;
let drawer: Drawer | null = null;
let loading = false;

/** Loads the drawing code once, in its own chunk (the board's first load stays light); renders again then. */
function loadDrawer(): void {
  if (loading) return;
  loading = true;
  void import("./draw.ts")
    .then((module) => {
      drawer = module.drawChart;
      requestRender();
    })
    .catch(() => undefined);
}

export function chartPuzzle({ step, draft, editable, send, marks }: PuzzleContext<StepOf<"chart">, Draft>) {
  const puzzle = step.puzzle;
  loadDrawer();
  const select = (choice: Choice) => {
    const id = `chart-${choice}`;
    return html`<div class="chart-choice">
      <label for=${id}>${t(`chart.choice.${choice}` as MessageKey)}</label>
      <select id=${id} data-focus-key=${id} ?disabled=${!editable}
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          send({ op: "chart-set", choice, value: value === "" ? null : value });
        }}>
        <option value="" ?selected=${draft[choice] === null}>${t("chart.none")}</option>
        ${offered(puzzle, choice).map(
          (value) =>
            html`<option value=${value} ?selected=${draft[choice] === value}>${valueLabel(puzzle.dataset, choice, value)}</option>`,
        )}
      </select>
      ${mark(marks, choice)}
    </div>`;
  };
  if (puzzle.judge) return judgeView(puzzle, puzzle.judge, { step, draft, editable, send, marks });
  return html`<div class="puzzle chart">
    ${datasetTable(puzzle.dataset)}
    <fieldset class="chart-choices">
      <legend>${t("chart.choices")}</legend>
      ${CHOICES.map(select)}
    </fieldset>
    ${figure(puzzle, draft, drawer, true)}
  </div>`;
}

/** Judge variant: the chart shown, its data, and one checkbox per candidate flaw. */
function judgeView(
  puzzle: Puzzle,
  judge: NonNullable<Puzzle["judge"]>,
  { draft, editable, send, marks }: PuzzleContext<StepOf<"chart">, Draft>,
) {
  return html`<div class="puzzle chart">
    ${judge.shown.title ? html`<h3>${judge.shown.title}</h3>` : nothing}
    ${figure(puzzle, shownSpec(judge.shown), drawer, !judge.shown.hideSource)}
    ${datasetTable(puzzle.dataset)}
    <fieldset class="chart-flaws">
      <legend>${t("chart.flaws")}</legend>
      <ul class="options">${judge.flaws.map(
        (flaw) => html`<li>
          <label><input type="checkbox" data-focus-key=${`flaw-${flaw.id}`} .checked=${draft.flags.includes(flaw.id)}
            ?disabled=${!editable} @change=${() => send({ op: "chart-flag", flawId: flaw.id })} />
            ${flaw.label}</label> ${mark(marks, flaw.id)}
        </li>`,
      )}</ul>
    </fieldset>
  </div>`;
}
