import { describe, expect, it } from "vitest";
import type { DraftEdit } from "./answer.ts";
import { MAX_KEPT_EDITS, type SessionModel } from "./model.ts";
import { setConnected } from "./players.ts";
import { pauseSession } from "./session.ts";
import {
  applyEdit,
  approvalsNeeded,
  approveProposal,
  clearPendingProposals,
  objectToProposal,
  proposeSubmission,
  takeHint,
  withdrawProposal,
} from "./submission.ts";
import { fixtureScenario as scenario } from "./test-fixtures.ts";
import { must, sessionWith, T0 } from "./test-helpers.ts";

const pick = (optionId: string): DraftEdit => ({ op: "toggle-option", optionId });
const step0 = (model: SessionModel, team = 0) => {
  const step = model.teams[team]?.steps[0];
  if (!step) throw new Error("no step");
  return step;
};

describe("approvalsNeeded", () => {
  it("any = 1, majority = more than half, unanimous = all (connected members)", () => {
    expect([1, 2, 3, 4, 5].map((n) => approvalsNeeded("any", n))).toEqual([1, 1, 1, 1, 1]);
    expect([1, 2, 3, 4, 5].map((n) => approvalsNeeded("majority", n))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3, 4, 5].map((n) => approvalsNeeded("unanimous", n))).toEqual([1, 2, 3, 4, 5]);
    expect(approvalsNeeded("unanimous", 0)).toBe(1);
  });
});

describe("applyEdit", () => {
  it("updates the team draft, records the edit with its player and cancels a proposal", () => {
    const model = sessionWith(scenario, ["A", "B"]);
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0 + 1));
    expect(step0(proposed).proposal).not.toBeNull();
    const edited = must(applyEdit(proposed, scenario, "p2", "licence", pick("lo"), T0 + 2));
    expect(edited.extra.teamId).toBe("equipe-1");
    expect(step0(edited)).toMatchObject({
      draft: { type: "choice", selected: ["lo"] },
      edits: [{ playerId: "p2", edit: pick("lo"), at: T0 + 2 }],
      proposal: null,
    });
  });

  it("keeps only the latest edits in the model (linear in the number of edits) and counts them all per player", () => {
    let model = sessionWith(scenario, ["A", "B"]);
    for (let n = 1; n <= MAX_KEPT_EDITS * 2 + 50; n++) {
      model = must(applyEdit(model, scenario, n % 5 === 0 ? "p2" : "p1", "licence", pick("lo"), T0 + n));
    }
    const step = step0(model);
    expect(step.edits).toHaveLength(MAX_KEPT_EDITS);
    expect(step.edits.at(-1)).toMatchObject({ playerId: "p2", at: T0 + MAX_KEPT_EDITS * 2 + 50 });
    expect(step.editsByPlayer).toEqual({ p1: 200, p2: 50 });
  });

  it("refuses wrong phase, unknown player, other step, invalid edit, closed step", () => {
    const model = sessionWith(scenario, ["A"]);
    expect(applyEdit(must(pauseSession(model, T0)), scenario, "p1", "licence", pick("lo"), T0)).toMatchObject(
      {
        reason: "wrong-phase",
      },
    );
    expect(applyEdit(model, scenario, "zz", "licence", pick("lo"), T0)).toMatchObject({
      reason: "unknown-player",
    });
    expect(applyEdit(model, scenario, "p1", "procedure", pick("lo"), T0)).toMatchObject({
      reason: "unknown-step",
    });
    expect(applyEdit(model, scenario, "p1", "licence", pick("zz"), T0)).toMatchObject({
      reason: "invalid-edit",
    });
    expect(
      applyEdit(model, scenario, "p1", "licence", { op: "set-field", fieldId: "a", value: "" }, T0),
    ).toMatchObject({
      reason: "invalid-edit",
    });
    const solved = must(
      proposeSubmission(
        must(applyEdit(model, scenario, "p1", "licence", pick("lo"), T0)),
        scenario,
        "p1",
        "licence",
        T0,
      ),
    );
    expect(applyEdit(solved, scenario, "p1", "licence", pick("lo"), T0)).toMatchObject({
      reason: "step-closed",
    });
  });
});

describe("proposals and attempts", () => {
  it("a lone connected member submits at once; a solved step closes with score 1", () => {
    const model = must(applyEdit(sessionWith(scenario, ["A"]), scenario, "p1", "licence", pick("lo"), T0));
    const result = must(proposeSubmission(model, scenario, "p1", "licence", T0 + 5));
    expect(result.extra.submitted).toMatchObject({
      rawScore: 1,
      score: 1,
      proposedBy: "p1",
      approvedBy: ["p1"],
      at: T0 + 5,
    });
    expect(step0(result)).toMatchObject({
      closed: true,
      closedAt: T0 + 5,
      score: 1,
      revealed: false,
      proposal: null,
    });
  });

  it("majority of connected members: 2 of 3, disconnected members not counted", () => {
    const model = sessionWith(scenario, ["A", "B", "C"]);
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0));
    expect(proposed.extra.submitted).toBeNull();
    expect(step0(proposed).proposal).toMatchObject({ by: "p1", approvals: ["p1"] });
    expect(approveProposal(proposed, scenario, "p1", "licence", "licence/1", T0)).toMatchObject({
      reason: "already-approved",
    });
    const approved = must(approveProposal(proposed, scenario, "p2", "licence", "licence/1", T0 + 1));
    expect(approved.extra.submitted).toMatchObject({ rawScore: 0, approvedBy: ["p1", "p2"] });
    expect(step0(approved)).toMatchObject({ closed: false, score: 0, proposal: null });

    const twoAway = must(setConnected(must(setConnected(model, "p2", false, T0)), "p3", false, T0));
    expect(must(proposeSubmission(twoAway, scenario, "p1", "licence", T0)).extra.submitted).not.toBeNull();
  });

  it("a disconnection re-checks a pending proposal when given the scenario", () => {
    const model = sessionWith(scenario, ["A", "B"], { submissionRule: "unanimous" });
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0));
    expect(step0(must(setConnected(proposed, "p2", false, T0))).proposal).not.toBeNull();
    const settled = must(setConnected(proposed, "p2", false, T0 + 3, scenario));
    expect(step0(settled).attempts).toHaveLength(1);
  });

  it("closes the step when attempts are used up, keeping the best score", () => {
    const model = sessionWith(scenario, ["A"], { maxAttempts: 2 });
    let m = must(proposeSubmission(model, scenario, "p1", "licence", T0));
    expect(step0(m)).toMatchObject({ closed: false, score: 0 });
    m = must(proposeSubmission(m, scenario, "p1", "licence", T0));
    expect(step0(m)).toMatchObject({ closed: true, score: 0 });
    expect(proposeSubmission(m, scenario, "p1", "licence", T0)).toMatchObject({ reason: "step-closed" });
  });

  it("withdraw and approve need a pending proposal", () => {
    const model = sessionWith(scenario, ["A", "B"]);
    expect(withdrawProposal(model, scenario, "p1", "licence", "licence/1", T0)).toMatchObject({
      reason: "stale-proposal",
    });
    expect(approveProposal(model, scenario, "p2", "licence", "licence/1", T0)).toMatchObject({
      reason: "stale-proposal",
    });
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0));
    expect(
      step0(must(withdrawProposal(proposed, scenario, "p2", "licence", "licence/1", T0))).proposal,
    ).toBeNull();
  });
});

describe("proposal ids (stale approvals)", () => {
  /** A proposes X; B edits (X cancelled) and proposes Y: C's approval meant for X must not count for Y. */
  const xThenY = () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { submissionRule: "majority" });
    const x = must(proposeSubmission(model, scenario, "p1", "licence", T0 + 1));
    const edited = must(applyEdit(x, scenario, "p2", "licence", pick("lo"), T0 + 2));
    return { x, y: must(proposeSubmission(edited, scenario, "p2", "licence", T0 + 3)) };
  };

  it("each proposal of a step gets its own id", () => {
    const { x, y } = xThenY();
    expect(step0(x).proposal?.id).toBe("licence/1");
    expect(y.extra.proposalId).toBe("licence/2");
    expect(step0(y).proposal).toMatchObject({ id: "licence/2", by: "p2", approvals: ["p2"] });
  });

  it("a late approval, withdrawal or disagreement naming the old proposal is refused and changes nothing", () => {
    const { y } = xThenY();
    for (const stale of [
      approveProposal(y, scenario, "p3", "licence", "licence/1", T0 + 4),
      withdrawProposal(y, scenario, "p3", "licence", "licence/1", T0 + 4),
      objectToProposal(y, scenario, "p3", "licence", "licence/1", "wrong", T0 + 4),
    ]) {
      expect(stale).toEqual({ ok: false, reason: "stale-proposal" });
    }
    const approved = must(approveProposal(y, scenario, "p3", "licence", "licence/2", T0 + 4));
    expect(approved.extra.submitted).toMatchObject({ proposedBy: "p2", approvedBy: ["p2", "p3"] });
  });
});

describe("disagreeing with a proposal", () => {
  const proposed = () =>
    must(
      proposeSubmission(
        sessionWith(scenario, ["A", "B", "C"], { submissionRule: "unanimous" }),
        scenario,
        "p1",
        "licence",
        T0,
      ),
    );

  it("records who disagrees and why, takes their approval back, and keeps the proposal pending", () => {
    const approved = must(approveProposal(proposed(), scenario, "p2", "licence", "licence/1", T0 + 1));
    const objected = must(
      objectToProposal(approved, scenario, "p2", "licence", "licence/1", "incomplete", T0 + 2),
    );
    expect(step0(objected).proposal).toMatchObject({
      id: "licence/1",
      approvals: ["p1"],
      objections: [{ playerId: "p2", reason: "incomplete", at: T0 + 2 }],
    });
    const changed = must(objectToProposal(objected, scenario, "p2", "licence", "licence/1", "wrong", T0 + 3));
    expect(step0(changed).proposal?.objections).toEqual([{ playerId: "p2", reason: "wrong", at: T0 + 3 }]);
  });

  it("approving afterwards withdraws the objection", () => {
    const objected = must(
      objectToProposal(proposed(), scenario, "p3", "licence", "licence/1", "discuss", T0 + 1),
    );
    const approved = must(approveProposal(objected, scenario, "p3", "licence", "licence/1", T0 + 2));
    expect(step0(approved).proposal).toMatchObject({ approvals: ["p1", "p3"], objections: [] });
  });

  it("the author cannot disagree with their own proposal", () => {
    expect(objectToProposal(proposed(), scenario, "p1", "licence", "licence/1", "wrong", T0)).toEqual({
      ok: false,
      reason: "own-proposal",
    });
  });
});

describe("a cancelled proposal tells its author", () => {
  it("an edit cancels it and records the author, the editor and the cause", () => {
    const model = sessionWith(scenario, ["A", "B"]);
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0 + 1));
    const edited = must(applyEdit(proposed, scenario, "p2", "licence", pick("lo"), T0 + 2));
    expect(edited.extra.cancelled).toBe("licence/1");
    expect(step0(edited).cancelled).toEqual({
      proposalId: "licence/1",
      by: "p1",
      cancelledBy: "p2",
      cause: "edit",
      at: T0 + 2,
    });
    const again = must(proposeSubmission(edited, scenario, "p1", "licence", T0 + 3));
    expect(step0(again).cancelled).toBeNull();
  });

  it("a withdrawal by a teammate is recorded the same way", () => {
    const proposed = must(
      proposeSubmission(sessionWith(scenario, ["A", "B"]), scenario, "p1", "licence", T0),
    );
    const withdrawn = must(withdrawProposal(proposed, scenario, "p2", "licence", "licence/1", T0 + 1));
    expect(step0(withdrawn).cancelled).toMatchObject({ by: "p1", cancelledBy: "p2", cause: "withdrawn" });
  });

  it("after a restart pending proposals are cancelled, so the first member back cannot submit alone", () => {
    const model = sessionWith(scenario, ["A", "B", "C"], { submissionRule: "majority" });
    const proposed = must(proposeSubmission(model, scenario, "p1", "licence", T0));
    let away: SessionModel = proposed;
    for (const id of ["p1", "p2", "p3"]) away = must(setConnected(away, id, false, T0 + 1));
    const cleared = clearPendingProposals(away, T0 + 2);
    expect(step0(cleared)).toMatchObject({
      proposal: null,
      cancelled: { proposalId: "licence/1", by: "p1", cancelledBy: null, cause: "restart", at: T0 + 2 },
    });
    const back = must(setConnected(cleared, "p1", true, T0 + 3, scenario));
    expect(step0(back).attempts).toEqual([]);
    // Without clearing, the author alone (one connected member) would have submitted it:
    expect(step0(must(setConnected(away, "p1", true, T0 + 3, scenario))).attempts).toHaveLength(1);
  });
});

describe("hints", () => {
  it("gives hints in order and applies their costs to later attempts", () => {
    const model = sessionWith(scenario, ["A"]);
    const first = must(takeHint(model, scenario, "p1", "licence"));
    expect(first.extra.hint).toEqual({ text: "Pensez aux licences homologuées.", cost: 0.25 });
    const second = must(takeHint(first, scenario, "p1", "licence"));
    expect(takeHint(second, scenario, "p1", "licence")).toMatchObject({ reason: "no-more-hints" });
    const answered = must(applyEdit(second, scenario, "p1", "licence", pick("lo"), T0));
    const attempt = must(proposeSubmission(answered, scenario, "p1", "licence", T0)).extra.submitted;
    expect(attempt).toMatchObject({ rawScore: 1, score: 0.25 });
  });

  it("refuses when hints are disabled", () => {
    expect(
      takeHint(sessionWith(scenario, ["A"], { hintsEnabled: false }), scenario, "p1", "licence"),
    ).toMatchObject({
      reason: "hints-disabled",
    });
  });
});
