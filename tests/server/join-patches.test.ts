/**
 * Issue 16, server memory: a join must not make the server send again what clients already hold. The
 * bench's 1,000-player join burst sent 500 MB of patches (frames of 16 to 64 KB), kept in memory until
 * sent and collected: every team created as players came re-sent every team to every client, and each
 * joining client's first patch repeated the full state it had just received.
 */
import { describe, expect, it } from "vitest";
import { createSession, joinAsFacilitator, joinAsPlayer, type Seat } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess({ JOIN_LIMIT: "100000" });

const PATCH = 15; // Protocol.ROOM_STATE_PATCH
const patchText = (seat: Seat, from = 0) =>
  seat.frames
    .slice(from)
    .filter((f) => f[0] === PATCH)
    .map((f) => f.toString("latin1"))
    .join("");

describe("what a join sends", () => {
  it("a new team reaches the others without the teams they hold; a joining player's first patch does not repeat its full state", {
    timeout: 120_000,
  }, async () => {
    const session = await createSession(running.server, {
      scenarioId: "exemple",
      teamSize: 5,
      teamCount: "auto",
    });
    running.seats.push(await joinAsFacilitator(running.server, session.code, session.facilitatorKey));
    for (let i = 0; i < 30; i++)
      running.seats.push(await joinAsPlayer(running.server, session.code, `Agente ${i}`));
    const first = running.seats[1] as Seat;
    const seen = first.frames.length;

    // Six full teams of five: the 31st player opens a seventh team.
    const joiner = await joinAsPlayer(running.server, session.code, "Agente 30");
    running.seats.push(joiner);
    await joiner.waitFor(() => joiner.state.teams.length === 7, "seven teams");
    await first.waitFor(() => first.state.teams.length === 7, "seven teams, for the first player");
    // One more player in the first one's view makes sure every patch of that join has arrived.
    running.seats.push(await joinAsPlayer(running.server, session.code, "Agente 31"));
    await first.waitFor(() => first.state.players.size === 32, "32 rows");
    await joiner.waitFor(() => joiner.state.players.size === 32, "32 rows, for the joiner");

    expect(patchText(first, seen)).toContain("equipe-7");
    expect(patchText(first, seen)).not.toContain("equipe-1");
    // The joiner's full state carried the other rows; its patches carry what changed since.
    expect(patchText(joiner)).not.toContain("Agente 0");
  });
});
