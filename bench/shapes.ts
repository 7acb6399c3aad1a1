/**
 * Sessions of realistic shape for one rung of the ladder: one plenary session of 500 (from 1,000
 * players up; `--plenary` sets its size, for measuring a burst at small sizes), then half of the rest in hackathons of 60 and the other half at café tables of 5.
 * Teams of 5 everywhere. Under 120 players (the CI smoke) there are café tables only.
 */
export type SessionKind = "plenary" | "hackathon" | "cafe";

export interface SessionShape {
  kind: SessionKind;
  players: number;
}

export const TEAM_SIZE = 5;
export const PLENARY = 500;
export const HACKATHON = 60;
export const CAFE = 5;

export function sessionShapes(players: number, plenary = PLENARY): SessionShape[] {
  const shapes: SessionShape[] = [];
  let rest = players;
  if (players >= 2 * plenary) {
    shapes.push({ kind: "plenary", players: plenary });
    rest -= plenary;
  }
  const hackathons = Math.floor(rest / 2 / HACKATHON);
  for (let i = 0; i < hackathons; i++) shapes.push({ kind: "hackathon", players: HACKATHON });
  rest -= hackathons * HACKATHON;
  while (rest > 0) {
    const size = Math.min(CAFE, rest);
    shapes.push({ kind: "cafe", players: size });
    rest -= size;
  }
  return shapes;
}

/** What every bench session plays: the `exemple` scenario in teams of 5, teams added as players come. */
export const SESSION_BODY = { scenarioId: "exemple", teamSize: TEAM_SIZE, teamCount: "auto" } as const;
/** The edit every editor makes (and makes again): toggling an option of the first step, a choice. */
export const EDIT = { stepId: "licence", optionId: "licence-ouverte" } as const;
