/**
 * The table and the DOM alternative stay in sync: for every puzzle type with a table side, random
 * steps (the registry's arbitraries) and random edits applied through the shared rules, the table's
 * picture says what the DOM's answer lines say; and every gesture on the table is an edit the shared
 * rules accept, after which the table shows the card where it was dropped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnyPuzzleType } from "../../../shared/puzzles/contract.ts";
import { parseLinkKey, sameLinkKey, symmetricKinds } from "../../../shared/puzzles/link/links.ts";
import { applyDraftEdit, PUZZLES, type PuzzleParts, publicPuzzle } from "../../../shared/puzzles/registry.ts";
import { type ArbitraryTools, TESTING } from "../../../shared/puzzles/testing.ts";
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { PublicStep } from "../../../shared/rules/public.ts";
import {
  answerLines,
  type BoardDrop,
  boardDrop,
  type PuzzleBoard,
  puzzleBoard,
} from "../puzzles/registry.ts";
import { COMPACT, dropAt, layoutTable, WIDE } from "./table-layout.ts";

const tools: ArbitraryTools = {
  word: fc.stringMatching(/^[a-zé]{1,8}$/),
  label: fc.stringMatching(/^[A-Za-zé]{1,8}( [a-zé]{1,8})?$/),
  secret: fc.nat(99999).map((n) => `SOLUTION-${n}`),
  ids: (prefix, min, max) =>
    fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)),
};

/** Every id a puzzle names (items, buckets, cards, kinds…): edits drawn from them are mostly valid. */
function idsOf(value: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(value)) for (const inner of value) idsOf(inner, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "id" && typeof inner === "string") into.add(inner);
      else idsOf(inner, into);
    }
  }
  return [...into];
}

function publicStep(parts: PuzzleParts, seed: number): PublicStep {
  return {
    ...publicPuzzle(parts, seed),
    id: "etape",
    title: "Étape",
    prompt: "",
    materials: [],
    hints: [],
    timeLimitSeconds: 60,
    skills: [],
  };
}

/** What the table shows, as the DOM's answer lines (label/value) of the same registry. */
function linesOfBoard(board: PuzzleBoard): { label: string; value: string }[] {
  const label = (id: string) => board.pieces.find((piece) => piece.id === id)?.label ?? id;
  if (board.layout === "piles")
    return board.zones.map((zone) => ({
      label: zone.label,
      value: board.pieces
        .filter((piece) => piece.zone === zone.id)
        .map((piece) => piece.label)
        .join(" · "),
    }));
  if (board.layout === "line")
    return board.pieces.map((piece, index) => ({ label: `${index + 1}.`, value: piece.label }));
  return board.links.map((link) => ({
    label: label(link.from),
    value: `— ${link.label} → ${label(link.to)}`,
  }));
}

const withTable = (PUZZLES as readonly AnyPuzzleType[]).filter((type) =>
  ["categorize", "order", "link"].includes(type.type),
);

describe("the table and the DOM alternative", () => {
  it("covers the types whose pieces lie on the table", () => {
    expect(withTable.map((type) => type.type)).toEqual(["categorize", "order", "link"]);
  });

  for (const type of withTable) {
    const testing = TESTING.find((entry) => entry.type === type.type);
    if (!testing) throw new Error(`no test side for ${type.type}`);
    // A step of this type, a seed, and random edits drawn from its own ids.
    const played = testing
      .parts(tools)
      .map((input) => ({
        type: type.type,
        puzzle: type.puzzle.parse(input.puzzle),
        solution: type.solution.parse(input.solution),
      }))
      .chain((parts) =>
        fc.record({
          parts: fc.constant(parts as PuzzleParts),
          seed: fc.nat(),
          edits: fc.array(
            (testing.anyEdit as (id: fc.Arbitrary<string>) => fc.Arbitrary<DraftEdit>)(
              fc.constantFrom(...idsOf(parts.puzzle)),
            ),
            { maxLength: 12 },
          ),
        }),
      );
    /** The draft after the edits the shared rules accept (refused ones change nothing). */
    const play = (parts: PuzzleParts, step: PublicStep, edits: DraftEdit[]): Answer =>
      edits.reduce<Answer>(
        (draft, edit) => (applyDraftEdit(parts, draft, edit) as Answer | null) ?? draft,
        (type.initialDraft
          ? type.initialDraft(parts.puzzle, parts.solution, 0)
          : type.blankDraft(step.puzzle)) as Answer,
      );

    describe(`« ${type.type} »`, () => {
      it("draws what the DOM's answer lines say, after any edits", () => {
        fc.assert(
          fc.property(played, ({ parts, seed, edits }) => {
            const step = publicStep(parts, seed);
            const draft = play(parts, step, edits);
            const board = puzzleBoard(step, draft, new Map());
            expect(board).not.toBeNull();
            if (!board) return;
            expect(linesOfBoard(board)).toEqual(answerLines(step, draft));
            // Every piece is laid on the table, inside its felt, on both sizes.
            for (const size of [WIDE, COMPACT]) {
              const layout = layoutTable({ ...emptyPicture, puzzle: board }, size);
              expect(layout.pieces.map((r) => r.id).sort()).toEqual(board.pieces.map((p) => p.id).sort());
              for (const r of layout.pieces) {
                expect(r.x).toBeGreaterThanOrEqual(layout.felt.x);
                expect(r.x + r.w).toBeLessThanOrEqual(layout.felt.x + layout.felt.w + 0.001);
                expect(r.y + r.h).toBeLessThanOrEqual(layout.felt.y + layout.felt.h + 0.001);
              }
            }
          }),
        );
      });

      it("turns every drop into an edit the shared rules accept, showing the card where it was dropped", () => {
        fc.assert(
          fc.property(played, fc.nat(), fc.nat(), fc.nat(), ({ parts, seed, edits }, a, b, k) => {
            const step = publicStep(parts, seed);
            const draft = play(parts, step, edits);
            const board = puzzleBoard(step, draft, new Map());
            if (!board || board.pieces.length < 2) return;
            const layout = layoutTable({ ...emptyPicture, puzzle: board }, WIDE);
            const piece = board.pieces[a % board.pieces.length]?.id ?? "";
            // Drop it in the middle of a pile, a slot, or another card, as a pointer would.
            const targets = [
              ...layout.zones,
              ...layout.slots,
              ...layout.pieces.filter((r) => r.id !== piece),
            ];
            const target = targets[b % targets.length];
            if (!target) return;
            const kind = board.kinds[k % Math.max(1, board.kinds.length)]?.id ?? "";
            const drop = dropAt(layout, board, piece, target.x + target.w / 2, target.y + target.h / 2, kind);
            expect(drop).not.toBeNull();
            const edit = boardDrop(step, draft, drop as BoardDrop);
            if (!edit) {
              expect(unchangedOrImpossible(board, drop as BoardDrop, step)).toBe(true);
              return;
            }
            const next = applyDraftEdit(parts, draft, edit) as Answer | null;
            expect(next).not.toBeNull();
            const after = puzzleBoard(step, next as Answer, new Map());
            expect(shows(after, drop as BoardDrop)).toBe(true);
          }),
        );
      });
    });
  }
});

const emptyPicture = {
  heading: "",
  subtitle: "",
  timerText: "",
  timerFraction: null,
  status: "",
  seats: [],
  cards: [],
  held: [],
  tokens: [],
};

/** The table shows the card where `drop` put it. */
function shows(board: PuzzleBoard | null, drop: BoardDrop): boolean {
  if (!board) return false;
  if ("zone" in drop) return board.pieces.find((p) => p.id === drop.piece)?.zone === drop.zone;
  if ("index" in drop) return board.pieces[drop.index]?.id === drop.piece;
  return board.links.some((link) => link.from === drop.piece && link.to === drop.onto);
}

/** A drop without an edit: the card is already there, or the link cannot be drawn (same link
 *  already drawn either way, or every link used). */
function unchangedOrImpossible(board: PuzzleBoard, drop: BoardDrop, step: PublicStep): boolean {
  if ("onto" in drop) {
    if (step.type !== "link") return false;
    const symmetric = symmetricKinds(step.puzzle);
    const key = sameLinkKey({ from: drop.piece, kind: drop.kind, to: drop.onto }, symmetric);
    const drawn = board.links.some(
      (link) => sameLinkKey(parseLinkKey(link.key) ?? { ...link, kind: "" }, symmetric) === key,
    );
    return drawn || board.links.length >= step.puzzle.maxLinks || drop.kind === "";
  }
  return shows(board, drop);
}
