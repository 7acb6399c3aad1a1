import { html } from "lit-html";
import { chartSeries } from "../../../../shared/puzzles/chart/aggregate.ts";
import { offered } from "../../../../shared/puzzles/chart/options.ts";
import { CHOICES, type Choice } from "../../../../shared/puzzles/chart/schema.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { labelOf, type PuzzleView, type Sentence } from "../types.ts";
import { chartPuzzle, chartSentence, valueLabel } from "./view.ts";

const choiceName = (choice: Choice) => t(`chart.choice.${choice}` as MessageKey);

export const chartView: PuzzleView<"chart"> = {
  type: "chart",
  render: chartPuzzle,
  answerLines(puzzle, draft) {
    if (puzzle.judge)
      return [
        {
          label: t("chart.flaws"),
          value: puzzle.judge.flaws
            .filter((flaw) => draft.flags.includes(flaw.id))
            .map((flaw) => flaw.label)
            .join(" · "),
        },
      ];
    const lines = CHOICES.map((choice) => {
      const value = draft[choice];
      return {
        label: choiceName(choice),
        value: value === null ? "" : valueLabel(puzzle.dataset, choice, value),
      };
    });
    const points = chartSeries(puzzle.dataset, draft);
    return points && draft.chart
      ? [...lines, { label: t("chart.drawn"), value: chartSentence(puzzle, draft, points) }]
      : lines;
  },
  describeEdit(puzzle, edit, name): Sentence {
    if (edit.op === "chart-flag")
      return { key: "edit.chart-flag", params: { name, flaw: labelOf(puzzle?.judge?.flaws, edit.flawId) } };
    if (edit.value === null)
      return { key: "edit.chart-clear", params: { name, choice: choiceName(edit.choice) } };
    const value = puzzle ? valueLabel(puzzle.dataset, edit.choice, edit.value) : edit.value;
    return { key: "edit.chart-set", params: { name, choice: choiceName(edit.choice), value } };
  },
  feedbackTarget: (puzzle, id) =>
    (CHOICES as readonly string[]).includes(id) ? choiceName(id as Choice) : labelOf(puzzle.judge?.flaws, id),
  kitCard: (puzzle) =>
    html`<h4>${puzzle.dataset.title}</h4>
      <table class="kit-table">
        <thead><tr>${puzzle.dataset.columns.map((c) => html`<th scope="col">${c.label}${c.unit ? ` (${c.unit})` : ""}</th>`)}</tr></thead>
        <tbody>${puzzle.dataset.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
      </table>
      ${puzzle.dataset.source ? html`<p class="muted">${puzzle.dataset.source}</p>` : null}
      ${
        puzzle.judge
          ? html`<h4>${t("chart.flaws")}</h4>
              <ul class="kit-options">${puzzle.judge.flaws.map((flaw) => html`<li>☐ ${flaw.label}</li>`)}</ul>`
          : html`<ul class="kit-options">${CHOICES.map(
              (choice) =>
                html`<li>${choiceName(choice)} : ${offered(puzzle, choice)
                  .map((value) => `☐ ${valueLabel(puzzle.dataset, choice, value)}`)
                  .join("  ")}</li>`,
            )}</ul>`
      }`,
};
