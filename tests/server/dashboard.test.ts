/**
 * The organisation dashboard over a real server: two sessions of an organisation, 18 seats from
 * which 17 agents (one carnet across both sessions), directions given by some (one direction with
 * fewer than 5 agents, merged and never named), a programme, questionnaire answers. Every figure
 * equals what the test computes by hand from the raw session results; filters and CSV export.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const catalog = loadCatalog("scenarios");
const scenario = (id: string) => {
  const s = catalog.scenarios.get(id);
  if (!s) throw new Error(id);
  return s;
};
const ctx = useServerProcess();
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Dashboard {
  sessions: number;
  sessionsByMonth: { month: string; count: number }[];
  agents: number;
  directionsReached: number;
  directions: { direction: string; agents: number; label: string | null }[];
  heatmap: { direction: string; points: Record<string, number> }[];
  programmes: { id: string; carnets: number; complete: number; targets: { reached: number }[] }[];
  questionnaire: { respondents: number; found: Record<string, number> };
}

describe("the organisation dashboard", () => {
  it("shows the figures computed from the raw results, with no small group named", async () => {
    const { server } = ctx;
    const org = await api<{ adminKey: string }>(server, "/api/organisations", {
      method: "POST",
      json: {
        name: "Département de la Gironde",
        directions: [
          { id: "routes", label: "Direction des routes" },
          { id: "dsi", label: "Direction du numérique" },
          { id: "colleges", label: "Direction des collèges" },
          { id: "social", label: "Direction de l'action sociale" },
        ],
      },
    });
    const adminKey = org.body.adminKey;
    const programme = {
      id: "infolab",
      title: "Infolab",
      scenarios: ["exemple", "metadata-party"],
      targets: [{ competence: "metadonnees", level: "decouverte" }],
    };
    await api(server, "/api/organisation/programmes", {
      method: "PUT",
      headers: bearer(adminKey),
      json: { programmes: [programme] },
    });

    const session = { organisationKey: adminKey };
    const first = await playSession(
      server,
      scenario("exemple"),
      "facilitator",
      (t) => (t === 0 ? "right" : "wrong"),
      { session },
    );
    const second = await playSession(server, scenario("metadata-party"), "team", () => "right", { session });
    const seatOf = (p: PlayedSession, i: number) => {
      const s = p.players[i];
      if (!s?.playerId || !s.seatKey) throw new Error("seat");
      return { sessionCode: p.session.code, playerId: s.playerId, seatKey: s.seatKey };
    };
    // Directions: session 1 → 6 routes, 3 dsi; session 2 → player 0 none, 1–5 collèges.
    const given = new Map<string, string>();
    const give = async (p: PlayedSession, i: number, direction: string) => {
      const { sessionCode, ...proof } = seatOf(p, i);
      const res = await api(server, `/api/sessions/${sessionCode}/direction`, {
        method: "POST",
        json: { ...proof, direction },
      });
      expect(res.status).toBe(204);
      given.set(`${sessionCode}/${proof.playerId}`, direction);
    };
    for (let i = 0; i < 9; i++) await give(first, i, i < 6 ? "routes" : "dsi");
    for (let i = 1; i < 6; i++) await give(second, i, "colleges");
    // Player 0 of both sessions keeps one carnet: one agent.
    const carnet = await api<{ code: string }>(server, "/api/carnets", {
      method: "POST",
      json: { displayName: "Camille", seat: seatOf(first, 0) },
    });
    await api(server, "/api/carnet/sessions", {
      method: "POST",
      headers: bearer(carnet.body.code),
      json: seatOf(second, 0),
    });
    // The carnet agent's direction (routes) covers their second session too.
    given.set(`${second.session.code}/${seatOf(second, 0).playerId}`, "routes");
    for (const [i, found] of ["tout-a-fait", "suffisamment", "tout-a-fait"].entries()) {
      const { sessionCode, ...proof } = seatOf(first, i);
      await api(server, `/api/sessions/${sessionCode}/questionnaire`, {
        method: "POST",
        json: { ...proof, found },
      });
    }
    await Promise.all([leaveAll(first), leaveAll(second)]);

    // By hand, from the raw results.
    const heat = new Map<string, Record<string, number>>();
    const counts = new Map<string, Set<string>>();
    const agents = new Set<string>();
    for (const played of [first, second]) {
      const raw = await api<{
        scenarioId: string;
        players: { playerId: string }[];
        steps: { playerId: string; stepId: string; score: number }[];
      }>(server, `/api/sessions/${played.session.code}/results`, {
        headers: bearer(played.session.facilitatorKey),
      });
      for (const p of raw.body.players) {
        const key = `${played.session.code}/${p.playerId}`;
        const agent = p.playerId === seatOf(played, 0).playerId ? "carnet" : key;
        agents.add(agent);
        const direction = given.get(key);
        if (direction) counts.set(direction, (counts.get(direction) ?? new Set()).add(agent));
      }
      for (const step of raw.body.steps) {
        const direction = given.get(`${played.session.code}/${step.playerId}`);
        if (!direction) continue;
        const shown = (counts.get(direction)?.size ?? 0) >= 5 ? direction : "autres";
        const row = heat.get(shown) ?? {};
        for (const skill of scenario(raw.body.scenarioId).steps.find((s) => s.id === step.stepId)?.skills ??
          [])
          row[skill.competence] = (row[skill.competence] ?? 0) + step.score * skill.weight;
        heat.set(shown, row);
      }
    }
    const dashboard = await api<Dashboard>(server, "/api/organisation/dashboard", {
      headers: bearer(adminKey),
    });
    expect(dashboard.status).toBe(200);
    const d = dashboard.body;
    expect(d.sessions).toBe(2);
    expect(d.sessionsByMonth.reduce((n, m) => n + m.count, 0)).toBe(2);
    expect(d.agents).toBe(agents.size);
    expect(d.agents).toBe(17);
    expect(d.directionsReached).toBe(3);
    expect(d.directions.map(({ direction, agents: n }) => [direction, n])).toEqual([
      ["autres", 3],
      ["colleges", 5],
      ["routes", 6],
    ]);
    expect(JSON.stringify(d)).not.toContain("dsi");
    const round = (r: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(r)
          .sort()
          .map(([k, v]) => [k, Math.round(v * 100) / 100]),
      );
    expect(d.heatmap.map((h) => [h.direction, h.points])).toEqual(
      [...heat].sort(([a], [b]) => a.localeCompare(b)).map(([k, r]) => [k, round(r)]),
    );
    expect(d.programmes[0]).toMatchObject({ id: "infolab", carnets: 1 });
    expect(d.questionnaire).toMatchObject({ respondents: 3, found: { "tout-a-fait": 2, suffisamment: 1 } });

    // Filters: a scenario, a period without sessions, an unknown programme.
    const onlyFirst = await api<Dashboard>(server, "/api/organisation/dashboard?scenario=exemple", {
      headers: bearer(adminKey),
    });
    expect(onlyFirst.body).toMatchObject({ sessions: 1, agents: 9 });
    const later = await api<Dashboard>(server, "/api/organisation/dashboard?from=2999-01-01", {
      headers: bearer(adminKey),
    });
    expect(later.body).toMatchObject({ sessions: 0, agents: 0, directionsReached: 0 });
    expect(
      (await api(server, "/api/organisation/dashboard?programme=nope", { headers: bearer(adminKey) })).status,
    ).toBe(404);
    expect(
      (await api(server, "/api/organisation/dashboard?from=demain", { headers: bearer(adminKey) })).status,
    ).toBe(400);

    // CSV: the same numbers, French spreadsheet conventions.
    const csv = await api(server, "/api/organisation/dashboard?format=csv&table=directions", {
      headers: bearer(adminKey),
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(
      csv.text
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "direction;libelle;agents",
      '"autres";"";3',
      '"colleges";"Direction des collèges";5',
      '"routes";"Direction des routes";6',
    ]);
  }, 240_000);
});
