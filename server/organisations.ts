/**
 * Organisations seen from HTTP and from the operator command: creating one (admin key shown once,
 * stored hashed), its directions, facilitators and programmes (validated against the catalogue),
 * the direction a player gives at join, and the certificates of path a carnet earns when it meets
 * a programme's targets.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { dashboardFigures } from "../shared/organisation/dashboard.ts";
import {
  checkProgrammes,
  type Programme,
  Programmes,
  programmeProgress,
} from "../shared/organisation/programme.ts";
import { tallyQuestionnaire } from "../shared/questionnaire.ts";
import { type CompetenceProgress, carnetCompetences } from "../shared/rules/carnet.ts";
import { Id } from "../shared/scenario/schema.ts";
import {
  hashSecret,
  isWellFormedJoinCode,
  newSecret,
  newVerificationCode,
  normalizeJoinCode,
} from "./codes.ts";
import { HttpError } from "./http/errors.ts";
import { type Catalog, sessionScenarios, stepSkills } from "./scenarios.ts";
import type { SessionService } from "./sessions.ts";
import type { Direction, OrganisationRecord, PathCertificate } from "./store/organisations.ts";
import type { Store } from "./store/store.ts";
import { exportStatements } from "./xapi.ts";

export const OrganisationName = z.string().trim().min(1).max(120);
export const Directions = z
  .array(z.strictObject({ id: Id, label: z.string().trim().min(1).max(120) }))
  .max(200)
  .refine((list) => new Set(list.map((d) => d.id)).size === list.length, {
    message: "deux directions ont le même identifiant",
  });

/** Creates an organisation; returns its admin key (shown once, never stored in clear). */
export async function createOrganisation(
  store: Store,
  name: string,
  directions: Direction[] = [],
): Promise<{ organisation: OrganisationRecord; adminKey: string }> {
  const adminKey = newSecret();
  const organisation = {
    id: randomBytes(12).toString("hex"),
    name,
    directions,
    programmes: [],
    createdAt: Date.now(),
  };
  await store.organisations.create({ ...organisation, adminKeyHash: hashSecret(adminKey) });
  return { organisation, adminKey };
}

function invalid(problems: string[]): never {
  throw new HttpError(400, "invalid-programme", problems.join(" ; "));
}

export class OrganisationService {
  constructor(
    private readonly sessions: SessionService,
    private readonly catalog: Catalog,
  ) {}

  private get store() {
    return this.sessions.store.organisations;
  }

  /** The organisation an admin key opens, or null. */
  byAdminKey(key: string): Promise<OrganisationRecord | null> {
    return this.store.byAdminKeyHash(hashSecret(key));
  }

  /** The organisation an admin or facilitator key belongs to (to create sessions in it), or null. */
  async byAnyKey(key: string): Promise<OrganisationRecord | null> {
    const hash = hashSecret(key);
    return (await this.store.byAdminKeyHash(hash)) ?? (await this.store.byFacilitatorKeyHash(hash));
  }

  async addFacilitator(organisation: OrganisationRecord, name: string): Promise<string> {
    const key = newSecret();
    await this.store.addFacilitator(organisation.id, name, hashSecret(key), Date.now());
    return key;
  }

  async removeFacilitator(organisation: OrganisationRecord, id: string): Promise<void> {
    if (!/^[0-9a-f]{16}$/.test(id) || !(await this.store.removeFacilitator(organisation.id, id)))
      throw new HttpError(
        404,
        "unknown-facilitator",
        "Aucun animateur avec cet identifiant dans l'organisation.",
      );
  }

  /** What the admin screens choose from: the catalogue's scenarios, the referential's competences and levels. */
  choices() {
    const { referential, scenarios } = this.catalog;
    return {
      scenarios: [...scenarios.values()].map((s) => ({ id: s.id, title: s.metadata.title })),
      competences: referential.domains.flatMap((d) =>
        d.competences.map((c) => ({ id: c.id, label: c.label })),
      ),
      levels: referential.levels.map((l) => ({ id: l.id, label: l.label })),
    };
  }

  async setDirections(organisation: OrganisationRecord, directions: Direction[]): Promise<void> {
    await this.store.update(organisation.id, { directions });
  }

  /** Validates programmes (structure, then every scenario, competence and level exists) and saves them. */
  async setProgrammes(organisation: OrganisationRecord, raw: unknown): Promise<Programme[]> {
    const parsed = Programmes.safeParse(raw);
    if (!parsed.success) invalid([z.prettifyError(parsed.error)]);
    const { referential } = this.catalog;
    const problems = checkProgrammes(parsed.data, {
      scenarioIds: new Set(this.catalog.scenarios.keys()),
      competenceIds: new Set(referential.domains.flatMap((d) => d.competences.map((c) => c.id))),
      levelIds: referential.levels.map((l) => l.id),
    });
    if (problems.length > 0) invalid(problems);
    await this.store.update(organisation.id, { programmes: parsed.data });
    return parsed.data;
  }

  /** Records the direction a seated player chose (seat key as proof; the session's organisation's list). */
  async setDirection(proof: { sessionCode: string; playerId: string; seatKey: string; direction: string }) {
    const code = normalizeJoinCode(proof.sessionCode);
    const session = isWellFormedJoinCode(code) ? await this.sessions.store.getSession(code) : null;
    if (!session) throw new HttpError(404, "unknown-session", "Aucune session avec ce code.");
    if (!(await this.sessions.seatKeyMatches(code, proof.playerId, proof.seatKey)))
      throw new HttpError(403, "wrong-seat", "Cette place dans la session n'est pas la vôtre.");
    const organisationId = await this.store.organisationOfSession(code);
    const organisation = organisationId ? await this.store.byId(organisationId) : null;
    if (!organisation?.directions.some((d) => d.id === proof.direction))
      throw new HttpError(
        400,
        "unknown-direction",
        "Cette direction ne fait pas partie de la liste de l'organisation.",
      );
    await this.store.setDirection(code, proof.playerId, proof.direction);
  }

  /** The directions a player may choose at join in this session (empty outside an organisation). */
  async directionsOf(sessionCode: string): Promise<Direction[]> {
    const id = await this.store.organisationOfSession(sessionCode);
    return id ? ((await this.store.byId(id))?.directions ?? []) : [];
  }

  /**
   * The programmes of the organisations the carnet's sessions belong to, with each target's
   * progress; a programme whose targets are all met gets its certificate of path (issued once).
   */
  async paths(
    carnet: { id: string; displayName: string },
    sessionCodes: readonly string[],
    competences: readonly CompetenceProgress[],
  ) {
    const { referential } = this.catalog;
    const levelIds = referential.levels.map((l) => l.id);
    const ids = new Set<string>();
    for (const code of sessionCodes) {
      const id = await this.store.organisationOfSession(code);
      if (id) ids.add(id);
    }
    const paths = [];
    for (const id of ids) {
      const organisation = await this.store.byId(id);
      if (!organisation) continue;
      for (const programme of organisation.programmes) {
        const progress = programmeProgress(programme, competences, levelIds);
        let certificate = await this.store.certificate(carnet.id, id, programme.id);
        if (!certificate && progress.complete) {
          certificate = this.certificateFor(carnet.displayName, organisation, programme);
          await this.store.issueCertificate(carnet.id, certificate);
        }
        paths.push({
          organisation: organisation.name,
          programmeId: programme.id,
          title: programme.title,
          scenarios: programme.scenarios,
          targets: progress.targets,
          complete: progress.complete,
          certificate: certificate?.verificationCode ?? null,
        });
      }
    }
    return paths;
  }

  private certificateFor(
    displayName: string,
    organisation: OrganisationRecord,
    programme: Programme,
  ): PathCertificate {
    const { referential } = this.catalog;
    const labels = new Map(
      referential.domains.flatMap((d) => d.competences.map((c) => [c.id, c.label] as const)),
    );
    const levels = new Map(referential.levels.map((l) => [l.id, l.label]));
    return {
      verificationCode: newVerificationCode(),
      organisationId: organisation.id,
      organisationName: organisation.name,
      programmeId: programme.id,
      programmeTitle: programme.title,
      displayName,
      targets: programme.targets.map((t) => ({
        competence: t.competence,
        label: labels.get(t.competence) ?? t.competence,
        level: t.level,
        levelLabel: levels.get(t.level) ?? t.level,
      })),
      issuedAt: Date.now(),
    };
  }

  /** The learning records of every carnet met in the organisation's sessions, as xAPI statements. */
  statements(organisation: OrganisationRecord, origin: string) {
    return exportStatements(this.sessions.store, this.catalog, origin, { organisationId: organisation.id });
  }

  certificate(verificationCode: string): Promise<PathCertificate | null> {
    return this.store.certificateByCode(verificationCode);
  }

  /**
   * The dashboard: sessions over time, agents, directions, competences by direction, programme
   * progress (carnets reaching each target) and questionnaire results, for a period, a programme
   * and a scenario.
   */
  async dashboard(
    organisation: OrganisationRecord,
    filter: { from?: number; to?: number; programme?: string; scenario?: string },
  ) {
    const programme = filter.programme
      ? organisation.programmes.find((p) => p.id === filter.programme)
      : undefined;
    if (filter.programme && !programme)
      throw new HttpError(
        404,
        "unknown-programme",
        "Aucun programme avec cet identifiant dans l'organisation.",
      );
    let scenarios = programme?.scenarios;
    if (filter.scenario) scenarios = (scenarios ?? [filter.scenario]).filter((id) => id === filter.scenario);
    const rows = await this.store.dashboardRows(organisation.id, {
      from: filter.from,
      to: filter.to,
      scenarios,
    });
    // Steps count with the skills of the copy their session played, whatever scenarios/ holds now.
    const { store } = this.sessions;
    const copies = await sessionScenarios(
      store,
      this.catalog,
      rows.sessions.map((s) => s.code),
    );
    const steps = rows.steps.map((r) => ({ ...r, skills: stepSkills(copies, r.sessionCode, r.stepId) }));
    const figures = dashboardFigures(rows.sessions, rows.seats, steps);

    // Programme progress: carnets met in these sessions, their levels from all their sessions.
    const { referential } = this.catalog;
    const levelIds = referential.levels.map((l) => l.id);
    const carnetIds = [...new Set(rows.seats.flatMap((s) => (s.carnetId ? [s.carnetId] : [])))];
    const competencesOf = new Map<string, CompetenceProgress[]>();
    for (const id of carnetIds) {
      const rows = await store.carnets.steps(id);
      const more = rows.map((r) => r.sessionCode).filter((code) => !copies.has(code));
      for (const [code, copy] of await sessionScenarios(store, this.catalog, more)) copies.set(code, copy);
      const carnetSteps = rows.map((r) => ({ ...r, skills: stepSkills(copies, r.sessionCode, r.stepId) }));
      competencesOf.set(id, carnetCompetences(referential, carnetSteps));
    }
    const programmes = (programme ? [programme] : organisation.programmes).map((p) => {
      const progress = [...competencesOf.values()].map((c) => programmeProgress(p, c, levelIds));
      return {
        id: p.id,
        title: p.title,
        carnets: progress.length,
        complete: progress.filter((x) => x.complete).length,
        targets: p.targets.map((t, i) => ({
          ...t,
          reached: progress.filter((x) => x.targets[i]?.met).length,
        })),
      };
    });
    const labels = new Map(organisation.directions.map((d) => [d.id, d.label]));
    return {
      ...figures,
      directions: figures.directions.map((d) => ({ ...d, label: labels.get(d.direction) ?? null })),
      heatmap: figures.heatmap.map((h) => ({ ...h, label: labels.get(h.direction) ?? null })),
      programmes,
      questionnaire: tallyQuestionnaire(
        await this.sessions.store.questionnaire.answers(rows.sessions.map((s) => s.code)),
      ),
    };
  }
}
