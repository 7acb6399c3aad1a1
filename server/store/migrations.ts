/**
 * Versioned schema migrations, kept in code (Kysely's Migrator runs them in name order and records
 * them in its own table). Never edit a released migration: add the next one.
 * Timestamps are epoch milliseconds stored as bigint; JSON is stored as text.
 */
import type { Kysely, Migration } from "kysely";
import { type Database, seatRows } from "./store.ts";

export const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sessions")
        .addColumn("code", "varchar(16)", (c) => c.primaryKey())
        .addColumn("scenario_id", "varchar(64)", (c) => c.notNull())
        .addColumn("scenario_title", "text", (c) => c.notNull())
        .addColumn("organisation", "text", (c) => c.notNull())
        .addColumn("facilitator_key_hash", "varchar(128)", (c) => c.notNull())
        .addColumn("options_json", "text", (c) => c.notNull())
        .addColumn("seed", "bigint", (c) => c.notNull())
        .addColumn("phase", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("started_at", "bigint")
        .addColumn("ended_at", "bigint")
        .execute();

      await db.schema
        .createTable("session_log")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("actor", "varchar(64)")
        .addColumn("payload_json", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("session_log_pk", ["session_code", "seq"])
        .execute();

      await db.schema
        .createTable("step_results")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("step_id", "varchar(64)", (c) => c.notNull())
        .addColumn("step_index", "integer", (c) => c.notNull())
        .addColumn("team_id", "varchar(64)", (c) => c.notNull())
        .addColumn("score", "double precision", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("hints_used", "integer", (c) => c.notNull())
        .addColumn("closed_at", "bigint")
        .addPrimaryKeyConstraint("step_results_pk", ["session_code", "player_id", "step_id"])
        .execute();

      await db.schema
        .createTable("player_results")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("team_id", "varchar(64)")
        .addColumn("team_name", "text")
        .addColumn("rank", "integer")
        .addColumn("points", "double precision", (c) => c.notNull())
        .addColumn("skills_json", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("player_results_pk", ["session_code", "player_id"])
        .execute();

      await db.schema
        .createTable("attestations")
        .addColumn("verification_code", "varchar(32)", (c) => c.primaryKey())
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("organisation", "text", (c) => c.notNull())
        .addColumn("scenario_id", "varchar(64)", (c) => c.notNull())
        .addColumn("scenario_title", "text", (c) => c.notNull())
        .addColumn("issued_at", "bigint", (c) => c.notNull())
        .addColumn("skills_json", "text", (c) => c.notNull())
        .addUniqueConstraint("attestations_player_unique", ["session_code", "player_id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["attestations", "player_results", "step_results", "session_log", "sessions"]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  /** Carnets de compétences (issue 13): a pseudonymous record across sessions, found by its code's hash. */
  "0002_carnets": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("carnets")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("code_hash", "varchar(128)", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("carnet_sessions")
        .addColumn("carnet_id", "varchar(32)", (c) => c.notNull().references("carnets.id"))
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("linked_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("carnet_sessions_pk", ["session_code", "player_id"])
        .addUniqueConstraint("carnet_sessions_once", ["carnet_id", "session_code"])
        .execute();
      await db.schema
        .createIndex("carnet_sessions_by_carnet")
        .on("carnet_sessions")
        .column("carnet_id")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("carnet_sessions").execute();
      await db.schema.dropTable("carnets").execute();
    },
  },
  /** A session plays a fixed copy of its scenario (by content hash) under a recorded rules version.
   *  Sessions created before have neither: their room pins the catalogue's copy when it first opens. */
  "0003_scenario_versions": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("scenario_versions")
        .addColumn("hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("scenario_id", "varchar(64)", (c) => c.notNull())
        .addColumn("scenario_json", "text", (c) => c.notNull())
        .addColumn("stored_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.alterTable("sessions").addColumn("scenario_hash", "varchar(64)").execute();
      await db.schema.alterTable("sessions").addColumn("rules_version", "integer").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("sessions").dropColumn("rules_version").execute();
      await db.schema.alterTable("sessions").dropColumn("scenario_hash").execute();
      await db.schema.dropTable("scenario_versions").execute();
    },
  },
  /**
   * Organisations (issue 13): admin and facilitator keys (hashed), directions and programmes as
   * JSON; which sessions belong to one; the direction a player gave at join; certificates of path.
   */
  "0004_organisations": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("organisations")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("admin_key_hash", "varchar(128)", (c) => c.notNull().unique())
        .addColumn("directions_json", "text", (c) => c.notNull())
        .addColumn("programmes_json", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("organisation_facilitators")
        .addColumn("key_hash", "varchar(128)", (c) => c.primaryKey())
        .addColumn("organisation_id", "varchar(32)", (c) => c.notNull().references("organisations.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("organisation_sessions")
        .addColumn("session_code", "varchar(16)", (c) => c.primaryKey().references("sessions.code"))
        .addColumn("organisation_id", "varchar(32)", (c) => c.notNull().references("organisations.id"))
        .execute();
      await db.schema
        .createTable("seat_directions")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("direction", "varchar(64)", (c) => c.notNull())
        .addPrimaryKeyConstraint("seat_directions_pk", ["session_code", "player_id"])
        .execute();
      await db.schema
        .createTable("path_certificates")
        .addColumn("verification_code", "varchar(32)", (c) => c.primaryKey())
        .addColumn("carnet_id", "varchar(32)", (c) => c.notNull().references("carnets.id"))
        .addColumn("organisation_id", "varchar(32)", (c) => c.notNull().references("organisations.id"))
        .addColumn("programme_id", "varchar(64)", (c) => c.notNull())
        .addColumn("programme_title", "text", (c) => c.notNull())
        .addColumn("organisation_name", "text", (c) => c.notNull())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("targets_json", "text", (c) => c.notNull())
        .addColumn("issued_at", "bigint", (c) => c.notNull())
        .addUniqueConstraint("path_certificates_once", ["carnet_id", "organisation_id", "programme_id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        "path_certificates",
        "seat_directions",
        "organisation_sessions",
        "organisation_facilitators",
        "organisations",
      ])
        await db.schema.dropTable(table).execute();
    },
  },
  /**
   * The satisfaction questionnaire (issue 13): answers without any player id, and apart from them
   * the seats that answered (so a second answer is refused) — nothing links the two.
   */
  "0005_questionnaire": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("questionnaire_answers")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("answer_json", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("questionnaire_seats")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addPrimaryKeyConstraint("questionnaire_seats_pk", ["session_code", "player_id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("questionnaire_seats").execute();
      await db.schema.dropTable("questionnaire_answers").execute();
    },
  },
  "0006_seats": {
    /** Seat keys indexed by player, filled from the join entries already logged. */
    async up(untyped: Kysely<unknown>) {
      await untyped.schema
        .createTable("seats")
        .addColumn("session_code", "varchar(16)", (c) => c.notNull().references("sessions.code"))
        .addColumn("player_id", "varchar(64)", (c) => c.notNull())
        .addColumn("seat_key_hash", "varchar(128)", (c) => c.notNull())
        .addPrimaryKeyConstraint("seats_pk", ["session_code", "player_id"])
        .execute();
      const db = untyped as Kysely<Database>;
      const joins = await db
        .selectFrom("session_log")
        .select(["session_code", "seq", "at", "kind", "actor", "payload_json"])
        .where("kind", "=", "join")
        .execute();
      const rows = joins.flatMap((r) =>
        seatRows(r.session_code, [
          { seq: r.seq, at: Number(r.at), kind: r.kind, actor: r.actor, payload: JSON.parse(r.payload_json) },
        ]),
      );
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto("seats")
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("seats").execute();
    },
  },
  /** Anonymous aggregates kept for sessions whose personal data was purged (RETENTION_DAYS). */
  "0007_session_aggregates": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("session_aggregates")
        .addColumn("session_code", "varchar(16)", (c) => c.primaryKey().references("sessions.code"))
        .addColumn("scenario_id", "varchar(64)", (c) => c.notNull())
        .addColumn("organisation", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("ended_at", "bigint")
        .addColumn("players", "integer", (c) => c.notNull())
        .addColumn("teams", "integer", (c) => c.notNull())
        .addColumn("steps_json", "text", (c) => c.notNull())
        .addColumn("purged_at", "bigint", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("session_aggregates").execute();
    },
  },
};
