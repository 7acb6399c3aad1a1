/**
 * Timers run on the server clock: pause freezes them, resume restores them, add-time moves them,
 * and when one runs out the server closes the step (facilitator pace) or the session (team pace)
 * by itself. Hints reach only the team that asked.
 */
import { describe, expect, it } from "vitest";
import { createSession, joinAsFacilitator, joinAsPlayer, type Seat } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

async function startedSession(pace: "facilitator" | "team", options: object = {}) {
  const session = await createSession(running.server, {
    scenarioId: "exemple",
    pace,
    teamCount: 2,
    teamSize: 2,
    options,
  });
  const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
  const ana = await joinAsPlayer(running.server, session.code, "Ana");
  const bruno = await joinAsPlayer(running.server, session.code, "Bruno");
  running.seats.push(facilitator, ana, bruno);
  facilitator.send("start", {});
  await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
  return { facilitator, ana, bruno };
}

describe("timers and hints", () => {
  it("pauses, resumes and extends the step timer, then closes the step when it runs out", async () => {
    const { facilitator, ana } = await startedSession("facilitator");
    const timer = facilitator.state.timer;
    expect(timer.active).toBe(true);
    expect(timer.endsAt).toBeGreaterThan(facilitator.state.serverNow);
    const endsAt = timer.endsAt;

    facilitator.send("add-time", { seconds: 60 });
    await facilitator.waitFor(() => facilitator.state.timer.endsAt === endsAt + 60_000, "extended by 60 s");

    facilitator.send("pause", {});
    await ana.waitFor(() => ana.state.phase === "paused" && ana.state.timer.endsAt === 0, "paused");
    expect(ana.state.timer.remainingMs).toBeGreaterThan(0);
    await ana.expectError(
      "edit",
      { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } },
      "wrong-phase",
    );

    facilitator.send("resume", {});
    await ana.waitFor(() => ana.state.phase === "playing" && ana.state.timer.endsAt > 0, "resumed");

    // Run the clock out: the server closes the step for every team on its next tick.
    facilitator.send("add-time", { seconds: -600 });
    await facilitator.waitFor(
      () => facilitator.state.teams.every((t) => t.steps[0]?.status === "closed"),
      "step closed by the timer",
    );
    await ana.expectError(
      "edit",
      { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } },
      "step-closed",
    );
  });

  it("ends a team-paced session when its global timer runs out", async () => {
    const { facilitator, ana } = await startedSession("team", { sessionTimeSeconds: 600 });
    expect(facilitator.state.timer.durationMs).toBe(600_000);
    facilitator.send("add-time", { seconds: -600 });
    await ana.waitFor(() => ana.state.phase === "debrief", "debrief when time is up");
  });

  it("gives a hint's text to the asking team only", async () => {
    const { facilitator, ana, bruno } = await startedSession("facilitator", { hintsEnabled: true });
    const teamOf = (seat: Seat) => seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));
    expect(teamOf(ana)?.id).not.toBe(teamOf(bruno)?.id);
    ana.send("hint", { stepId: "licence" });
    await ana.waitFor(() => (teamOf(ana)?.work?.hints.length ?? 0) === 1, "hint text");
    const text = teamOf(ana)?.work?.hints[0]?.text ?? "";
    expect(text.length).toBeGreaterThan(0);
    await facilitator.waitFor(
      () => facilitator.state.teams.find((t) => t.id === teamOf(ana)?.id)?.steps[0]?.hintsUsed === 1,
      "hint counted",
    );
    expect(bruno.everything()).not.toContain(text);
    expect(teamOf(bruno)?.steps[0]?.hintsUsed).toBe(0);
  });
});
