import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toPublicScenario } from "../../../shared/rules/public.ts";
import { Scenario } from "../../../shared/scenario/schema.ts";
import { translate } from "../i18n/index.ts";
import { type GameView, readGame, type TeamView } from "../view/state.ts";
import {
  inLastSeconds,
  itemGrid,
  LAST_SECONDS,
  lastSecondsCue,
  raceRows,
  revealFrames,
  stageEvents,
  standings,
  stepOpening,
  teamStatus,
} from "./moments.ts";

const cada = toPublicScenario(
  Scenario.parse(JSON.parse(readFileSync("scenarios/demande-cada.json", "utf8"))),
);
const exemple = toPublicScenario(Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8"))));

const team = (id: string, patch: Partial<TeamView> = {}): TeamView => ({
  id,
  name: `Équipe ${id}`,
  memberIds: [],
  stepIndex: 0,
  points: 0,
  solved: 0,
  rank: 0,
  finished: false,
  steps: ["s0", "s1", "s2"].map((stepId) => ({
    stepId,
    status: "open",
    revealed: false,
    score: -1,
    attempts: 0,
    hintsUsed: 0,
  })),
  ...patch,
});
const game = (teams: TeamView[], patch: Partial<GameView> = {}): GameView => ({
  ...readGame({ phase: "playing", currentStep: 0, stepCount: 3, teams }),
  ...patch,
});
const closed = (t: TeamView, upTo: number): TeamView => ({
  ...t,
  steps: t.steps.map((step, i) => (i < upTo ? { ...step, status: "closed", attempts: 1 } : step)),
});

describe("stepOpening", () => {
  it("tells the step's situation through its character, in French", () => {
    const opening = stepOpening(cada, 0);
    expect(opening?.character?.name).toBe("Jérôme Valadier");
    expect(opening?.says && translate("fr", opening.says.key, opening.says.params)).toBe(
      "Jérôme Valadier, habitant de Bellerive-en-Vaux, vous écrit\u202f:",
    );
    expect(opening?.text).toBe(cada.steps[0]?.situation?.text);
  });

  it("falls back on the step's prompt without a story", () => {
    const opening = stepOpening(exemple, 0);
    expect(opening).toMatchObject({ character: null, says: null, text: exemple.steps[0]?.prompt });
  });
});

describe("the race", () => {
  it("places each team by its closed steps and says what it is doing", () => {
    const a = closed(team("a"), 1);
    const b = {
      ...team("b"),
      proposal: { id: "q1", stepId: "s0", by: "p1", approvals: ["p1"], objections: [], at: 5 },
    };
    const c = team("c");
    const rows = raceRows(game([a, b, c]));
    expect(rows.map((row) => [row.id, row.index, row.position, row.status])).toEqual([
      ["a", 0, 1, "submitted"],
      ["b", 1, 0, "proposal"],
      ["c", 2, 0, "working"],
    ]);
  });

  it("in team pace follows each team's own step, and a finished team is finished", () => {
    const options = { pace: "team" } as GameView["options"];
    const ahead = { ...closed(team("a"), 1), stepIndex: 1 };
    expect(teamStatus(game([ahead], { options }), ahead)).toBe("working");
    expect(teamStatus(game([], { options }), { ...closed(team("b"), 3), finished: true })).toBe("finished");
  });
});

describe("stageEvents", () => {
  it("says who proposed, who submitted and who finished, without any content", () => {
    const before = game([team("a"), team("b")]);
    const after = game([
      { ...team("a"), proposal: { id: "q2", stepId: "s0", by: "p1", approvals: [], objections: [], at: 9 } },
      { ...closed(team("b"), 3), finished: true },
    ]);
    const said = stageEvents(before, after).map((e) => translate("fr", e.key, e.params));
    expect(said).toEqual([
      "Équipe a a proposé une réponse",
      "Équipe b a envoyé sa réponse",
      "Équipe b a terminé le parcours",
    ]);
    expect(stageEvents(after, after)).toEqual([]);
    expect(stageEvents(null, after)).toEqual([]);
  });
});

describe("the reveal sequence", () => {
  it("is the question, each team in turn, the most missed item, then the why", () => {
    expect(revealFrames(2).map((frame) => frame.kind)).toEqual(["question", "team", "team", "missed", "why"]);
    expect(revealFrames(1, false).map((frame) => frame.kind)).toEqual(["question", "team", "why"]);
  });

  it("crosses per-item right/wrong across teams and finds the most missed item", () => {
    const step = exemple.steps.find((s) => s.type === "choice");
    if (step?.type !== "choice") throw new Error("no choice step");
    const [first, second] = step.puzzle.options;
    if (!first || !second) throw new Error("two options needed");
    const grid = itemGrid(step, [
      [
        { id: first.id, correct: true },
        { id: second.id, correct: false },
      ],
      null,
      [
        { id: first.id, correct: false },
        { id: second.id, correct: false },
      ],
    ]);
    expect(grid.rows.map((row) => [row.label, row.results, row.missed])).toEqual([
      [first.label, [true, null, false], 1],
      [second.label, [false, null, false], 2],
    ]);
    expect(grid.mostMissed).toBe(second.id);
    expect(itemGrid(step, [[{ id: first.id, correct: true }]]).mostMissed).toBeNull();
  });
});

describe("standings", () => {
  it("orders teams by points and keeps their colour index", () => {
    const places = standings(
      game([team("a", { points: 1 }), team("b", { points: 3 }), team("c", { points: 2 })]),
    );
    expect(places.map((p) => [p.name, p.index, p.rank])).toEqual([
      ["Équipe b", 1, 1],
      ["Équipe c", 2, 2],
      ["Équipe a", 0, 3],
    ]);
  });
});

describe("the last seconds of a step's timer", () => {
  it("shows the cue from 30 s left, not before, and not without a timer", () => {
    expect(LAST_SECONDS).toBe(30);
    expect(inLastSeconds(null)).toBe(false);
    expect(inLastSeconds(31)).toBe(false);
    expect(inLastSeconds(30)).toBe(true);
    expect(inLastSeconds(1)).toBe(true);
  });

  it("announces the last seconds once per step, then ticks in the final five", () => {
    // A 40 s step (step 2), one tick a second: what the stage plays at each second left.
    let cued = -1;
    const played: [number, string][] = [];
    for (let seconds = 40; seconds >= 0; seconds--) {
      const cue = lastSecondsCue(seconds, 2, cued);
      if (cue === "enter") cued = 2;
      if (cue) played.push([seconds, cue]);
    }
    expect(played).toEqual([
      [30, "enter"],
      [5, "tick"],
      [4, "tick"],
      [3, "tick"],
      [2, "tick"],
      [1, "tick"],
    ]);
  });

  it("announces a step whose timer starts inside its last seconds, and each new step again", () => {
    expect(lastSecondsCue(30, 0, -1)).toBe("enter");
    expect(lastSecondsCue(12, 0, -1)).toBe("enter"); // a tick missed (tab asleep): still announced
    expect(lastSecondsCue(29, 0, 0)).toBeNull();
    expect(lastSecondsCue(30, 1, 0)).toBe("enter");
  });

  it("says nothing without a timer, before the last seconds or once time is up", () => {
    expect(lastSecondsCue(null, 0, -1)).toBeNull();
    expect(lastSecondsCue(31, 0, -1)).toBeNull();
    expect(lastSecondsCue(0, 0, -1)).toBeNull();
  });
});
