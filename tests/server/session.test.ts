/**
 * A full session over the network, under each pace: 3 teams × 3 players play scenarios/exemple.json
 * to the end, one team right, one wrong, one mixed. Scores, ranking, skills and the CSV export
 * must be what the pure rules say.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResultsCsv } from "../../server/http/csv.ts";
import { loadCatalog } from "../../server/scenarios.ts";
import {
  type MissedItem,
  type Pace,
  ranking,
  type SessionModel,
  skillsEarned,
} from "../../shared/rules/index.ts";
import { api } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const catalog = loadCatalog("scenarios");
const scenario = catalog.scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");

// The bots play a team-paced session of nine steps without pause (over 60 messages in 2 s from one
// seat): a budget no human reaches, raised here so that this test is about the rules, not flooding
// (tests/server/hardening.test.ts and redis-limits.test.ts test the budget).
const running = useServerProcess({ FLOOD_BURST: "1000" });

/** A model holding only what ranking and skills read, built from the expected step scores. */
function expectedModel(played: PlayedSession): SessionModel {
  const players: SessionModel["players"] = {};
  for (const team of played.teams) {
    for (const seat of team.members) {
      const id = seat.playerId ?? "";
      players[id] = {
        id,
        name: seat.label,
        teamId: team.id,
        roleId: null,
        connected: true,
        joinedAt: 0,
        kicked: false,
      };
    }
  }
  return {
    players,
    teams: played.teams.map((team) => ({
      id: team.id,
      name: team.name,
      memberIds: team.members.map((m) => m.playerId ?? ""),
      stepIndex: 0,
      finishedAt: null,
      steps: team.scores.map((score, i) => ({
        stepId: scenario?.steps[i]?.id ?? "",
        score,
        participants: team.members.map((m) => m.playerId ?? ""),
        attempts: [{ rawScore: score }],
      })),
    })),
  } as unknown as SessionModel;
}

const plan = (team: number, step: number) =>
  team === 0 ? "right" : team === 1 ? "wrong" : step % 2 === 0 ? "right" : "wrong";

describe.each<Pace>(["facilitator", "team"])("a full session, %s-paced", (pace) => {
  let played: PlayedSession;

  beforeAll(async () => {
    played = await playSession(running.server, scenario, pace, plan);
  }, 120_000);
  afterAll(async () => {
    if (played) await leaveAll(played);
  });

  it("scores every team as the rules say and ranks them", () => {
    const state = played.facilitator.state;
    const expectedRanking = ranking(expectedModel(played));
    for (const team of played.teams) {
      const synced = state.teams.find((t) => t.id === team.id);
      expect(synced?.steps.map((s) => s.score)).toEqual(team.scores);
      const expected = expectedRanking.find((r) => r.teamId === team.id);
      expect(synced?.points).toBeCloseTo(expected?.points ?? -1, 6);
      expect(synced?.rank).toBe(expected?.rank);
    }
    // The right team solved everything, the wrong one nothing.
    expect(played.teams[0]?.scores.every((s) => s === 1)).toBe(true);
    expect(played.teams[1]?.scores.every((s) => s < 1)).toBe(true);
    expect(state.teams.find((t) => t.id === played.teams[0]?.id)?.rank).toBe(1);
    // Each member sees the team's attempts with who proposed and who approved them.
    const [proposer, approver] = played.teams[0]?.members ?? [];
    const attempts = proposer?.state.teams.find((t) => t.id === played.teams[0]?.id)?.work?.attempts;
    expect(attempts?.length).toBe(scenario.steps.length);
    expect(attempts?.[0]?.proposedBy).toBe(proposer?.playerId);
    expect([...(attempts?.[0]?.approvedBy ?? [])]).toContain(approver?.playerId);
  });

  it("serves results (JSON and CSV) with the skills the rules give each player", async () => {
    const { code, facilitatorKey } = played.session;
    const skills = skillsEarned(expectedModel(played), scenario, catalog.referential);
    const json = await api<{
      players: { playerId: string; skills: { competence: string; points: number; level: string | null }[] }[];
    }>(running.server, `/api/sessions/${code}/results`, {
      headers: { authorization: `Bearer ${facilitatorKey}` },
    });
    expect(json.status).toBe(200);
    expect(json.body.players).toHaveLength(9);
    for (const player of json.body.players) {
      const expected = skills[player.playerId] ?? [];
      expect(player.skills.map((s) => [s.competence, s.level])).toEqual(
        expected.map((s) => [s.competence, s.level]),
      );
      player.skills.forEach((s, i) => {
        expect(s.points).toBeCloseTo(expected[i]?.points ?? -1, 6);
      });
    }

    const csv = await api(running.server, `/api/sessions/${code}/results?format=csv&key=${facilitatorKey}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const rows = parseResultsCsv(csv.text);
    const expectedRows = Object.values(skills).reduce((n, list) => n + list.length, 0);
    expect(rows).toHaveLength(expectedRows);
    const byName = new Map(played.players.map((p) => [p.label, p.playerId ?? ""]));
    for (const row of rows) {
      const playerSkills = skills[byName.get(row.joueur ?? "") ?? ""] ?? [];
      const skill = playerSkills.find((s) => s.competence === row.competence);
      expect(skill, `${row.joueur} ${row.competence}`).toBeDefined();
      expect(Number(row.points_competence?.replace(",", "."))).toBeCloseTo(skill?.points ?? -1, 3);
      expect(row.niveau).toBe(skill?.level ?? "");
    }

    const noKey = await api(running.server, `/api/sessions/${code}/results`);
    expect(noKey.status).toBe(401);
    const wrongKey = await api(running.server, `/api/sessions/${code}/results?key=nope`);
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.body).toMatchObject({ error: { code: "wrong-key" } });
  });

  it("issues attestations that anyone can verify", async () => {
    const { code, facilitatorKey } = played.session;
    const player = played.teams[0]?.members[0];
    const res = await api<{ verificationCode: string; playerName: string; skills: unknown[] }>(
      running.server,
      `/api/sessions/${code}/attestations/${player?.playerId}`,
      { headers: { "x-seat-key": player?.seatKey ?? "" } },
    );
    expect(res.status).toBe(200);
    expect(res.body.playerName).toBe(player?.label);
    const check = await api<{ playerName: string; organisation: string; scenarioTitle: string }>(
      running.server,
      `/api/attestations/${res.body.verificationCode.toLowerCase()}`,
    );
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      playerName: player?.label,
      organisation: "Département de la Gironde",
      scenarioTitle: scenario.metadata.title,
    });
    const other = played.teams[1]?.members[0];
    const stolen = await api(running.server, `/api/sessions/${code}/attestations/${other?.playerId}`, {
      headers: { "x-seat-key": player?.seatKey ?? "" },
    });
    expect(stolen.status).toBe(401);
    const all = await api<{ attestations: unknown[] }>(
      running.server,
      `/api/sessions/${code}/attestations?key=${facilitatorKey}`,
    );
    expect(all.body.attestations).toHaveLength(9);
    expect((await api(running.server, "/api/attestations/AAAA-BBBB-CCCC-DDDD")).status).toBe(404);
  });

  it("ends the session on the facilitator's word", async () => {
    played.facilitator.send("end", {});
    await played.facilitator.waitFor(() => played.facilitator.state.phase === "ended", "ended");
    const info = await api<{ phase: string; canJoin: boolean }>(
      running.server,
      `/api/sessions/${played.session.code}`,
    );
    expect(info.body).toMatchObject({ phase: "ended", canJoin: false });
  });

  it("says in the debrief, after the end, what the teams missed per step", async () => {
    const { code, facilitatorKey } = played.session;
    const debrief = await api<{ missed: { stepId: string; answered: number; items: MissedItem[] }[] }>(
      running.server,
      `/api/sessions/${code}/debrief`,
      { headers: { authorization: `Bearer ${facilitatorKey}` } },
    );
    expect(debrief.status).toBe(200);
    expect(debrief.body.missed.map((m) => m.stepId)).toEqual(scenario.steps.map((s) => s.id));
    for (const [index, step] of debrief.body.missed.entries()) {
      const wrongTeams = played.teams.filter((_, team) => plan(team, index) === "wrong").length;
      expect(step.answered).toBe(3);
      expect(step.items.length).toBeGreaterThan(0);
      for (const item of step.items) expect(item.missed).toBeLessThanOrEqual(wrongTeams);
      expect(step.items.map((i) => i.missed)).toEqual(step.items.map((i) => i.missed).sort((a, b) => b - a));
    }
    // The first step (one team wrong: it picked one wrong licence): the wrong pick and both right
    // licences it left unpicked.
    const first = scenario.steps[0];
    if (first?.type !== "choice") throw new Error("exemple.json starts with a choice step");
    const wrongPick = first.puzzle.options.find((o) => !first.solution.correct.includes(o.id))?.id;
    expect(debrief.body.missed[0]?.items).toEqual(
      [wrongPick, ...first.solution.correct].map((id) => ({ id, missed: 1 })),
    );
  });
});
