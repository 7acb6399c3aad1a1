/** The table's layout (what the Phaser scene draws): on a phone, no card lies on another. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blankAnswer } from "../../../shared/rules/drafts.ts";
import { toPublicScenario } from "../../../shared/rules/public.ts";
import { Scenario } from "../../../shared/scenario/schema.ts";
import { puzzleBoard } from "../puzzles/registry.ts";
import type { TablePicture } from "../view/table-picture.ts";
import { layoutTable, type Rect, tableSizeFor } from "./table-layout.ts";

const scenario = toPublicScenario(Scenario.parse(JSON.parse(readFileSync("scenarios/exemple.json", "utf8"))));
/** The phones the e2e tests use (portrait): the table gets the page's width, less its margins. */
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];

/** A four-player team's picture of a step: its documents, one of mine and two teammates' face down. */
function picture(step: (typeof scenario.steps)[number]): TablePicture {
  const doc = (id: string, faceDown = false) => ({
    id,
    title: id,
    privateTo: "",
    privateLabel: "",
    faceDown,
  });
  return {
    heading: step.title,
    subtitle: "",
    timerText: "1:00",
    timerFraction: 0.5,
    status: "",
    seats: ["Ana", "Bruno", "Chloé", "David"].map((name, i) => ({
      name,
      role: "",
      online: true,
      me: i === 0,
      activity: null,
      agreed: false,
      hand: null,
    })),
    cards: [
      ...step.materials.map((m) => doc(m.id)),
      doc("mine"),
      doc("held-by-p1", true),
      doc("held-by-p2", true),
    ],
    puzzle: puzzleBoard(step, blankAnswer(step), new Map()),
    held: [],
    tokens: [],
  };
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("the compact (phone) table layout", () => {
  it.each(PHONES)("lays no card on another at $width × $height, on every step of exemple.json", (phone) => {
    const size = tableSizeFor(phone.width - 32);
    expect(size.compact).toBe(true);
    for (const step of scenario.steps) {
      const layout = layoutTable(picture(step), size);
      const cards = [
        ...layout.docs.map((r) => ({ ...r, what: `document ${r.id}` })),
        ...layout.pieces.map((r) => ({ ...r, what: `piece ${r.id}` })),
        ...layout.kinds.map((r) => ({ ...r, what: `kind ${r.id}` })),
      ];
      for (const [i, a] of cards.entries()) {
        expect(a.w > 0 && a.h > 0, `${step.id}: ${a.what} has no size`).toBe(true);
        for (const b of cards.slice(i + 1))
          expect(overlap(a, b), `${step.id}: ${a.what} overlaps ${b.what}`).toBe(false);
      }
    }
  });
});
