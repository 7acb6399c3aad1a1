/**
 * A large session's lobby (issue 16): beyond LARGE_SESSION players, a player receives the rows of
 * their own team only and the projected screen none (it shows the connected count and each team's
 * size), while the facilitator still receives every row. Patches and late joiners' full states then
 * grow with a team, not with the session. Real server process, 61 real SDK clients.
 */
import { describe, expect, it } from "vitest";
import { LARGE_SESSION } from "../../shared/rules/visibility.ts";
import { createSession, joinAsFacilitator, joinAsPlayer, joinAsScreen, type Seat } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

const rows = (seat: Seat) => [...seat.state.players.keys()].sort();

describe("a session of more than LARGE_SESSION players", () => {
  it("sends players their team's rows, the screen counts, the facilitator every row", async () => {
    const session = await createSession(running.server, {
      scenarioId: "exemple",
      teamSize: 5,
      teamCount: "auto",
    });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    const screen = await joinAsScreen(running.server, session.code);
    running.seats.push(facilitator, screen);
    const players: Seat[] = [];
    const count = LARGE_SESSION + 1;
    for (let i = 0; i < count; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, (_, k) =>
          joinAsPlayer(running.server, session.code, `Agent ${i + k}`),
        ),
      );
      players.push(...batch);
      running.seats.push(...batch);
    }
    await facilitator.waitFor(() => facilitator.state.players.size === count, "every row");
    await screen.waitFor(() => screen.state.connectedPlayers === count, "the connected count");
    expect(rows(screen)).toEqual([]);
    const memberTotal = [...screen.state.teams].reduce((n, team) => n + team.memberIds.length, 0);
    expect(memberTotal).toBe(count);

    const last = players[count - 1] as Seat;
    const team = () => [...last.state.teams].find((t) => t.memberIds.includes(last.playerId ?? ""));
    await last.waitFor(() => {
      const members = team()?.memberIds;
      return !!members && rows(last).join() === [...members].sort().join();
    }, "the team's rows");
    expect(rows(last).length).toBeLessThanOrEqual(5);
    expect(rows(last)).toContain(last.playerId);
    // Nobody's private part but their own.
    for (const [id, row] of last.state.players) {
      if (id !== last.playerId) expect(row.privateMaterials).toBeUndefined();
    }
  });
});
