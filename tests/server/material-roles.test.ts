/**
 * A role nobody in a team holds does not take its materials away (issue 12): in demande-cada (three
 * roles), a team of two still receives the DPO's document; once a third player takes the DPO role,
 * only they hold it. Real server process, real SDK clients.
 */
import { describe, expect, it } from "vitest";
import { createSession, joinAsFacilitator, joinAsPlayer, type Seat } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();

/** The ids of the private materials this seat's player received, over all steps. */
function materialIds(seat: Seat): string[] {
  const json = seat.state.players.get(seat.playerId ?? "")?.privateMaterials ?? "{}";
  const byStep = JSON.parse(json) as Record<string, { id: string }[]>;
  return Object.values(byStep).flatMap((materials) => materials.map((m) => m.id));
}

describe("materials of a role nobody holds", () => {
  it("go to a present member, and back to their holder when someone takes the role", async () => {
    const session = await createSession(running.server, {
      scenarioId: "demande-cada",
      organisation: "Ville de Bellerive-en-Vaux",
      pace: "facilitator",
      teamCount: 1,
      teamSize: 3,
    });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    const a = await joinAsPlayer(running.server, session.code, "Alice");
    const b = await joinAsPlayer(running.server, session.code, "Bruno");
    running.seats.push(facilitator, a, b);
    const role = (seat: Seat) => seat.state.players.get(seat.playerId ?? "")?.roleId;
    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
    // Each player's own start patch, which hands the DPO's document over (the facilitator's may come first).
    for (const seat of [a, b]) await seat.waitFor(() => seat.state.phase === "playing", "playing");
    await a.waitFor(() => materialIds(a).length > 0 && role(b) !== undefined, "materials");
    await b.waitFor(() => materialIds(b).length > 0, "materials");
    const dpoDoc = "secrets-l311-6";
    const holders = [a, b].filter((seat) => materialIds(seat).includes(dpoDoc));
    expect(holders).toHaveLength(1);
    expect(role(a)).not.toBe("dpo");
    expect(role(b)).not.toBe("dpo");

    const c = await joinAsPlayer(running.server, session.code, "Chloé");
    running.seats.push(c);
    await c.waitFor(() => materialIds(c).includes(dpoDoc), "the DPO's document");
    expect(role(c)).toBe("dpo");
    const previous = holders[0] as Seat;
    await previous.waitFor(() => !materialIds(previous).includes(dpoDoc), "handed back");
    expect(materialIds(a).includes(dpoDoc) || materialIds(b).includes(dpoDoc)).toBe(false);
  });
});
