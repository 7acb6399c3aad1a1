/**
 * The HTTP API under /api (see docs/protocol.md § 1). Every body is validated with zod; every error
 * is `{ error: { code, message } }` with its status.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { PROTOCOL_VERSION } from "../../shared/protocol.ts";
import { sessionMisses } from "../../shared/rules/missed.ts";
import { revealedStep, toPublicScenario } from "../../shared/rules/public.ts";
import { facilitatorKit, tableCards } from "../../shared/scenario/kit.ts";
import { CarnetService } from "../carnets.ts";
import {
  hashSecret,
  isWellFormedJoinCode,
  normalizeJoinCode,
  normalizeVerificationCode,
  secretMatches,
} from "../codes.ts";
import { logger } from "../log.ts";
import { OrganisationService } from "../organisations.ts";
import { replayLog } from "../rooms/replay.ts";
import { catalogEntry, sessionScenario } from "../scenarios.ts";
import { CreateSessionBody, type SessionService } from "../sessions.ts";
import { carnetRouter } from "./carnets.ts";
import { resultsCsv } from "./csv.ts";
import { HttpError } from "./errors.ts";
import { openBadgesRouter } from "./open-badges.ts";
import { organisationRouter } from "./organisations.ts";
import { joinReach, type LinkConfig, lastingOrigin } from "./origin.ts";
import { questionnaireRouter } from "./questionnaire.ts";

export { HttpError };

type AsyncHandler = (req: Request, res: Response) => Promise<void>;
const route =
  (handler: AsyncHandler) =>
  (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };

/** Unknown join codes an address may try per minute before being blocked for a minute. */
export const UNKNOWN_CODE_ATTEMPTS_PER_MINUTE = 10;

/** Who may create sessions: an operator's key (`CREATE_KEY`) and a per-address hourly budget. */
export interface CreationPolicy {
  createKey: string | undefined;
  perHour: number;
}

export function apiRouter(
  sessions: SessionService,
  links: LinkConfig,
  creation: CreationPolicy = { createKey: undefined, perHour: 20 },
): express.Router {
  const router = express.Router();
  const unknownCodes = new RateLimiterMemory({
    points: UNKNOWN_CODE_ATTEMPTS_PER_MINUTE,
    duration: 60,
    blockDuration: 60,
  });
  const creations = new RateLimiterMemory({ points: creation.perHour, duration: 3600 });
  const wrongCreateKeys = new RateLimiterMemory({ points: 10, duration: 60, blockDuration: 300 });
  const createKeyHash = creation.createKey ? hashSecret(creation.createKey) : undefined;

  /** Refuses a creation without the operator's key (when one is set) or over the address's budget. */
  async function admitCreation(req: Request, createKey: string | undefined): Promise<void> {
    const address = req.ip ?? "unknown";
    if (createKeyHash) {
      if ((await wrongCreateKeys.get(address))?.remainingPoints === 0) throw tooMany();
      if (!createKey) {
        throw new HttpError(401, "create-key-required", "Une clé de création est requise sur ce serveur.");
      }
      if (!secretMatches(createKey, createKeyHash)) {
        await wrongCreateKeys.consume(address).catch(() => undefined);
        throw new HttpError(403, "wrong-create-key", "Clé de création incorrecte.");
      }
    }
    const admitted = await creations.consume(address).then(
      () => true,
      () => false,
    );
    if (!admitted) {
      throw new HttpError(
        429,
        "rate-limited",
        "Trop de sessions créées depuis cette adresse : réessayez plus tard.",
      );
    }
  }

  router.use(express.json({ limit: "100kb" }));

  router.get(
    "/scenarios",
    route(async (_req, res) => {
      res.json({
        scenarios: [...sessions.catalog.scenarios.values()].map(catalogEntry),
        createKeyRequired: createKeyHash !== undefined,
      });
    }),
  );

  router.post(
    "/sessions",
    route(async (req, res) => {
      const body = CreateSessionBody.safeParse(req.body ?? {});
      if (!body.success) throw new HttpError(400, "invalid-body", z.prettifyError(body.error));
      await admitCreation(req, body.data.createKey);
      const created = await sessions.create(body.data);
      const { origin } = joinReach(req, links);
      res.status(201).json({
        code: created.code,
        facilitatorKey: created.facilitatorKey,
        roomId: created.roomId,
        joinUrl: `${origin}/join/${created.code}`,
        screenUrl: `${origin}/screen/${created.code}`,
      });
    }),
  );

  /** Looks a session up. Only unknown codes count against the caller's address: past the limit they
   *  answer 429, while existing sessions are still found (players behind one NAT are not locked out
   *  by a neighbour's typos). */
  async function findSession(req: Request) {
    const code = normalizeJoinCode(String(req.params.code ?? ""));
    const session = isWellFormedJoinCode(code) ? await sessions.store.getSession(code) : null;
    if (session) return session;
    const counted = await unknownCodes.consume(req.ip ?? "unknown").then(
      () => true,
      () => false,
    );
    if (!counted) {
      throw new HttpError(429, "rate-limited", "Trop de codes inconnus essayés : réessayez dans une minute.");
    }
    throw new HttpError(404, "unknown-session", "Aucune session avec ce code.");
  }

  function requireKey(req: Request, keyHash: string): void {
    const header = req.get("authorization");
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    const key = bearer ?? (typeof req.query.key === "string" ? req.query.key : undefined);
    if (!key) throw new HttpError(401, "missing-key", "Clé d'animation requise.");
    if (!sessions.keyMatches(key, keyHash))
      throw new HttpError(403, "wrong-key", "Clé d'animation incorrecte.");
  }

  router.get(
    "/sessions/:code",
    route(async (req, res) => {
      const session = await findSession(req);
      const roomId = await sessions.resolveRoom(session.code);
      const reach = joinReach(req, links);
      res.json({
        code: session.code,
        scenarioId: session.scenarioId,
        scenarioTitle: session.scenarioTitle,
        phase: session.phase,
        pace: (session.options as { pace?: string }).pace ?? "facilitator",
        roomId,
        canJoin: roomId !== null && session.phase !== "ended",
        protocol: PROTOCOL_VERSION,
        joinUrl: `${reach.origin}/join/${session.code}`,
        links: { loopbackOnly: reach.loopbackOnly, publicUrl: links.publicUrl !== undefined },
      });
    }),
  );

  // The facilitator's printables (kit + table cards) of the scenario copy the session plays: they say
  // what the answers rest on, so they are served with the facilitator key only, like the results.
  router.get(
    "/sessions/:code/kit",
    route(async (req, res) => {
      const session = await findSession(req);
      requireKey(req, session.facilitatorKeyHash);
      const scenario = await sessionScenario(sessions.store, sessions.catalog, session);
      if (!scenario) throw new HttpError(404, "unknown-scenario", "Scénario inconnu.");
      res.json({
        code: session.code,
        route: (session.options as { route?: string }).route ?? "full",
        kit: facilitatorKit(scenario),
        cards: tableCards(scenario),
      });
    }),
  );

  router.get(
    "/sessions/:code/results",
    route(async (req, res) => {
      const session = await findSession(req);
      requireKey(req, session.facilitatorKeyHash);
      const results = await sessions.store.getResults(session.code);
      const wantsCsv =
        req.query.format === "csv" ||
        (req.query.format === undefined && req.accepts(["application/json", "text/csv"]) === "text/csv");
      if (wantsCsv) {
        res.type("text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", `attachment; filename="datatruc-${session.code}.csv"`);
        res.send(resultsCsv(session, results.players));
        return;
      }
      res.json({
        code: session.code,
        scenarioId: session.scenarioId,
        scenarioTitle: session.scenarioTitle,
        organisation: session.organisation,
        phase: session.phase,
        players: results.players,
        steps: results.steps,
      });
    }),
  );

  // The step-by-step debrief (facilitator key), also once the session has ended and its room is
  // gone: the session's log replayed through the rules (on the scenario copy the session played)
  // gives every team's last answer and score, and per step what the teams missed.
  router.get(
    "/sessions/:code/debrief",
    route(async (req, res) => {
      const session = await findSession(req);
      requireKey(req, session.facilitatorKeyHash);
      const scenario = await sessionScenario(sessions.store, sessions.catalog, session);
      if (!scenario) throw new HttpError(404, "unknown-scenario", "Scénario inconnu.");
      const { model } = replayLog(scenario, session, await sessions.store.readLog(session.code));
      res.json({
        code: session.code,
        scenario: toPublicScenario(scenario),
        revealed: scenario.steps.map((step, stepIndex) => ({ ...revealedStep(step), stepIndex })),
        teams: model.teams.map((team) => ({
          id: team.id,
          name: team.name,
          steps: team.steps.map((step) => ({
            stepId: step.stepId,
            answer: step.attempts.at(-1)?.answer ?? step.draft,
            score: step.score,
          })),
        })),
        missed: sessionMisses(scenario, model.teams),
      });
    }),
  );

  router.get(
    "/sessions/:code/attestations",
    route(async (req, res) => {
      const session = await findSession(req);
      requireKey(req, session.facilitatorKeyHash);
      const origin = lastingOrigin(req, links);
      const attestations = await sessions.issueAll(session);
      res.json({
        attestations: attestations.map((a) => ({
          ...a,
          verifyUrl: `${origin}/verify/${a.verificationCode}`,
        })),
      });
    }),
  );

  router.get(
    "/sessions/:code/attestations/:playerId",
    route(async (req, res) => {
      const session = await findSession(req);
      const playerId = String(req.params.playerId);
      // The seat key comes in a header, never in the URL (URLs reach access logs).
      const seatKey = req.get("x-seat-key");
      if (!(seatKey && (await sessions.seatKeyMatches(session.code, playerId, seatKey)))) {
        requireKey(req, session.facilitatorKeyHash);
      }
      const attestation = await sessions.issue(session, playerId);
      if (!attestation) throw new HttpError(404, "unknown-player", "Aucun résultat pour ce joueur.");
      const origin = lastingOrigin(req, links);
      res.json({ ...attestation, verifyUrl: `${origin}/verify/${attestation.verificationCode}` });
    }),
  );

  router.get(
    "/attestations/:verificationCode",
    route(async (req, res) => {
      const code = normalizeVerificationCode(String(req.params.verificationCode));
      const attestation = code ? await sessions.store.getAttestation(code) : null;
      if (!attestation) throw new HttpError(404, "unknown-attestation", "Aucune attestation avec ce code.");
      const { playerId: _playerId, ...publicData } = attestation;
      res.json(publicData);
    }),
  );

  router.use(openBadgesRouter(sessions, links));
  const organisations = new OrganisationService(sessions, sessions.catalog);
  router.use(carnetRouter(new CarnetService(sessions, organisations), links));
  router.use(organisationRouter(sessions, organisations, links));
  router.use(questionnaireRouter(sessions));

  router.use((_req, _res, next) => next(new HttpError(404, "not-found", "Adresse d'API inconnue.")));
  router.use(apiErrorHandler);
  return router;
}

function tooMany(): HttpError {
  return new HttpError(429, "rate-limited", "Trop de tentatives depuis cette adresse : réessayez plus tard.");
}

/** Body parser faults (the client's): its error `type` → our code and French message. */
const BODY_FAULTS: Record<string, { code: string; message: string }> = {
  "charset.unsupported": {
    code: "unsupported-charset",
    message: "Jeu de caractères non pris en charge : envoyez le corps en UTF-8.",
  },
  "encoding.unsupported": {
    code: "unsupported-encoding",
    message: "Content-Encoding non pris en charge (acceptés : identity, gzip, deflate, br).",
  },
};

/** Client faults answer their 4xx and are logged once, at warn, by the request line (no stack);
 *  anything else is a server fault: 500, logged as an error with its stack. */
export function apiErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const answer = clientFault(error) ?? {
    status: 500,
    code: "internal",
    message: "Erreur interne du serveur.",
  };
  if (answer.status === 500) (req.log ?? logger).error({ err: error }, "internal error");
  res.locals.errorCode = answer.code;
  res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
}

function clientFault(error: unknown): { status: number; code: string; message: string } | null {
  if (error instanceof HttpError) return error;
  const { status, type } = error as { status?: number; type?: string };
  if (typeof status !== "number" || status < 400 || status >= 500) return null;
  // Malformed JSON, too large, undecodable compressed body, aborted upload…
  return {
    status,
    ...(BODY_FAULTS[type ?? ""] ?? { code: "invalid-body", message: "Corps de requête JSON invalide." }),
  };
}
