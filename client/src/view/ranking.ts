/** Teams ordered for the projected screen and the debrief (pure), in the rules' ranking order. */
import { compareRanking } from "../../../shared/rules/results.ts";
import type { TeamView } from "./state.ts";

export interface RankedTeam {
  id: string;
  name: string;
  rank: number;
  points: number;
  closedSteps: number;
}

export function rankTeams(teams: TeamView[]): RankedTeam[] {
  return [...teams].sort(compareRanking).map((team) => ({
    id: team.id,
    name: team.name,
    rank: team.rank || 0,
    points: Math.round(team.points * 100) / 100,
    closedSteps: team.steps.filter((step) => step.status === "closed").length,
  }));
}
