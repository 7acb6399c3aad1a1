/**
 * A player's skills against the referential, for the debrief chart: every competence of the
 * referential (practised or not), its points, the level reached and the level thresholds.
 */
import type { Referential } from "../../../shared/scenario/schema.ts";

export interface SkillPoint {
  competence: string;
  points: number;
  level: string | null;
}

export interface SkillBar {
  competence: string;
  label: string;
  points: number;
  levelLabel: string | null;
  /** Fill share in [0, 1] of the chart's scale. */
  fill: number;
  /** Level thresholds as shares of the scale. */
  ticks: { label: string; at: number }[];
}

export function skillBars(
  referential: Pick<Referential, "levels" | "domains">,
  skills: SkillPoint[],
): SkillBar[] {
  const top = Math.max(...referential.levels.map((level) => level.minPoints), 1);
  const scale = top * 1.15;
  const byId = new Map(skills.map((skill) => [skill.competence, skill]));
  const ticks = referential.levels.map((level) => ({ label: level.label, at: level.minPoints / scale }));
  return referential.domains.flatMap((domain) =>
    domain.competences.map((competence) => {
      const skill = byId.get(competence.id);
      const points = skill?.points ?? 0;
      // The level is the rules' (shared/rules/results.ts), as the server sent it: never recomputed here.
      const reached = skill?.level ? referential.levels.find((level) => level.id === skill.level) : undefined;
      return {
        competence: competence.id,
        label: competence.label,
        points: Math.round(points * 100) / 100,
        levelLabel: reached?.label ?? null,
        fill: Math.min(1, points / scale),
        ticks,
      };
    }),
  );
}
