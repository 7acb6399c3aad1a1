import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { PublicStep } from "../../../shared/rules/public.ts";

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
