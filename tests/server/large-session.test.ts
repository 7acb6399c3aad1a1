/**
 * A large session's lobby (issue 16): beyond LARGE_SESSION players, a player receives the rows of
 * their own team only and the projected screen none (it shows the connected count and each team's
 * size), while the facilitator still receives every row. Patches and late joiners' full states then
 * grow with a team, not with the session. Real server process, 61 real SDK clients.
 * A team added as players come reaches everybody as that team alone, not the whole list of teams
 * again (in a 500-player join burst, that list went to every client each time a team was added).
 */
import { Protocol } from "@colyseus/sdk";
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

/** Bytes of the state patches a seat received from frame `from` on. */
const patchBytes = (seat: Seat, from: number) =>
  seat.frames
    .slice(from)
    .filter((f) => ((f[0] ?? 0) & 31) === Protocol.ROOM_STATE_PATCH)
    .reduce((n, f) => n + f.byteLength, 0);

describe("teams added as players come", () => {
  it("reach the others as the new team alone, whatever the teams already there", async () => {
    const session = await createSession(running.server, {
      scenarioId: "exemple",
      teamSize: 2,
      teamCount: "auto",
    });
    const observer = await joinAsPlayer(running.server, session.code, "Observatrice");
    running.seats.push(observer);
    let joined = 0;
    /** Joins players until a new team exists; the bytes of the patches the observer got for the join
     *  that added it. */
    const nextTeam = async (): Promise<number> => {
      const teams = observer.state.teams.length;
      let from = observer.frames.length;
      while (observer.state.teams.length === teams) {
        from = observer.frames.length;
        const seat = await joinAsPlayer(running.server, session.code, `Agent ${++joined}`);
        running.seats.push(seat);
        await observer.waitFor(
          () => [...observer.state.teams].some((t) => t.memberIds.includes(seat.playerId ?? "")),
          "the new member",
        );
      }
      return patchBytes(observer, from);
    };
    await nextTeam();
    const third = await nextTeam();
    for (let i = 0; i < 6; i++) await nextTeam();
    const tenth = await nextTeam();
    expect(observer.state.teams.length).toBe(10);
    // The 10th team's patches carry about what the 3rd team's did (before: the 9 teams before it too).
    expect(tenth).toBeLessThan(third * 1.5);
  });
});
