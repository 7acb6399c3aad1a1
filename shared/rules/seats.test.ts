import { describe, expect, it } from "vitest";
import { kickPlayer, setConnected } from "./players.ts";
import {
  confirmClaim,
  decideNameJoin,
  lookUpName,
  MAX_REJOIN_CODE_FAILURES,
  pendingClaims,
  type SeatClaim,
} from "./seats.ts";
import { fixtureScenario as scenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

/** Ana (p1) connected, Bruno (p2) disconnected, Chloé (p3) removed by the facilitator. */
const model = (() => {
  let m = sessionWith(scenario, ["Ana", "Bruno", "Chloé"]);
  m = must(setConnected(m, "p2", false, T0, scenario));
  return must(kickPlayer(m, "p3", scenario));
})();

describe("lookUpName", () => {
  it("tells a free name, a connected seat and a disconnected seat apart (case, accents, spaces)", () => {
    expect(lookUpName(model, "Denis")).toEqual({ kind: "free" });
    expect(lookUpName(model, " ana ")).toEqual({ kind: "connected", playerId: "p1" });
    expect(lookUpName(model, "BRUNO")).toEqual({ kind: "disconnected", playerId: "p2" });
    expect(lookUpName(model, "Chloe")).toEqual({ kind: "free" });
  });
});

describe("decideNameJoin", () => {
  it("seats a new player under a free name", () => {
    expect(decideNameJoin(model, "Denis", {})).toEqual({ kind: "new-seat" });
  });

  it("never gives a connected seat by name, whatever the proof", () => {
    for (const request of [{}, { askFacilitator: true }, { rejoinCode: { matches: true, failures: 0 } }]) {
      expect(decideNameJoin(model, "Ana", request)).toEqual({ kind: "refuse", reason: "name-taken" });
    }
  });

  it("asks for a proof for a disconnected seat: its rejoin code or the facilitator", () => {
    expect(decideNameJoin(model, "Bruno", {})).toEqual({ kind: "refuse", reason: "seat-claimable" });
    expect(decideNameJoin(model, "Bruno", { rejoinCode: { matches: true, failures: 0 } })).toEqual({
      kind: "claim",
      playerId: "p2",
    });
    expect(decideNameJoin(model, "Bruno", { rejoinCode: { matches: false, failures: 0 } })).toEqual({
      kind: "refuse",
      reason: "wrong-rejoin-code",
    });
    expect(decideNameJoin(model, "Bruno", { askFacilitator: true })).toEqual({
      kind: "await-facilitator",
      playerId: "p2",
    });
  });

  it("locks the rejoin code after too many wrong ones, even for the right code", () => {
    const rejoinCode = { matches: true, failures: MAX_REJOIN_CODE_FAILURES };
    expect(decideNameJoin(model, "Bruno", { rejoinCode })).toEqual({
      kind: "refuse",
      reason: "rejoin-code-locked",
    });
    expect(decideNameJoin(model, "Bruno", { askFacilitator: true }).kind).toBe("await-facilitator");
  });
});

describe("claims", () => {
  const claim = (id: string, playerId: string): SeatClaim => ({ id, playerId, name: playerId, at: T0 });

  it("the confirmed claim takes the seat; other claims on that seat are refused, the rest stay", () => {
    const other = must(setConnected(model, "p1", false, T0, scenario));
    const claims = [claim("c1", "p2"), claim("c2", "p2"), claim("c3", "p1")];
    const decision = confirmClaim(other, claims, "c2");
    expect(decision).toEqual({
      ok: true,
      claim: claims[1],
      remaining: [claims[2]],
      refused: [claims[0]],
    });
  });

  it("refuses to confirm a claim on a seat that is connected again, or an unknown claim", () => {
    const back = must(setConnected(model, "p2", true, T0, scenario));
    expect(confirmClaim(back, [claim("c1", "p2")], "c1")).toEqual({ ok: false, reason: "seat-connected" });
    expect(confirmClaim(model, [claim("c1", "p2")], "c9")).toEqual({ ok: false, reason: "unknown-claim" });
    expect(confirmClaim(model, [claim("c1", "p3")], "c1")).toEqual({ ok: false, reason: "unknown-claim" });
  });

  it("keeps pending only the claims whose seat is still disconnected", () => {
    const claims = [claim("c1", "p1"), claim("c2", "p2"), claim("c3", "p3"), claim("c4", "gone")];
    expect(pendingClaims(model, claims)).toEqual([claims[1]]);
  });
});
