import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";

export const choiceTesting: PuzzleTesting<"choice"> = {
  type: "choice",
  parts: ({ ids, label, secret }) =>
    fc.tuple(ids("o", 2, 6), fc.boolean()).chain(([optionIds, multiple]) =>
      fc
        .tuple(
          fc.array(label, { minLength: optionIds.length, maxLength: optionIds.length }),
          fc.array(fc.option(secret, { nil: undefined }), {
            minLength: optionIds.length,
            maxLength: optionIds.length,
          }),
          fc.subarray(optionIds, { minLength: 1 }),
        )
        .map(([labels, feedbacks, correct]) => ({
          puzzle: {
            multiple,
            options: optionIds.map((id, i) => ({
              id,
              label: labels[i],
              ...(feedbacks[i] ? { feedback: feedbacks[i] } : {}),
            })),
          },
          solution: { correct },
        })),
    ),
  anyDraft: (id) =>
    fc.record({ type: fc.constant("choice" as const), selected: fc.array(id, { maxLength: 8 }) }),
  draftFor: (puzzle) =>
    fc.subarray(puzzle.options.map((o) => o.id)).map((selected) => ({ type: "choice" as const, selected })),
  anyEdit: (id) => id.map((optionId) => ({ op: "toggle-option" as const, optionId })),
  editsTo: (draft, target) =>
    [
      ...draft.selected.filter((id) => !target.selected.includes(id)),
      ...target.selected.filter((id) => !draft.selected.includes(id)),
    ].map((optionId) => ({ op: "toggle-option" as const, optionId })),
  wrongDraft(puzzle, solution) {
    const wrong = puzzle.options.find((o) => !solution.correct.includes(o.id));
    return { type: "choice", selected: wrong ? [wrong.id] : [] };
  },
  oneMistake(puzzle, solution) {
    // A wrong option ticked; with several right ones, the first right one forgotten as well.
    const wrong = puzzle.options.find((option) => !solution.correct.includes(option.id));
    if (!wrong) return { type: "choice", selected: [] };
    return {
      type: "choice",
      selected: puzzle.multiple ? [...solution.correct.slice(1), wrong.id] : [wrong.id],
    };
  },
};
