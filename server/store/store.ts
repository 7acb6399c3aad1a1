/**
 * The store: one query layer (Kysely) over SQLite (default, embedded) or PostgreSQL
 * (`DATABASE_URL=postgres://…`). Holds sessions, the append-only session log, the results derived
 * from it and the attestations. Every method is async; callers await writes before acknowledging.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type {
  PlayerStepResult,
  PlayerResult as RulesPlayerResult,
  SkillEarned,
} from "../../shared/rules/index.ts";
import { timedWrite } from "../metrics.ts";
import { CarnetStore, type CarnetTables } from "./carnets.ts";
import { migrations } from "./migrations.ts";
import { OrganisationStore, type OrganisationTables } from "./organisations.ts";
import { QuestionnaireStore, type QuestionnaireTables } from "./questionnaire.ts";
import { RetentionStore, type RetentionTables } from "./retention.ts";

export interface SessionsTable {
  code: string;
  scenario_id: string;
  scenario_title: string;
  organisation: string;
  facilitator_key_hash: string;
  options_json: string;
  seed: number | string;
  phase: string;
  created_at: number | string;
  started_at: number | string | null;
  ended_at: number | string | null;
  scenario_hash: string | null;
  rules_version: number | null;
}
interface ScenarioVersionsTable {
  hash: string;
  scenario_id: string;
  scenario_json: string;
  stored_at: number | string;
}
interface SessionLogTable {
  session_code: string;
  seq: number;
  at: number | string;
  kind: string;
  actor: string | null;
  payload_json: string;
}
interface StepResultsTable {
  session_code: string;
  player_id: string;
  step_id: string;
  step_index: number;
  team_id: string;
  score: number;
  attempts: number;
  hints_used: number;
  closed_at: number | string | null;
}
interface PlayerResultsTable {
  session_code: string;
  player_id: string;
  player_name: string;
  team_id: string | null;
  team_name: string | null;
  rank: number | null;
  points: number;
  skills_json: string;
  updated_at: number | string;
}
export interface AttestationsTable {
  verification_code: string;
  session_code: string;
  player_id: string;
  player_name: string;
  organisation: string;
  scenario_id: string;
  scenario_title: string;
  issued_at: number | string;
  skills_json: string;
}
/** Seat keys (hashed) by player: the attestation check reads one row instead of the session log. */
interface SeatsTable {
  session_code: string;
  player_id: string;
  seat_key_hash: string;
}
export interface Database extends CarnetTables, OrganisationTables, QuestionnaireTables, RetentionTables {
  seats: SeatsTable;
  sessions: SessionsTable;
  scenario_versions: ScenarioVersionsTable;
  session_log: SessionLogTable;
  step_results: StepResultsTable;
  player_results: PlayerResultsTable;
  attestations: AttestationsTable;
}

export interface SessionRecord {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  organisation: string;
  facilitatorKeyHash: string;
  options: unknown;
  seed: number;
  phase: string;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Content hash of the stored copy of the scenario this session plays (null: created before copies
   *  were kept, until its room pins one). */
  scenarioHash: string | null;
  /** `RULES_VERSION` of the rules the session was created with. */
  rulesVersion: number | null;
}

export interface LogEntry {
  seq: number;
  at: number;
  kind: string;
  actor: string | null;
  payload: unknown;
}

/** A skill reached by a player, with the labels needed to print it (as the rules compute it). */
export type SkillResult = SkillEarned;

/** One player's result on one step they took part in. */
export type StepResult = PlayerStepResult & { playerId: string };

/** What the store keeps per player: the rules' `PlayerResult` without the per-step detail. */
export type PlayerResult = Pick<
  RulesPlayerResult,
  "playerId" | "playerName" | "teamId" | "teamName" | "rank" | "points" | "skills"
>;

export interface Attestation {
  verificationCode: string;
  sessionCode: string;
  playerId: string;
  playerName: string;
  organisation: string;
  scenarioId: string;
  scenarioTitle: string;
  issuedAt: number;
  skills: SkillResult[];
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export type StoreConfig = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** Reads `DATABASE_URL` (postgres://…) or `DATABASE_PATH` (default data/datatruc.sqlite). */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  return { kind: "sqlite", path: env.DATABASE_PATH || "data/datatruc.sqlite" };
}

/** Statements kept per SQL text (at most this many). */
const KEPT_STATEMENTS = 200;

/**
 * better-sqlite3 behind Kysely, with its prepared statements kept by SQL text: Kysely prepares every
 * query anew, which was a third of a log write's time in the bench's profile. A statement still busy
 * (an iterator reading) is not shared: a fresh one is prepared.
 */
function keptStatements(db: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      kept.clear();
      db.close();
    },
    prepare(sql: string) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) return statement;
      const fresh = db.prepare(sql);
      kept.delete(sql);
      if (kept.size >= KEPT_STATEMENTS) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      kept.set(sql, fresh);
      return fresh;
    },
  };
}

/** The database behind a store, not migrated (Store.open migrates it). */
export function openDatabase(config: StoreConfig): Kysely<Database> {
  if (config.kind === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new BetterSqlite3(config.path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) });
  }
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 10 }) }),
  });
}

/** The seat-key hashes that join entries carry (and `seat-claimed` ones: the seat taken back on
 *  another device gets a new key), as rows of the seats table. */
export function seatRows(code: string, entries: LogEntry[]): SeatsTable[] {
  const rows: SeatsTable[] = [];
  for (const e of entries) {
    const hash = (e.payload as { seatKeyHash?: unknown } | null)?.seatKeyHash;
    if ((e.kind === "join" || e.kind === "seat-claimed") && e.actor && typeof hash === "string") {
      rows.push({ session_code: code, player_id: e.actor, seat_key_hash: hash });
    }
  }
  return rows;
}

export class Store {
  /** Carnets de compétences (issue 13). */
  readonly carnets: CarnetStore;
  /** Organisations, their facilitators, programmes and certificates of path (issue 13). */
  readonly organisations: OrganisationStore;
  /** Satisfaction questionnaire answers, anonymous (issue 13). */
  readonly questionnaire: QuestionnaireStore;
  /** Retention and deletion of personal data (issue 15). */
  readonly retention: RetentionStore;

  private constructor(private readonly db: Kysely<Database>) {
    this.carnets = new CarnetStore(db);
    this.organisations = new OrganisationStore(db);
    this.questionnaire = new QuestionnaireStore(db);
    this.retention = new RetentionStore(db);
  }

  /** Opens (creating the file if needed) and migrates the database. */
  static async open(config: StoreConfig): Promise<Store> {
    const db = openDatabase(config);
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === "Error");
    if (error || failed) {
      await db.destroy();
      throw new Error(
        `migration de la base impossible (${failed?.migrationName ?? "?"}) : ${String(error ?? "erreur")}`,
      );
    }
    return new Store(db);
  }

  /** Throws when the database does not answer (health check). */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({
        code: s.code,
        scenario_id: s.scenarioId,
        scenario_title: s.scenarioTitle,
        organisation: s.organisation,
        facilitator_key_hash: s.facilitatorKeyHash,
        options_json: JSON.stringify(s.options),
        seed: s.seed,
        phase: s.phase,
        created_at: s.createdAt,
        started_at: s.startedAt,
        ended_at: s.endedAt,
        scenario_hash: s.scenarioHash,
        rules_version: s.rulesVersion,
      })
      .execute();
  }

  /** Keeps a copy of a scenario under its content hash (once per content; `at` marks its last use). */
  async saveScenarioVersion(hash: string, scenarioId: string, scenario: unknown, at: number): Promise<void> {
    await this.db
      .insertInto("scenario_versions")
      .values({ hash, scenario_id: scenarioId, scenario_json: JSON.stringify(scenario), stored_at: at })
      .onConflict((oc) => oc.column("hash").doUpdateSet({ stored_at: at }))
      .execute();
  }

  /** The stored copy with this hash, as it was saved. */
  async getScenarioVersion(hash: string): Promise<unknown | null> {
    const row = await this.db
      .selectFrom("scenario_versions")
      .select("scenario_json")
      .where("hash", "=", hash)
      .executeTakeFirst();
    return row ? JSON.parse(row.scenario_json) : null;
  }

  /** The copy of a scenario stored last (by any session), or null. */
  async latestScenarioVersion(scenarioId: string): Promise<unknown | null> {
    const row = await this.db
      .selectFrom("scenario_versions")
      .select("scenario_json")
      .where("scenario_id", "=", scenarioId)
      .orderBy("stored_at", "desc")
      .executeTakeFirst();
    return row ? JSON.parse(row.scenario_json) : null;
  }

  /** Fixes the scenario copy and rules version of a session created before they were recorded. */
  async pinSessionScenario(code: string, scenarioHash: string, rulesVersion: number): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ scenario_hash: scenarioHash, rules_version: rulesVersion })
      .where("code", "=", code)
      .where("scenario_hash", "is", null)
      .execute();
  }

  async getSession(code: string): Promise<SessionRecord | null> {
    const r = await this.db.selectFrom("sessions").selectAll().where("code", "=", code).executeTakeFirst();
    if (!r) return null;
    return {
      code: r.code,
      scenarioId: r.scenario_id,
      scenarioTitle: r.scenario_title,
      organisation: r.organisation,
      facilitatorKeyHash: r.facilitator_key_hash,
      options: JSON.parse(r.options_json),
      seed: Number(r.seed),
      phase: r.phase,
      createdAt: Number(r.created_at),
      startedAt: num(r.started_at),
      endedAt: num(r.ended_at),
      scenarioHash: r.scenario_hash,
      rulesVersion: r.rules_version === null ? null : Number(r.rules_version),
    };
  }

  /** Codes of the sessions not ended, created after `since` (epoch ms): the rooms to bring back. */
  async liveSessionCodes(since: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("sessions")
      .select("code")
      .where("phase", "!=", "ended")
      .where("created_at", ">=", since)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => r.code);
  }

  async updateSessionPhase(
    code: string,
    phase: string,
    startedAt: number | null,
    endedAt: number | null,
  ): Promise<void> {
    await timedWrite("update_phase", () =>
      this.db
        .updateTable("sessions")
        .set({ phase, started_at: startedAt, ended_at: endedAt })
        .where("code", "=", code)
        .execute(),
    );
  }

  /** Appends entries to a session's log (never updated); a join's seat-key hash is indexed with it. */
  async appendLog(code: string, entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const seats = seatRows(code, entries);
    await timedWrite("append_log", () =>
      this.db.transaction().execute(async (tx) => {
        await tx
          .insertInto("session_log")
          .values(
            entries.map((e) => ({
              session_code: code,
              seq: e.seq,
              at: e.at,
              kind: e.kind,
              actor: e.actor,
              payload_json: JSON.stringify(e.payload ?? null),
            })),
          )
          .execute();
        if (seats.length > 0) {
          await tx
            .insertInto("seats")
            .values(seats)
            .onConflict((oc) =>
              oc
                .columns(["session_code", "player_id"])
                .doUpdateSet({ seat_key_hash: (eb) => eb.ref("excluded.seat_key_hash") }),
            )
            .execute();
        }
      }),
    );
  }

  /** The hash of the seat key `playerId` holds (given at join or when the seat was taken back), or null. */
  async seatKeyHash(code: string, playerId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("seats")
      .select("seat_key_hash")
      .where("session_code", "=", code)
      .where("player_id", "=", playerId)
      .executeTakeFirst();
    return r?.seat_key_hash ?? null;
  }

  async readLog(code: string): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    for await (const page of this.readLogPages(code)) entries.push(...page);
    return entries;
  }

  /** A session's log in order, page by page (`size` entries each): a long log is never read, parsed
   *  or held in one piece. */
  async *readLogPages(code: string, size = 2000): AsyncGenerator<LogEntry[]> {
    let after = -1;
    for (;;) {
      const rows = await this.db
        .selectFrom("session_log")
        .selectAll()
        .where("session_code", "=", code)
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(size)
        .execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        seq: r.seq,
        at: Number(r.at),
        kind: r.kind,
        actor: r.actor,
        payload: JSON.parse(r.payload_json),
      }));
      after = rows[rows.length - 1]?.seq ?? after;
      if (rows.length < size) return;
    }
  }

  async lastLogSeq(code: string): Promise<number> {
    const r = await this.db
      .selectFrom("session_log")
      .select((eb) => eb.fn.max("seq").as("max"))
      .where("session_code", "=", code)
      .executeTakeFirst();
    return r?.max == null ? 0 : Number(r.max);
  }

  /** Replaces a session's derived results (all of them, in one transaction). */
  async saveResults(code: string, steps: StepResult[], players: PlayerResult[], now: number): Promise<void> {
    await timedWrite("save_results", () =>
      this.db.transaction().execute(async (tx) => {
        await tx.deleteFrom("step_results").where("session_code", "=", code).execute();
        await tx.deleteFrom("player_results").where("session_code", "=", code).execute();
        if (steps.length > 0) {
          await tx
            .insertInto("step_results")
            .values(
              steps.map((s) => ({
                session_code: code,
                player_id: s.playerId,
                step_id: s.stepId,
                step_index: s.stepIndex,
                team_id: s.teamId,
                score: s.score,
                attempts: s.attempts,
                hints_used: s.hintsUsed,
                closed_at: s.closedAt,
              })),
            )
            .execute();
        }
        if (players.length > 0) {
          await tx
            .insertInto("player_results")
            .values(
              players.map((p) => ({
                session_code: code,
                player_id: p.playerId,
                player_name: p.playerName,
                team_id: p.teamId,
                team_name: p.teamName,
                rank: p.rank,
                points: p.points,
                skills_json: JSON.stringify(p.skills),
                updated_at: now,
              })),
            )
            .execute();
        }
      }),
    );
  }

  async getResults(code: string): Promise<{ steps: StepResult[]; players: PlayerResult[] }> {
    const steps = await this.db
      .selectFrom("step_results")
      .selectAll()
      .where("session_code", "=", code)
      .orderBy("player_id")
      .orderBy("step_index")
      .execute();
    const players = await this.db
      .selectFrom("player_results")
      .selectAll()
      .where("session_code", "=", code)
      .orderBy("team_name")
      .orderBy("player_name")
      .execute();
    return {
      steps: steps.map((s) => ({
        playerId: s.player_id,
        stepId: s.step_id,
        stepIndex: s.step_index,
        teamId: s.team_id,
        score: s.score,
        attempts: s.attempts,
        hintsUsed: s.hints_used,
        closedAt: num(s.closed_at),
      })),
      players: players.map((p) => ({
        playerId: p.player_id,
        playerName: p.player_name,
        teamId: p.team_id,
        teamName: p.team_name,
        rank: p.rank,
        points: p.points,
        skills: JSON.parse(p.skills_json) as SkillResult[],
      })),
    };
  }

  /** Returns the player's attestation, issuing it (with the given code) on first request. */
  async issueAttestation(a: Attestation): Promise<Attestation> {
    const existing = await this.db
      .selectFrom("attestations")
      .selectAll()
      .where("session_code", "=", a.sessionCode)
      .where("player_id", "=", a.playerId)
      .executeTakeFirst();
    if (existing) {
      // Skills may have grown since the first issue (later steps): keep the code, refresh the content.
      await this.db
        .updateTable("attestations")
        .set({ skills_json: JSON.stringify(a.skills), player_name: a.playerName })
        .where("verification_code", "=", existing.verification_code)
        .execute();
      return { ...toAttestation(existing), skills: a.skills, playerName: a.playerName };
    }
    await this.db
      .insertInto("attestations")
      .values({
        verification_code: a.verificationCode,
        session_code: a.sessionCode,
        player_id: a.playerId,
        player_name: a.playerName,
        organisation: a.organisation,
        scenario_id: a.scenarioId,
        scenario_title: a.scenarioTitle,
        issued_at: a.issuedAt,
        skills_json: JSON.stringify(a.skills),
      })
      .execute();
    return a;
  }

  async getAttestation(verificationCode: string): Promise<Attestation | null> {
    const r = await this.db
      .selectFrom("attestations")
      .selectAll()
      .where("verification_code", "=", verificationCode)
      .executeTakeFirst();
    return r ? toAttestation(r) : null;
  }
}

export function toAttestation(r: AttestationsTable): Attestation {
  return {
    verificationCode: r.verification_code,
    sessionCode: r.session_code,
    playerId: r.player_id,
    playerName: r.player_name,
    organisation: r.organisation,
    scenarioId: r.scenario_id,
    scenarioTitle: r.scenario_title,
    issuedAt: Number(r.issued_at),
    skills: JSON.parse(r.skills_json) as SkillResult[],
  };
}
