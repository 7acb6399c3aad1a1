import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StateMirror } from "../../../server/rooms/mirror.ts";
import { GameState } from "../../../server/state.ts";
import { privateMaterialsFor, toPublicScenario } from "../../../shared/rules/public.ts";
import { sharedDocumentScenario } from "../../../shared/rules/test-fixtures.ts";
import { sessionWith } from "../../../shared/rules/test-helpers.ts";
import { Scenario } from "../../../shared/scenario/schema.ts";
import { typesetDisplay } from "../../../shared/text/typography.ts";
import { readGame } from "../view/state.ts";
import { tablePicture, timerText } from "./board-view.ts";

const scenario = Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8")));
const publicScenario = toPublicScenario(scenario);
function choiceStep(step: (typeof scenario.steps)[number] | undefined) {
  if (step?.type !== "choice") throw new Error("exemple.json should start with a choice step");
  return step;
}
const first = choiceStep(scenario.steps[0]);
const [roleA, roleB] = scenario.roles;
const option = first.puzzle.options[0]?.id ?? "";

function game(overrides: { proposal?: object | null; connectedB?: boolean; timer?: object } = {}) {
  return readGame({
    code: "ABC123",
    phase: "playing",
    currentStep: 0,
    stepCount: scenario.steps.length,
    serverNow: 1_000,
    options: { pace: "facilitator", submissionRule: "majority", maxAttempts: 2, hintsEnabled: true },
    timer: overrides.timer ?? { active: true, durationMs: 100_000, endsAt: 51_000, remainingMs: 0 },
    players: {
      a: {
        id: "a",
        name: "Ana",
        teamId: "t1",
        roleId: roleA?.id ?? "",
        connected: true,
        privateMaterials: JSON.stringify(privateMaterialsFor(scenario, roleA?.id ?? null)),
      },
      b: {
        id: "b",
        name: "Bruno",
        teamId: "t1",
        roleId: roleB?.id ?? "",
        connected: overrides.connectedB ?? true,
      },
    },
    teams: [
      {
        id: "t1",
        name: "Équipe 1",
        memberIds: ["a", "b"],
        stepIndex: 0,
        steps: [{ stepId: first.id, status: "open", revealed: false, score: -1, attempts: 0, hintsUsed: 0 }],
        proposal: overrides.proposal ?? null,
        work: {
          drafts: { [first.id]: JSON.stringify({ type: "choice", selected: [option] }) },
          edits: [
            {
              stepId: first.id,
              playerId: "b",
              edit: JSON.stringify({ op: "toggle-option", optionId: option }),
              at: 5,
            },
          ],
          attempts: [],
          hints: [],
        },
      },
    ],
  });
}

const input = (g: ReturnType<typeof game>, now = 1_000) => ({
  game: g,
  scenario: publicScenario,
  me: "a",
  revealed: new Map(),
  clockOffsetMs: 0,
  now,
  attestationHref: null,
  edit: () => undefined,
  act: () => undefined,
});

describe("the table picture (what the Phaser board draws)", () => {
  it("seats every member with presence, marks me, and shows their latest edit", () => {
    const picture = tablePicture(input(game({ connectedB: false })));
    expect(picture?.seats.map((s) => [s.name, s.online, s.me])).toEqual([
      ["Ana", true, true],
      ["Bruno", false, false],
    ]);
    expect(picture?.seats[1]?.activity).toContain(first.puzzle.options[0]?.label);
    expect(picture?.seats[0]?.activity).toBeNull();
  });

  it("puts public documents and my role's private ones on the table, marking the private ones", () => {
    const picture = tablePicture(input(game()));
    const own = typesetDisplay(privateMaterialsFor(scenario, roleA?.id ?? null)[first.id] ?? []);
    const privateCards = picture?.cards.filter((c) => c.privateTo !== "") ?? [];
    expect(privateCards.map((c) => c.title)).toEqual(own.map((m) => m.title));
    expect(privateCards.every((c) => c.privateTo === roleA?.name)).toBe(true);
    expect(picture?.cards.length).toBe(first.materials.filter((m) => !m.visibleTo).length + own.length);
  });

  it("shows face down only the teammate's documents I cannot read, not one visible to my role too", () => {
    // The synced state as the room writes it, read as the client does: Ana (juriste) reads her note
    // and a note shared with the producteur; Bruno (producteur) reads the shared one too.
    const model = sessionWith(sharedDocumentScenario, ["Ana", "Bruno"], { teamSize: 2 });
    const juriste = Object.values(model.players).find((p) => p.roleId === "juriste");
    const producteur = Object.values(model.players).find((p) => p.roleId === "producteur");
    if (!juriste || !producteur) throw new Error("the fixture deals both roles to a team of two");
    const state = new GameState();
    const mirror = new StateMirror(state, sharedDocumentScenario);
    mirror.init("ABC234");
    mirror.apply(model);
    const seen = readGame(JSON.parse(JSON.stringify(state.toJSON())));
    const picture = tablePicture({
      ...input(seen),
      scenario: toPublicScenario(sharedDocumentScenario),
      me: producteur.id,
    });
    const faceDown = picture?.cards.filter((c) => c.faceDown) ?? [];
    // One document only: the juriste's own note (« Ana tient un document que vous ne voyez pas »).
    expect(faceDown.map((c) => c.title)).toEqual([`${juriste.name} tient un document que vous ne voyez pas`]);
    // And the juriste, who reads everything Bruno reads, sees nothing face down.
    const picture2 = tablePicture({
      ...input(seen),
      scenario: toPublicScenario(sharedDocumentScenario),
      me: juriste.id,
    });
    expect(picture2?.cards.filter((c) => c.faceDown)).toEqual([]);
  });

  it("shows who agreed with a pending proposal", () => {
    const picture = tablePicture(
      input(game({ proposal: { stepId: first.id, by: "b", approvals: ["b"], at: 6 } })),
    );
    expect(picture?.seats.find((s) => s.name === "Bruno")?.agreed).toBe(true);
    expect(picture?.seats.find((s) => s.name === "Ana")?.agreed).toBe(false);
    expect(picture?.status).toContain("Bruno");
  });

  it("counts the timer down on the server clock", () => {
    expect(timerText(input(game(), 1_000))).toEqual({ text: "0:50", fraction: 0.5 });
    expect(
      timerText(input(game({ timer: { active: false, durationMs: 0, endsAt: 0, remainingMs: 0 } }))),
    ).toEqual({
      text: "—",
      fraction: null,
    });
  });
});
