/**
 * `npm run scenarios:playtest <id> [--equipes 200] [--graine 1] [--json]`: validates the scenario,
 * then simulates teams playing it through the rules engine and reports per step. Exits 1 when the
 * scenario has errors or a step is unsolvable.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "../scenario/files.ts";
import { formatFinding, hasErrors } from "../scenario/findings.ts";
import {
  DEFAULT_PLAYTEST_TEAMS,
  type Distribution,
  type PlaytestReport,
  playtest,
  STRATEGIES,
  STRATEGY_LABELS,
} from "../scenario/playtest.ts";
import { hasFlag } from "./flags.ts";

const BARS = "▁▂▃▄▅▆▇█";

function sparkline(distribution: Distribution): string {
  const top = Math.max(1, ...distribution.histogram);
  return distribution.histogram
    .map((count) => (count === 0 ? " " : BARS[Math.min(7, Math.floor((count / top) * 7))]))
    .join("");
}

const percent = (value: number) => `${Math.round(value * 100)} %`;
const seconds = (value: number) => (value >= 90 ? `${Math.round(value / 60)} min` : `${value} s`);

export function formatReport(report: PlaytestReport): string {
  const lines = [
    `Playtest de « ${report.scenarioId} » : ${report.teams} équipes simulées par stratégie`,
    "(scores de 0 à 100 % ; histogramme de 0 à 100 %, la dernière barre = 100 %)",
    "",
  ];
  for (const step of report.steps) {
    lines.push(`Étape ${step.index + 1} « ${step.title} » (${step.type}, id ${step.id})`);
    lines.push(
      step.solvable
        ? `  soluble        : oui (la solution jouée coup par coup, ${step.editsToSolve} coups, obtient 100 %)`
        : `  soluble        : NON — ${step.problem}`,
    );
    for (const strategy of STRATEGIES) {
      const d = step.scores[strategy];
      lines.push(
        `  ${STRATEGY_LABELS[strategy].padEnd(31)}: moyenne ${percent(d.mean).padStart(5)}  (min ${percent(d.min)}, max ${percent(d.max)})  |${sparkline(d)}|`,
      );
    }
    const hints = step.hints;
    if (hints.count === 0) lines.push("  indices        : aucun");
    else if (hints.totalCost === 0)
      lines.push(`  indices        : ${hints.count}, gratuits : les prendre ne change pas le score`);
    else
      lines.push(
        `  indices        : ${hints.count}, coût total ${percent(hints.totalCost)} : avec tous les indices la solution vaut ${percent(step.scores.indices.mean)}`,
      );
    const luck = (step.scores.hasard.histogram[5] ?? 0) / report.teams;
    lines.push(`  au hasard      : ${percent(luck)} des équipes réussissent l'étape du premier coup`);
    if (luck > 0.4)
      lines.push(
        `  attention      : en répondant au hasard, ${percent(luck)} des équipes réussissent l'étape du premier coup ; ajoutez des options ou des éléments`,
      );
    const fit =
      step.estimatedSeconds > step.timeLimitSeconds
        ? "plus que la limite : augmentez timeLimitSeconds ou allégez l'étape"
        : `dans la limite de ${seconds(step.timeLimitSeconds)}`;
    lines.push(`  durée estimée  : ~${seconds(step.estimatedSeconds)} (${fit})`);
    lines.push("");
  }
  const unsolvable = report.steps.filter((step) => !step.solvable);
  lines.push(
    `Durée estimée du scénario : ~${report.estimatedMinutes} min (prévue dans metadata.durationMinutes : ${report.plannedMinutes} min)`,
  );
  lines.push(
    unsolvable.length === 0
      ? "✓ toutes les étapes sont solubles"
      : `✗ ${unsolvable.length} étape(s) insoluble(s) : ${unsolvable.map((step) => step.id).join(", ")}`,
  );
  return lines.join("\n");
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function main(argv: string[]): number {
  const json = hasFlag(argv, "json");
  const teams = Number(option(argv, "--equipes") ?? DEFAULT_PLAYTEST_TEAMS);
  const seed = Number(option(argv, "--graine") ?? 1);
  const target = argv.filter(
    (arg, i) => !arg.startsWith("--") && !["--equipes", "--graine"].includes(argv[i - 1] ?? ""),
  )[0];
  if (!target || !Number.isInteger(teams) || teams < 1 || !Number.isInteger(seed)) {
    console.error(
      "usage : npm run scenarios:playtest -- <identifiant ou fichier> [--equipes 200] [--graine 1] [--json]",
    );
    return 2;
  }
  const path =
    target.endsWith(".json") || target.includes("/") ? target : join(DEFAULT_SCENARIOS_DIR, `${target}.json`);
  if (!existsSync(path)) {
    console.error(`scénario introuvable : ${path}`);
    return 1;
  }
  const loaded = loadScenarioFiles([path]);
  if (hasErrors(loaded.findings) || !loaded.scenarios[0]) {
    for (const finding of loaded.findings) console.log(formatFinding(finding));
    console.log("\n✗ le scénario a des erreurs : corrigez-les avant le playtest (npm run scenarios:check)");
    return 1;
  }
  const report = playtest(loaded.scenarios[0].scenario, { teams, seed });
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.solvable ? 0 : 1;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
