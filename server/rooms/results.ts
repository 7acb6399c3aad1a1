/** Results rows for the store, derived from the model by the pure rules (`playerResults`). */
import { playerResults, type SessionModel } from "../../shared/rules/index.ts";
import type { Referential, Scenario } from "../../shared/scenario/schema.ts";
import type { PlayerResult, StepResult } from "../store/store.ts";

export function deriveResults(
  model: SessionModel,
  scenario: Scenario,
  referential: Referential,
): { steps: StepResult[]; players: PlayerResult[] } {
  const results = playerResults(model, scenario, referential);
  return {
    players: results.map((r) => ({
      playerId: r.playerId,
      playerName: r.playerName,
      teamId: r.teamId,
      teamName: r.teamName,
      rank: r.rank,
      points: r.points,
      skills: r.skills,
    })),
    steps: results.flatMap((r) => r.steps.map((s) => ({ playerId: r.playerId, ...s }))),
  };
}
