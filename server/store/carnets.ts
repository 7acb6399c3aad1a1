/**
 * Carnets de compétences in the store: a carnet (found only by the hash of its code, never listed),
 * the session seats linked to it, and what the carnet page reads through those links (steps,
 * sessions, attestations). The links are the only tie between a carnet and a session: erasing the
 * carnet removes them, and the sessions keep their results under an anonymous name.
 */
import type { Kysely } from "kysely";
import type { SkillEarned } from "../../shared/rules/index.ts";
import type { Database } from "./store.ts";

interface CarnetsTable {
  id: string;
  code_hash: string;
  display_name: string;
  created_at: number | string;
}
interface CarnetSessionsTable {
  carnet_id: string;
  session_code: string;
  player_id: string;
  linked_at: number | string;
}
export interface CarnetTables {
  carnets: CarnetsTable;
  carnet_sessions: CarnetSessionsTable;
}

export interface CarnetRecord {
  id: string;
  displayName: string;
  createdAt: number;
}

export interface CarnetSession {
  sessionCode: string;
  playerId: string;
  linkedAt: number;
  scenarioId: string;
  scenarioTitle: string;
  organisation: string;
  phase: string;
  createdAt: number;
  endedAt: number | null;
}

export interface CarnetStepRow {
  sessionCode: string;
  scenarioId: string;
  stepId: string;
  score: number;
}

export interface CarnetAttestation {
  verificationCode: string;
  sessionCode: string;
  scenarioTitle: string;
  issuedAt: number;
}

/** One seat of a carnet with what the learning-record export (xAPI) tells about it. */
export interface LearningSeat {
  carnetId: string;
  displayName: string;
  sessionCode: string;
  playerId: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** The session's phase: `debrief` or `ended` once its steps are all played. */
  phase: string;
  steps: { stepId: string; stepIndex: number; score: number; attempts: number; closedAt: number | null }[];
  attestation: { verificationCode: string; issuedAt: number; skills: SkillEarned[] } | null;
}

/** The name a session keeps for a player whose carnet was erased. */
export const ERASED_NAME = "Anonyme";

export class CarnetStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(carnet: CarnetRecord & { codeHash: string }): Promise<void> {
    await this.db
      .insertInto("carnets")
      .values({
        id: carnet.id,
        code_hash: carnet.codeHash,
        display_name: carnet.displayName,
        created_at: carnet.createdAt,
      })
      .execute();
  }

  async findByCodeHash(codeHash: string): Promise<CarnetRecord | null> {
    const r = await this.db
      .selectFrom("carnets")
      .selectAll()
      .where("code_hash", "=", codeHash)
      .executeTakeFirst();
    return r ? { id: r.id, displayName: r.display_name, createdAt: Number(r.created_at) } : null;
  }

  /** The carnet a session seat is linked to, if any. */
  async carnetOfSeat(sessionCode: string, playerId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("carnet_sessions")
      .select("carnet_id")
      .where("session_code", "=", sessionCode)
      .where("player_id", "=", playerId)
      .executeTakeFirst();
    return r?.carnet_id ?? null;
  }

  /** The seat of a session already linked to this carnet, if any. */
  async seatOfCarnet(carnetId: string, sessionCode: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("carnet_sessions")
      .select("player_id")
      .where("carnet_id", "=", carnetId)
      .where("session_code", "=", sessionCode)
      .executeTakeFirst();
    return r?.player_id ?? null;
  }

  async link(carnetId: string, sessionCode: string, playerId: string, at: number): Promise<void> {
    await this.db
      .insertInto("carnet_sessions")
      .values({ carnet_id: carnetId, session_code: sessionCode, player_id: playerId, linked_at: at })
      .execute();
  }

  async sessions(carnetId: string): Promise<CarnetSession[]> {
    const rows = await this.db
      .selectFrom("carnet_sessions as cs")
      .innerJoin("sessions as s", "s.code", "cs.session_code")
      .select([
        "cs.session_code",
        "cs.player_id",
        "cs.linked_at",
        "s.scenario_id",
        "s.scenario_title",
        "s.organisation",
        "s.phase",
        "s.created_at",
        "s.ended_at",
      ])
      .where("cs.carnet_id", "=", carnetId)
      .orderBy("s.created_at")
      .orderBy("cs.session_code")
      .execute();
    return rows.map((r) => ({
      sessionCode: r.session_code,
      playerId: r.player_id,
      linkedAt: Number(r.linked_at),
      scenarioId: r.scenario_id,
      scenarioTitle: r.scenario_title,
      organisation: r.organisation,
      phase: r.phase,
      createdAt: Number(r.created_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
    }));
  }

  /** Every step result of the seats linked to the carnet, with the session's scenario. */
  async steps(carnetId: string): Promise<CarnetStepRow[]> {
    const rows = await this.db
      .selectFrom("carnet_sessions as cs")
      .innerJoin("sessions as s", "s.code", "cs.session_code")
      .innerJoin("step_results as r", (join) =>
        join.onRef("r.session_code", "=", "cs.session_code").onRef("r.player_id", "=", "cs.player_id"),
      )
      .select(["r.session_code", "s.scenario_id", "r.step_id", "r.score"])
      .where("cs.carnet_id", "=", carnetId)
      .orderBy("r.session_code")
      .orderBy("r.step_index")
      .execute();
    return rows.map((r) => ({
      sessionCode: r.session_code,
      scenarioId: r.scenario_id,
      stepId: r.step_id,
      score: Number(r.score),
    }));
  }

  async attestations(carnetId: string): Promise<CarnetAttestation[]> {
    const rows = await this.db
      .selectFrom("carnet_sessions as cs")
      .innerJoin("attestations as a", (join) =>
        join.onRef("a.session_code", "=", "cs.session_code").onRef("a.player_id", "=", "cs.player_id"),
      )
      .select(["a.verification_code", "a.session_code", "a.scenario_title", "a.issued_at"])
      .where("cs.carnet_id", "=", carnetId)
      .orderBy("a.issued_at")
      .execute();
    return rows.map((r) => ({
      verificationCode: r.verification_code,
      sessionCode: r.session_code,
      scenarioTitle: r.scenario_title,
      issuedAt: Number(r.issued_at),
    }));
  }

  /**
   * The seats of one carnet, or of every carnet met in an organisation's sessions, with their
   * sessions, step results and attestations (the learning-record export). Seats without a carnet
   * are not learning records: they stay out.
   */
  async learningSeats(scope: { carnetId: string } | { organisationId: string }): Promise<LearningSeat[]> {
    let query = this.db
      .selectFrom("carnet_sessions as cs")
      .innerJoin("carnets as c", "c.id", "cs.carnet_id")
      .innerJoin("sessions as s", "s.code", "cs.session_code")
      .leftJoin("attestations as a", (join) =>
        join.onRef("a.session_code", "=", "cs.session_code").onRef("a.player_id", "=", "cs.player_id"),
      )
      .select([
        "cs.carnet_id",
        "c.display_name",
        "cs.session_code",
        "cs.player_id",
        "s.scenario_id",
        "s.scenario_title",
        "s.created_at",
        "s.started_at",
        "s.ended_at",
        "s.phase",
        "a.verification_code",
        "a.issued_at",
        "a.skills_json",
      ]);
    query =
      "carnetId" in scope
        ? query.where("cs.carnet_id", "=", scope.carnetId)
        : query
            .innerJoin("organisation_sessions as os", "os.session_code", "cs.session_code")
            .where("os.organisation_id", "=", scope.organisationId);
    const seats = await query
      .orderBy("s.created_at")
      .orderBy("cs.session_code")
      .orderBy("cs.player_id")
      .execute();
    const codes = seats.length ? [...new Set(seats.map((r) => r.session_code))] : [""];
    const steps = await this.db
      .selectFrom("step_results")
      .select(["session_code", "player_id", "step_id", "step_index", "score", "attempts", "closed_at"])
      .where("session_code", "in", codes)
      .orderBy("step_index")
      .execute();
    const stepsOf = new Map<string, LearningSeat["steps"]>();
    for (const r of steps) {
      const key = `${r.session_code}\u0000${r.player_id}`;
      const list = stepsOf.get(key) ?? [];
      list.push({
        stepId: r.step_id,
        stepIndex: r.step_index,
        score: Number(r.score),
        attempts: r.attempts,
        closedAt: r.closed_at === null ? null : Number(r.closed_at),
      });
      stepsOf.set(key, list);
    }
    return seats.map((r) => ({
      carnetId: r.carnet_id,
      displayName: r.display_name,
      sessionCode: r.session_code,
      playerId: r.player_id,
      scenarioId: r.scenario_id,
      scenarioTitle: r.scenario_title,
      createdAt: Number(r.created_at),
      startedAt: r.started_at === null ? null : Number(r.started_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
      phase: r.phase,
      steps: stepsOf.get(`${r.session_code}\u0000${r.player_id}`) ?? [],
      attestation:
        r.verification_code && r.issued_at !== null && r.skills_json
          ? {
              verificationCode: r.verification_code,
              issuedAt: Number(r.issued_at),
              skills: JSON.parse(r.skills_json) as SkillEarned[],
            }
          : null,
    }));
  }

  /**
   * Erases a carnet: the carnet, its links, its certificates of path and the attestations of its
   * seats (they carry the name); the sessions keep their results under an anonymous name. One transaction.
   */
  async erase(carnetId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const seats = await tx
        .selectFrom("carnet_sessions")
        .select(["session_code", "player_id"])
        .where("carnet_id", "=", carnetId)
        .execute();
      for (const seat of seats) {
        await tx
          .deleteFrom("attestations")
          .where("session_code", "=", seat.session_code)
          .where("player_id", "=", seat.player_id)
          .execute();
        await tx
          .updateTable("player_results")
          .set({ player_name: ERASED_NAME })
          .where("session_code", "=", seat.session_code)
          .where("player_id", "=", seat.player_id)
          .execute();
      }
      await tx.deleteFrom("path_certificates").where("carnet_id", "=", carnetId).execute();
      await tx.deleteFrom("carnet_sessions").where("carnet_id", "=", carnetId).execute();
      await tx.deleteFrom("carnets").where("id", "=", carnetId).execute();
    });
  }
}
