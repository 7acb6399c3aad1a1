/**
 * Organisation API (docs/protocol.md § Organisations). The admin key travels in
 * `Authorization: Bearer <admin key>`; unknown keys are rate-limited per address.
 *
 * - `POST /api/organisations`                 { name, directions? } → 201 { id, name, adminKey } (fresh install only)
 * - `GET  /api/organisation`                  (admin) → { name, directions, programmes, facilitators, choices }
 * - `PUT  /api/organisation/directions`       (admin) { directions }
 * - `POST /api/organisation/facilitators`     (admin) { name } → 201 { name, facilitatorKey }
 * - `DELETE /api/organisation/facilitators/:id` (admin) → 204, that facilitator key revoked
 * - `PUT  /api/organisation/programmes`       (admin) { programmes }
 * - `GET  /api/organisation/xapi`             (admin) → its carnets' learning records as xAPI statements (file)
 * - `GET  /api/sessions/:code/directions`     → { directions } the list offered at join
 * - `POST /api/sessions/:code/direction`      { playerId, seatKey, direction }
 * - `GET  /api/path-certificates/:code`       → a certificate of path (public check)
 * - `GET  /api/path-certificates/:code/badge` → its Open Badges 2.0 Assertion
 * - `GET  /api/path-badges/:organisationId/:programmeId` → the programme's BadgeClass (+ `/image.svg`)
 */
import express, { type Request } from "express";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { normalizeVerificationCode } from "../codes.ts";
import {
  createOrganisation,
  Directions,
  OrganisationName,
  type OrganisationService,
} from "../organisations.ts";
import type { SessionService } from "../sessions.ts";
import type { PathCertificate } from "../store/organisations.ts";
import { HttpError } from "./errors.ts";
import { badgeImage, openBadgeUrls } from "./open-badges.ts";
import { type LinkConfig, lastingOrigin } from "./origin.ts";
import { parseBody, route, sendJsonFile } from "./route.ts";

const CreateBody = z.strictObject({ name: OrganisationName, directions: Directions.default([]) });
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date attendue au format AAAA-MM-JJ" })
  .transform((d) => Date.parse(`${d}T00:00:00Z`));
const DashboardQuery = z.strictObject({
  from: Day.optional(),
  /** Inclusive: the whole day. */
  to: Day.transform((t) => t + 86_400_000).optional(),
  programme: z.string().max(64).optional(),
  scenario: z.string().max(64).optional(),
  format: z.enum(["json", "csv"]).optional(),
  table: z.string().max(32).optional(),
});
const DirectionBody = z.strictObject({
  playerId: z.string().min(1).max(64),
  seatKey: z.string().min(1).max(200),
  direction: z.string().min(1).max(64),
});

/** Open Badges 2.0 documents of a certificate of path (hosted verification, as for attestations). */
function pathBadgeClass(origin: string, c: PathCertificate) {
  const urls = openBadgeUrls(origin);
  const id = `${origin}/api/path-badges/${encodeURIComponent(c.organisationId)}/${encodeURIComponent(c.programmeId)}`;
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "BadgeClass",
    id,
    name: `Datatruc — parcours « ${c.programmeTitle} »`,
    description: `Parcours de formation à la donnée publique « ${c.programmeTitle} » organisé par ${c.organisationName}.`,
    image: `${id}/image.svg`,
    criteria: {
      narrative: `Avoir atteint, dans son carnet de compétences Datatruc, les objectifs du parcours : ${c.targets
        .map((t) => `${t.label} (niveau ${t.levelLabel})`)
        .join(" ; ")}.`,
    },
    issuer: urls.issuer,
    alignment: c.targets.map((t) => ({
      targetName: t.label,
      targetUrl: `${id}#competence-${encodeURIComponent(t.competence)}`,
      targetFramework: "Référentiel Datatruc",
      targetCode: t.competence,
    })),
  };
}

function pathAssertion(origin: string, c: PathCertificate) {
  const verify = `${origin}/verify/${encodeURIComponent(c.verificationCode)}`;
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: `${origin}/api/path-certificates/${encodeURIComponent(c.verificationCode)}/badge`,
    recipient: { type: "url", hashed: false, identity: verify },
    badge: pathBadgeClass(origin, c).id,
    issuedOn: new Date(c.issuedAt).toISOString(),
    verification: { type: "hosted" },
    evidence: [
      {
        type: "Evidence",
        id: verify,
        name: `Attestation de parcours Datatruc de ${c.displayName}`,
        narrative: `${c.displayName} a atteint les objectifs du parcours « ${c.programmeTitle} » (${c.organisationName}), compétences travaillées en situation de jeu (niveaux atteints dans le jeu, sans valeur de certification) : ${c.targets
          .map((t) => `${t.label}, niveau ${t.levelLabel}`)
          .join(" ; ")}. Code de vérification : ${c.verificationCode}`,
      },
    ],
  };
}

export function organisationRouter(
  sessions: SessionService,
  organisations: OrganisationService,
  links: LinkConfig,
): express.Router {
  const router = express.Router();
  const unknownKeys = new RateLimiterMemory({ points: 10, duration: 60, blockDuration: 60 });

  async function adminOf(req: Request) {
    const key = req.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!key) throw new HttpError(401, "missing-key", "Clé d'administration requise.");
    const address = req.ip ?? "unknown";
    const limit = await unknownKeys.get(address);
    if (limit && limit.remainingPoints <= 0)
      throw new HttpError(
        429,
        "rate-limited",
        "Trop de clés inconnues essayées : réessayez dans une minute.",
      );
    const organisation = await organisations.byAdminKey(key);
    if (!organisation) {
      await unknownKeys.consume(address).catch(() => undefined);
      throw new HttpError(403, "wrong-key", "Clé d'administration incorrecte.");
    }
    return organisation;
  }

  router.post(
    "/organisations",
    route(async (req, res) => {
      const body = parseBody(CreateBody, req.body);
      if ((await sessions.store.organisations.count()) > 0)
        throw new HttpError(
          403,
          "organisation-exists",
          "Une organisation existe déjà sur ce serveur : demandez une clé à son administrateur, ou faites créer la vôtre par l'exploitant (npm run org:create).",
        );
      const { organisation, adminKey } = await createOrganisation(sessions.store, body.name, body.directions);
      res.status(201).json({ id: organisation.id, name: organisation.name, adminKey });
    }),
  );

  router.get(
    "/organisation",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const facilitators = await sessions.store.organisations.facilitators(organisation.id);
      res.json({ ...organisation, facilitators, choices: organisations.choices() });
    }),
  );

  router.put(
    "/organisation/directions",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const { directions } = parseBody(z.strictObject({ directions: Directions }), req.body);
      await organisations.setDirections(organisation, directions);
      res.json({ directions });
    }),
  );

  router.post(
    "/organisation/facilitators",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const { name } = parseBody(z.strictObject({ name: z.string().trim().min(1).max(80) }), req.body);
      res.status(201).json({ name, facilitatorKey: await organisations.addFacilitator(organisation, name) });
    }),
  );

  router.delete(
    "/organisation/facilitators/:id",
    route(async (req, res) => {
      await organisations.removeFacilitator(await adminOf(req), String(req.params.id));
      res.status(204).end();
    }),
  );

  router.put(
    "/organisation/programmes",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const body = (req.body ?? {}) as { programmes?: unknown };
      res.json({ programmes: await organisations.setProgrammes(organisation, body.programmes) });
    }),
  );

  router.get(
    "/organisation/dashboard",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const q = parseBody(DashboardQuery, req.query);
      const dashboard = await organisations.dashboard(organisation, q);
      if (q.format !== "csv") {
        res.json(dashboard);
        return;
      }
      const tables: Record<string, { columns: string[]; rows: (string | number)[][] }> = {
        sessions: {
          columns: ["mois", "sessions"],
          rows: dashboard.sessionsByMonth.map((m) => [m.month, m.count]),
        },
        directions: {
          columns: ["direction", "libelle", "agents"],
          rows: dashboard.directions.map((d) => [d.direction, d.label ?? "", d.agents]),
        },
        competences: {
          columns: ["direction", "competence", "points"],
          rows: dashboard.heatmap.flatMap((h) =>
            Object.entries(h.points).map(([c, p]) => [h.direction, c, p]),
          ),
        },
        programmes: {
          columns: ["programme", "competence", "niveau", "agents"],
          rows: dashboard.programmes.flatMap((p) =>
            p.targets.map((t) => [p.id, t.competence, t.level, t.reached]),
          ),
        },
        questionnaire: {
          columns: ["question", "reponse", "nombre"],
          rows: (["found", "motivation", "heard"] as const).flatMap((question) =>
            Object.entries(dashboard.questionnaire[question]).map(([answer, n]) => [question, answer, n]),
          ),
        },
      };
      const table = tables[q.table ?? "sessions"];
      if (!table) throw new HttpError(400, "unknown-table", "Tableau inconnu.");
      const cell = (v: string | number) =>
        typeof v === "number" ? String(v).replace(".", ",") : `"${v.replaceAll('"', '""')}"`;
      res.type("text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="datatruc-${q.table ?? "sessions"}.csv"`);
      res.send(
        `\ufeff${[table.columns.join(";"), ...table.rows.map((r) => r.map(cell).join(";"))].join("\r\n")}\r\n`,
      );
    }),
  );

  router.get(
    "/organisation/xapi",
    route(async (req, res) => {
      const organisation = await adminOf(req);
      const statements = await organisations.statements(organisation, lastingOrigin(req, links));
      sendJsonFile(res, statements, "datatruc-organisation-xapi.json");
    }),
  );

  router.get(
    "/sessions/:code/directions",
    route(async (req, res) => {
      res.json({ directions: await organisations.directionsOf(String(req.params.code).toUpperCase()) });
    }),
  );

  router.post(
    "/sessions/:code/direction",
    route(async (req, res) => {
      const body = parseBody(DirectionBody, req.body);
      await organisations.setDirection({ ...body, sessionCode: String(req.params.code) });
      res.status(204).end();
    }),
  );

  async function certificateOf(req: Request): Promise<PathCertificate> {
    const code = normalizeVerificationCode(String(req.params.verificationCode));
    const certificate = code ? await organisations.certificate(code) : null;
    if (!certificate)
      throw new HttpError(404, "unknown-certificate", "Aucune attestation de parcours avec ce code.");
    return certificate;
  }

  router.get(
    "/path-certificates/:verificationCode",
    route(async (req, res) => {
      const { organisationId: _organisationId, ...publicData } = await certificateOf(req);
      res.json(publicData);
    }),
  );

  router.get(
    "/path-certificates/:verificationCode/badge",
    route(async (req, res) => {
      const body = pathAssertion(lastingOrigin(req, links), await certificateOf(req));
      res.type("application/ld+json; charset=utf-8").send(JSON.stringify(body));
    }),
  );

  /** The BadgeClass of a programme, built from any certificate issued for it (none: 404). */
  async function programmeCertificate(req: Request): Promise<PathCertificate> {
    const organisation = await sessions.store.organisations.byId(String(req.params.organisationId));
    const programme = organisation?.programmes.find((p) => p.id === req.params.programmeId);
    if (!organisation || !programme)
      throw new HttpError(404, "unknown-programme", "Aucun programme à cette adresse.");
    const { referential } = sessions.catalog;
    const labels = new Map(
      referential.domains.flatMap((d) => d.competences.map((c) => [c.id, c.label] as const)),
    );
    const levels = new Map(referential.levels.map((l) => [l.id, l.label]));
    return {
      verificationCode: "",
      organisationId: organisation.id,
      organisationName: organisation.name,
      programmeId: programme.id,
      programmeTitle: programme.title,
      displayName: "",
      targets: programme.targets.map((t) => ({
        ...t,
        label: labels.get(t.competence) ?? t.competence,
        levelLabel: levels.get(t.level) ?? t.level,
      })),
      issuedAt: 0,
    };
  }

  router.get(
    "/path-badges/:organisationId/:programmeId",
    route(async (req, res) => {
      const body = pathBadgeClass(lastingOrigin(req, links), await programmeCertificate(req));
      res.type("application/ld+json; charset=utf-8").send(JSON.stringify(body));
    }),
  );

  router.get(
    "/path-badges/:organisationId/:programmeId/image.svg",
    route(async (req, res) => {
      const c = await programmeCertificate(req);
      res.type("image/svg+xml").send(badgeImage({ metadata: { title: c.programmeTitle } } as Scenario));
    }),
  );

  return router;
}
