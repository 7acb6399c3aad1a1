/**
 * Open Badges 2.0 export: after a real session of scenarios/exemple.json, a player's attestation is
 * served as a hosted Assertion that links by absolute URL to its BadgeClass, which links to the
 * Issuer; every document has the Open Badges shape and the assertion says what the attestation says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadCatalog } from "../../server/scenarios.ts";
import { api } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const catalog = loadCatalog("scenarios");
const scenario = catalog.scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");

const OB_CONTEXT = "https://w3id.org/openbadges/v2";
const AbsoluteUrl = z.url({ protocol: /^https?$/ });

const Issuer = z.object({
  "@context": z.literal(OB_CONTEXT),
  type: z.literal("Issuer"),
  id: AbsoluteUrl,
  name: z.literal("Datatruc"),
  url: AbsoluteUrl,
});

const Alignment = z.object({
  targetName: z.string().min(1),
  targetUrl: AbsoluteUrl,
  targetDescription: z.string().min(1),
  targetFramework: z.string().min(1),
  targetCode: z.string().min(1),
});

const BadgeClass = z.object({
  "@context": z.literal(OB_CONTEXT),
  type: z.literal("BadgeClass"),
  id: AbsoluteUrl,
  name: z.string().min(1),
  description: z.string().min(1),
  image: AbsoluteUrl,
  criteria: z.object({ narrative: z.string().min(1) }),
  issuer: AbsoluteUrl,
  alignment: z.array(Alignment).min(1),
});

const Assertion = z.object({
  "@context": z.literal(OB_CONTEXT),
  type: z.literal("Assertion"),
  id: AbsoluteUrl,
  recipient: z.object({ type: z.literal("url"), hashed: z.literal(false), identity: AbsoluteUrl }),
  badge: AbsoluteUrl,
  issuedOn: z.iso.datetime(),
  verification: z.object({ type: z.literal("hosted") }),
  evidence: z.array(z.object({ type: z.literal("Evidence"), narrative: z.string().min(1) })).min(1),
});

interface AttestationBody {
  verificationCode: string;
  verifyUrl: string;
  playerName: string;
  issuedAt: number;
  skills: { label: string; levelLabel: string | null }[];
}

const running = useServerProcess();

/** Fetches an absolute URL the server gave on the test server (its origin may be the LAN address). */
const follow = <T>(url: string) => {
  const { pathname } = new URL(url);
  return api<T>(running.server, pathname);
};

describe("Open Badges 2.0 export", () => {
  let played: PlayedSession;
  let attestation: AttestationBody;

  beforeAll(async () => {
    played = await playSession(running.server, scenario, "facilitator", () => "right");
    const player = played.teams[0]?.members[0];
    const res = await api<AttestationBody>(
      running.server,
      `/api/sessions/${played.session.code}/attestations/${player?.playerId}`,
      { headers: { "x-seat-key": player?.seatKey ?? "" } },
    );
    expect(res.status).toBe(200);
    attestation = res.body;
  });
  afterAll(async () => {
    if (played) await leaveAll(played);
  });

  it("serves the attestation as a hosted Assertion that says what the attestation says", async () => {
    const res = await api(running.server, `/api/attestations/${attestation.verificationCode}/badge`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const assertion = Assertion.parse(res.body);
    // The assertion's id is where it is hosted: fetching it again gives the same document.
    expect(new URL(assertion.id).pathname).toBe(`/api/attestations/${attestation.verificationCode}/badge`);
    expect((await follow(assertion.id)).body).toEqual(res.body);
    expect(assertion.recipient.identity).toBe(attestation.verifyUrl);
    expect(new Date(assertion.issuedOn).getTime()).toBe(attestation.issuedAt);
    const narrative = assertion.evidence[0]?.narrative ?? "";
    expect(narrative).toContain(attestation.playerName);
    expect(narrative).toContain(scenario.metadata.title);
    // Audit §4: a skill is « travaillée en situation », never presented as a certification.
    expect(narrative).toContain("travaillées en situation");
    expect(narrative).not.toMatch(/certifi(é|cation) Pix|Pix certifi/i);
    expect(attestation.skills.length).toBeGreaterThan(0);
    for (const skill of attestation.skills) {
      expect(narrative).toContain(skill.label);
      expect(narrative).toContain(skill.levelLabel ?? "non atteint");
    }
  });

  it("links the Assertion to its BadgeClass and the BadgeClass to the Issuer", async () => {
    const assertion = Assertion.parse(
      (await api(running.server, `/api/attestations/${attestation.verificationCode}/badge`)).body,
    );
    const badgeRes = await follow(assertion.badge);
    expect(badgeRes.status).toBe(200);
    const badge = BadgeClass.parse(badgeRes.body);
    expect(badge.id).toBe(assertion.badge);
    expect(new URL(badge.id).pathname).toBe(`/api/badges/${scenario.id}`);
    expect(new URL(badge.id).origin).toBe(new URL(assertion.id).origin);

    const issuerRes = await follow(badge.issuer);
    expect(issuerRes.status).toBe(200);
    const issuer = Issuer.parse(issuerRes.body);
    expect(issuer.id).toBe(badge.issuer);
    expect(issuer.url).toBe(new URL(assertion.id).origin);

    const image = await follow<string>(badge.image);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(image.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("aligns the BadgeClass with the referential competences the scenario trains", async () => {
    const badge = BadgeClass.parse((await api(running.server, `/api/badges/${scenario.id}`)).body);
    const trained = new Set(scenario.steps.flatMap((s) => s.skills.map((k) => k.competence)));
    const competences = catalog.referential.domains.flatMap((d) => d.competences);
    const datatruc = badge.alignment.filter((a) => a.targetFramework === "Référentiel Datatruc");
    expect(new Set(datatruc.map((a) => a.targetCode))).toEqual(trained);
    for (const a of datatruc) {
      const competence = competences.find((c) => c.id === a.targetCode);
      expect(a).toMatchObject({ targetName: competence?.label, targetDescription: competence?.description });
    }
    const crcn = new Set(competences.filter((c) => trained.has(c.id)).flatMap((c) => c.crcn));
    const pix = badge.alignment.filter((a) => a.targetFramework.includes("CRCN"));
    expect(new Set(pix.map((a) => a.targetCode))).toEqual(crcn);
    for (const a of pix) {
      expect(a.targetFramework).toContain("indicative");
      expect(a.targetDescription).toContain("pas une certification Pix");
      expect(a.targetName).not.toMatch(/^Compétence /);
    }
  });

  it("answers 404 with a JSON error for unknown codes and scenarios", async () => {
    for (const path of [
      "/api/attestations/AAAA-BBBB-CCCC-DDDD/badge",
      "/api/attestations/not-a-code/badge",
      "/api/badges/no-such-scenario",
      "/api/badges/no-such-scenario/image.svg",
    ]) {
      const res = await api<{ error: { code: string } }>(running.server, path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toMatch(/^unknown-(attestation|scenario)$/);
    }
  });
});
