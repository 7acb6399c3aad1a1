/**
 * Open Badges 2.0 export of attestations, "hosted" verification (no signing, no baked PNG):
 * https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html
 *
 * - `GET /api/issuer`                          → Issuer Profile (generic: the organisation is per session)
 * - `GET /api/badges/:scenarioId`              → BadgeClass, one per scenario
 * - `GET /api/badges/:scenarioId/image.svg`    → the BadgeClass image
 * - `GET /api/attestations/:verificationCode/badge` → Assertion of one attestation
 *
 * Every document is JSON-LD with absolute URLs built on the public origin, so that a backpack or a
 * validator can follow Assertion → BadgeClass → Issuer and re-fetch the Assertion at its `id`.
 */
import express, { type Request, type Response } from "express";
import type { Competence, CRCN_COMPETENCES, Scenario } from "../../shared/scenario/schema.ts";
import { normalizeVerificationCode } from "../codes.ts";
import { badgeScenario } from "../scenarios.ts";
import type { SessionService } from "../sessions.ts";
import type { Attestation } from "../store/store.ts";
import { HttpError } from "./api.ts";
import { type LinkConfig, lastingOrigin } from "./origin.ts";

const CONTEXT = "https://w3id.org/openbadges/v2";
const FRAMEWORK = "Référentiel Datatruc";
const CRCN_FRAMEWORK = "Cadre de référence des compétences numériques (CRCN), correspondance indicative";
/** Official description of the CRCN (décret n° 2019-919), where the competences 1.1 … 5.2 are defined. */
const CRCN_URL = "https://pix.fr/competences";

/** The CRCN competences (names as Pix shows them, brief addendum §7). */
export const CRCN_NAMES: Record<(typeof CRCN_COMPETENCES)[number], string> = {
  "1.1": "Mener une recherche et une veille d'information",
  "1.2": "Gérer des données",
  "1.3": "Traiter des données",
  "2.1": "Interagir",
  "2.2": "Partager et publier",
  "2.3": "Collaborer",
  "2.4": "S'insérer dans le monde numérique",
  "3.1": "Développer des documents textuels",
  "3.2": "Développer des documents multimédia",
  "3.3": "Adapter les documents à leur finalité",
  "3.4": "Programmer",
  "4.1": "Sécuriser l'environnement numérique",
  "4.2": "Protéger les données personnelles et la vie privée",
  "4.3": "Se protéger des risques",
  "5.1": "Résoudre des problèmes techniques",
  "5.2": "Construire un environnement numérique",
};

export interface OpenBadgeUrls {
  issuer: string;
  badgeClass: (scenarioId: string) => string;
  image: (scenarioId: string) => string;
  assertion: (verificationCode: string) => string;
  verify: (verificationCode: string) => string;
}

export function openBadgeUrls(origin: string): OpenBadgeUrls {
  const enc = encodeURIComponent;
  return {
    issuer: `${origin}/api/issuer`,
    badgeClass: (id) => `${origin}/api/badges/${enc(id)}`,
    image: (id) => `${origin}/api/badges/${enc(id)}/image.svg`,
    assertion: (code) => `${origin}/api/attestations/${enc(code)}/badge`,
    verify: (code) => `${origin}/verify/${enc(code)}`,
  };
}

export function issuerProfile(urls: OpenBadgeUrls, origin: string) {
  return {
    "@context": CONTEXT,
    type: "Issuer",
    id: urls.issuer,
    name: "Datatruc",
    url: origin,
    description:
      "Jeu sérieux de formation des agents publics à la donnée publique : ouverture, métadonnées, qualité, licences et accès aux documents administratifs.",
  };
}

/** The referential competences a scenario's steps train, in order of first appearance. */
function trainedCompetences(scenario: Scenario, competences: Map<string, Competence>): Competence[] {
  const ids = [...new Set(scenario.steps.flatMap((step) => step.skills.map((s) => s.competence)))];
  return ids.flatMap((id) => competences.get(id) ?? []);
}

export function badgeClass(urls: OpenBadgeUrls, scenario: Scenario, competences: Map<string, Competence>) {
  const trained = trainedCompetences(scenario, competences);
  const badgeUrl = urls.badgeClass(scenario.id);
  const crcn = [...new Set(trained.flatMap((c) => c.crcn))].sort();
  return {
    "@context": CONTEXT,
    type: "BadgeClass",
    id: badgeUrl,
    name: `Datatruc — ${scenario.metadata.title}`,
    description: scenario.metadata.summary,
    image: urls.image(scenario.id),
    criteria: {
      narrative:
        `Avoir participé, en équipe, à une session complète du jeu sérieux Datatruc « ${scenario.metadata.title} » ` +
        `(environ ${scenario.metadata.durationMinutes} minutes, public : ${scenario.metadata.audience}). ` +
        "Les compétences travaillées et le niveau atteint par le joueur sont précisés dans la preuve de chaque badge.",
    },
    issuer: urls.issuer,
    tags: scenario.metadata.tags,
    alignment: [
      // The referential has no public page per competence: its `targetUrl` (required by the spec)
      // points at this BadgeClass, whose alignment carries the competence's description.
      ...trained.map((c) => ({
        targetName: c.label,
        targetUrl: `${badgeUrl}#competence-${encodeURIComponent(c.id)}`,
        targetDescription: c.description,
        targetFramework: FRAMEWORK,
        targetCode: c.id,
      })),
      ...crcn.map((code) => ({
        targetName: CRCN_NAMES[code],
        targetUrl: CRCN_URL,
        targetDescription: `Correspondance indicative avec la compétence ${code} du cadre de référence des compétences numériques (CRCN). Ce badge n'est pas une certification Pix.`,
        targetFramework: CRCN_FRAMEWORK,
        targetCode: code,
      })),
    ],
  };
}

/** The attestation's content in French: who, which scenario, which skills at which level. */
export function evidenceNarrative(a: Attestation): string {
  const skills = a.skills.map(
    (s) =>
      `- ${s.label} : ${Math.round(s.points * 100) / 100} points, niveau ${s.levelLabel ?? "non atteint"}`,
  );
  return [
    `${a.playerName} a participé au jeu sérieux Datatruc « ${a.scenarioTitle} », session organisée par ${a.organisation}.`,
    "",
    "Compétences travaillées en situation de jeu (niveau atteint dans le jeu, sans valeur de certification) :",
    ...(skills.length ? skills : ["- aucune"]),
    "",
    `Code de vérification : ${a.verificationCode}`,
  ].join("\n");
}

export function assertion(urls: OpenBadgeUrls, a: Attestation) {
  return {
    "@context": CONTEXT,
    type: "Assertion",
    id: urls.assertion(a.verificationCode),
    // Open Badges 2.0 identifies recipients by a Profile property: "email", "url" or "telephone".
    // Datatruc never asks players for an e-mail or phone number, so the only identity it can give
    // is a URL: the public attestation page. Hashing it would hide nothing (anyone holding the
    // verification code already reads the name there), so it is given in clear (`hashed: false`).
    recipient: { type: "url", hashed: false, identity: urls.verify(a.verificationCode) },
    badge: urls.badgeClass(a.scenarioId),
    issuedOn: new Date(a.issuedAt).toISOString(),
    verification: { type: "hosted" },
    evidence: [
      {
        type: "Evidence",
        id: urls.verify(a.verificationCode),
        name: `Attestation Datatruc de ${a.playerName}`,
        narrative: evidenceNarrative(a),
      },
    ],
  };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small round badge with the scenario's title, wrapped on up to three lines. */
export function badgeImage(scenario: Scenario): string {
  const words = scenario.metadata.title.split(/\s+/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length > 3) lines.splice(2, lines.length - 2, `${lines[2]}…`);
  const text = lines
    .map((line, i) => `<tspan x="100" dy="${i === 0 ? 0 : 16}">${escapeXml(line)}</tspan>`)
    .join("");
  const top = 118 - (lines.length - 1) * 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" role="img" aria-label="${escapeXml(`Badge Datatruc : ${scenario.metadata.title}`)}">
<circle cx="100" cy="100" r="96" fill="#000091"/>
<circle cx="100" cy="100" r="84" fill="#fff"/>
<text x="100" y="72" text-anchor="middle" font-family="Marianne, Arial, sans-serif" font-size="22" font-weight="700" fill="#000091">Datatruc</text>
<text x="100" y="${top}" text-anchor="middle" font-family="Marianne, Arial, sans-serif" font-size="13" fill="#161616">${text}</text>
</svg>
`;
}

export function openBadgesRouter(sessions: SessionService, links: LinkConfig): express.Router {
  const router = express.Router();
  const competences = new Map(
    sessions.catalog.referential.domains.flatMap((d) => d.competences.map((c) => [c.id, c] as const)),
  );
  const origin = (req: Request) => lastingOrigin(req, links);
  const sendJsonLd = (res: Response, body: unknown) => {
    res.type("application/ld+json; charset=utf-8").send(JSON.stringify(body));
  };
  /** A badge outlives its scenario file: once the file is gone, the copy last played is used. */
  const findScenario = async (req: Request): Promise<Scenario> => {
    const id = String(req.params.scenarioId);
    const scenario = await badgeScenario(sessions.store, sessions.catalog, id);
    if (!scenario) throw new HttpError(404, "unknown-scenario", "Aucun scénario avec cet identifiant.");
    return scenario;
  };

  router.get("/issuer", (req, res) => {
    sendJsonLd(res, issuerProfile(openBadgeUrls(origin(req)), origin(req)));
  });

  router.get("/badges/:scenarioId", async (req, res) => {
    sendJsonLd(res, badgeClass(openBadgeUrls(origin(req)), await findScenario(req), competences));
  });

  router.get("/badges/:scenarioId/image.svg", async (req, res) => {
    res.type("image/svg+xml").send(badgeImage(await findScenario(req)));
  });

  router.get("/attestations/:verificationCode/badge", async (req, res) => {
    const code = normalizeVerificationCode(String(req.params.verificationCode));
    const attestation = code ? await sessions.store.getAttestation(code) : null;
    if (!attestation) throw new HttpError(404, "unknown-attestation", "Aucune attestation avec ce code.");
    sendJsonLd(res, assertion(openBadgeUrls(origin(req)), attestation));
  });

  return router;
}
