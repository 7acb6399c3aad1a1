/**
 * The learning-record export over a real server, on SQLite and PostgreSQL: a carnet holder downloads
 * their xAPI statements with their carnet code, an organisation's admin downloads those of every
 * carnet met in its sessions; every statement passes Learning Locker's xAPI statement validator
 * (conformance-tested, @learninglocker/xapi-validation); actors are pseudonymous accounts (the
 * holder's file carries the carnet's chosen display name, the organisation's no name at all); the
 * same facts give the same statement ids; an erased carnet leaves the organisation's file.
 */
import xapiValidation from "@learninglocker/xapi-validation";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { useBackends } from "./backends.ts";
import { api } from "./harness.ts";
import { leaveAll, playInOrganisation } from "./play.ts";

const validate = ((xapiValidation as { default?: typeof xapiValidation }).default ?? xapiValidation) as (
  statement: unknown,
) => { path: string[]; name: string }[];
const exemple = loadCatalog("scenarios").scenarios.get("exemple");
if (!exemple) throw new Error("scenarios/exemple.json is missing");
const { backends, start } = useBackends("xapi");
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Statement {
  id: string;
  version: string;
  timestamp: string;
  actor: { name?: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string; definition: { type: string; name: Record<string, string> } };
  result?: { score?: { scaled?: number } };
  context: {
    registration?: string;
    contextActivities?: { parent?: { id: string }[]; other?: { id: string }[] };
  };
}

const verbOf = (s: Statement) => s.verb.id.split("/").pop();

/** Every statement passes the validator: a list of "path: warning" (empty when all are valid). */
function problems(statements: Statement[]): string[] {
  return statements.flatMap((s, i) => validate(s).map((w) => `${i} ${w.path.join(".")}: ${w.name}`));
}

describe.each(backends)("the xAPI learning-record export on %s", (name, makeEnv) => {
  it("exports valid statements for a carnet and for an organisation, pseudonymous", async () => {
    const server = await start(name, await makeEnv());
    const { adminKey, played } = await playInOrganisation(server, exemple, "licences-reutilisation");
    const session = played.session.code;
    // Two players keep a carnet (the first asks for their attestation); the seven others do not.
    const carnets: string[] = [];
    for (const [i, displayName] of ["Zéphyrine", "Anatole"].entries()) {
      const seat = played.players[i];
      if (!seat?.playerId || !seat.seatKey) throw new Error("seat");
      const created = await api<{ code: string }>(server, "/api/carnets", {
        method: "POST",
        json: { displayName, seat: { sessionCode: session, playerId: seat.playerId, seatKey: seat.seatKey } },
      });
      expect(created.status).toBe(201);
      carnets.push(created.body.code);
    }
    const [zephyrine = "", anatole = ""] = carnets;
    const first = played.players[0];
    expect(
      (
        await api(server, `/api/sessions/${session}/attestations/${first?.playerId}`, {
          headers: { "x-seat-key": first?.seatKey ?? "" },
        })
      ).status,
    ).toBe(200);
    // Opening the carnet issues the certificate of path (the programme's target is met).
    const view = await api<{ paths: { certificate: string | null }[] }>(server, "/api/carnet", {
      headers: bearer(zephyrine),
    });
    const certificate = view.body.paths[0]?.certificate;
    expect(certificate).toBeTruthy();
    await leaveAll(played);

    // The holder's file: a download, valid statements of each kind, the competences as context.
    const own = await api<Statement[]>(server, "/api/carnet/xapi", { headers: bearer(zephyrine) });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toMatch(/^application\/json/);
    expect(own.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w-]+\.json"$/);
    expect(own.body.length).toBeGreaterThan(0);
    expect(problems(own.body)).toEqual([]);
    expect(own.body.every((s) => s.version === "1.0.3")).toBe(true);
    const verbs = own.body.map(verbOf);
    expect(verbs.filter((v) => v === "attempted")).toHaveLength(1);
    expect(verbs.filter((v) => v === "completed")).toHaveLength(1);
    // Earned: the attestation and the certificate of path.
    expect(verbs.filter((v) => v === "earned")).toHaveLength(2);
    expect(own.body.filter((s) => verbOf(s) === "earned").map((s) => s.object.id)).toEqual(
      expect.arrayContaining([expect.stringContaining(`/verify/${certificate}`)]),
    );
    const answered = own.body.filter((s) => verbOf(s) === "answered");
    expect(answered.map((s) => s.object.id.split("/").pop())).toEqual(exemple.steps.map((s) => s.id));
    for (const [i, statement] of answered.entries()) {
      const competences = statement.context.contextActivities?.other?.map((a) => a.id.split("/").pop());
      expect(competences).toEqual(exemple.steps[i]?.skills.map((k) => k.competence));
      expect(statement.context.contextActivities?.parent?.[0]?.id).toMatch(/\/xapi\/scenarios\/exemple$/);
      expect(statement.result?.score?.scaled).toBe(1);
    }
    // One pseudonymous actor, named with the display name its holder chose; no code, no seat name.
    expect(new Set(own.body.map((s) => JSON.stringify(s.actor))).size).toBe(1);
    expect(own.body[0]?.actor.name).toBe("Zéphyrine");
    expect(own.body[0]?.actor.account.name).toMatch(/^[0-9a-f]{32}$/);
    expect(own.text).not.toContain(zephyrine);
    expect(own.text).not.toContain(first?.playerId);
    expect(own.text).not.toMatch(/Joueur \d/);
    expect(new Set(own.body.map((s) => s.context.registration)).size).toBeLessThanOrEqual(2);

    // The same facts give the same file (an LRS does not count them twice).
    const again = await api<Statement[]>(server, "/api/carnet/xapi", { headers: bearer(zephyrine) });
    expect(again.body.map((s) => s.id)).toEqual(own.body.map((s) => s.id));
    expect(new Set(own.body.map((s) => s.id)).size).toBe(own.body.length);

    // The organisation's file: both carnets, no name, other pseudonyms than the holder's own file.
    const org = await api<Statement[]>(server, "/api/organisation/xapi", { headers: bearer(adminKey) });
    expect(org.status).toBe(200);
    expect(org.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(problems(org.body)).toEqual([]);
    const actors = new Set(org.body.map((s) => s.actor.account.name));
    expect(actors.size).toBe(2);
    expect(actors.has(own.body[0]?.actor.account.name ?? "")).toBe(false);
    expect(org.body.every((s) => s.actor.name === undefined)).toBe(true);
    expect(org.text).not.toContain("Zéphyrine");
    expect(org.text).not.toContain("Anatole");
    expect(org.body.filter((s) => verbOf(s) === "answered")).toHaveLength(2 * exemple.steps.length);

    // Bad keys: clear French errors.
    const noKey = await api<{ error: { message: string } }>(server, "/api/organisation/xapi");
    expect(noKey.status).toBe(401);
    const unknown = await api<{ error: { message: string } }>(server, "/api/carnet/xapi", {
      headers: bearer("AAAA-AAAA-AAAA-AAAA-AAAA"),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Aucun carnet/);

    // An erased carnet leaves the organisation's file.
    expect((await api(server, "/api/carnet", { method: "DELETE", headers: bearer(zephyrine) })).status).toBe(
      204,
    );
    const after = await api<Statement[]>(server, "/api/organisation/xapi", { headers: bearer(adminKey) });
    expect(new Set(after.body.map((s) => s.actor.account.name)).size).toBe(1);
    expect(after.body.every((s) => !s.object.id.includes(certificate ?? "?"))).toBe(true);
    expect((await api(server, "/api/carnet/xapi", { headers: bearer(anatole) })).status).toBe(200);
  }, 240_000);
});
