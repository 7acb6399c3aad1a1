/**
 * Retention of personal data (docs/donnees-personnelles.md): sessions older than `RETENTION_DAYS`
 * lose their log, seats, per-player results and attestations, and keep one anonymous aggregate row
 * (scenario, organisation, dates, head counts, mean score per step); one player's data can be
 * deleted on request (name replaced, attestation and seat key removed).
 */
import type { Kysely } from "kysely";
import { ERASED_NAME } from "./carnets.ts";
import type { Database } from "./store.ts";

export interface SessionAggregatesTable {
  session_code: string;
  scenario_id: string;
  organisation: string;
  created_at: number | string;
  ended_at: number | string | null;
  players: number;
  teams: number;
  /** `[{ stepId, players, meanScore }]` */
  steps_json: string;
  purged_at: number | string;
}

export interface RetentionTables {
  session_aggregates: SessionAggregatesTable;
}

export class RetentionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Purges every session created before `cutoff` (epoch ms) not purged yet; returns their codes. */
  async purgeSessionsBefore(cutoff: number, now = Date.now()): Promise<string[]> {
    const sessions = await this.db
      .selectFrom("sessions")
      .select(["code", "scenario_id", "organisation", "created_at", "ended_at"])
      .where("created_at", "<", cutoff)
      .where("code", "not in", this.db.selectFrom("session_aggregates").select("session_code"))
      .execute();
    for (const s of sessions) {
      await this.db.transaction().execute(async (tx) => {
        const steps = await tx
          .selectFrom("step_results")
          .select(["step_id", "team_id", "score"])
          .where("session_code", "=", s.code)
          .execute();
        const players = await tx
          .selectFrom("player_results")
          .select("player_id")
          .where("session_code", "=", s.code)
          .execute();
        const byStep = new Map<string, number[]>();
        for (const r of steps) byStep.set(r.step_id, [...(byStep.get(r.step_id) ?? []), Number(r.score)]);
        const summary = [...byStep].map(([stepId, scores]) => ({
          stepId,
          players: scores.length,
          meanScore: scores.reduce((a, b) => a + b, 0) / scores.length,
        }));
        await tx
          .insertInto("session_aggregates")
          .values({
            session_code: s.code,
            scenario_id: s.scenario_id,
            organisation: s.organisation,
            created_at: s.created_at,
            ended_at: s.ended_at,
            players: players.length,
            teams: new Set(steps.map((r) => r.team_id)).size,
            steps_json: JSON.stringify(summary),
            purged_at: now,
          })
          .execute();
        for (const table of [
          "session_log",
          "seats",
          "step_results",
          "player_results",
          "attestations",
        ] as const) {
          await tx.deleteFrom(table).where("session_code", "=", s.code).execute();
        }
        await tx.deleteFrom("carnet_sessions").where("session_code", "=", s.code).execute();
        await tx.deleteFrom("seat_directions").where("session_code", "=", s.code).execute();
        await tx.deleteFrom("questionnaire_seats").where("session_code", "=", s.code).execute();
      });
    }
    return sessions.map((s) => s.code);
  }

  /** The anonymous aggregate kept for a purged session, or null. */
  async aggregate(code: string): Promise<{ scenarioId: string; players: number; teams: number } | null> {
    const r = await this.db
      .selectFrom("session_aggregates")
      .selectAll()
      .where("session_code", "=", code)
      .executeTakeFirst();
    return r ? { scenarioId: r.scenario_id, players: r.players, teams: r.teams } : null;
  }

  /** Deletes what names one player of one session: true when the player was found. */
  async forgetPlayer(code: string, playerId: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const joins = await tx
        .selectFrom("session_log")
        .select(["seq", "payload_json"])
        .where("session_code", "=", code)
        .where("actor", "=", playerId)
        .where("kind", "=", "join")
        .execute();
      for (const join of joins) {
        const payload = JSON.parse(join.payload_json) as Record<string, unknown>;
        const erased = { ...payload, name: ERASED_NAME, seatKeyHash: null };
        await tx
          .updateTable("session_log")
          .set({ payload_json: JSON.stringify(erased) })
          .where("session_code", "=", code)
          .where("seq", "=", join.seq)
          .execute();
      }
      const named = await tx
        .updateTable("player_results")
        .set({ player_name: ERASED_NAME })
        .where("session_code", "=", code)
        .where("player_id", "=", playerId)
        .executeTakeFirst();
      for (const table of [
        "attestations",
        "seats",
        "carnet_sessions",
        "seat_directions",
        "questionnaire_seats",
      ] as const) {
        await tx
          .deleteFrom(table)
          .where("session_code", "=", code)
          .where("player_id", "=", playerId)
          .execute();
      }
      return joins.length > 0 || Number(named.numUpdatedRows) > 0;
    });
  }
}
