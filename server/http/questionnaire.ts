/**
 * The satisfaction questionnaire (docs/protocol.md § Questionnaire):
 * - `POST /api/sessions/:code/questionnaire` { playerId, seatKey, found?, motivation?, heard?, comment? }
 *   → 201; once per seat (a second answer: 409, nothing changed); at the end of the session only.
 * - `GET  /api/sessions/:code/questionnaire` (facilitator key) → the tally, anonymous.
 */
import express, { type Request } from "express";
import { z } from "zod";
import { QuestionnaireAnswer, tallyQuestionnaire } from "../../shared/questionnaire.ts";
import { isWellFormedJoinCode, normalizeJoinCode } from "../codes.ts";
import type { SessionService } from "../sessions.ts";
import { HttpError } from "./errors.ts";
import { parseBody, route } from "./route.ts";

const Seat = z.object({ playerId: z.string().min(1).max(64), seatKey: z.string().min(1).max(200) });

export function questionnaireRouter(sessions: SessionService): express.Router {
  const router = express.Router();

  async function sessionOf(req: Request) {
    const code = normalizeJoinCode(String(req.params.code ?? ""));
    const session = isWellFormedJoinCode(code) ? await sessions.store.getSession(code) : null;
    if (!session) throw new HttpError(404, "unknown-session", "Aucune session avec ce code.");
    return session;
  }

  router.post(
    "/sessions/:code/questionnaire",
    route(async (req, res) => {
      const session = await sessionOf(req);
      const { playerId, seatKey, ...rest } = parseBody(Seat.passthrough(), req.body);
      const answer = parseBody(QuestionnaireAnswer, rest);
      if (!(await sessions.seatKeyMatches(session.code, playerId, seatKey)))
        throw new HttpError(403, "wrong-seat", "Cette place dans la session n'est pas la vôtre.");
      if (session.phase !== "debrief" && session.phase !== "ended")
        throw new HttpError(
          409,
          "questionnaire-not-open",
          "Le questionnaire s'ouvre à la fin de la session.",
        );
      if (!(await sessions.store.questionnaire.answer(session.code, playerId, answer)))
        throw new HttpError(
          409,
          "questionnaire-already-answered",
          "Vous avez déjà répondu au questionnaire de cette session : votre première réponse est conservée.",
        );
      res.status(201).json({ ok: true });
    }),
  );

  router.get(
    "/sessions/:code/questionnaire",
    route(async (req, res) => {
      const session = await sessionOf(req);
      const key = req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
      if (!key) throw new HttpError(401, "missing-key", "Clé d'animation requise.");
      if (!sessions.keyMatches(key, session.facilitatorKeyHash))
        throw new HttpError(403, "wrong-key", "Clé d'animation incorrecte.");
      res.json(tallyQuestionnaire(await sessions.store.questionnaire.answers([session.code])));
    }),
  );

  return router;
}
