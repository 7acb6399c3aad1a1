/**
 * The report's chart as plain SVG: p95 latency (edit → teammates' patch, one and two processes) and
 * the floor p95 against players on the left axis, server CPU % on the right axis.
 */
import type { BenchReport } from "./report.ts";
import type { RungReport } from "./rung.ts";

const W = 720;
const H = 420;
const M = { left: 64, right: 64, top: 48, bottom: 56 };

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

export function latencyChart(report: BenchReport): string {
  const rungs = [...report.ladder.one, ...report.ladder.two];
  const players = [...new Set(rungs.map((r) => r.players))].sort((a, b) => a - b);
  const xMax = Math.max(1, ...players);
  const msMax = niceMax(
    Math.max(...rungs.flatMap((r) => [r.latency.p95Ms, r.floor.p95Ms]).filter(Number.isFinite)),
  );
  const cpuMax = niceMax(Math.max(100, ...rungs.map((r) => r.server.cpuPercent).filter(Number.isFinite)));
  const x = (p: number) => M.left + (p / xMax) * (W - M.left - M.right);
  const yMs = (v: number) => H - M.bottom - (v / msMax) * (H - M.top - M.bottom);
  const yCpu = (v: number) => H - M.bottom - (v / cpuMax) * (H - M.top - M.bottom);
  const series = (
    list: RungReport[],
    value: (r: RungReport) => number,
    y: (v: number) => number,
    color: string,
    dashed: boolean,
    label: string,
  ) => {
    const points = list
      .filter((r) => Number.isFinite(value(r)))
      .map((r) => [x(r.players).toFixed(1), y(value(r)).toFixed(1)]);
    if (points.length === 0) return "";
    const dots = points.map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`).join("");
    const dash = dashed ? ' stroke-dasharray="6 4"' : "";
    return `<g><title>${xml(label)}</title><polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${points.map((p) => p.join(",")).join(" ")}"/>${dots}</g>`;
  };
  const one = report.ladder.one;
  const two = report.ladder.two;
  const BLUE = "#1f5fbf";
  const RED = "#c0392b";
  const lines = [
    series(one, (r) => r.latency.p95Ms, yMs, BLUE, false, "p95 latency, one process"),
    series(two, (r) => r.latency.p95Ms, yMs, BLUE, true, "p95 latency, two processes"),
    series(one, (r) => r.floor.p95Ms, yMs, "#5a5a5a", false, "floor p95 (raw ws relay)"),
    series(one, (r) => r.server.cpuPercent, yCpu, RED, false, "server CPU %, one process"),
    series(two, (r) => r.server.cpuPercent, yCpu, RED, true, "server CPU %, two processes"),
  ];
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = ticks
    .map((t) => {
      const y = H - M.bottom - t * (H - M.top - M.bottom);
      return `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end">${Math.round(t * msMax)}</text><text x="${W - M.right + 6}" y="${y + 4}">${Math.round(t * cpuMax)}</text>`;
    })
    .join("");
  const xTicks = players
    .map((p) => `<text x="${x(p)}" y="${H - M.bottom + 18}" text-anchor="middle">${p}</text>`)
    .join("");
  const legend = [
    ["#1f5fbf", "", "p95 edit → teammates' patch (ms)"],
    ["#5a5a5a", "", "floor p95 (ms)"],
    ["#c0392b", "", "server CPU % (right axis)"],
    ["#1f5fbf", "6 4", "dashed: two processes"],
  ]
    .map(
      ([color, dash, label], i) =>
        `<line x1="${M.left + i * 165}" x2="${M.left + i * 165 + 20}" y1="24" y2="24" stroke="${color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ""}/><text x="${M.left + i * 165 + 24}" y="28">${xml(label ?? "")}</text>`,
    )
    .join("");
  const machine = `${report.machine.cores} cores, ${xml(report.machine.cpuModel)}, load ${report.machine.loadAverageBefore[0]} → ${report.machine.loadAverageAfter?.[0] ?? "?"}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-labelledby="title">
<title id="title">Datatruc bench: latency and CPU against connected players (${xml(report.startedAt)})</title>
<rect width="${W}" height="${H}" fill="#fff"/>
${grid}${xTicks}
<text x="${(W - M.right + M.left) / 2}" y="${H - 16}" text-anchor="middle">connected players (${machine})</text>
<text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle">latency (ms)</text>
<text transform="translate(${W - 14} ${H / 2}) rotate(90)" text-anchor="middle">server CPU (% of one core)</text>
${legend}
${lines.join("\n")}
</svg>
`;
}
