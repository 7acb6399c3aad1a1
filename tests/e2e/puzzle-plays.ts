/**
 * Every puzzle type's e2e play (`client/src/puzzles/<type>/e2e.ts`), found by file name: a new type's
 * folder brings its own, no list to edit. `playStep` plays a step's solution with the mouse or with
 * the keyboard only; `checkRevealed` checks what the projected reveal draws of it.
 */
import type { Locator, Page } from "playwright-core";
import type { E2ePlay } from "../../client/src/puzzles/e2e-kit.ts";
import type { Step } from "../../shared/scenario/schema.ts";

// biome-ignore lint/suspicious/noExplicitAny: one erasure point; a step goes to the play of its own type.
type AnyPlay = E2ePlay<any>;

const modules = import.meta.glob<AnyPlay>("../../client/src/puzzles/*/e2e.ts", {
  eager: true,
  import: "play",
});

/** Type name → its play. */
export const PLAYS: ReadonlyMap<string, AnyPlay> = new Map(
  Object.values(modules).map((play) => [play.type, play]),
);

export type InputMode = "mouse" | "keyboard";

/** Plays `step`'s solution on the board of `page`, with the mouse or with the keyboard only. */
export async function playStep(page: Page, step: Step, mode: InputMode): Promise<void> {
  const play = PLAYS.get(step.type);
  if (!play)
    throw new Error(`no e2e play for puzzle type ${step.type} (client/src/puzzles/${step.type}/e2e.ts)`);
  await play[mode](page, step);
}

/** Checks what the projected reveal draws of `step`'s right answer inside `scope`, if its type draws it. */
export async function checkRevealed(scope: Locator, step: Step): Promise<void> {
  await PLAYS.get(step.type)?.revealed?.(scope, step);
}
