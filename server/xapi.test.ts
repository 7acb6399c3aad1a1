import xapiValidation from "@learninglocker/xapi-validation";
import { describe, expect, it } from "vitest";
import type { LearningSeat } from "./store/carnets.ts";
import { carnetPseudonym, factUuid, xapiStatements } from "./xapi.ts";

const validate = ((xapiValidation as { default?: typeof xapiValidation }).default ?? xapiValidation) as (
  statement: unknown,
) => unknown[];

const seat = (over: Partial<LearningSeat> = {}): LearningSeat => ({
  carnetId: "c1",
  displayName: "Zoé",
  sessionCode: "ABC234",
  playerId: "p-1",
  scenarioId: "exemple",
  scenarioTitle: "Exemple",
  createdAt: 1_700_000_000_000,
  startedAt: 1_700_000_060_000,
  endedAt: null,
  phase: "playing",
  steps: [{ stepId: "licence", stepIndex: 0, score: 1.2, attempts: 2, closedAt: null }],
  attestation: null,
  ...over,
});
const input = (seats: LearningSeat[], recipient = { kind: "carnet" } as const) => ({
  origin: "https://datatruc.example.fr",
  recipient,
  seats,
  certificates: [],
  scenarios: new Map(),
  referential: { domains: [] },
});
const verbs = (statements: { verb: { id: string } }[]) => statements.map((s) => s.verb.id.split("/").pop());

describe("xAPI statements", () => {
  it("derive ids and pseudonyms from the facts: same facts, same values; other recipient, other actor", () => {
    expect(factUuid("a", "b")).toBe(factUuid("a", "b"));
    expect(factUuid("a", "b")).not.toBe(factUuid("a", "c"));
    expect(factUuid("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const own = carnetPseudonym("c1", { kind: "carnet" });
    expect(own).toBe(carnetPseudonym("c1", { kind: "carnet" }));
    expect(own).not.toBe(carnetPseudonym("c1", { kind: "organisation", organisationId: "o1" }));
    expect(carnetPseudonym("c1", { kind: "organisation", organisationId: "o1" })).not.toBe(
      carnetPseudonym("c1", { kind: "organisation", organisationId: "o2" }),
    );
  });

  it("stay valid when the scenario copy is unknown, a step is open or its score is out of range", () => {
    const statements = xapiStatements(input([seat()]));
    expect(verbs(statements)).toEqual(["attempted", "answered"]);
    expect(statements.flatMap((s) => validate(s))).toEqual([]);
    expect(statements[1]?.result?.score).toEqual({ scaled: 1, raw: 1, min: 0, max: 1 });
    expect(statements[1]?.result?.completion).toBe(false);
    expect(statements[1]?.context.contextActivities?.other).toBeUndefined();
  });

  it("say completed once the session reached its debrief, attempted only once it started", () => {
    const ended = seat({
      phase: "debrief",
      steps: [{ stepId: "licence", stepIndex: 0, score: 0.5, attempts: 1, closedAt: 1_700_000_120_000 }],
    });
    const done = xapiStatements(input([ended]));
    expect(verbs(done)).toEqual(["attempted", "answered", "completed"]);
    expect(done[2]?.timestamp).toBe(new Date(1_700_000_120_000).toISOString());
    expect(verbs(xapiStatements(input([seat({ startedAt: null, steps: [] })])))).toEqual([]);
  });

  it("name the actor with the carnet's chosen name for its holder only", () => {
    const [own] = xapiStatements(input([seat()]));
    expect(own?.actor.name).toBe("Zoé");
    const [org] = xapiStatements({
      ...input([seat()]),
      recipient: { kind: "organisation", organisationId: "o1" },
    });
    expect(org?.actor).toEqual({
      objectType: "Agent",
      account: { homePage: "https://datatruc.example.fr", name: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
  });
});
