import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HAND_TTL_MS, PROTOCOL_VERSION } from "../../../shared/protocol.ts";
import { revealedStep, toPublicScenario } from "../../../shared/rules/public.ts";
import { Scenario } from "../../../shared/scenario/schema.ts";
import { RoomView } from "./room-view.ts";

const scenario = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));
const welcome = {
  protocol: PROTOCOL_VERSION,
  role: "screen" as const,
  playerId: null,
  seatKey: null,
  rejoinCode: null,
  scenario: toPublicScenario(scenario),
  serverNow: 10_000,
};

describe("RoomView", () => {
  it("typesets the scenario and revealed steps it displays: no breakable space before « ? : ; ! »", () => {
    const room = new RoomView();
    room.applyWelcome(welcome, 9_000);
    const texts = JSON.stringify(room.scenario?.steps.map((step) => [step.title, step.prompt]));
    expect(texts).toContain("\u202f");
    expect(texts).not.toMatch(/ [?:;!»]/);
    const [first] = scenario.steps;
    if (!first) throw new Error("no step");
    room.applyRevealed({ ...revealedStep(first), stepIndex: 0 });
    expect(room.revealed.get(0)?.explanation.text).not.toMatch(/ [?:;!»]|« /);
  });

  it("keeps the scenario and the server clock offset from welcome", () => {
    const room = new RoomView();
    room.applyWelcome(welcome, 9_000);
    expect(room.scenario?.id).toBe(scenario.id);
    expect(room.clockOffsetMs).toBe(1_000);
  });

  it("keeps every revealed step by its index", () => {
    const room = new RoomView();
    const [first, second] = scenario.steps;
    if (!first || !second) throw new Error("exemple.json has fewer than two steps");
    room.applyRevealed({ ...revealedStep(second), stepIndex: 1 });
    room.applyRevealed({ ...revealedStep(first), stepIndex: 0 });
    expect([...room.revealed.keys()].sort()).toEqual([0, 1]);
    expect(room.revealed.get(1)?.answer).toEqual(revealedStep(second).answer);
  });

  it("reads each state, returns the phase before it and tracks the clock offset", () => {
    const room = new RoomView();
    expect(room.applyState({ phase: "lobby", serverNow: 5_000 }, 4_500)).toBeUndefined();
    expect(room.game?.phase).toBe("lobby");
    expect(room.game?.teams).toEqual([]);
    expect(room.clockOffsetMs).toBe(500);
    expect(room.applyState({ phase: "playing", serverNow: 6_000 }, 6_200)).toBe("lobby");
    expect(room.game?.phase).toBe("playing");
    expect(room.clockOffsetMs).toBe(-200);
  });

  it("takes the offset from welcome, then from newer server times only", () => {
    const room = new RoomView();
    // A snapshot before welcome gives a first estimate…
    room.applyState({ phase: "lobby", serverNow: 5_000 }, 8_000);
    expect(room.clockOffsetMs).toBe(-3_000);
    // …welcome, sent when the client joined, is fresher…
    room.applyWelcome({ ...welcome, serverNow: 9_000 }, 8_100);
    expect(room.clockOffsetMs).toBe(900);
    // …a snapshot carrying the same or an older server time keeps it…
    room.applyState({ phase: "playing", serverNow: 5_000 }, 12_000);
    expect(room.clockOffsetMs).toBe(900);
    // …and a newly published one replaces it.
    room.applyState({ phase: "playing", serverNow: 14_000 }, 13_000);
    expect(room.clockOffsetMs).toBe(1_000);
  });

  it("keeps the last offset when a state has no server time", () => {
    const room = new RoomView();
    room.applyState({ phase: "lobby", serverNow: 5_000 }, 4_000);
    room.applyState({ phase: "lobby" }, 99_000);
    expect(room.clockOffsetMs).toBe(1_000);
  });

  it("tracks the connection status and returns the one before", () => {
    const room = new RoomView();
    expect(room.applyStatus("reconnecting")).toBe("connected");
    expect(room.applyStatus("closed", "ended")).toBe("reconnecting");
    expect(room.status).toBe("closed");
    expect(room.closeReason).toBe("ended");
  });
  const hand = (playerId: string, pieceId: string | null = "doc-1") => ({
    playerId,
    stepId: "etape-1",
    pieceId,
    gesture: "hold" as const,
  });
  const players = (connected: Record<string, boolean>) =>
    Object.fromEntries(
      Object.entries(connected).map(([id, on]) => [id, { id, name: id, teamId: "t1", connected: on }]),
    );

  it("drops a teammate's hand not refreshed for HAND_TTL_MS, and keeps a refreshed one", () => {
    const room = new RoomView();
    room.applyFocus(hand("ana"), 1_000);
    room.applyFocus(hand("bob"), 1_000);
    expect(room.expireHands(1_000 + HAND_TTL_MS - 1)).toBe(false);
    room.applyFocus(hand("bob", "doc-2"), 1_000 + HAND_TTL_MS - 1);
    expect(room.expireHands(1_000 + HAND_TTL_MS)).toBe(true);
    expect([...room.hands.keys()]).toEqual(["bob"]);
    expect(room.expireHands(1_000 + 2 * HAND_TTL_MS - 1)).toBe(true);
    expect(room.hands.size).toBe(0);
  });

  it("drops a hand released (pieceId null) or whose holder is disconnected or gone", () => {
    const room = new RoomView();
    for (const id of ["ana", "bob", "cleo"]) room.applyFocus(hand(id), 0);
    room.applyFocus(hand("cleo", null), 10);
    expect([...room.hands.keys()]).toEqual(["ana", "bob"]);
    room.applyState({ phase: "playing", players: players({ ana: false, bob: true }) }, 20);
    expect([...room.hands.keys()]).toEqual(["bob"]);
    room.applyState({ phase: "playing", players: {} }, 30);
    expect(room.hands.size).toBe(0);
  });
});
