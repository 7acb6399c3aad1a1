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
   * What an edit did, for the team's activity feed (the player's name is `name`). `puzzle` is null
   * when the edit does not belong to the step's type: name things by their ids then.
   */
  describeEdit(puzzle: PublicPuzzleOf<T> | null, edit: EditOf<T>, name: string): Sentence;
  /** The label of whatever an item feedback id points at. */
  feedbackTarget(puzzle: PublicPuzzleOf<T>, id: string): string;
  /** The puzzle on a printable card of the facilitator's kit (never a solution). */
  kitCard(puzzle: PublicPuzzleOf<T>): TemplateResult;
}

/** The label of an entry of a list by id (the id itself when unknown). */
export function labelOf(list: readonly { id: string; label: string }[] | undefined, id: string): string {
  return list?.find((entry) => entry.id === id)?.label ?? id;
}
