/**
 * Authority: players sending facilitator actions, acting for another team, or sending malformed
 * messages of every type get `error` replies, stay connected, and change nothing; other players are
 * unaffected. A flooding client is disconnected with CloseCodes.flooding; a kicked one with kicked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientMessages, CloseCodes, FacilitatorMessages, PlayerMessages } from "../../shared/protocol.ts";
import {
  type CreatedSession,
  createSession,
  flushPatches,
  joinAsFacilitator,
  joinAsPlayer,
  joinAsScreen,
  type Seat,
  type ServerProcess,
  startServerProcess,
  stateSnapshot,
  tempDir,
} from "./harness.ts";

let server: ServerProcess;
const dir = tempDir();
let session: CreatedSession;
let facilitator: Seat;
let screen: Seat;
let players: Seat[];

/** Valid payloads, so that only the sender's rights are at stake. */
const validPayloads: Record<string, unknown> = {
  "choose-team": { teamId: "equipe-1" },
  edit: { stepId: "licence", edit: { op: "toggle-option", optionId: "licence-ouverte" } },
  propose: { stepId: "licence" },
  approve: { stepId: "licence", proposalId: "licence/1" },
  "withdraw-proposal": { stepId: "licence", proposalId: "licence/1" },
  disagree: { stepId: "licence", proposalId: "licence/1", reason: "wrong" },
  hint: { stepId: "licence" },
  advance: { stepId: "licence" },
  react: { stepId: "licence", pieceId: "licence-ouverte", reaction: "agree" },
  focus: { stepId: "licence", pieceId: "licence-ouverte", gesture: "hold" },
  start: {},
  pause: {},
  resume: {},
  "add-time": { seconds: 60 },
  skip: {},
  reveal: {},
  next: {},
  "move-player": { playerId: "p-x", teamId: "equipe-1" },
  kick: { playerId: "p-x" },
  lock: { locked: true },
  end: {},
  "confirm-claim": { claimId: "c-x" },
  "refuse-claim": { claimId: "c-x" },
};

const snapshot = () => stateSnapshot(facilitator);
const flush = () => flushPatches(facilitator);

beforeAll(async () => {
  // This test sends every malformed message quickly: a larger budget, still finite.
  server = await startServerProcess(`${dir.path}/db.sqlite`, { FLOOD_BURST: "200", FLOOD_RATE: "100" });
  session = await createSession(server, {
    scenarioId: "exemple",
    pace: "facilitator",
    teamCount: 2,
    teamSize: 3,
    options: { submissionRule: "unanimous" },
  });
  facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
  screen = await joinAsScreen(server, session.code);
  players = [];
  for (const name of ["Ana", "Bruno", "Chloé", "Driss"])
    players.push(await joinAsPlayer(server, session.code, name));
  await facilitator.waitFor(() => facilitator.state.players.size === 4, "4 players");
});
afterAll(async () => {
  await Promise.all([facilitator, screen, ...(players ?? [])].map((s) => s?.leave()));
  await server?.stop();
  dir.remove();
});

describe("authority", () => {
  it("refuses facilitator actions from players and the screen, and player actions from the facilitator", async () => {
    const before = snapshot();
    const [ana] = players as [Seat];
    for (const name of Object.keys(FacilitatorMessages)) {
      await ana.expectError(name, validPayloads[name], "not-facilitator");
      await screen.expectError(name, validPayloads[name], "not-facilitator");
    }
    for (const name of Object.keys(PlayerMessages)) {
      await facilitator.expectError(name, validPayloads[name], "not-player");
      await screen.expectError(name, validPayloads[name], "not-player");
    }
    await flush();
    expect(snapshot()).toBe(before);
    expect(facilitator.state.phase).toBe("lobby");
  });

  it("answers malformed messages of every type with invalid-message, unknown ones with unknown-message", async () => {
    const [ana] = players as [Seat];
    const before = snapshot();
    const malformed: unknown[] = [{ unexpected: true }, 42, "texte", [1, 2], { stepId: "Pas Un Id !" }];
    for (const name of Object.keys(ClientMessages)) {
      for (const payload of malformed) {
        const sender = Object.hasOwn(FacilitatorMessages, name) ? facilitator : ana;
        const error = await sender.expectError(name, payload, "invalid-message");
        expect(error.request).toBe(name);
      }
    }
    await ana.expectError("edit", { stepId: "licence", edit: { op: "drop-table" } }, "invalid-message");
    await ana.expectError("add-time", { seconds: 1e9 }, "invalid-message");
    await ana.expectError("hack-the-planet", {}, "unknown-message");
    await facilitator.expectError("__proto__", {}, "unknown-message");
    await flush();
    expect(snapshot()).toBe(before);
    for (const seat of [facilitator, screen, ...players]) expect(seat.leftCode).toBeNull();
  });

  it("keeps each player to their own team: another team's proposal cannot be approved", async () => {
    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
    const teams = facilitator.state.teams;
    const [teamA, teamB] = teams;
    const memberOf = (teamId: string | undefined) =>
      players.filter((p) => facilitator.state.players.get(p.playerId ?? "")?.teamId === teamId);
    const [a1, a2] = memberOf(teamA?.id);
    const [b1] = memberOf(teamB?.id);
    if (!a1 || !a2 || !b1 || !teamA || !teamB) throw new Error("teams");

    a1.send("propose", { stepId: "licence" });
    await facilitator.waitFor(() => facilitator.state.teams[0]?.proposal?.stepId === "licence", "proposal");
    const before = snapshot();
    // b1 tries to approve team A's proposal: it can only act on its own team, which has none.
    const proposalId = facilitator.state.teams[0]?.proposal?.id ?? "";
    await b1.expectError("approve", { stepId: "licence", proposalId }, "stale-proposal");
    await b1.expectError("withdraw-proposal", { stepId: "licence", proposalId }, "stale-proposal");
    await b1.expectError("disagree", { stepId: "licence", proposalId, reason: "wrong" }, "stale-proposal");
    await b1.expectError("choose-team", { teamId: teamA.id }, "wrong-phase");
    await b1.expectError(
      "edit",
      { stepId: "documents", edit: { op: "toggle-option", optionId: "x" } },
      "unknown-step",
    );
    await b1.expectError(
      "edit",
      { stepId: "licence", edit: { op: "toggle-option", optionId: "nope" } },
      "invalid-edit",
    );
    await a1.expectError("approve", { stepId: "licence", proposalId }, "already-approved");
    await a1.expectError("disagree", { stepId: "licence", proposalId, reason: "wrong" }, "own-proposal");
    await flush();
    expect(snapshot()).toBe(before);
    expect(facilitator.state.teams[0]?.proposal?.approvals.length).toBe(1);
    // The others are unaffected: a2 approves, the attempt is recorded.
    a2.send("approve", { stepId: "licence", proposalId });
    await a2.waitFor(
      () => (a2.state.teams.find((t) => t.id === teamA.id)?.steps[0]?.attempts ?? 0) === 1,
      "attempt",
    );
  });

  it("disconnects a flooding client with a clear close code, and nobody else", async () => {
    const flooder = await joinAsPlayer(server, session.code, "Flood");
    for (let i = 0; i < 1000; i++) flooder.send("hint", { stepId: "licence" });
    await flooder.waitFor(() => flooder.leftCode !== null, "flooder closed");
    expect(flooder.leftCode).toBe(CloseCodes.flooding);
    for (const seat of [facilitator, screen, ...players]) expect(seat.leftCode).toBeNull();
    await facilitator.waitFor(
      () => facilitator.state.players.get(flooder.playerId ?? "")?.connected === false,
      "flooder shown disconnected",
    );
  });

  it("lets only the facilitator kick, and closes the kicked client", async () => {
    const victim = players[3] as Seat;
    await (players[0] as Seat).expectError("kick", { playerId: victim.playerId }, "not-facilitator");
    facilitator.send("kick", { playerId: victim.playerId });
    await victim.waitFor(() => victim.leftCode !== null, "kicked");
    expect(victim.leftCode).toBe(CloseCodes.kicked);
    await facilitator.waitFor(() => !facilitator.state.players.has(victim.playerId ?? ""), "player removed");
    // A kicked player's seat key does not bring them back into that seat.
    const back = await joinAsPlayer(server, session.code, "Driss 2", { seatKey: victim.seatKey ?? "" }).catch(
      (e: unknown) => e,
    );
    if (back && typeof back === "object" && "playerId" in back) {
      expect((back as Seat).playerId).not.toBe(victim.playerId);
      await (back as Seat).leave();
    }
  });
});
