import type { TemplateResult } from "lit-html";
import type { DraftOf, EditOf, PublicPuzzleOf, PuzzleTypeName } from "../../../shared/puzzles/registry.ts";
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { PublicStep } from "../../../shared/rules/public.ts";
import type { MessageKey, Params } from "../i18n/index.ts";

/** What every puzzle renderer gets: it draws the draft and turns user gestures into draft edits. */
export interface PuzzleContext<S extends PublicStep = PublicStep, A extends Answer = Answer> {
  step: S;
  draft: A;
  editable: boolean;
  send: (edit: DraftEdit) => void;
  /** Feedback of the last attempt: item id → correct. */
  marks: Map<string, boolean>;
}

export type StepOf<T extends PublicStep["type"]> = Extract<PublicStep, { type: T }>;
export type AnswerOf<T extends Answer["type"]> = Extract<Answer, { type: T }>;

/** One line of an answer shown as text (facilitator's live drafts, projected reveal, debrief). */
export interface Line {
  label: string;
  value: string;
}

/** A translatable sentence: a catalogue key and its parameters. */
export interface Sentence {
  key: MessageKey;
  params: Params;
}

/** A piece of a puzzle as a card on the Phaser table. */
export interface BoardPiece {
  id: string;
  label: string;
  /** A short tag drawn above the label (a link card's kind), or "". */
  tag: string;
  /** The pile (zone id) it lies on; null on the tray (not placed). Always null in a line or a web. */
  zone: string | null;
  /** Feedback of the last attempt on this piece: right, wrong, or none. */
  mark: boolean | null;
}

/** A drawn link between two cards (link puzzles). */
export interface BoardLink {
  key: string;
  from: string;
  to: string;
  label: string;
  /** The kind holds both ways (no arrow head). */
  both: boolean;
  mark: boolean | null;
}

/**
 * How a puzzle lies on the table: piles to drop cards on (categorize), one line to put in order
 * (order), or a web of cards to link by dropping one onto another (link). Pure data, drawn by the
 * scene and read back by gestures (`drop`).
 */
export interface PuzzleBoard {
  layout: "piles" | "line" | "web";
  /** The piles (categorize); empty otherwise. */
  zones: { id: string; label: string }[];
  /** The name of the tray the cards not placed yet lie on (piles), or "". */
  tray: string;
  /** In display order: the line's order, the puzzle's order otherwise. */
  pieces: BoardPiece[];
  links: BoardLink[];
  /** The kinds of link offered (link puzzles), the current one first. */
  kinds: { id: string; label: string }[];
}

/** A gesture on the table: a card dropped on a pile (null: back to the tray), at a place in the
 *  line, or onto another card (with the kind of link chosen). */
export type BoardDrop =
  | { piece: string; zone: string | null }
  | { piece: string; index: number }
  | { piece: string; onto: string; kind: string };

/** The table side of a puzzle type: its picture, and the edit a gesture makes. The edit is the
 *  one the DOM renderer sends for the same intent (both call the same helper). */
export interface PuzzleTable<T extends PuzzleTypeName> {
  picture(puzzle: PublicPuzzleOf<T>, draft: DraftOf<T>, marks: Map<string, boolean>): PuzzleBoard;
  drop(puzzle: PublicPuzzleOf<T>, draft: DraftOf<T>, drop: BoardDrop): EditOf<T> | null;
}

/**
 * The client side of a puzzle type (see shared/puzzles/README.md): `client/src/puzzles/<type>/`
 * exports one, listed once in `registry.ts`. Everything is rendered from public data only.
 */
export interface PuzzleView<T extends PuzzleTypeName> {
  type: T;
  /** The interactive puzzle: keyboard-operable, labelled for screen readers, sends edits. */
  render(context: PuzzleContext<StepOf<T>, AnswerOf<T>>): TemplateResult;
  /** The draft as short label/value lines, in the puzzle's own order. */
  answerLines(puzzle: PublicPuzzleOf<T>, draft: DraftOf<T>): Line[];
  /**
   * Optional: the draft drawn (the map's places on the map), shown above its lines at the projected
   * reveal. The lines stay the text alternative: hide the figure from screen readers.
   */
  answerFigure?(puzzle: PublicPuzzleOf<T>, draft: DraftOf<T>): TemplateResult;
  /**
   * What an edit did, for the team's activity feed (the player's name is `name`). `puzzle` is null
   * when the edit does not belong to the step's type: name things by their ids then.
   */
  describeEdit(puzzle: PublicPuzzleOf<T> | null, edit: EditOf<T>, name: string): Sentence;
  /** The label of whatever an item feedback id points at. */
  feedbackTarget(puzzle: PublicPuzzleOf<T>, id: string): string;
  /** The puzzle on a printable card of the facilitator's kit (never a solution). */
  kitCard(puzzle: PublicPuzzleOf<T>): TemplateResult;
  /** Its pieces as cards on the Phaser table (types without one show their documents only). */
  table?: PuzzleTable<T>;
}

/** The label of an entry of a list by id (the id itself when unknown). */
export function labelOf(list: readonly { id: string; label: string }[] | undefined, id: string): string {
  return list?.find((entry) => entry.id === id)?.label ?? id;
}
