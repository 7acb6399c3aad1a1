/**
 * A plain SVG drawing of a chart series (bars, line, pie) with real text: no library, no style
 * attribute (the CSP forbids inline styles), no animation. Colours come from styles.css classes.
 */
import { html, svg, type TemplateResult } from "lit-html";
import type { SeriesPoint } from "../../../../shared/puzzles/chart/aggregate.ts";
import type { ChartKind } from "../../../../shared/puzzles/chart/schema.ts";
import { formatNumber } from "../../i18n/index.ts";

const WIDTH = 480;
const HEIGHT = 260;
const PAD = { top: 16, right: 12, bottom: 48, left: 56 };
const PIE_COLOURS = 8;

/** Axis bounds that always include zero (a bar chart never truncates its axis). */
function range(points: SeriesPoint[], axisFrom?: number): { low: number; high: number } {
  const values = points.map((p) => p.value);
  const low = axisFrom ?? Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return high === low ? { low, high: low + 1 } : { low, high };
}

const short = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

function axes(
  points: SeriesPoint[],
  scaleY: (v: number) => number,
  step: number,
  { low, high }: { low: number; high: number },
) {
  const ticks = [low, (low + high) / 2, high];
  return svg`<g class="chart-axis">
    <line x1=${PAD.left} y1=${scaleY(0)} x2=${WIDTH - PAD.right} y2=${scaleY(0)}></line>
    <line x1=${PAD.left} y1=${PAD.top} x2=${PAD.left} y2=${HEIGHT - PAD.bottom}></line>
    ${ticks.map((tick) => svg`<text x=${PAD.left - 6} y=${scaleY(tick) + 4} text-anchor="end">${formatNumber(tick)}</text>`)}
    ${points.map(
      (point, i) =>
        svg`<text x=${PAD.left + step * (i + 0.5)} y=${HEIGHT - PAD.bottom + 16} text-anchor="middle">${short(point.label)}</text>`,
    )}
  </g>`;
}

function cartesian(kind: "bar" | "line", points: SeriesPoint[], axisFrom?: number): TemplateResult {
  const bounds = range(points, axisFrom);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  // A truncated axis (a judge step's flaw) clips what falls below it.
  const scaleY = (v: number) =>
    PAD.top +
    ((bounds.high - Math.max(bounds.low, Math.min(bounds.high, v))) / (bounds.high - bounds.low)) *
      plotHeight;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, points.length);
  const marks =
    kind === "bar"
      ? points.map(
          (point, i) => svg`<rect class="chart-bar" x=${PAD.left + step * i + step * 0.15} width=${step * 0.7}
            y=${Math.min(scaleY(point.value), scaleY(0))} height=${Math.abs(scaleY(point.value) - scaleY(0))}></rect>`,
        )
      : svg`<polyline class="chart-line" points=${points.map((p, i) => `${PAD.left + step * (i + 0.5)},${scaleY(p.value)}`).join(" ")}></polyline>
        ${points.map((p, i) => svg`<circle class="chart-dot" cx=${PAD.left + step * (i + 0.5)} cy=${scaleY(p.value)} r="4"></circle>`)}`;
  return svg`${marks}${axes(points, scaleY, step, bounds)}`;
}

function pie(points: SeriesPoint[]): TemplateResult {
  const total = points.reduce((sum, p) => sum + Math.max(0, p.value), 0);
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const r = HEIGHT / 2 - 16;
  if (total <= 0) return svg``;
  let angle = -Math.PI / 2;
  return svg`${points.map((point, i) => {
    const share = Math.max(0, point.value) / total;
    const start = angle;
    angle += share * 2 * Math.PI;
    const colour = `chart-part-${i % PIE_COLOURS}`;
    if (share >= 0.9999) return svg`<circle class=${colour} cx=${cx} cy=${cy} r=${r}></circle>`;
    const [x1, y1, x2, y2] = [
      cx + r * Math.cos(start),
      cy + r * Math.sin(start),
      cx + r * Math.cos(angle),
      cy + r * Math.sin(angle),
    ];
    const middle = (start + angle) / 2;
    return svg`<path class=${colour} d=${`M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${share > 0.5 ? 1 : 0} 1 ${x2},${y2} Z`}></path>
      ${share > 0.06 ? svg`<text class="chart-pie-label" x=${cx + r * 0.65 * Math.cos(middle)} y=${cy + r * 0.65 * Math.sin(middle)} text-anchor="middle">${short(point.label)}</text>` : null}`;
  })}`;
}

/**
 * The chart as an SVG image; `labelledBy` names the element holding its text alternative. The value
 * axis starts at zero unless `axisFrom` says otherwise (a judge step showing a truncated axis).
 */
export function drawChart(
  kind: ChartKind,
  points: SeriesPoint[],
  labelledBy: string,
  axisFrom?: number,
): TemplateResult {
  return html`<svg class="chart-svg" viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby=${labelledBy}
    focusable="false">${kind === "pie" ? pie(points) : cartesian(kind, points, axisFrom)}</svg>`;
}
