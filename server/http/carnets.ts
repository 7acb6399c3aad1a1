/**
 * Carnet de compétences API (docs/protocol.md § Carnet). The carnet code travels in the
 * `Authorization: Bearer <code>` header, never in a URL; unknown codes are rate-limited per address.
 *
 * - `POST   /api/carnets`          { displayName, seat? }  → 201 { code, displayName } (seat linked)
 * - `GET    /api/carnet`                                    → the carnet page's data
 * - `POST   /api/carnet/sessions`  { sessionCode, playerId, seatKey } → the carnet page's data
 * - `GET    /api/carnet/xapi`                               → the learning record as xAPI statements (file)
 * - `DELETE /api/carnet`                                    → 204, the carnet erased
 */
import express, { type Request } from "express";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { CarnetName, type CarnetService, SeatProof } from "../carnets.ts";
import { HttpError } from "./errors.ts";
import { type LinkConfig, lastingOrigin } from "./origin.ts";
import { parseBody, route, sendJsonFile } from "./route.ts";

/** Unknown carnet codes an address may try per minute before being blocked for a minute. */
export const UNKNOWN_CARNET_ATTEMPTS_PER_MINUTE = 10;

const CreateBody = z.strictObject({ displayName: CarnetName, seat: SeatProof.optional() });

export function carnetRouter(carnets: CarnetService, links: LinkConfig): express.Router {
  const router = express.Router();
  const unknownCodes = new RateLimiterMemory({
    points: UNKNOWN_CARNET_ATTEMPTS_PER_MINUTE,
    duration: 60,
    blockDuration: 60,
  });

  /** The carnet named by the request's code; unknown codes count against the caller's address. */
  async function carnetOf(req: Request) {
    const code = req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!code) throw new HttpError(401, "missing-carnet-code", "Code de carnet requis.");
    const address = req.ip ?? "unknown";
    const limit = await unknownCodes.get(address);
    if (limit && limit.remainingPoints <= 0)
      throw new HttpError(429, "rate-limited", "Trop de codes inconnus essayés : réessayez dans une minute.");
    const carnet = await carnets.find(code);
    if (!carnet) {
      await unknownCodes.consume(address).catch(() => undefined);
      throw new HttpError(
        404,
        "unknown-carnet",
        "Aucun carnet avec ce code : vérifiez-le, lettre par lettre.",
      );
    }
    return carnet;
  }

  router.post(
    "/carnets",
    route(async (req, res) => {
      const body = parseBody(CreateBody, req.body);
      const { code, carnet } = await carnets.create(body.displayName);
      try {
        if (body.seat) await carnets.link(carnet, body.seat);
      } catch (error) {
        await carnets.erase(carnet); // nothing half-made
        throw error;
      }
      res.status(201).json({ code, displayName: carnet.displayName });
    }),
  );

  router.get(
    "/carnet",
    route(async (req, res) => {
      res.json(await carnets.view(await carnetOf(req)));
    }),
  );

  router.post(
    "/carnet/sessions",
    route(async (req, res) => {
      const carnet = await carnetOf(req);
      await carnets.link(carnet, parseBody(SeatProof, req.body));
      res.json(await carnets.view(carnet));
    }),
  );

  router.get(
    "/carnet/xapi",
    route(async (req, res) => {
      const carnet = await carnetOf(req);
      sendJsonFile(
        res,
        await carnets.statements(carnet, lastingOrigin(req, links)),
        "datatruc-carnet-xapi.json",
      );
    }),
  );

  router.delete(
    "/carnet",
    route(async (req, res) => {
      await carnets.erase(await carnetOf(req));
      res.status(204).end();
    }),
  );

  return router;
}
