/**
 * The contract every puzzle type fulfils (see README.md in this folder). A type is one folder
 * `shared/puzzles/<type>/` exporting a `PuzzleType`, plus one line in `registry.ts`; its renderer is
 * one folder `client/src/puzzles/<type>/` plus one line in the client registry.
 *
 * Type parameters: P puzzle (what the scenario file says players get), S solution (kept on the
 * server), D draft (a team's working answer, tagged with `type`), E edit (one player gesture, tagged
 * with an `op` no other type uses), PP public puzzle (P without any secret), PI/SI the file's input
 * shapes of P/S (before zod defaults).
 */
import type { z } from "zod";
import type { ScoreResult } from "../rules/model.ts";
import type { JsonPath } from "../scenario/json-source.ts";
import type { Report } from "../scenario/structure.ts";

/** Edits that lead from the initial draft to the solution; `problem` (French) when they cannot. */
export interface PlannedEdits<E> {
  edits: E[];
  problem?: string;
}

/** The starter step `npm run scenarios:new` writes for this type (valid as is, French texts). */
export interface StarterStep<PI, SI> {
  id: string;
  title: string;
  prompt: string;
  /** Documents of the step, as in a scenario file (a private one shows `visibleTo`). */
  materials?: unknown[];
  puzzle: PI;
  solution: SI;
  explanation: { text: string; sources: { label: string; url?: string }[] };
  hints?: { text: string; cost: number }[];
  timeLimitSeconds: number;
  /** The referential competence this step prefers, when the referential has it. */
  competence: string;
}

/** A puzzle type. Every function is pure; none may throw on a puzzle that passed its schema. */
export interface PuzzleType<
  Type extends string,
  P,
  S,
  D extends { type: Type },
  E extends { op: string },
  PP,
  PI = P,
  SI = S,
> {
  /** The `type` of a step in a scenario file: lower-case, unique in the registry. */
  readonly type: Type;
  /** French `.describe()` of the `type` literal, e.g. « Type d'énigme : choice = … ». */
  readonly description: string;

  // --- Schemas (zod, French `.describe()`): the JSON Schema, the validator and the protocol use them.
  readonly puzzle: z.ZodType<P, PI>;
  readonly solution: z.ZodType<S, SI>;
  /** The draft, `{ type: Type, … }`; bounded (lengths, counts) since clients send and the room keeps it. */
  readonly draft: z.ZodType<D>;
  /**
   * This type's edits: a `z.strictObject({ op: z.literal(…), … })`, or a `z.discriminatedUnion("op", …)`
   * of them, with bounded values. The `op` values are unique across the registry.
   */
  readonly edit: z.ZodType<E>;

  // --- Rules.
  /** What every client may see before the reveal: no solution value, no feedback text. */
  publicPuzzle(puzzle: NoInfer<P>, solution: NoInfer<S>, seed: number): PP;
  /** A blank draft built from public data only (clients draw it before the first edit). */
  blankDraft(puzzle: NoInfer<PP>): NoInfer<D>;
  /** The draft a team starts from; default `blankDraft(publicPuzzle(…))`. Never already solved. */
  initialDraft?(puzzle: NoInfer<P>, solution: NoInfer<S>, seed: number): NoInfer<D>;
  /** A draft that scores 1 on a valid step: the right answer shown at the reveal. */
  solutionDraft(puzzle: NoInfer<P>, solution: NoInfer<S>): NoInfer<D>;
  /** Applies one of this type's edits; null when it does not fit the puzzle (unknown id, out of range). */
  applyEdit(puzzle: NoInfer<P>, draft: NoInfer<D>, edit: NoInfer<E>): NoInfer<D> | null;
  /** Score in [0, 1] with per-item feedback; never tells which unpicked item was right. */
  score(puzzle: NoInfer<P>, solution: NoInfer<S>, draft: NoInfer<D>): ScoreResult;
  /**
   * Items of the expected answer the draft leaves out (a right option unpicked, an item unsorted):
   * said at the debrief only, after the reveal. Default: none beyond the scorer's wrong items.
   */
  leftOut?(puzzle: NoInfer<P>, solution: NoInfer<S>, draft: NoInfer<D>): string[];
  /** Item id → feedback text written in the scenario, shown after the reveal. */
  revealFeedback?(puzzle: NoInfer<P>, solution: NoInfer<S>): Record<string, string>;

  // --- Authoring.
  /** Meaning checks (what the schema cannot say): ids unique, references resolve, solution reachable. */
  check(parts: { puzzle: NoInfer<P>; solution: NoInfer<S> | undefined }, at: JsonPath, report: Report): void;
  /** The playtest's « solution » strategy: edits from the initial draft to the solution. */
  solutionEdits(puzzle: NoInfer<P>, solution: NoInfer<S>): PlannedEdits<NoInfer<E>>;
  /** The playtest's « hasard » strategy: edits a guessing team would make. */
  randomEdits(puzzle: NoInfer<P>, solution: NoInfer<S>, random: () => number): NoInfer<E>[];
  /** The starter step of `npm run scenarios:new` and the editor's snippet. */
  readonly starter: StarterStep<NoInfer<PI>, NoInfer<SI>>;
}

/**
 * Any puzzle type, as the registry handles it. Methods are bivariant in their parameters, so every
 * concrete `PuzzleType` is one; the registry only calls them with a step and a draft of that type.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry's one erasure point (see registry.ts).
export type AnyPuzzleType = PuzzleType<string, any, any, any, any, any, any, any>;

/** Declares a puzzle type with its parameters inferred (a typed identity). */
export function definePuzzleType<
  Type extends string,
  P,
  S,
  D extends { type: Type },
  E extends { op: string },
  PP,
  PI,
  SI,
>(definition: PuzzleType<Type, P, S, D, E, PP, PI, SI>): PuzzleType<Type, P, S, D, E, PP, PI, SI> {
  return definition;
}
