/**
 * Organisations in the store: the organisation (admin key hashed; directions and programmes as
 * JSON), its facilitators (keys hashed), its sessions, the direction each seat gave at join, and
 * the certificates of path issued to carnets.
 */
import type { Kysely } from "kysely";
import type { Programme } from "../../shared/organisation/programme.ts";
import type { Database } from "./store.ts";

interface OrganisationsTable {
  id: string;
  name: string;
  admin_key_hash: string;
  directions_json: string;
  programmes_json: string;
  created_at: number | string;
}
interface OrganisationFacilitatorsTable {
  key_hash: string;
  organisation_id: string;
  name: string;
  created_at: number | string;
}
interface OrganisationSessionsTable {
  session_code: string;
  organisation_id: string;
}
interface SeatDirectionsTable {
  session_code: string;
  player_id: string;
  direction: string;
}
interface PathCertificatesTable {
  verification_code: string;
  carnet_id: string;
  organisation_id: string;
  programme_id: string;
  programme_title: string;
  organisation_name: string;
  display_name: string;
  targets_json: string;
  issued_at: number | string;
}
export interface OrganisationTables {
  organisations: OrganisationsTable;
  organisation_facilitators: OrganisationFacilitatorsTable;
  organisation_sessions: OrganisationSessionsTable;
  seat_directions: SeatDirectionsTable;
  path_certificates: PathCertificatesTable;
}

const FACILITATOR_ID_LENGTH = 16;

export interface Direction {
  id: string;
  label: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  directions: Direction[];
  programmes: Programme[];
  createdAt: number;
}

export interface PathCertificate {
  verificationCode: string;
  organisationId: string;
  organisationName: string;
  programmeId: string;
  programmeTitle: string;
  displayName: string;
  targets: { competence: string; label: string; level: string; levelLabel: string }[];
  issuedAt: number;
}

function toOrganisation(r: OrganisationsTable): OrganisationRecord {
  return {
    id: r.id,
    name: r.name,
    directions: JSON.parse(r.directions_json) as Direction[],
    programmes: JSON.parse(r.programmes_json) as Programme[],
    createdAt: Number(r.created_at),
  };
}

function toCertificate(r: PathCertificatesTable): PathCertificate {
  return {
    verificationCode: r.verification_code,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    displayName: r.display_name,
    targets: JSON.parse(r.targets_json) as PathCertificate["targets"],
    issuedAt: Number(r.issued_at),
  };
}

export class OrganisationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async create(o: OrganisationRecord & { adminKeyHash: string }): Promise<void> {
    await this.db
      .insertInto("organisations")
      .values({
        id: o.id,
        name: o.name,
        admin_key_hash: o.adminKeyHash,
        directions_json: JSON.stringify(o.directions),
        programmes_json: JSON.stringify(o.programmes),
        created_at: o.createdAt,
      })
      .execute();
  }

  async byAdminKeyHash(hash: string): Promise<OrganisationRecord | null> {
    const r = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("admin_key_hash", "=", hash)
      .executeTakeFirst();
    return r ? toOrganisation(r) : null;
  }

  async byId(id: string): Promise<OrganisationRecord | null> {
    const r = await this.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toOrganisation(r) : null;
  }

  async byFacilitatorKeyHash(hash: string): Promise<OrganisationRecord | null> {
    const f = await this.db
      .selectFrom("organisation_facilitators")
      .select("organisation_id")
      .where("key_hash", "=", hash)
      .executeTakeFirst();
    return f ? this.byId(f.organisation_id) : null;
  }

  async update(id: string, changes: { directions?: Direction[]; programmes?: Programme[] }): Promise<void> {
    await this.db
      .updateTable("organisations")
      .set({
        ...(changes.directions ? { directions_json: JSON.stringify(changes.directions) } : {}),
        ...(changes.programmes ? { programmes_json: JSON.stringify(changes.programmes) } : {}),
      })
      .where("id", "=", id)
      .execute();
  }

  async addFacilitator(organisationId: string, name: string, keyHash: string, at: number): Promise<void> {
    await this.db
      .insertInto("organisation_facilitators")
      .values({ key_hash: keyHash, organisation_id: organisationId, name, created_at: at })
      .execute();
  }

  /**
   * The organisation's facilitators. Each is named by `id`, the first 16 hex digits of its key's
   * hash: enough to revoke it, nothing that opens anything (the key itself is never stored).
   */
  async facilitators(organisationId: string): Promise<{ id: string; name: string; createdAt: number }[]> {
    const rows = await this.db
      .selectFrom("organisation_facilitators")
      .select(["key_hash", "name", "created_at"])
      .where("organisation_id", "=", organisationId)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({
      id: r.key_hash.slice(0, FACILITATOR_ID_LENGTH),
      name: r.name,
      createdAt: Number(r.created_at),
    }));
  }

  /** Revokes the facilitator with this id (see `facilitators`); false when there is none. */
  async removeFacilitator(organisationId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("organisation_facilitators")
      .where("organisation_id", "=", organisationId)
      .where("key_hash", "like", `${id}%`)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async attachSession(sessionCode: string, organisationId: string): Promise<void> {
    await this.db
      .insertInto("organisation_sessions")
      .values({ session_code: sessionCode, organisation_id: organisationId })
      .execute();
  }

  async organisationOfSession(sessionCode: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("organisation_sessions")
      .select("organisation_id")
      .where("session_code", "=", sessionCode)
      .executeTakeFirst();
    return r?.organisation_id ?? null;
  }

  async setDirection(sessionCode: string, playerId: string, direction: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom("seat_directions")
        .where("session_code", "=", sessionCode)
        .where("player_id", "=", playerId)
        .execute();
      await tx
        .insertInto("seat_directions")
        .values({ session_code: sessionCode, player_id: playerId, direction })
        .execute();
    });
  }

  async certificate(
    carnetId: string,
    organisationId: string,
    programmeId: string,
  ): Promise<PathCertificate | null> {
    const r = await this.db
      .selectFrom("path_certificates")
      .selectAll()
      .where("carnet_id", "=", carnetId)
      .where("organisation_id", "=", organisationId)
      .where("programme_id", "=", programmeId)
      .executeTakeFirst();
    return r ? toCertificate(r) : null;
  }

  async issueCertificate(carnetId: string, c: PathCertificate): Promise<void> {
    await this.db
      .insertInto("path_certificates")
      .values({
        verification_code: c.verificationCode,
        carnet_id: carnetId,
        organisation_id: c.organisationId,
        programme_id: c.programmeId,
        programme_title: c.programmeTitle,
        organisation_name: c.organisationName,
        display_name: c.displayName,
        targets_json: JSON.stringify(c.targets),
        issued_at: c.issuedAt,
      })
      .execute();
  }

  async certificateByCode(verificationCode: string): Promise<PathCertificate | null> {
    const r = await this.db
      .selectFrom("path_certificates")
      .selectAll()
      .where("verification_code", "=", verificationCode)
      .executeTakeFirst();
    return r ? toCertificate(r) : null;
  }

  /** The certificates of path one carnet holds, or an organisation issued, with their carnet. */
  async certificatesWith(
    scope: { carnetId: string } | { organisationId: string },
  ): Promise<(PathCertificate & { carnetId: string })[]> {
    const rows = await this.db
      .selectFrom("path_certificates")
      .selectAll()
      .where(
        "carnetId" in scope ? "carnet_id" : "organisation_id",
        "=",
        "carnetId" in scope ? scope.carnetId : scope.organisationId,
      )
      .orderBy("issued_at")
      .orderBy("verification_code")
      .execute();
    return rows.map((r) => ({ ...toCertificate(r), carnetId: r.carnet_id }));
  }

  /** The raw rows of an organisation's sessions for the dashboard (filters applied here). */
  async dashboardRows(organisationId: string, filter: { from?: number; to?: number; scenarios?: string[] }) {
    let query = this.db
      .selectFrom("organisation_sessions as os")
      .innerJoin("sessions as s", "s.code", "os.session_code")
      .select(["s.code", "s.scenario_id", "s.created_at"])
      .where("os.organisation_id", "=", organisationId);
    if (filter.from !== undefined) query = query.where("s.created_at", ">=", filter.from);
    if (filter.to !== undefined) query = query.where("s.created_at", "<", filter.to);
    if (filter.scenarios)
      query = query.where("s.scenario_id", "in", filter.scenarios.length ? filter.scenarios : [""]);
    const sessions = (await query.orderBy("s.created_at").execute()).map((r) => ({
      code: r.code,
      scenarioId: r.scenario_id,
      createdAt: Number(r.created_at),
    }));
    const codes = sessions.length ? sessions.map((s) => s.code) : [""];
    const seats = await this.db
      .selectFrom("player_results as p")
      .leftJoin("carnet_sessions as cs", (j) =>
        j.onRef("cs.session_code", "=", "p.session_code").onRef("cs.player_id", "=", "p.player_id"),
      )
      .leftJoin("seat_directions as d", (j) =>
        j.onRef("d.session_code", "=", "p.session_code").onRef("d.player_id", "=", "p.player_id"),
      )
      .select(["p.session_code", "p.player_id", "cs.carnet_id", "d.direction"])
      .where("p.session_code", "in", codes)
      .orderBy("p.session_code")
      .orderBy("p.player_id")
      .execute();
    const steps = await this.db
      .selectFrom("step_results")
      .select(["session_code", "player_id", "step_id", "score"])
      .where("session_code", "in", codes)
      .execute();
    return {
      sessions,
      seats: seats.map((r) => ({
        sessionCode: r.session_code,
        playerId: r.player_id,
        carnetId: r.carnet_id ?? null,
        direction: r.direction ?? null,
      })),
      steps: steps.map((r) => ({
        sessionCode: r.session_code,
        playerId: r.player_id,
        stepId: r.step_id,
        score: Number(r.score),
      })),
    };
  }
}
