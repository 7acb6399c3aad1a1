/**
 * Carnets de compétences seen from HTTP: creating one, finding it by its code (hashed), linking a
 * session seat to it (proved by the seat key), reading the carnet page and erasing it. The levels
 * come from the pure rules (shared/rules/carnet.ts) over the stored step results.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type CarnetStep, carnetCompetences, suggestScenarios } from "../shared/rules/carnet.ts";
import { cleanName, validName } from "../shared/rules/names.ts";
import {
  hashSecret,
  isWellFormedJoinCode,
  newCarnetCode,
  normalizeCarnetCode,
  normalizeJoinCode,
} from "./codes.ts";
import { HttpError } from "./http/errors.ts";
import type { OrganisationService } from "./organisations.ts";
import { sessionScenarios, stepSkills } from "./scenarios.ts";
import type { SessionService } from "./sessions.ts";
import type { CarnetRecord } from "./store/carnets.ts";
import { exportStatements } from "./xapi.ts";

export const CarnetName = z
  .string()
  .max(200)
  .transform(cleanName)
  .pipe(z.string().refine(validName, "nom invalide : 1 à 40 caractères visibles, sans caractère invisible"));
export const SeatProof = z.strictObject({
  sessionCode: z.string().max(16),
  playerId: z.string().min(1).max(64),
  seatKey: z.string().min(1).max(200),
});
export type SeatProof = z.infer<typeof SeatProof>;

export class CarnetService {
  constructor(
    private readonly sessions: SessionService,
    private readonly organisations: OrganisationService,
  ) {}

  private get store() {
    return this.sessions.store.carnets;
  }

  async create(displayName: string): Promise<{ code: string; carnet: CarnetRecord }> {
    const code = newCarnetCode();
    const carnet = { id: randomBytes(12).toString("hex"), displayName, createdAt: Date.now() };
    await this.store.create({ ...carnet, codeHash: hashSecret(code) });
    return { code, carnet };
  }

  /** The carnet with this code (as typed), or null. */
  async find(code: string): Promise<CarnetRecord | null> {
    const normalized = normalizeCarnetCode(code);
    return normalized ? this.store.findByCodeHash(hashSecret(normalized)) : null;
  }

  /** Adds a session seat to the carnet; the seat key proves the caller holds the seat. Idempotent. */
  async link(carnet: CarnetRecord, proof: SeatProof): Promise<void> {
    const code = normalizeJoinCode(proof.sessionCode);
    const session = isWellFormedJoinCode(code) ? await this.sessions.store.getSession(code) : null;
    if (!session) throw new HttpError(404, "unknown-session", "Aucune session avec ce code.");
    if (!(await this.sessions.seatKeyMatches(code, proof.playerId, proof.seatKey)))
      throw new HttpError(403, "wrong-seat", "Cette place dans la session n'est pas la vôtre.");
    const owner = await this.store.carnetOfSeat(code, proof.playerId);
    if (owner === carnet.id) return;
    if (owner)
      throw new HttpError(409, "seat-in-other-carnet", "Cette participation est déjà dans un autre carnet.");
    const seat = await this.store.seatOfCarnet(carnet.id, code);
    if (seat)
      throw new HttpError(
        409,
        "session-already-in-carnet",
        "Ce carnet contient déjà une autre participation à cette session.",
      );
    await this.store.link(carnet.id, code, proof.playerId, Date.now());
  }

  /** Everything the carnet page shows. */
  async view(carnet: CarnetRecord) {
    const { catalog } = this.sessions;
    const [sessions, rows, attestations] = await Promise.all([
      this.store.sessions(carnet.id),
      this.store.steps(carnet.id),
      this.store.attestations(carnet.id),
    ]);
    // Each step counts with the skills of the copy its session played, whatever scenarios/ holds now.
    const copies = await sessionScenarios(
      this.sessions.store,
      catalog,
      rows.map((r) => r.sessionCode),
    );
    const steps: CarnetStep[] = rows.map((row) => ({
      ...row,
      skills: stepSkills(copies, row.sessionCode, row.stepId),
    }));
    const competences = carnetCompetences(catalog.referential, steps);
    const paths = await this.organisations.paths(
      carnet,
      sessions.map((s) => s.sessionCode),
      competences,
    );
    return {
      displayName: carnet.displayName,
      createdAt: carnet.createdAt,
      levels: catalog.referential.levels.map(({ id, label, minPoints, minScenarios }) => ({
        id,
        label,
        minPoints,
        minScenarios,
      })),
      competences,
      sessions: sessions.map(({ playerId: _playerId, ...s }) => s),
      attestations,
      suggestions: suggestScenarios(competences, [...catalog.scenarios.values()]),
      /** Programmes of the carnet's organisations: targets met, certificate of path when complete. */
      paths,
    };
  }

  /** The carnet's learning record as xAPI statements, for its holder (server/xapi.ts). */
  statements(carnet: CarnetRecord, origin: string) {
    return exportStatements(this.sessions.store, this.sessions.catalog, origin, { carnetId: carnet.id });
  }

  async erase(carnet: CarnetRecord): Promise<void> {
    await this.store.erase(carnet.id);
  }
}
