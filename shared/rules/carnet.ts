/**
 * The carnet de compétences: levels reached across sessions, by the referential's rules (data).
 *
 * - A step counts once per carnet: replaying it keeps its best score, never adds it again.
 * - A competence's points are Σ over distinct (scenario, step) of best score × weight.
 * - A level needs its `minPoints` and practice in `minScenarios` distinct scenarios.
 * So adding a session never lowers a level, and replaying the same steps changes nothing.
 */
import type { Referential, Scenario } from "../scenario/schema.ts";

/** One step a carnet's holder took part in, as stored: its team score and the skills it trains. */
export interface CarnetStep {
  sessionCode: string;
  scenarioId: string;
  stepId: string;
  score: number;
  skills: readonly { competence: string; weight: number }[];
}

export interface LevelRef {
  id: string;
  label: string;
}

export interface NextLevel extends LevelRef {
  minPoints: number;
  minScenarios: number;
  /** Points still missing (0 when reached). */
  pointsMissing: number;
  /** Distinct scenarios still missing (0 when reached). */
  scenariosMissing: number;
}

export interface CompetenceProgress {
  competence: string;
  label: string;
  domain: string;
  points: number;
  /** Distinct scenarios where the competence was practised (with a score above 0), sorted. */
  scenarios: string[];
  level: LevelRef | null;
  /** The next level and what it still needs; null at the highest level. */
  next: NextLevel | null;
  /** Progress towards the next level in [0, 1] (1 at the highest level): the lesser of both needs. */
  progress: number;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Best earning (score × weight) per distinct (scenario, step, competence): the key to "a step counts
 * once per carnet", robust to a scenario whose step weights changed between sessions.
 */
function bestEarnings(
  steps: readonly CarnetStep[],
): Map<string, { scenarioId: string; competence: string; earned: number }> {
  const best = new Map<string, { scenarioId: string; competence: string; earned: number }>();
  for (const step of steps) {
    for (const skill of step.skills) {
      const key = `${step.scenarioId}\u0000${step.stepId}\u0000${skill.competence}`;
      const earned = step.score * skill.weight;
      const known = best.get(key);
      if (!known || earned > known.earned)
        best.set(key, { scenarioId: step.scenarioId, competence: skill.competence, earned });
    }
  }
  return best;
}

type Levels = Pick<Referential, "levels">["levels"];

/** The highest level whose points and scenario needs are both met (levels are cumulative). */
export function carnetLevel(levels: Levels, points: number, scenarios: number): LevelRef | null {
  let reached: LevelRef | null = null;
  for (const level of levels) {
    if (points >= level.minPoints && scenarios >= level.minScenarios) reached = level;
    else break;
  }
  return reached ? { id: reached.id, label: reached.label } : null;
}

/** Every competence of the referential with its carnet level and progress (referential order). */
export function carnetCompetences(
  referential: Pick<Referential, "levels" | "domains">,
  steps: readonly CarnetStep[],
): CompetenceProgress[] {
  const points = new Map<string, number>();
  const scenarios = new Map<string, Set<string>>();
  for (const { scenarioId, competence, earned } of bestEarnings(steps).values()) {
    points.set(competence, (points.get(competence) ?? 0) + earned);
    if (earned > 0) {
      const set = scenarios.get(competence) ?? new Set<string>();
      set.add(scenarioId);
      scenarios.set(competence, set);
    }
  }
  return referential.domains.flatMap((domain) =>
    domain.competences.map((competence) => {
      const total = round(points.get(competence.id) ?? 0);
      const practised = [...(scenarios.get(competence.id) ?? [])].sort();
      const level = carnetLevel(referential.levels, total, practised.length);
      const index = level ? referential.levels.findIndex((l) => l.id === level.id) : -1;
      const upcoming = referential.levels[index + 1];
      const next: NextLevel | null = upcoming
        ? {
            id: upcoming.id,
            label: upcoming.label,
            minPoints: upcoming.minPoints,
            minScenarios: upcoming.minScenarios,
            pointsMissing: round(Math.max(0, upcoming.minPoints - total)),
            scenariosMissing: Math.max(0, upcoming.minScenarios - practised.length),
          }
        : null;
      const progress = next
        ? Math.min(
            next.minPoints > 0 ? Math.min(1, total / next.minPoints) : 1,
            Math.min(1, practised.length / next.minScenarios),
          )
        : 1;
      return {
        competence: competence.id,
        label: competence.label,
        domain: domain.id,
        points: total,
        scenarios: practised,
        level,
        next,
        progress: round(progress),
      };
    }),
  );
}

export interface Suggestion {
  scenarioId: string;
  title: string;
  /** The weak competences this scenario trains (ids), strongest weight first. */
  competences: string[];
}

/**
 * Scenarios that would train the weakest competences next: the competences furthest from their
 * next level (lowest progress, then fewest points), and for them the scenarios whose steps weigh
 * most on them. A scenario already played counts too when it is the only one training a need
 * for points; when a competence lacks scenarios, the ones not yet played come first.
 */
export function suggestScenarios(
  competences: readonly CompetenceProgress[],
  scenarios: readonly Pick<Scenario, "id" | "metadata" | "steps">[],
  count = 3,
): Suggestion[] {
  const weakest = competences
    .filter((c) => c.next !== null)
    .sort(
      (a, b) => a.progress - b.progress || a.points - b.points || a.competence.localeCompare(b.competence),
    )
    .slice(0, 3);
  const ranked: { scenarioId: string; title: string; score: number; competences: Map<string, number> }[] = [];
  for (const scenario of scenarios) {
    const weights = new Map<string, number>();
    for (const step of scenario.steps)
      for (const skill of step.skills)
        weights.set(skill.competence, (weights.get(skill.competence) ?? 0) + skill.weight);
    let score = 0;
    const trains = new Map<string, number>();
    weakest.forEach((c, rank) => {
      const weight = weights.get(c.competence) ?? 0;
      if (weight <= 0) return;
      const newScenario = !c.scenarios.includes(scenario.id);
      // Weaker competences count more; a scenario not yet played for it counts double.
      score += weight * (3 - rank) * (newScenario ? 2 : 1);
      trains.set(c.competence, weight);
    });
    if (score > 0)
      ranked.push({ scenarioId: scenario.id, title: scenario.metadata.title, score, competences: trains });
  }
  ranked.sort((a, b) => b.score - a.score || a.scenarioId.localeCompare(b.scenarioId));
  return ranked.slice(0, count).map((r) => ({
    scenarioId: r.scenarioId,
    title: r.title,
    competences: [...r.competences].sort((a, b) => b[1] - a[1]).map(([id]) => id),
  }));
}
