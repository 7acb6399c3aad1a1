/**
 * Seats that change device (issue 9 item 2, issue 15 finding 4), with real SDK clients:
 * - a reconnection token or a seat key used while its seat is connected takes it over: the previous
 *   connection is closed with 4105 and told why, the facilitator gets a notice; tokens are single-use;
 * - a connected seat is never taken by name; a disconnected one is taken back by name with its rejoin
 *   code or with the facilitator's confirmation; the old device's seat key then stops working;
 * - a seat key the session does not know is refused (`seat-unknown`), never turned into a new seat.
 */
import { describe, expect, it } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { CloseCodes, PROTOCOL_VERSION, type ServerMessages } from "../../shared/protocol.ts";
import {
  api,
  createSession,
  joinAsFacilitator,
  joinAsPlayer,
  Seat,
  type ServerProcess,
  sdkClient,
} from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const ctx = useServerProcess();

type SeatsMessage = ServerMessages["seats"];
const seatsOf = (facilitator: Seat): SeatsMessage | undefined =>
  facilitator.messages.findLast((m) => m.type === "seats")?.payload as SeatsMessage | undefined;
const playerOf = (seat: Seat, id: string | null) => seat.state.players.get(id ?? "");

async function newCafe() {
  const session = await createSession(ctx.server, { scenarioId: "exemple", teamCount: 1, teamSize: 4 });
  const facilitator = await joinAsFacilitator(ctx.server, session.code, session.facilitatorKey);
  ctx.seats.push(facilitator);
  return { session, facilitator };
}

async function player(code: string, name: string, extra: Parameters<typeof joinAsPlayer>[3] = {}) {
  const seat = await joinAsPlayer(ctx.server, code, name, extra);
  ctx.seats.push(seat);
  return seat;
}

/** A join the room refuses: resolves with the refusal's code and message. */
async function refusedJoin(server: ServerProcess, code: string, options: Record<string, unknown>) {
  const { body } = await api<{ roomId: string }>(server, `/api/sessions/${code}`);
  try {
    const room = await sdkClient(server).joinById<GameRoom>(body.roomId, {
      as: "player",
      protocol: PROTOCOL_VERSION,
      code,
      ...options,
    } as never);
    await room.leave(true);
    return { code: 0, message: "joined" };
  } catch (error) {
    return { code: (error as { code: number }).code, message: (error as Error).message };
  }
}

/** Joins by name asking the facilitator to confirm (no welcome until then). */
async function claimByName(code: string, name: string): Promise<Seat> {
  const { body } = await api<{ roomId: string }>(ctx.server, `/api/sessions/${code}`);
  const room = await sdkClient(ctx.server).joinById<GameRoom>(body.roomId, {
    as: "player",
    protocol: PROTOCOL_VERSION,
    code,
    name,
    claim: true,
  });
  const seat = new Seat(room, `${name} (claim)`);
  ctx.seats.push(seat);
  await seat.waitFor(() => seat.messages.some((m) => m.type === "claim"), "claim pending");
  return seat;
}

describe("a connected seat taken over from another device", () => {
  it("by its reconnection token: the holder is closed with 4105, the facilitator is told, the token is single-use", async () => {
    const { session, facilitator } = await newCafe();
    const ana = await player(session.code, "Ana");
    const token = ana.room.reconnectionToken;
    const other = new Seat(await sdkClient(ctx.server).reconnect<GameRoom>(token), "Ana (other device)");
    ctx.seats.push(other);
    await other.waitFor(() => other.welcome()?.playerId === ana.playerId, "seat taken over");
    await ana.waitFor(() => ana.leftCode !== null, "holder closed");
    expect(ana.leftCode).toBe(CloseCodes.seatTakenOver);
    await facilitator.waitFor(
      () => seatsOf(facilitator)?.notices.some((n) => n.playerId === ana.playerId) === true,
      "notice",
    );
    expect(seatsOf(facilitator)?.notices.at(-1)).toMatchObject({
      playerId: ana.playerId,
      name: "Ana",
      kind: "taken-over",
      via: "token",
    });
    // The token used once is dead: a third try with it is refused, and the new holder stays.
    await expect(sdkClient(ctx.server).reconnect<GameRoom>(token)).rejects.toThrow();
    expect(other.leftCode).toBeNull();
    expect(other.room.reconnectionToken).not.toBe(token);
    await facilitator.waitFor(() => playerOf(facilitator, ana.playerId)?.connected === true, "connected");
  });

  it("by its seat key: the holder is closed with 4105 and the facilitator is told", async () => {
    const { session, facilitator } = await newCafe();
    const ana = await player(session.code, "Ana");
    const phone = await player(session.code, "Ana", { seatKey: ana.seatKey ?? "" });
    expect(phone.playerId).toBe(ana.playerId);
    await ana.waitFor(() => ana.leftCode !== null, "holder closed");
    expect(ana.leftCode).toBe(CloseCodes.seatTakenOver);
    await facilitator.waitFor(
      () => seatsOf(facilitator)?.notices.some((n) => n.via === "seat-key") === true,
      "notice",
    );
    expect(seatsOf(facilitator)?.notices.at(-1)).toMatchObject({ kind: "taken-over", name: "Ana" });
    await facilitator.waitFor(() => playerOf(facilitator, ana.playerId)?.connected === true, "connected");
  });
});

describe("a seat taken back by name on another device", () => {
  it("is never a connected seat, whatever the proof", async () => {
    const { session } = await newCafe();
    const ana = await player(session.code, "Ana");
    for (const proof of [{}, { claim: true }, { rejoinCode: "AAAAAA" }]) {
      const refused = await refusedJoin(ctx.server, session.code, { name: "ana", ...proof });
      expect(refused).toEqual({ code: CloseCodes.joinRefused, message: "name-taken" });
    }
    expect(ana.leftCode).toBeNull();
  });

  it("asks for a proof, then takes it back with the rejoin code; the old seat key stops working", async () => {
    const { session, facilitator } = await newCafe();
    const bruno = await player(session.code, "Bruno");
    const { seatKey, playerId } = bruno;
    const rejoinCode = bruno.welcome()?.rejoinCode;
    expect(rejoinCode).toMatch(/^[A-Z0-9]{6}$/);
    facilitator.send("start", {});
    await bruno.waitFor(() => bruno.state.phase === "playing", "playing");
    await bruno.leave();
    await facilitator.waitFor(() => playerOf(facilitator, playerId)?.connected === false, "disconnected");

    expect(await refusedJoin(ctx.server, session.code, { name: "Bruno" })).toEqual({
      code: CloseCodes.joinRefused,
      message: "seat-claimable",
    });
    expect(await refusedJoin(ctx.server, session.code, { name: "Bruno", rejoinCode: "ZZZZZZ" })).toEqual({
      code: CloseCodes.joinRefused,
      message: "wrong-rejoin-code",
    });
    const laptop = await player(session.code, " bruno ", { rejoinCode: rejoinCode?.toLowerCase() });
    expect(laptop.playerId).toBe(playerId);
    expect(laptop.seatKey).not.toBe(seatKey);
    expect(laptop.welcome()?.rejoinCode).not.toBe(rejoinCode);
    await facilitator.waitFor(() => playerOf(facilitator, playerId)?.connected === true, "back");
    expect(seatsOf(facilitator)?.notices.at(-1)).toMatchObject({ kind: "claimed", via: "rejoin-code" });

    // The old device's seat key no longer holds the seat; the new one does (also for the attestation).
    expect(await refusedJoin(ctx.server, session.code, { name: "Bruno", seatKey })).toEqual({
      code: CloseCodes.joinRefused,
      message: "seat-moved",
    });
    facilitator.send("end", {});
    await facilitator.waitFor(() => facilitator.state.phase === "ended", "ended");
    const path = `/api/sessions/${session.code}/attestations/${playerId}`;
    const withNew = await api(ctx.server, path, { headers: { "x-seat-key": laptop.seatKey ?? "" } });
    expect(withNew.status).toBe(200);
    const withOld = await api(ctx.server, path, { headers: { "x-seat-key": seatKey ?? "" } });
    expect(withOld.status).toBe(401);
  });

  it("locks the rejoin code after five wrong ones", async () => {
    const { session } = await newCafe();
    const chloe = await player(session.code, "Chloé");
    const rejoinCode = chloe.welcome()?.rejoinCode ?? "";
    chloe.closeTab();
    for (let i = 0; i < 5; i++) {
      const refused = await refusedJoin(ctx.server, session.code, { name: "Chloé", rejoinCode: "ZZZZZZ" });
      expect(refused.message).toBe("wrong-rejoin-code");
    }
    expect(await refusedJoin(ctx.server, session.code, { name: "Chloé", rejoinCode })).toEqual({
      code: CloseCodes.joinRefused,
      message: "rejoin-code-locked",
    });
  });

  it("waits for the facilitator: one click gives the seat, another claim on it is refused", async () => {
    const { session, facilitator } = await newCafe();
    const denis = await player(session.code, "Denis");
    const { playerId } = denis;
    denis.closeTab();
    await facilitator.waitFor(() => playerOf(facilitator, playerId)?.connected === false, "disconnected");
    const phone = await claimByName(session.code, "denis");
    const intruder = await claimByName(session.code, "Denis");
    await facilitator.waitFor(() => seatsOf(facilitator)?.claims.length === 2, "two claims");
    expect(seatsOf(facilitator)?.claims.map((c) => ({ playerId: c.playerId, name: c.name }))).toEqual([
      { playerId, name: "Denis" },
      { playerId, name: "Denis" },
    ]);
    // Nothing of the team reaches a device before it is confirmed.
    expect(phone.welcome()).toBeUndefined();
    phone.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: "odbl" } });
    await phone.waitFor(() => phone.errors().some((e) => e.code === "not-player"), "refused action");

    facilitator.send("confirm-claim", { claimId: phone.room.sessionId });
    await phone.waitFor(() => phone.welcome()?.playerId === playerId, "seat given");
    expect(phone.welcome()?.seatKey).toBeTruthy();
    await intruder.waitFor(() => intruder.leftCode !== null, "other claim refused");
    expect(intruder.leftCode).toBe(CloseCodes.claimRefused);
    await facilitator.waitFor(() => seatsOf(facilitator)?.claims.length === 0, "no claim left");
    expect(seatsOf(facilitator)?.notices.at(-1)).toMatchObject({ kind: "claimed", via: "facilitator" });
    await facilitator.waitFor(() => playerOf(facilitator, playerId)?.connected === true, "connected");
    // A late confirmation of a claim that is gone changes nothing.
    await facilitator.expectError("confirm-claim", { claimId: intruder.room.sessionId }, "unknown-claim");
  });

  it("refuses a seat key the session does not know instead of seating a new player", async () => {
    const { session, facilitator } = await newCafe();
    expect(await refusedJoin(ctx.server, session.code, { name: "Eve", seatKey: "not-a-seat-key" })).toEqual({
      code: CloseCodes.joinRefused,
      message: "seat-unknown",
    });
    expect(facilitator.state.players.size).toBe(0);
  });
});
