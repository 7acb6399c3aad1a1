/**
 * The one list of puzzle renderers (client side of shared/puzzles/registry.ts): picks the view of a
 * step's type for the puzzle, answer lines, edit sentences, feedback targets and kit cards.
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { editFits, PUZZLES, type PuzzleTypeName } from "../../../shared/puzzles/registry.ts";
import type { Answer, DraftEdit } from "../../../shared/rules/answer.ts";
import type { PublicPuzzle, PublicStep } from "../../../shared/rules/public.ts";
import { categorizeView } from "./categorize/index.ts";
import { chartView } from "./chart/index.ts";
import { choiceView } from "./choice/index.ts";
import { formView } from "./form/index.ts";
import { letterView } from "./letter/index.ts";
import { linkView } from "./link/index.ts";
import { mapView } from "./map/index.ts";
import { orderView } from "./order/index.ts";
import { tableView } from "./table/index.ts";
import type { BoardDrop, Line, PuzzleBoard, PuzzleContext, PuzzleView, Sentence } from "./types.ts";

export type { BoardDrop, Line, PuzzleBoard, Sentence };

/** Every renderer; a test checks it lists exactly the shared registry's types. */
export const VIEWS = [
  choiceView,
  categorizeView,
  orderView,
  formView,
  tableView,
  linkView,
  chartView,
  letterView,
  mapView,
] as const;

// biome-ignore lint/suspicious/noExplicitAny: the client registry's one erasure point (see shared/puzzles/registry.ts).
type AnyView = PuzzleView<any>;
const BY_TYPE: ReadonlyMap<string, AnyView> = new Map(VIEWS.map((view) => [view.type, view as AnyView]));

function viewOf(type: PuzzleTypeName): AnyView {
  const view = BY_TYPE.get(type);
  if (!view) throw new Error(`no renderer for puzzle type ${type}`);
  return view;
}

/** The interactive puzzle of a step, or nothing when the draft is of another type. */
export function puzzleView(context: PuzzleContext): TemplateResult {
  if (context.draft.type !== context.step.type) return html``;
  return viewOf(context.step.type).render(context);
}

/** A step's pieces as cards on the table, or null for types that show their documents only. */
export function puzzleBoard(
  step: PublicStep,
  draft: Answer,
  marks: Map<string, boolean>,
): PuzzleBoard | null {
  if (draft.type !== step.type) return null;
  return viewOf(step.type).table?.picture(step.puzzle, draft, marks) ?? null;
}

/** The draft edit a gesture on the table makes (the DOM renderer's own edit), or null. */
export function boardDrop(step: PublicStep, draft: Answer, drop: BoardDrop): DraftEdit | null {
  if (draft.type !== step.type) return null;
  return viewOf(step.type).table?.drop(step.puzzle, draft, drop) ?? null;
}

/** An answer as label/value lines, in the puzzle's own order (empty when missing or mismatched). */
export function answerLines(step: PublicPuzzle, answer: Answer | null): Line[] {
  if (!answer || answer.type !== step.type) return [];
  return viewOf(step.type).answerLines(step.puzzle, answer);
}

/** An answer drawn, when its type draws one (the map's places), else nothing. */
export function answerFigure(step: PublicPuzzle, answer: Answer | null): TemplateResult | typeof nothing {
  if (!answer || answer.type !== step.type) return nothing;
  return viewOf(step.type).answerFigure?.(step.puzzle, answer) ?? nothing;
}

/** What an edit did, as a catalogue key and its parameters (the player's name is added by the caller). */
export function describeEdit(step: PublicStep, edit: DraftEdit, name: string): Sentence {
  const owner = PUZZLES.find((type) => editFits(type.type, edit))?.type ?? step.type;
  return viewOf(owner).describeEdit(owner === step.type ? step.puzzle : null, edit, name);
}

/** The label of whatever an item feedback id points at ("rowId:columnId" for table cells). */
export function feedbackTarget(step: PublicPuzzle, id: string): string {
  return viewOf(step.type).feedbackTarget(step.puzzle, id);
}

/** A step's puzzle on a printable card (never a solution). */
export function kitCard(step: PublicPuzzle): TemplateResult {
  return viewOf(step.type).kitCard(step.puzzle);
}
