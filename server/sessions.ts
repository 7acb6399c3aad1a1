/**
 * Sessions seen from HTTP: creating one (record + room), resolving a join code to its room through
 * Colyseus presence, and issuing attestations from the stored results.
 */
import { randomInt } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { z } from "zod";
import { ROOM_NAME } from "../shared/protocol.ts";
import { defaultOptions, RULES_VERSION, type SessionOptions } from "../shared/rules/index.ts";
import { cleanName, visibleText } from "../shared/rules/names.ts";
import { ROUTES } from "../shared/scenario/route.ts";
import { Id } from "../shared/scenario/schema.ts";
import { hashSecret, newJoinCode, newSecret, newVerificationCode, secretMatches } from "./codes.ts";
import { HttpError } from "./http/api.ts";
import { logger } from "./log.ts";
import { restoreDuration } from "./metrics.ts";
import { CODES_KEY, MAX_TEAM_SIZE, MAX_TEAMS } from "./rooms/GameRoom.ts";
import { type Catalog, storeScenario } from "./scenarios.ts";
import type { Attestation, SessionRecord, Store } from "./store/store.ts";

export const CreateSessionBody = z.strictObject({
  scenarioId: Id,
  organisation: z
    .string()
    .max(500)
    .transform(cleanName)
    .pipe(
      z
        .string()
        .max(120)
        .refine(
          visibleText,
          "nom d'organisation invalide : caractères visibles seulement, sans caractère de contrôle",
        ),
    )
    .default("Datatruc"),
  /** An organisation's admin or facilitator key: the session belongs to that organisation (optional). */
  organisationKey: z.string().min(1).max(200).optional(),
  pace: z.enum(["facilitator", "team"]).default("facilitator"),
  teamCount: z.union([z.int().min(1).max(MAX_TEAMS), z.literal("auto")]).default("auto"),
  teamSize: z.int().min(1).max(MAX_TEAM_SIZE).default(4),
  route: z.enum(ROUTES).default("full"),
  options: z
    .strictObject({
      submissionRule: z.enum(["any", "majority", "unanimous"]).optional(),
      maxAttempts: z.int().min(1).max(10).optional(),
      stepTimeSeconds: z.int().min(30).max(7200).nullable().optional(),
      sessionTimeSeconds: z.int().min(60).max(86_400).nullable().optional(),
      hintsEnabled: z.boolean().optional(),
      lockAfterStart: z.boolean().optional(),
      playersChooseTeam: z.boolean().optional(),
    })
    .default({}),
  /** The operator's creation key, when the server requires one (`CREATE_KEY`). */
  createKey: z.string().max(512).optional(),
});
export type CreateSessionBody = z.output<typeof CreateSessionBody>;

export class SessionService {
  constructor(
    readonly store: Store,
    readonly catalog: Catalog,
  ) {}

  async create(body: CreateSessionBody): Promise<{ code: string; facilitatorKey: string; roomId: string }> {
    const scenario = this.catalog.scenarios.get(body.scenarioId);
    if (!scenario) throw new HttpError(404, "unknown-scenario", "Scénario inconnu.");
    if (body.route === "short" && !scenario.shortRoute)
      throw new HttpError(400, "no-short-route", "Ce scénario n'a pas de parcours court.");
    const defined = Object.fromEntries(Object.entries(body.options).filter(([, v]) => v !== undefined));
    const options: SessionOptions = {
      ...defaultOptions(body.pace),
      ...defined,
      pace: body.pace,
      teamCount: body.teamCount,
      teamSize: body.teamSize,
      ...(body.route === "short" ? { route: body.route } : {}),
    };
    const keyHash = body.organisationKey ? hashSecret(body.organisationKey) : null;
    const organisation = keyHash
      ? ((await this.store.organisations.byAdminKeyHash(keyHash)) ??
        (await this.store.organisations.byFacilitatorKeyHash(keyHash)))
      : null;
    if (keyHash && !organisation)
      throw new HttpError(403, "wrong-organisation-key", "Clé d'organisation incorrecte.");
    let code = newJoinCode();
    while (await this.store.getSession(code)) code = newJoinCode();
    const facilitatorKey = newSecret();
    // The session plays this copy for good: later edits of the file reach new sessions only.
    const scenarioHash = await storeScenario(this.store, scenario);
    await this.store.createSession({
      code,
      scenarioId: scenario.id,
      scenarioTitle: scenario.metadata.title,
      organisation: organisation?.name ?? body.organisation,
      facilitatorKeyHash: hashSecret(facilitatorKey),
      options,
      seed: randomInt(2 ** 31),
      phase: "lobby",
      createdAt: Date.now(),
      startedAt: null,
      endedAt: null,
      scenarioHash,
      rulesVersion: RULES_VERSION,
    });
    if (organisation) await this.store.organisations.attachSession(code, organisation.id);
    const room = await matchMaker.createRoom(ROOM_NAME, { code });
    return { code, facilitatorKey, roomId: room.roomId };
  }

  /** Recreates the rooms of live sessions after a restart (each replays its log). */
  async restoreLiveSessions(since: number): Promise<string[]> {
    const restored: string[] = [];
    for (const code of await this.store.liveSessionCodes(since)) {
      if (await this.resolveRoom(code)) continue; // another process already holds it
      const timer = restoreDuration.startTimer();
      try {
        await matchMaker.createRoom(ROOM_NAME, { code });
        timer();
        restored.push(code);
      } catch (error) {
        logger.error({ session: code, err: error }, "session not restored");
      }
    }
    return restored;
  }

  /** The id of the room playing this session, or null when none runs (any process, via presence). */
  async resolveRoom(code: string): Promise<string | null> {
    const roomId = await matchMaker.presence.hget(CODES_KEY, code);
    if (!roomId) return null;
    const room = await Promise.resolve()
      .then(() => matchMaker.getRoomById(roomId))
      .catch(() => undefined);
    return room ? roomId : null;
  }

  keyMatches(key: string, hash: string): boolean {
    return secretMatches(key, hash);
  }

  /** True when `seatKey` is the one `playerId` holds: given at join, or when the seat was taken back on
   *  another device (its hash is indexed by the store). */
  async seatKeyMatches(code: string, playerId: string, seatKey: string): Promise<boolean> {
    const hash = await this.store.seatKeyHash(code, playerId);
    return !!hash && secretMatches(seatKey, hash);
  }

  async issue(session: SessionRecord, playerId: string): Promise<Attestation | null> {
    const { players } = await this.store.getResults(session.code);
    const player = players.find((p) => p.playerId === playerId);
    if (!player) return null;
    return this.store.issueAttestation({
      verificationCode: newVerificationCode(),
      sessionCode: session.code,
      playerId,
      playerName: player.playerName,
      organisation: session.organisation,
      scenarioId: session.scenarioId,
      scenarioTitle: session.scenarioTitle,
      issuedAt: Date.now(),
      skills: player.skills,
    });
  }

  async issueAll(session: SessionRecord): Promise<Attestation[]> {
    const { players } = await this.store.getResults(session.code);
    const issued: Attestation[] = [];
    for (const p of players) {
      const a = await this.issue(session, p.playerId);
      if (a) issued.push(a);
    }
    return issued;
  }
}
