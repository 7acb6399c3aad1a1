/**
 * Reconnection: a client dropped mid-step comes back to the same seat and draft (SDK automatic
 * reconnection, and a reloaded page using the reconnection token); teammates see it disconnected
 * meanwhile; after a consented leave the seat key brings the player back; the facilitator takes
 * the console back from another device with the key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import {
  type CreatedSession,
  createSession,
  draftJson,
  joinAsFacilitator,
  joinAsPlayer,
  type Seat,
  type ServerProcess,
  sdkClient,
  startRelay,
  startServerProcess,
  tempDir,
} from "./harness.ts";

let server: ServerProcess;
const dir = tempDir();
let session: CreatedSession;
let facilitator: Seat;
let ana: Seat;
let bruno: Seat;
let relay: Awaited<ReturnType<typeof startRelay>>;

const draftOf = (seat: Seat, stepId: string) =>
  draftJson(seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""))?.work, stepId);
const playerOf = (seat: Seat, id: string | null) => seat.state.players.get(id ?? "");

beforeAll(async () => {
  server = await startServerProcess(`${dir.path}/db.sqlite`);
  session = await createSession(server, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
  facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
  relay = await startRelay(server);
  ana = await joinAsPlayer(relay.server, session.code, "Ana");
  bruno = await joinAsPlayer(server, session.code, "Bruno");
  facilitator.send("start", {});
  await ana.waitFor(() => ana.state.phase === "playing", "playing");
  ana.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } });
  for (const seat of [ana, bruno]) {
    await seat.waitFor(() => draftOf(seat, "licence")?.includes("licence-ouverte") === true, "draft");
  }
});
afterAll(async () => {
  await Promise.all([facilitator, ana, bruno].map((s) => s?.leave()));
  relay?.close();
  await server?.stop();
  dir.remove();
});

describe("reconnection", () => {
  it("brings a dropped client back by itself to the same seat and draft", async () => {
    const before = { playerId: ana.playerId, sessionId: ana.room.sessionId };
    ana.room.reconnection.minUptime = 0;
    let dropped = false;
    ana.room.onDrop(() => {
      dropped = true;
    });
    // Ana's network drops: her connections are cut without a close handshake.
    let reconnected = false;
    ana.room.onReconnect(() => {
      reconnected = true;
    });
    relay.cut();
    await bruno.waitFor(
      () => playerOf(bruno, before.playerId)?.connected === false,
      "Ana shown disconnected",
    );
    await ana.waitFor(() => dropped && reconnected, "Ana reconnected");
    await ana.waitFor(() => playerOf(ana, before.playerId)?.connected === true, "Ana connected again");
    expect(ana.room.sessionId).toBe(before.sessionId);
    expect(ana.welcome()?.playerId).toBe(before.playerId);
    expect(draftOf(ana, "licence")).toContain("licence-ouverte");
    await bruno.waitFor(() => playerOf(bruno, before.playerId)?.connected === true, "Ana shown connected");
  });

  it("takes a reloaded page back to the same seat with the reconnection token", async () => {
    const token = bruno.room.reconnectionToken;
    const playerId = bruno.playerId;
    bruno.closeTab();
    await ana.waitFor(() => playerOf(ana, playerId)?.connected === false, "Bruno shown disconnected");
    const room = await sdkClient(server).reconnect<GameRoom>(token);
    bruno.attach(room);
    await bruno.waitFor(() => playerOf(bruno, playerId)?.connected === true, "Bruno back");
    expect(bruno.welcome()?.playerId).toBe(playerId);
    expect(draftOf(bruno, "licence")).toContain("licence-ouverte");
    // Bruno can act again for his team.
    bruno.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await ana.waitFor(() => draftOf(ana, "licence")?.includes("odbl") === true, "Bruno's edit");
  });

  it("gives the seat back to whoever presents its seat key after leaving", async () => {
    const { playerId, seatKey } = ana;
    await ana.leave();
    await bruno.waitFor(() => playerOf(bruno, playerId)?.connected === false, "Ana left");
    const again = await joinAsPlayer(server, session.code, "Ana (téléphone)", { seatKey: seatKey ?? "" });
    expect(again.playerId).toBe(playerId);
    await again.waitFor(() => playerOf(again, playerId)?.connected === true, "same seat");
    expect(playerOf(again, playerId)?.name).toBe("Ana");
    expect(draftOf(again, "licence")).toContain("licence-ouverte");
    ana = again;
  });

  it("keeps a seat taken back on a second device connected when the first device leaves", async () => {
    const { playerId, seatKey } = ana;
    const phone = await joinAsPlayer(server, session.code, "Ana", { seatKey: seatKey ?? "" });
    expect(phone.playerId).toBe(playerId);
    await ana.leave();
    // A round trip through the room after the leave: the seat is still shown connected.
    phone.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await bruno.waitFor(() => !(draftOf(bruno, "licence")?.includes("odbl") ?? true), "phone's edit");
    expect(playerOf(bruno, playerId)?.connected).toBe(true);
    ana = phone;
  });

  it("lets the facilitator take the console from another device", async () => {
    const other = await joinAsFacilitator(server, session.code, session.facilitatorKey);
    other.send("pause", {});
    await facilitator.waitFor(() => facilitator.state.phase === "paused", "paused from the other device");
    await facilitator.leave();
    facilitator = other;
    facilitator.send("resume", {});
    await ana.waitFor(() => ana.state.phase === "playing", "resumed");
    expect(facilitator.state.facilitatorConnected).toBe(true);
  });
});
