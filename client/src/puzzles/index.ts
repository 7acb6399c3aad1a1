/** Picks the renderer for a step's puzzle type. */
import { html } from "lit-html";
import type { Answer } from "../../../shared/rules/answer.ts";
import { categorizePuzzle } from "./categorize.ts";
import { choicePuzzle } from "./choice.ts";
import { formPuzzle } from "./form.ts";
import { orderPuzzle } from "./order.ts";
import { tablePuzzle } from "./table.ts";
import type { PuzzleContext } from "./types.ts";

export function puzzleView(context: PuzzleContext<PuzzleContext["step"], Answer>) {
  const { step, draft } = context;
  if (step.type === "choice" && draft.type === "choice") return choicePuzzle({ ...context, step, draft });
  if (step.type === "categorize" && draft.type === "categorize")
    return categorizePuzzle({ ...context, step, draft });
  if (step.type === "order" && draft.type === "order") return orderPuzzle({ ...context, step, draft });
  if (step.type === "form" && draft.type === "form") return formPuzzle({ ...context, step, draft });
  if (step.type === "table" && draft.type === "table") return tablePuzzle({ ...context, step, draft });
  return html``;
}
