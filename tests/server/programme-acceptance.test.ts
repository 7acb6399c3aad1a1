/**
 * Issue 13's "done when", end to end over a real server process (SQLite): an organisation created
 * over the API, with four directions, runs a three-session programme (exemple, metadata-party,
 * choix-licence; competence targets) for twelve agents, three per direction. Each agent keeps one
 * carnet from the first session and links the next two with its code (as the browser does), and
 * gives their direction at each join; some answer the questionnaire. The server process restarts
 * between sessions 2 and 3 and again before the checks. Every carnet equals the pure rules over
 * the sessions' raw results; the dashboard's figures equal what the test computes from them.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { programmeProgress } from "../../shared/organisation/programme.ts";
import { type CarnetStep, carnetCompetences } from "../../shared/rules/carnet.ts";
import { api, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";

const catalog = loadCatalog("scenarios");
const scenario = (id: string) => {
  const s = catalog.scenarios.get(id);
  if (!s) throw new Error(`scenarios/${id}.json is missing`);
  return s;
};
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const dir = tempDir();
const dbPath = join(dir.path, "db.sqlite");
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  dir.remove();
});
const restart = async () => {
  await server?.stop();
  server = await startServerProcess(dbPath);
  return server;
};

const AGENTS = 12;
const directions = [
  { id: "routes", label: "Direction des routes" },
  { id: "dsi", label: "Direction du numérique" },
  { id: "colleges", label: "Direction des collèges" },
  { id: "social", label: "Direction de l'action sociale" },
];
const directionOf = (agent: number) => directions[agent % directions.length]?.id ?? "";
const programme = {
  id: "infolab",
  title: "Infolab 2026",
  scenarios: ["exemple", "metadata-party", "choix-licence"],
  targets: [
    { competence: "metadonnees", level: "pratique" },
    { competence: "licences-reutilisation", level: "pratique" },
  ],
};
/** Per session, which of the four teams answers right: the agents end with different levels. */
const plans = [() => true, (t: number) => t % 2 === 0, (t: number) => t < 2];
const paces = ["facilitator", "team", "facilitator"] as const;

interface CarnetView {
  displayName: string;
  competences: ReturnType<typeof carnetCompetences>;
  sessions: { sessionCode: string; scenarioId: string }[];
  paths: { title: string; complete: boolean }[];
}

interface Dashboard {
  sessions: number;
  agents: number;
  directionsReached: number;
  directions: { direction: string; agents: number }[];
  programmes: { id: string; carnets: number; complete: number; targets: { reached: number }[] }[];
  questionnaire: { respondents: number; found: Record<string, number> };
}

function seatOf(played: PlayedSession, agent: number) {
  const seat = played.players[agent];
  if (!seat?.playerId || !seat.seatKey) throw new Error(`no seat for agent ${agent}`);
  return { sessionCode: played.session.code, playerId: seat.playerId, seatKey: seat.seatKey };
}

describe("a data culture programme (issue 13, done when)", () => {
  it("twelve agents from four directions, three sessions, two restarts: carnets and dashboard agree with the raw results", async () => {
    let live = await restart();
    const org = await api<{ adminKey: string }>(live, "/api/organisations", {
      method: "POST",
      json: { name: "Département de la Gironde", directions },
    });
    expect(org.status).toBe(201);
    const adminKey = org.body.adminKey;
    const set = await api(live, "/api/organisation/programmes", {
      method: "PUT",
      headers: bearer(adminKey),
      json: { programmes: [programme] },
    });
    expect(set.status).toBe(200);

    const played: PlayedSession[] = [];
    const carnets: string[] = [];
    const answers: { sessionIndex: number; agent: number; found: string }[] = [
      { sessionIndex: 0, agent: 0, found: "tout-a-fait" },
      { sessionIndex: 0, agent: 5, found: "suffisamment" },
      { sessionIndex: 0, agent: 10, found: "tout-a-fait" },
      { sessionIndex: 2, agent: 1, found: "un-peu" },
      { sessionIndex: 2, agent: 6, found: "au-dela" },
      { sessionIndex: 2, agent: 7, found: "tout-a-fait" },
    ];
    for (const [index, scenarioId] of programme.scenarios.entries()) {
      if (index === 2) live = await restart();
      const session = await playSession(
        live,
        scenario(scenarioId),
        paces[index] ?? "facilitator",
        (t) => (plans[index]?.(t) ? "right" : "wrong"),
        {
          session: { organisationKey: adminKey },
          teamCount: AGENTS / 3,
          // At join, every agent gives their direction from the organisation's list.
          beforeReveal: async (stepIndex, p) => {
            if (stepIndex > 0) return;
            for (let agent = 0; agent < AGENTS; agent++) {
              const { sessionCode, ...proof } = seatOf(p, agent);
              const res = await api(live, `/api/sessions/${sessionCode}/direction`, {
                method: "POST",
                json: { ...proof, direction: directionOf(agent) },
              });
              expect(res.status).toBe(204);
            }
          },
        },
      );
      played.push(session);
      // At the end, each agent keeps the session in their carnet: a new one the first time, then
      // the code their browser remembers.
      for (let agent = 0; agent < AGENTS; agent++) {
        const seat = seatOf(session, agent);
        if (index === 0) {
          const created = await api<{ code: string }>(live, "/api/carnets", {
            method: "POST",
            json: { displayName: `Agent ${agent + 1}`, seat },
          });
          expect(created.status).toBe(201);
          carnets.push(created.body.code);
        } else {
          const linked = await api(live, "/api/carnet/sessions", {
            method: "POST",
            headers: bearer(carnets[agent] ?? ""),
            json: seat,
          });
          expect(linked.status).toBe(200);
        }
      }
      for (const answer of answers.filter((a) => a.sessionIndex === index)) {
        const { sessionCode, ...proof } = seatOf(session, answer.agent);
        const res = await api(live, `/api/sessions/${sessionCode}/questionnaire`, {
          method: "POST",
          json: { ...proof, found: answer.found },
        });
        expect(res.status).toBe(201);
      }
      await leaveAll(session);
    }
    live = await restart();

    // By hand: each agent's steps from the sessions' raw results, through the pure rules.
    const stepsOf = new Map<number, CarnetStep[]>();
    for (const session of played) {
      const raw = await api<{
        scenarioId: string;
        steps: { playerId: string; stepId: string; score: number }[];
      }>(live, `/api/sessions/${session.session.code}/results`, {
        headers: bearer(session.session.facilitatorKey),
      });
      expect(raw.status).toBe(200);
      for (let agent = 0; agent < AGENTS; agent++) {
        const { playerId } = seatOf(session, agent);
        const steps = stepsOf.get(agent) ?? [];
        for (const step of raw.body.steps.filter((s) => s.playerId === playerId))
          steps.push({
            sessionCode: session.session.code,
            scenarioId: raw.body.scenarioId,
            stepId: step.stepId,
            score: step.score,
            skills: scenario(raw.body.scenarioId).steps.find((s) => s.id === step.stepId)?.skills ?? [],
          });
        stepsOf.set(agent, steps);
      }
    }
    const levelIds = catalog.referential.levels.map((l) => l.id);
    const progress: ReturnType<typeof programmeProgress>[] = [];
    for (let agent = 0; agent < AGENTS; agent++) {
      const view = await api<CarnetView>(live, "/api/carnet", { headers: bearer(carnets[agent] ?? "") });
      expect(view.status).toBe(200);
      expect(view.body.displayName).toBe(`Agent ${agent + 1}`);
      expect(view.body.sessions.map((s) => [s.sessionCode, s.scenarioId])).toEqual(
        played.map((p, i) => [p.session.code, programme.scenarios[i]]),
      );
      const expected = carnetCompetences(catalog.referential, stepsOf.get(agent) ?? []);
      expect(view.body.competences).toEqual(expected);
      const mine = programmeProgress(programme, expected, levelIds);
      expect(view.body.paths).toEqual([expect.objectContaining({ complete: mine.complete })]);
      progress.push(mine);
    }
    // The plans make a programme some agents complete and others do not.
    const complete = progress.filter((p) => p.complete).length;
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(AGENTS);

    const dashboard = await api<Dashboard>(live, "/api/organisation/dashboard", {
      headers: bearer(adminKey),
    });
    expect(dashboard.status).toBe(200);
    const d = dashboard.body;
    expect(d.sessions).toBe(played.length);
    expect(d.agents).toBe(AGENTS);
    expect(d.directionsReached).toBe(new Set(Array.from({ length: AGENTS }, (_, a) => directionOf(a))).size);
    expect(d.directionsReached).toBe(4);
    // Three agents per direction: fewer than 5, so no direction is named, all merged.
    expect(d.directions).toEqual([expect.objectContaining({ direction: "autres", agents: AGENTS })]);
    expect(d.programmes).toEqual([
      expect.objectContaining({
        id: programme.id,
        carnets: AGENTS,
        complete,
        targets: programme.targets.map((_, i) =>
          expect.objectContaining({ reached: progress.filter((p) => p.targets[i]?.met).length }),
        ),
      }),
    ]);
    const found: Record<string, number> = {};
    for (const a of answers) found[a.found] = (found[a.found] ?? 0) + 1;
    expect(d.questionnaire).toMatchObject({ respondents: answers.length, found });
  }, 480_000);
});
