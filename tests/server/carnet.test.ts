/**
 * The carnet de compétences over real servers: one carnet gathers a player's seats from three
 * sessions (one of them a replay of the same scenario) across a server restart; its levels equal
 * the pure rules over the stored results; a replay does not inflate them; bad codes and bad input
 * change nothing; erasure removes the carnet and anonymises the seats. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "../../server/codes.ts";
import { loadCatalog } from "../../server/scenarios.ts";
import { type CarnetStep, carnetCompetences } from "../../shared/rules/carnet.ts";
import { useBackends } from "./backends.ts";
import { api, type ServerProcess } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";

const catalog = loadCatalog("scenarios");
const scenario = (id: string) => {
  const s = catalog.scenarios.get(id);
  if (!s) throw new Error(`scenarios/${id}.json is missing`);
  return s;
};
const { backends, start } = useBackends("carnet");

const bearer = (code: string) => ({ authorization: `Bearer ${code}` });

interface CarnetView {
  displayName: string;
  competences: {
    competence: string;
    points: number;
    scenarios: string[];
    level: { id: string } | null;
  }[];
  sessions: { sessionCode: string; scenarioId: string }[];
  attestations: { verificationCode: string; sessionCode: string }[];
  suggestions: { scenarioId: string; competences: string[] }[];
}

/** The first player of a played session: the one whose carnet we follow. */
function seatOf(played: PlayedSession) {
  const seat = played.players[0];
  if (!seat?.playerId || !seat.seatKey) throw new Error("no seat");
  return { sessionCode: played.session.code, playerId: seat.playerId, seatKey: seat.seatKey };
}

/** The carnet's competences as the pure rules compute them from the sessions' own results. */
async function expectedFromResults(
  server: ServerProcess,
  seats: { code: string; playerId: string; key: string }[],
) {
  const steps: CarnetStep[] = [];
  for (const seat of seats) {
    const res = await api<{
      scenarioId: string;
      steps: { playerId: string; stepId: string; score: number }[];
    }>(server, `/api/sessions/${seat.code}/results`, { headers: bearer(seat.key) });
    for (const step of res.body.steps.filter((s) => s.playerId === seat.playerId)) {
      const skills = scenario(res.body.scenarioId).steps.find((s) => s.id === step.stepId)?.skills ?? [];
      steps.push({
        sessionCode: seat.code,
        scenarioId: res.body.scenarioId,
        stepId: step.stepId,
        score: step.score,
        skills,
      });
    }
  }
  return carnetCompetences(catalog.referential, steps);
}

describe.each(backends)("the carnet de compétences on %s", (name, makeEnv) => {
  it("gathers three sessions across a restart, counts a replayed step once, then is erased", async () => {
    const env = await makeEnv();
    let server = await start(name, env);

    // Session 1 (exemple, everything right): the player keeps their results in a new carnet.
    const first = await playSession(server, scenario("exemple"), "facilitator", () => "right");
    const created = await api<{ code: string; displayName: string }>(server, "/api/carnets", {
      method: "POST",
      json: { displayName: "  Camille  ", seat: seatOf(first) },
    });
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBe("Camille");
    const code = created.body.code;
    expect(code).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    // An attestation asked from the session shows up in the carnet.
    const s1 = seatOf(first);
    const attestation = await api<{ verificationCode: string }>(
      server,
      `/api/sessions/${s1.sessionCode}/attestations/${s1.playerId}`,
      { headers: { "x-seat-key": s1.seatKey } },
    );
    expect(attestation.status).toBe(200);
    await leaveAll(first);

    // Session 2 (metadata-party, wrong answers): joined from the same browser, so linked by code.
    const second = await playSession(server, scenario("metadata-party"), "team", () => "wrong");
    const linked = await api<CarnetView>(server, "/api/carnet/sessions", {
      method: "POST",
      headers: bearer(code.toLowerCase().replaceAll("-", " ")),
      json: seatOf(second),
    });
    expect(linked.status).toBe(200);
    await leaveAll(second);

    // The server restarts on the same database.
    await server.stop();
    server = await start(name, env);
    const before = await api<CarnetView>(server, "/api/carnet", { headers: bearer(code) });
    expect(before.status).toBe(200);
    expect(before.body.sessions.map((s) => s.sessionCode)).toEqual([s1.sessionCode, second.session.code]);
    expect(before.body.attestations.map((a) => a.verificationCode)).toEqual([
      attestation.body.verificationCode,
    ]);

    // Session 3 replays exemple, all right again: a step counts once, so nothing grows.
    const third = await playSession(server, scenario("exemple"), "facilitator", () => "right");
    const s3 = seatOf(third);
    expect(
      (await api(server, "/api/carnet/sessions", { method: "POST", headers: bearer(code), json: s3 })).status,
    ).toBe(200);
    // Linking twice is harmless; a seat of someone else's key is refused, nothing changes.
    expect(
      (await api(server, "/api/carnet/sessions", { method: "POST", headers: bearer(code), json: s3 })).status,
    ).toBe(200);
    const other = third.players[1];
    const refused = await api<{ error: { code: string; message: string } }>(server, "/api/carnet/sessions", {
      method: "POST",
      headers: bearer(code),
      json: { sessionCode: s3.sessionCode, playerId: other?.playerId, seatKey: s3.seatKey },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/n'est pas la vôtre/);
    await leaveAll(third);

    const after = await api<CarnetView>(server, "/api/carnet", { headers: bearer(code) });
    expect(after.body.displayName).toBe("Camille");
    expect(after.body.sessions.map((s) => s.scenarioId)).toEqual(["exemple", "metadata-party", "exemple"]);
    const expected = await expectedFromResults(
      server,
      [first, second, third].map((p) => ({
        code: p.session.code,
        playerId: seatOf(p).playerId,
        key: p.session.facilitatorKey,
      })),
    );
    expect(after.body.competences).toEqual(expected);
    expect(after.body.competences).toEqual(before.body.competences);
    const metadonnees = after.body.competences.find((c) => c.competence === "metadonnees");
    expect(metadonnees?.points).toBeGreaterThan(0);
    expect(after.body.suggestions.length).toBeGreaterThan(0);

    // Unknown codes: a clear French error, then the address is rate-limited.
    const unknown = await api<{ error: { message: string } }>(server, "/api/carnet", {
      headers: bearer("AAAA-AAAA-AAAA-AAAA-AAAA"),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Aucun carnet/);
    let status = 404;
    for (let i = 0; i < 12 && status === 404; i++)
      status = (
        await api(server, "/api/carnet", { headers: bearer(`BBBB-BBBB-BBBB-BBBB-BBB${CODE_ALPHABET[i]}`) })
      ).status;
    expect(status).toBe(429);
    // The rightful holder is blocked too for a minute from that address: the limit protects codes.
    expect((await api(server, "/api/carnet", { headers: bearer(code) })).status).toBe(429);

    // Bad input changes nothing.
    expect((await api(server, "/api/carnets", { method: "POST", json: { displayName: "" } })).status).toBe(
      400,
    );

    // Erasure (the limiter lives in memory: a restart stands for the minute to wait).
    await server.stop();
    server = await start(name, env);
    expect((await api(server, "/api/carnet", { method: "DELETE", headers: bearer(code) })).status).toBe(204);
    expect((await api(server, "/api/carnet", { headers: bearer(code) })).status).toBe(404);
    // The sessions keep their results, under an anonymous name; the attestation is gone.
    const results = await api<{ players: { playerId: string; playerName: string }[]; steps: unknown[] }>(
      server,
      `/api/sessions/${s1.sessionCode}/results`,
      { headers: bearer(first.session.facilitatorKey) },
    );
    expect(results.body.players.find((p) => p.playerId === s1.playerId)?.playerName).toBe("Anonyme");
    expect(results.body.steps.length).toBeGreaterThan(0);
    expect((await api(server, `/api/attestations/${attestation.body.verificationCode}`)).status).toBe(404);
    // The seat is free again: a new carnet may take it.
    expect(
      (await api(server, "/api/carnets", { method: "POST", json: { displayName: "Camille", seat: s1 } }))
        .status,
    ).toBe(201);
  }, 240_000);
});
