/**
 * Who is sent a step's solution: a team's players once the step is revealed to their team, never
 * before; a player moved into a team afterwards gets what that team already knows.
 */
import { describe, expect, it } from "vitest";
import { createSession, joinAsFacilitator, joinAsPlayer } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

describe("reveals", () => {
  it("reach a team once its step is revealed, and a player moved into that team afterwards", async () => {
    const session = await createSession(running.server, {
      scenarioId: "exemple",
      pace: "team",
      teamCount: 2,
      teamSize: 2,
      options: { submissionRule: "any", maxAttempts: 1 },
    });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    const ana = await joinAsPlayer(running.server, session.code, "Ana");
    const bruno = await joinAsPlayer(running.server, session.code, "Bruno");
    running.seats.push(facilitator, ana, bruno);
    const teamOf = (playerId: string | null) =>
      facilitator.state.teams.find((t) => t.memberIds.includes(playerId ?? ""));
    await facilitator.waitFor(() => facilitator.state.players.size === 2, "both seated");
    const anaTeam = teamOf(ana.playerId)?.id;
    expect(teamOf(bruno.playerId)?.id).not.toBe(anaTeam);

    facilitator.send("start", {});
    await ana.waitFor(() => ana.state.phase === "playing", "playing");
    ana.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    ana.send("propose", { stepId: "licence" });
    // Team pace: the single attempt closes the step, which is revealed to Ana's team only.
    await ana.waitFor(() => ana.revealed().some((r) => r.stepIndex === 0), "Ana's team sees the solution");
    expect(ana.revealed().filter((r) => r.stepIndex === 0)).toHaveLength(1);
    expect(bruno.revealed()).toHaveLength(0);

    facilitator.send("move-player", { playerId: bruno.playerId, teamId: anaTeam });
    await bruno.waitFor(() => bruno.revealed().some((r) => r.stepIndex === 0), "Bruno, moved, sees it too");
    expect(bruno.revealed().map((r) => r.stepIndex)).toEqual([0]);
    expect(ana.revealed().filter((r) => r.stepIndex === 0)).toHaveLength(1);
  });
});
