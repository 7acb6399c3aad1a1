/** The carnet's competences as chart bars (the debrief's chart, with the carnet's levels). */
import type { CompetenceProgress } from "../../../shared/rules/carnet.ts";
import type { SkillBar } from "./skills.ts";

export function carnetBars(
  levels: readonly { label: string; minPoints: number }[],
  competences: readonly CompetenceProgress[],
): SkillBar[] {
  const top = Math.max(...levels.map((level) => level.minPoints), 1);
  const scale = top * 1.15;
  const ticks = levels.map((level) => ({ label: level.label, at: level.minPoints / scale }));
  return competences.map((c) => ({
    competence: c.competence,
    label: c.label,
    points: Math.round(c.points * 100) / 100,
    levelLabel: c.level?.label ?? null,
    fill: Math.min(1, c.points / scale),
    ticks,
  }));
}
