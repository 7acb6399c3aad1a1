/**
 * The organisation dashboard's figures, pure: from the raw rows of the organisation's sessions
 * (seats, their direction and carnet, their step results with skills) to the numbers the Gironde
 * report counted by hand. Groups of fewer than `MIN_GROUP` agents are never named: their
 * directions are merged into one "other directions" row.
 */

export const MIN_GROUP = 5;
export const OTHER_DIRECTIONS = "autres";

export interface DashboardSeat {
  sessionCode: string;
  playerId: string;
  /** The carnet id when the seat is in a carnet: one agent across sessions. */
  carnetId: string | null;
  direction: string | null;
}

export interface DashboardSession {
  code: string;
  scenarioId: string;
  createdAt: number;
}

export interface DashboardStep {
  sessionCode: string;
  playerId: string;
  score: number;
  skills: readonly { competence: string; weight: number }[];
}

/** One agent: their carnet, or their seat when they kept no carnet. */
export const agentOf = (seat: DashboardSeat) => seat.carnetId ?? `${seat.sessionCode}/${seat.playerId}`;

export function dashboardFigures(
  sessions: readonly DashboardSession[],
  seats: readonly DashboardSeat[],
  steps: readonly DashboardStep[],
) {
  const byMonth = new Map<string, number>();
  for (const s of sessions) {
    const month = new Date(s.createdAt).toISOString().slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  const agents = new Set(seats.map(agentOf));
  // Each agent counts in the direction they gave (their latest one when they gave several).
  const directionOfAgent = new Map<string, string>();
  for (const seat of seats) if (seat.direction) directionOfAgent.set(agentOf(seat), seat.direction);
  const perDirection = new Map<string, number>();
  for (const direction of directionOfAgent.values())
    perDirection.set(direction, (perDirection.get(direction) ?? 0) + 1);
  const shown = (direction: string) =>
    (perDirection.get(direction) ?? 0) >= MIN_GROUP ? direction : OTHER_DIRECTIONS;
  const directions = new Map<string, number>();
  for (const [direction, count] of perDirection)
    directions.set(shown(direction), (directions.get(shown(direction)) ?? 0) + count);

  const seatKey = (code: string, player: string) => `${code}/${player}`;
  const seatDirection = new Map(
    seats.map((s) => [seatKey(s.sessionCode, s.playerId), directionOfAgent.get(agentOf(s))]),
  );
  const heat = new Map<string, Map<string, number>>();
  for (const step of steps) {
    const direction = seatDirection.get(seatKey(step.sessionCode, step.playerId));
    if (!direction) continue;
    const row = heat.get(shown(direction)) ?? new Map<string, number>();
    for (const skill of step.skills)
      row.set(skill.competence, (row.get(skill.competence) ?? 0) + step.score * skill.weight);
    heat.set(shown(direction), row);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    sessions: sessions.length,
    sessionsByMonth: [...byMonth].sort().map(([month, count]) => ({ month, count })),
    agents: agents.size,
    /** Distinct directions agents came from (all of them, even the small ones: a count names nobody). */
    directionsReached: perDirection.size,
    directions: [...directions].sort().map(([direction, count]) => ({ direction, agents: count })),
    heatmap: [...heat]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([direction, row]) => ({
        direction,
        points: Object.fromEntries([...row].sort().map(([c, p]) => [c, round(p)])),
      })),
  };
}
