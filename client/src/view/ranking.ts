/** Teams ordered for the projected screen and the debrief (pure). */
import type { TeamView } from "./state.ts";

export interface RankedTeam {
  id: string;
  name: string;
  rank: number;
  points: number;
  closedSteps: number;
}

export function rankTeams(teams: TeamView[]): RankedTeam[] {
  return teams
    .map((team) => ({
      id: team.id,
      name: team.name,
      rank: team.rank || 0,
      points: Math.round(team.points * 100) / 100,
      closedSteps: team.steps.filter((step) => step.status === "closed").length,
    }))
    .sort((a, b) => b.points - a.points || a.rank - b.rank || a.name.localeCompare(b.name));
}
