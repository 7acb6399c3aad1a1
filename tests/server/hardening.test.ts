/**
 * Findings of the outside review (issue 15), against a real server process and real SDK clients:
 * the flood limit holds across reconnections (per seat), stale approvals are refused, a disagreement
 * and a cancelled proposal reach the proposer, choose-team is refused while locked, `end` closes every
 * client with 4004, an edit too big for a frame is refused clearly (socket open, nothing lost), and
 * look-alike or invisible names are refused.
 */
import { describe, expect, it } from "vitest";
import { CloseCodes } from "../../shared/protocol.ts";
import {
  createSession,
  draftJson,
  joinAsFacilitator,
  joinAsPlayer,
  type Seat,
  type ServerProcess,
} from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const FLOOD = { burst: 10, rate: 5 };
const ctx = useServerProcess({
  FLOOD_BURST: String(FLOOD.burst),
  FLOOD_RATE: String(FLOOD.rate),
  FLOOD_BLOCK_SECONDS: "60",
  END_GRACE_SECONDS: "1",
});

const toggle = { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } };

/** A session with the facilitator and the given players; started unless `lobby`. */
async function session(names: string[], options: { lobby?: boolean; body?: object } = {}) {
  const server: ServerProcess = ctx.server;
  const created = await createSession(server, {
    scenarioId: "exemple",
    teamCount: 1,
    teamSize: 6,
    options: { submissionRule: "majority", maxAttempts: 3 },
    ...options.body,
  });
  const facilitator = await joinAsFacilitator(server, created.code, created.facilitatorKey);
  const players: Seat[] = [];
  for (const name of names) players.push(await joinAsPlayer(server, created.code, name));
  ctx.seats.push(facilitator, ...players);
  if (!options.lobby) {
    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
  }
  return { created, facilitator, players };
}

const teamOf = (seat: Seat) => seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));

describe("the flood limit", () => {
  it("counts per seat: coming back with the seat key gives no fresh allowance", async () => {
    const { created, facilitator, players } = await session(["Flood", "Témoin"]);
    const [first, witness] = players as [Seat, Seat];
    const seatKey = first.seatKey ?? "";
    const started = Date.now();
    let flooder = first;
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 40; i++) flooder.send("edit", toggle);
      await flooder.waitFor(() => flooder.leftCode !== null, `flooder closed (round ${round})`);
      expect(flooder.leftCode).toBe(CloseCodes.flooding);
      flooder = await joinAsPlayer(ctx.server, created.code, "Flood", { seatKey });
      ctx.seats.push(flooder);
      expect(flooder.playerId).toBe(first.playerId);
    }
    const seconds = (Date.now() - started) / 1000;
    // A teammate's edit, processed after everything the flooder got through.
    witness.send("edit", toggle);
    const edits = () => [...facilitator.state.teams].flatMap((t) => [...(t.work?.edits ?? [])]);
    await facilitator.waitFor(() => edits().some((e) => e.playerId === witness.playerId), "witness edit");
    const accepted = edits().filter((e) => e.playerId === first.playerId).length;
    // The documented budget: `burst` per window of burst/rate seconds (two windows may touch).
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(2 * FLOOD.burst + FLOOD.rate * seconds);
    expect(witness.leftCode).toBeNull();
  }, 60_000);
});

describe("proposals", () => {
  it("an approval meant for a cancelled proposal is refused as stale and changes nothing", async () => {
    const { facilitator, players } = await session(["Ana", "Bruno", "Chloé"]);
    const [a, b, c] = players as [Seat, Seat, Seat];
    a.send("propose", { stepId: "licence" });
    await c.waitFor(() => teamOf(c)?.proposal?.by === a.playerId, "X proposed");
    const x = teamOf(c)?.proposal?.id ?? "";
    b.send("edit", toggle);
    b.send("propose", { stepId: "licence" });
    await c.waitFor(() => teamOf(c)?.proposal?.by === b.playerId, "Y proposed");
    const y = teamOf(c)?.proposal?.id ?? "";
    expect(y).not.toBe(x);
    const before = JSON.stringify(teamOf(c)?.toJSON());
    await c.expectError("approve", { stepId: "licence", proposalId: x }, "stale-proposal");
    // A later message of c's is processed after the refusal: nothing changed in between.
    await c.expectError("withdraw-proposal", { stepId: "licence", proposalId: x }, "stale-proposal");
    expect(JSON.stringify(teamOf(c)?.toJSON())).toBe(before);
    // Nothing submitted: Y still waits with its author's approval only.
    expect(teamOf(c)?.steps[0]?.attempts).toBe(0);
    expect([...(teamOf(c)?.proposal?.approvals ?? [])]).toEqual([b.playerId]);
    expect(facilitator.leftCode).toBeNull();
  });

  it("the proposer sees who disagrees and why; an edit cancelling the proposal tells its author", async () => {
    const { players } = await session(["Ana", "Bruno"]);
    const [a, b] = players as [Seat, Seat];
    a.send("propose", { stepId: "licence" });
    await b.waitFor(() => teamOf(b)?.proposal?.by === a.playerId, "proposal");
    const proposalId = teamOf(b)?.proposal?.id ?? "";
    b.send("disagree", { stepId: "licence", proposalId, reason: "incomplete" });
    await a.waitFor(() => (teamOf(a)?.proposal?.objections.length ?? 0) === 1, "objection seen");
    expect(teamOf(a)?.proposal?.objections[0]?.toJSON()).toMatchObject({
      playerId: b.playerId,
      reason: "incomplete",
    });
    b.send("edit", toggle);
    await a.waitFor(() => teamOf(a)?.work?.cancelled !== undefined, "cancellation seen");
    expect(teamOf(a)?.work?.cancelled?.toJSON()).toMatchObject({
      stepId: "licence",
      proposalId,
      by: a.playerId,
      cancelledBy: b.playerId,
      cause: "edit",
    });
  });
});

describe("the session's phases", () => {
  it("refuses choose-team while the session is locked", async () => {
    const { facilitator, players } = await session(["Ana"], {
      lobby: true,
      body: { teamCount: 2, teamSize: 3, options: { playersChooseTeam: true } },
    });
    const [a] = players as [Seat];
    facilitator.send("lock", { locked: true });
    await a.waitFor(() => a.state.locked, "locked");
    const other = a.state.teams.find((t) => !t.memberIds.includes(a.playerId ?? ""))?.id ?? "";
    await a.expectError("choose-team", { teamId: other }, "session-locked");
    expect(facilitator.state.teams.find((t) => t.id === other)?.memberIds.length).toBe(0);
  });

  it("closes every client with 4004 shortly after end", async () => {
    const { facilitator, players } = await session(["Ana", "Bruno"]);
    facilitator.send("end", {});
    for (const seat of [facilitator, ...players]) {
      await seat.waitFor(() => seat.leftCode !== null, `${seat.label} closed`);
      expect(seat.leftCode).toBe(CloseCodes.sessionClosed);
    }
  });
});

describe("an edit too big", () => {
  it("is refused with a clear error, the socket stays open, and the largest valid edit goes through", async () => {
    const { facilitator, players } = await session(["Ana"]);
    const [a] = players as [Seat];
    // 1,400 × « € » = 4,200 bytes of UTF-8: more than the old 4 KB frame, within the old 2,000 characters.
    const error = await a.expectError(
      "edit",
      { stepId: "licence", edit: { op: "set-field", fieldId: "titre", value: "€".repeat(1400) } },
      "invalid-message",
    );
    expect(error.message).toContain("1000 caractères au plus");
    expect(a.leftCode).toBeNull();
    for (let i = 0; i < 3; i++) facilitator.send("skip", {});
    await a.waitFor(() => a.state.currentStep === 3, "form step");
    const value = "€".repeat(1000);
    a.send("edit", { stepId: "fiche", edit: { op: "set-field", fieldId: "titre", value } });
    await a.waitFor(() => draftJson(teamOf(a)?.work, "fiche")?.includes(value) === true, "long value synced");
    expect(a.leftCode).toBeNull();
  });
});

describe("names", () => {
  it("refuses a look-alike of a name taken and names with invisible or control characters", async () => {
    const { created } = await session(["Ana"], { lobby: true });
    const refusal = (name: string) =>
      joinAsPlayer(ctx.server, created.code, name).then(
        (seat) => {
          ctx.seats.push(seat);
          return "joined";
        },
        (error: { code?: number; message?: string }) => `${error.code} ${error.message}`,
      );
    expect(await refusal("\u0410na")).toBe(`${CloseCodes.joinRefused} name-taken`);
    expect(await refusal("\uFF21NA")).toBe(`${CloseCodes.joinRefused} name-taken`);
    for (const name of ["Bo\u200Bb", "Bob\u0000", "Bo\uD800b", "\u202EboB"]) {
      expect(await refusal(name), JSON.stringify(name)).toBe(`${CloseCodes.joinRefused} name-invalid`);
    }
    expect(await refusal("Anaïs")).toBe("joined");
  });
});
