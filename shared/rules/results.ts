/** Results: team ranking, skills earned per player, per-player results for exports. */
import type { Referential, Scenario } from "../scenario/schema.ts";
import type { SessionModel, Team } from "./model.ts";

export interface RankingEntry {
  teamId: string;
  name: string;
  /** Sum of the team's step scores. */
  points: number;
  /** Steps solved (an attempt with raw score 1). */
  solved: number;
  /** 1 = first; teams with the same points share a rank (1, 1, 3). */
  rank: number;
}

/** Rounds away floating noise so that equal sums compare equal. */
const roundPoints = (points: number) => Math.round(points * 1e6) / 1e6;

export function teamPoints(team: Team): number {
  return roundPoints(team.steps.reduce((sum, step) => sum + (step.score ?? 0), 0));
}

export function teamSolved(team: Team): number {
  return team.steps.filter((step) => step.attempts.some((attempt) => attempt.rawScore === 1)).length;
}

/** The ranking order: more points first, then more solved steps, then names in French order. Takes
 *  the model's entries or the synced state's teams alike. */
export function compareRanking(
  a: { points: number; solved: number; name: string },
  b: { points: number; solved: number; name: string },
): number {
  return b.points - a.points || b.solved - a.solved || frenchOrder.compare(a.name, b.name);
}

/** `localeCompare(…, "fr")`, with the collator made once (a ranking sorts on every change). */
const frenchOrder = new Intl.Collator("fr");

/** Teams by points (then solved steps, then name); ties on points share a rank. */
export function ranking(model: SessionModel): RankingEntry[] {
  const entries = model.teams.map((team) => ({
    teamId: team.id,
    name: team.name,
    points: teamPoints(team),
    solved: teamSolved(team),
    rank: 0,
  }));
  entries.sort(compareRanking);
  // Sorted by points first: the teams with the same points follow each other and share the rank
  // of the first of them.
  let first = 0;
  entries.forEach((entry, index) => {
    if (index > 0 && entry.points !== entries[index - 1]?.points) first = index;
    entry.rank = first + 1;
  });
  return entries;
}

export interface SkillEarned {
  competence: string;
  /** The competence's label in the referential (its id when absent). */
  label: string;
  /** Σ over the steps the player took part in of (team score × weight). */
  points: number;
  /** Highest referential level whose minPoints ≤ points, or null. */
  level: string | null;
  levelLabel: string | null;
}

function competenceLabels(referential: Referential): Map<string, string> {
  return new Map(
    referential.domains.flatMap((domain) => domain.competences.map((c) => [c.id, c.label] as const)),
  );
}

function levelFor(referential: Referential, points: number): { id: string; label: string } | null {
  let best: { id: string; label: string; minPoints: number } | null = null;
  for (const level of referential.levels) {
    if (level.minPoints <= points && (best === null || level.minPoints >= best.minPoints)) best = level;
  }
  return best ? { id: best.id, label: best.label } : null;
}

/** Per player id: the competences practised, with points and level (scenario order of first appearance). */
export function skillsEarned(
  model: SessionModel,
  scenario: Scenario,
  referential: Referential,
): Record<string, SkillEarned[]> {
  const labels = competenceLabels(referential);
  const points = new Map<string, Map<string, number>>();
  for (const playerId of Object.keys(model.players)) points.set(playerId, new Map());
  for (const team of model.teams) {
    team.steps.forEach((teamStep, index) => {
      const step = scenario.steps[index];
      if (!step || teamStep.score === null) return;
      for (const playerId of teamStep.participants) {
        const own = points.get(playerId);
        if (!own) continue;
        for (const skill of step.skills) {
          own.set(skill.competence, (own.get(skill.competence) ?? 0) + (teamStep.score ?? 0) * skill.weight);
        }
      }
    });
  }
  const result: Record<string, SkillEarned[]> = {};
  for (const [playerId, own] of points) {
    result[playerId] = [...own].map(([competence, raw]) => {
      const total = roundPoints(raw);
      const level = levelFor(referential, total);
      return {
        competence,
        label: labels.get(competence) ?? competence,
        points: total,
        level: level?.id ?? null,
        levelLabel: level?.label ?? null,
      };
    });
  }
  return result;
}

export interface PlayerStepResult {
  stepId: string;
  stepIndex: number;
  teamId: string;
  score: number;
  attempts: number;
  hintsUsed: number;
  closedAt: number | null;
}

export interface PlayerResult {
  playerId: string;
  playerName: string;
  teamId: string | null;
  teamName: string | null;
  roleId: string | null;
  /** Rank of the player's team (null without a team). */
  rank: number | null;
  /** Sum of the scores of the steps the player took part in. */
  points: number;
  skills: SkillEarned[];
  /** The steps the player took part in, with their team's result. */
  steps: PlayerStepResult[];
  /** The player's own contributions: draft edits, proposals made. */
  edits: number;
  proposals: number;
}

/** One entry per player (kicked ones included when they took part in a step), for exports. */
export function playerResults(
  model: SessionModel,
  scenario: Scenario,
  referential: Referential,
): PlayerResult[] {
  const skills = skillsEarned(model, scenario, referential);
  const ranks = new Map(ranking(model).map((entry) => [entry.teamId, entry.rank]));
  const results: PlayerResult[] = [];
  for (const player of Object.values(model.players)) {
    const steps: PlayerStepResult[] = [];
    let edits = 0;
    let proposals = 0;
    for (const team of model.teams) {
      team.steps.forEach((teamStep, stepIndex) => {
        edits += teamStep.editsByPlayer[player.id] ?? 0;
        proposals += teamStep.attempts.filter((attempt) => attempt.proposedBy === player.id).length;
        if (!teamStep.participants.includes(player.id)) return;
        steps.push({
          stepId: teamStep.stepId,
          stepIndex,
          teamId: team.id,
          score: teamStep.score ?? 0,
          attempts: teamStep.attempts.length,
          hintsUsed: teamStep.hintsUsed,
          closedAt: teamStep.closedAt,
        });
      });
    }
    if (player.kicked && steps.length === 0) continue;
    const team = model.teams.find((t) => t.id === player.teamId);
    results.push({
      playerId: player.id,
      playerName: player.name,
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      roleId: player.roleId,
      rank: team ? (ranks.get(team.id) ?? null) : null,
      points: roundPoints(steps.reduce((sum, step) => sum + step.score, 0)),
      skills: skills[player.id] ?? [],
      steps,
      edits,
      proposals,
    });
  }
  return results;
}
