/**
 * The rules engine's public API (see notes/rules-api.md): pure functions, no I/O, no clock,
 * no Math.random. Import from here, not from the modules.
 */
export * from "./answer.ts";
export { applyDraftEdit, emptyAnswer, solutionAnswer } from "./drafts.ts";
export * from "./model.ts";
export {
  type PublicPuzzle,
  type PublicScenario,
  type PublicStep,
  privateMaterialsFor,
  type RevealedStep,
  revealedStep,
  toPublicScenario,
  toPublicStep,
} from "./public.ts";
export { deriveSeed, mulberry32, shuffle } from "./rng.ts";
export { checkField, type FieldCheck, scoreAnswer } from "./scoring/index.ts";
export * from "./table-ops.ts";
