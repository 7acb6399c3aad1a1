/**
 * Issue 16: a large session's full state is bigger than @colyseus/schema's default 16 KB buffer. The
 * bench's 500-player join burst logged hundreds of "buffer overflow" warnings and clients then failed
 * to decode their patches ("refId not found"). A full state over the default buffer must reach every
 * client intact, with no overflow warning.
 */
import { describe, expect, it } from "vitest";
import { createSession, joinAsFacilitator, joinAsPlayer, type Seat } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess({ JOIN_LIMIT: "100000" });

/** What every seat sees alike: players and teams' public progress. */
function publicState(seat: Seat): string {
  const { players, teams } = seat.state;
  return JSON.stringify({
    players: [...players.values()].map((p) => [p.id, p.name, p.teamId, p.roleId, p.connected]),
    teams: teams.map((t) => [t.id, t.name, [...t.memberIds], t.steps.map((s) => s.status)]),
  });
}

describe("a full state larger than the schema's default buffer", () => {
  it("reaches players joining together intact, without buffer overflow", { timeout: 120_000 }, async () => {
    // 50 teams and 50 players with long names: a full state over 16 KB.
    const session = await createSession(running.server, {
      scenarioId: "exemple",
      teamCount: 50,
      teamSize: 12,
    });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    running.seats.push(facilitator);
    const name = (i: number) => `Agente ${i} de la direction régionale`.slice(0, 40);
    for (let i = 0; i < 40; i++)
      running.seats.push(await joinAsPlayer(running.server, session.code, name(i)));
    const late = await Promise.all(
      Array.from({ length: 10 }, (_, i) => joinAsPlayer(running.server, session.code, name(100 + i))),
    );
    running.seats.push(...late);
    expect(Math.max(...late.map((s) => s.frames[0]?.length ?? 0))).toBeGreaterThan(16 * 1024);

    facilitator.send("start", {});
    await Promise.all(late.map((seat) => seat.waitFor(() => seat.state.phase === "playing", "playing")));
    late[0]?.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } });
    await facilitator.waitFor(
      () => facilitator.state.teams.some((t) => (t.work?.edits.length ?? 0) > 0),
      "the edit reaches the facilitator",
    );
    const expected = publicState(facilitator);
    await Promise.all(
      late.map((seat) =>
        seat.waitFor(() => publicState(seat) === expected, `${seat.label}: same public state`),
      ),
    );
    expect(running.server.output()).not.toContain("buffer overflow");
  });
});
