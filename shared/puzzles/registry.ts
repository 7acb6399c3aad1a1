/**
 * The one list of puzzle types. Everything that depends on a step's type (the scenario schema, drafts,
 * edits, scoring, public projection, meaning checks, playtest, starter scenario) goes through here.
 * To add a type: write `shared/puzzles/<type>/` following README.md, then add it to `PUZZLES`.
 */
import { z } from "zod";
import type { ScoreResult } from "../rules/model.ts";
import { categorize } from "./categorize/index.ts";
import { chart } from "./chart/index.ts";
import { choice } from "./choice/index.ts";
import type { AnyPuzzleType } from "./contract.ts";
import { form } from "./form/index.ts";
import { letter } from "./letter/index.ts";
import { link } from "./link/index.ts";
import { map } from "./map/index.ts";
import { order } from "./order/index.ts";
import { table } from "./table/index.ts";

/** Every puzzle type, in the order of the guide, the JSON Schema and the starter scenario. */
export const PUZZLES = [choice, categorize, order, form, table, link, chart, letter, map] as const;

type Registered = (typeof PUZZLES)[number];
export type PuzzleTypeName = Registered["type"];
type Def<T extends PuzzleTypeName> = Extract<Registered, { type: T }>;

export type PuzzleOf<T extends PuzzleTypeName> = z.output<Def<T>["puzzle"]>;
export type SolutionOf<T extends PuzzleTypeName> = z.output<Def<T>["solution"]>;
export type DraftOf<T extends PuzzleTypeName> = z.output<Def<T>["draft"]>;
export type EditOf<T extends PuzzleTypeName> = z.output<Def<T>["edit"]>;
export type PublicPuzzleOf<T extends PuzzleTypeName> = ReturnType<Def<T>["publicPuzzle"]>;

/** A step's typed parts, one member per type: `{ type, puzzle, solution }`. */
export type PuzzleParts = {
  [T in PuzzleTypeName]: { type: T; puzzle: PuzzleOf<T>; solution: SolutionOf<T> };
}[PuzzleTypeName];
/** The same, as written in a scenario file (before zod defaults). */
export type PuzzlePartsInput = {
  [T in PuzzleTypeName]: {
    type: T;
    puzzle: z.input<Def<T>["puzzle"]>;
    solution: z.input<Def<T>["solution"]>;
  };
}[PuzzleTypeName];
/** What every client may see of a step's puzzle. */
export type PublicPuzzle = { [T in PuzzleTypeName]: { type: T; puzzle: PublicPuzzleOf<T> } }[PuzzleTypeName];
/** A team's draft answer, of any type. */
export type Draft = { [T in PuzzleTypeName]: DraftOf<T> }[PuzzleTypeName];
/** One edit of a draft, of any type. */
export type DraftEdit = { [T in PuzzleTypeName]: EditOf<T> }[PuzzleTypeName];

type Discriminable = [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];

/** Zod schema of any draft (the protocol and the persisted state use it). */
export const DraftSchema = z.discriminatedUnion(
  "type",
  PUZZLES.map((type) => type.draft) as unknown as Discriminable,
) as unknown as z.ZodType<Draft>;

/** Zod schema of any edit: the union of every type's edits (their `op` values are unique). */
export const DraftEditSchema = z.discriminatedUnion(
  "op",
  PUZZLES.map((type) => type.edit) as unknown as Discriminable,
) as unknown as z.ZodType<DraftEdit>;

const BY_TYPE: ReadonlyMap<string, AnyPuzzleType> = new Map(PUZZLES.map((type) => [type.type, type]));

/** The type of that name; throws on a name the registry does not list (schemas rule that out). */
export function puzzleType(name: string): AnyPuzzleType {
  const found = BY_TYPE.get(name);
  if (!found) throw new Error(`unknown puzzle type ${name}`);
  return found;
}

export function isPuzzleTypeName(name: unknown): name is PuzzleTypeName {
  return typeof name === "string" && BY_TYPE.has(name);
}

// ---------------------------------------------------------------------------------------------
// Dispatch: the only place where a step's type picks the code that runs.

/** The draft a team starts from (order items shuffled with `seed`, never in solution order). */
export function initialDraft(step: PuzzleParts, seed: number): Draft {
  const type = puzzleType(step.type);
  return type.initialDraft
    ? type.initialDraft(step.puzzle, step.solution, seed)
    : type.blankDraft(type.publicPuzzle(step.puzzle, step.solution, seed));
}

/** A blank draft from public data (what clients draw before the first edit). */
export function blankDraft(step: PublicPuzzle): Draft {
  return puzzleType(step.type).blankDraft(step.puzzle);
}

/** A draft that scores 1 on a valid step. */
export function solutionDraft(step: PuzzleParts): Draft {
  return puzzleType(step.type).solutionDraft(step.puzzle, step.solution);
}

/** The public projection of a step's puzzle (no solution value, no feedback). */
export function publicPuzzle(step: PuzzleParts, seed: number): PublicPuzzle {
  return { type: step.type, puzzle: puzzleType(step.type).publicPuzzle(step.puzzle, step.solution, seed) };
}

/** Whether an edit is one of this type's edits. */
export function editFits(typeName: string, edit: DraftEdit): boolean {
  return puzzleType(typeName).edit.safeParse(edit).success;
}

/** Applies one edit; null when it does not fit the step (other type's edit or draft, unknown id…). */
export function applyDraftEdit(step: PuzzleParts, draft: Draft, edit: DraftEdit): Draft | null {
  if (draft.type !== step.type || !editFits(step.type, edit)) return null;
  return puzzleType(step.type).applyEdit(step.puzzle, draft, edit);
}

/** Score in [0, 1] with per-item feedback. A draft of another type scores 0. */
export function scoreDraft(step: PuzzleParts, draft: Draft): ScoreResult {
  if (draft.type !== step.type) return { score: 0, items: [] };
  return puzzleType(step.type).score(step.puzzle, step.solution, draft);
}

/** Items of the expected answer the draft leaves out (debrief only); none for a draft of another type. */
export function leftOutItems(step: PuzzleParts, draft: Draft): string[] {
  if (draft.type !== step.type) return [];
  return puzzleType(step.type).leftOut?.(step.puzzle, step.solution, draft) ?? [];
}

/** Item id → feedback written in the scenario, shown after the reveal. */
export function revealFeedback(step: PuzzleParts): Record<string, string> {
  return puzzleType(step.type).revealFeedback?.(step.puzzle, step.solution) ?? {};
}
