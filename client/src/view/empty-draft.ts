/**
 * The draft shown before the server has sent one (public data only: no solution needed).
 * Not shared/rules/drafts.ts `emptyAnswer`: that one takes the full step, solution included, to
 * shuffle an order puzzle away from its solution; the client only ever has the public step.
 */
import type { Answer } from "../../../shared/rules/answer.ts";
import type { PublicStep } from "../../../shared/rules/public.ts";

export function emptyDraft(step: PublicStep): Answer {
  switch (step.type) {
    case "choice":
      return { type: "choice", selected: [] };
    case "categorize":
      return { type: "categorize", placements: {} };
    case "order":
      return { type: "order", order: step.puzzle.items.map((item) => item.id) };
    case "form":
      return { type: "form", values: {} };
    case "table":
      return {
        type: "table",
        rows: step.puzzle.rows.map((row) => ({ id: row.id, cells: { ...row.cells } })),
        removedRows: [],
        removedColumns: [],
      };
  }
}
