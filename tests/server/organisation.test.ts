/**
 * Organisations over a real server: the first facilitator of a fresh install creates one (a
 * second is refused: operator command), the operator command creates another; the admin sets
 * directions, issues a facilitator key, and writes a programme (one naming a missing scenario is
 * refused in French and changes nothing); a session created with the facilitator key belongs to
 * the organisation; a player gives their direction; meeting the programme's targets in the carnet
 * issues a certificate of path, verifiable and exportable as an Open Badge.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api, tempDir } from "./harness.ts";
import { leaveAll, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const exemple = loadCatalog("scenarios").scenarios.get("exemple");
if (!exemple) throw new Error("scenarios/exemple.json is missing");
const ctx = useServerProcess();
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
type ApiError = { error: { code: string; message: string } };
/** The admin key the first test's organisation got. */
let gironde = "";

describe("organisations", () => {
  it("are created by the first facilitator of a fresh install, then only by the operator command", async () => {
    const { server } = ctx;
    // (The operator command first: a pause between requests would meet a closed keep-alive socket.)
    const dir = tempDir();
    try {
      const out = execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "server/cli/create-organisation.ts",
          "Grand Poitiers",
          "dsi=Direction du numérique",
        ],
        {
          env: { ...process.env, DATABASE_PATH: join(dir.path, "ops.sqlite"), DATABASE_URL: "" },
          encoding: "utf8",
        },
      );
      expect(out).toMatch(/Organisation créée : Grand Poitiers \(1 direction\)/);
      expect(out).toMatch(/Clé d'administration .*: [\w-]{43}/);
    } finally {
      dir.remove();
    }
    const first = await api<{ name: string; adminKey: string }>(server, "/api/organisations", {
      method: "POST",
      json: { name: "Département de la Gironde" },
    });
    expect(first.status).toBe(201);
    expect(first.body.adminKey.length).toBeGreaterThanOrEqual(43);
    gironde = first.body.adminKey;
    const second = await api<ApiError>(server, "/api/organisations", {
      method: "POST",
      json: { name: "Autre" },
    });
    expect(second.status).toBe(403);
    expect(second.body.error.message).toMatch(/npm run org:create/);
  });

  it("runs a programme: directions, facilitator key, sessions inside, certificate of path", async () => {
    const { server } = ctx;
    const adminKey = gironde;
    expect(adminKey).not.toBe("");
    expect((await api(server, "/api/organisation", { headers: bearer("nope") })).status).toBe(403);

    const directions = [
      { id: "dgs", label: "Direction générale des services" },
      { id: "dsi", label: "Direction des systèmes d'information" },
      { id: "routes", label: "Direction des routes" },
      { id: "colleges", label: "Direction de l'éducation et des collèges" },
    ];
    expect(
      (
        await api(server, "/api/organisation/directions", {
          method: "PUT",
          headers: bearer(adminKey),
          json: { directions },
        })
      ).status,
    ).toBe(200);
    const facilitator = await api<{ facilitatorKey: string }>(server, "/api/organisation/facilitators", {
      method: "POST",
      headers: bearer(adminKey),
      json: { name: "Référente data" },
    });
    expect(facilitator.status).toBe(201);

    const programme = {
      id: "infolab",
      title: "Infolab 2026",
      scenarios: ["exemple"],
      targets: [{ competence: "licences-reutilisation", level: "decouverte" }],
    };
    const bad = await api<ApiError>(server, "/api/organisation/programmes", {
      method: "PUT",
      headers: bearer(adminKey),
      json: { programmes: [{ ...programme, scenarios: ["exemple", "introuvable"] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      "le programme « infolab » cite un scénario inconnu : « introuvable »",
    );
    const unchanged = await api<{
      programmes: unknown[];
      directions: unknown[];
      facilitators: { name: string }[];
    }>(server, "/api/organisation", { headers: bearer(adminKey) });
    expect(unchanged.body.programmes).toEqual([]);
    expect(unchanged.body.directions).toEqual(directions);
    expect(unchanged.body.facilitators.map((f) => f.name)).toEqual(["Référente data"]);
    expect(JSON.stringify(unchanged.body)).not.toContain(facilitator.body.facilitatorKey);
    expect(
      (
        await api(server, "/api/organisation/programmes", {
          method: "PUT",
          headers: bearer(adminKey),
          json: { programmes: [programme] },
        })
      ).status,
    ).toBe(200);

    // A session with a wrong organisation key is refused; with the facilitator's key it belongs to the organisation.
    const refused = await api<ApiError>(server, "/api/sessions", {
      method: "POST",
      json: { scenarioId: "exemple", organisationKey: "wrong" },
    });
    expect(refused.status).toBe(403);
    const played = await playSession(server, exemple, "facilitator", () => "right", {
      session: { organisationKey: facilitator.body.facilitatorKey },
    });
    const seat = played.players[0];
    if (!seat?.playerId || !seat.seatKey) throw new Error("seat");
    const code = played.session.code;
    const list = await api<{ directions: { id: string }[] }>(server, `/api/sessions/${code}/directions`);
    expect(list.body.directions.map((d) => d.id)).toEqual(["dgs", "dsi", "routes", "colleges"]);
    const proof = { playerId: seat.playerId, seatKey: seat.seatKey };
    const wrongDirection = await api<ApiError>(server, `/api/sessions/${code}/direction`, {
      method: "POST",
      json: { ...proof, direction: "inconnue" },
    });
    expect(wrongDirection.status).toBe(400);
    expect(wrongDirection.body.error.message).toMatch(/ne fait pas partie de la liste/);
    expect(
      (
        await api(server, `/api/sessions/${code}/direction`, {
          method: "POST",
          json: { ...proof, direction: "routes" },
        })
      ).status,
    ).toBe(204);
    const results = await api<{ organisation: string }>(server, `/api/sessions/${code}/results`, {
      headers: bearer(played.session.facilitatorKey),
    });
    expect(results.body.organisation).toBe("Département de la Gironde");

    // The player keeps a carnet: the programme's target is met, the certificate of path is issued.
    const carnet = await api<{ code: string }>(server, "/api/carnets", {
      method: "POST",
      json: { displayName: "Camille", seat: { sessionCode: code, ...proof } },
    });
    const view = await api<{ paths: { title: string; complete: boolean; certificate: string | null }[] }>(
      server,
      "/api/carnet",
      { headers: bearer(carnet.body.code) },
    );
    expect(view.body.paths).toHaveLength(1);
    expect(view.body.paths[0]).toMatchObject({ title: "Infolab 2026", complete: true });
    const certificate = view.body.paths[0]?.certificate ?? "";
    expect(certificate).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
    // Asked again, the same certificate (issued once).
    const again = await api<{ paths: { certificate: string }[] }>(server, "/api/carnet", {
      headers: bearer(carnet.body.code),
    });
    expect(again.body.paths[0]?.certificate).toBe(certificate);

    const check = await api<{ displayName: string; programmeTitle: string; organisationName: string }>(
      server,
      `/api/path-certificates/${certificate.toLowerCase()}`,
    );
    expect(check.body).toMatchObject({
      displayName: "Camille",
      programmeTitle: "Infolab 2026",
      organisationName: "Département de la Gironde",
    });
    const assertion = await api<{
      type: string;
      badge: string;
      recipient: { identity: string };
      evidence: { narrative: string }[];
    }>(server, `/api/path-certificates/${certificate}/badge`);
    expect(assertion.body.type).toBe("Assertion");
    // Audit §4: skills are « travaillées en situation », the path certificate is no certification.
    expect(assertion.body.evidence[0]?.narrative).toContain("travaillées en situation");
    expect(assertion.body.evidence[0]?.narrative).toContain("sans valeur de certification");
    expect(assertion.body.recipient.identity).toContain(`/verify/${certificate}`);
    const badgeClass = await api<{ type: string; issuer: string; image: string }>(
      server,
      new URL(assertion.body.badge).pathname,
    );
    expect(badgeClass.body.type).toBe("BadgeClass");
    expect((await api(server, new URL(badgeClass.body.image).pathname)).status).toBe(200);
    expect((await api(server, "/api/path-certificates/AAAA-AAAA-AAAA-AAAA")).status).toBe(404);

    // The admin screens' choices: the catalogue's scenarios, the referential's competences and levels.
    const admin = await api<{
      facilitators: { id: string; name: string }[];
      choices: {
        scenarios: { id: string; title: string }[];
        competences: { id: string; label: string }[];
        levels: { id: string; label: string }[];
      };
    }>(server, "/api/organisation", { headers: bearer(adminKey) });
    expect(admin.body.choices.scenarios).toContainEqual({ id: "exemple", title: exemple.metadata.title });
    expect(admin.body.choices.competences.map((c) => c.id)).toContain("licences-reutilisation");
    expect(admin.body.choices.levels.map((l) => l.id)).toContain("decouverte");
    // Revoking a facilitator key: it no longer creates sessions; the admin key still does.
    const [referente] = admin.body.facilitators;
    expect(referente?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(admin.body)).not.toContain(facilitator.body.facilitatorKey);
    const unknownFacilitator = await api<ApiError>(
      server,
      "/api/organisation/facilitators/0000000000000000",
      {
        method: "DELETE",
        headers: bearer(adminKey),
      },
    );
    expect(unknownFacilitator.status).toBe(404);
    expect(unknownFacilitator.body.error.message).toMatch(/Aucun animateur/);
    expect(
      (
        await api(server, `/api/organisation/facilitators/${referente?.id}`, {
          method: "DELETE",
          headers: bearer("wrong"),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(server, `/api/organisation/facilitators/${referente?.id}`, {
          method: "DELETE",
          headers: bearer(adminKey),
        })
      ).status,
    ).toBe(204);
    const revoked = await api<ApiError>(server, "/api/sessions", {
      method: "POST",
      json: { scenarioId: "exemple", organisationKey: facilitator.body.facilitatorKey },
    });
    expect(revoked.status).toBe(403);
    const after = await api<{ facilitators: unknown[] }>(server, "/api/organisation", {
      headers: bearer(adminKey),
    });
    expect(after.body.facilitators).toEqual([]);

    // Erasing the carnet erases its certificates.
    expect(
      (await api(server, "/api/carnet", { method: "DELETE", headers: bearer(carnet.body.code) })).status,
    ).toBe(204);
    expect((await api(server, `/api/path-certificates/${certificate}`)).status).toBe(404);
    await leaveAll(played);
  }, 120_000);
});
