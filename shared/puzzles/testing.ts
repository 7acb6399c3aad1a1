/**
 * The test side of the contract: each type's fast-check arbitraries (test code only, never bundled
 * in the client), listed here once. The contract tests (contract.test.ts) run over this list.
 */
import type fc from "fast-check";
import { categorizeTesting } from "./categorize/testing.ts";
import { chartTesting } from "./chart/testing.ts";
import { choiceTesting } from "./choice/testing.ts";
import { formTesting } from "./form/testing.ts";
import { letterTesting } from "./letter/testing.ts";
import { linkTesting } from "./link/testing.ts";
import { mapTesting } from "./map/testing.ts";
import { orderTesting } from "./order/testing.ts";
import type { DraftOf, EditOf, PuzzleOf, PuzzleTypeName, SolutionOf } from "./registry.ts";
import { tableTesting } from "./table/testing.ts";

/** Every solution-only text carries this marker, so that a leak is easy to find. */
export const SECRET = "SOLUTION-";

/** Small generators the types build their steps from. */
export interface ArbitraryTools {
  word: fc.Arbitrary<string>;
  label: fc.Arbitrary<string>;
  /** A text carrying SECRET: use it for every solution value and feedback text. */
  secret: fc.Arbitrary<string>;
  /** `prefix-0` … `prefix-(n-1)`, n in [min, max]. */
  ids: (prefix: string, min: number, max: number) => fc.Arbitrary<string[]>;
}

export interface PuzzleTesting<T extends PuzzleTypeName> {
  type: T;
  /** A valid `{ puzzle, solution }` as written in a scenario file (parsed by the caller). */
  parts: (tools: ArbitraryTools) => fc.Arbitrary<{ puzzle: unknown; solution: unknown }>;
  /** Any well-formed draft of this type, with ids drawn from `id` (known or not). */
  anyDraft: (id: fc.Arbitrary<string>) => fc.Arbitrary<DraftOf<T>>;
  /** A draft of this type built from the puzzle's ids (more likely to score between 0 and 1). */
  draftFor: (puzzle: PuzzleOf<T>) => fc.Arbitrary<DraftOf<T>>;
  /** Any well-formed edit of this type, with ids drawn from `id`. */
  anyEdit: (id: fc.Arbitrary<string>) => fc.Arbitrary<EditOf<T>>;
  /** A bot's moves (server and e2e tests): the edits that turn `draft` into `target`. */
  editsTo: (draft: DraftOf<T>, target: DraftOf<T>) => EditOf<T>[];
  /** A plausible wrong draft, as a bot that gets it wrong would submit. */
  wrongDraft: (puzzle: PuzzleOf<T>, solution: SolutionOf<T>, draft: DraftOf<T>) => DraftOf<T>;
  /**
   * The solution with one typical mistake (a wrong option, two items swapped, a field left wrong, a
   * defect left unfixed…): the playthrough of the real scenarios submits it, and it must score below 1
   * with at least one item said wrong.
   */
  oneMistake: (puzzle: PuzzleOf<T>, solution: SolutionOf<T>) => DraftOf<T>;
}

export const TESTING = [
  choiceTesting,
  categorizeTesting,
  orderTesting,
  formTesting,
  tableTesting,
  linkTesting,
  chartTesting,
  letterTesting,
  mapTesting,
] as const;
