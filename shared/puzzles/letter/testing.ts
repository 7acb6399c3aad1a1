import fc from "fast-check";
import type { EditOf } from "../registry.ts";
import type { PuzzleTesting } from "../testing.ts";
import { letter } from "./index.ts";

export const letterTesting: PuzzleTesting<"letter"> = {
  type: "letter",
  parts: ({ ids, label, secret }) =>
    fc
      .tuple(ids("p", 2, 4), fc.integer({ min: 2, max: 3 }), ids("h", 0, 2))
      .chain(([partIds, blockCount, holeIds]) =>
        fc
          .tuple(
            fc.array(fc.nat(blockCount - 1), { minLength: partIds.length, maxLength: partIds.length }),
            fc.shuffledSubarray(partIds, { minLength: partIds.length, maxLength: partIds.length }),
            fc.array(fc.tuple(secret, fc.option(secret, { nil: undefined })), {
              minLength: holeIds.length,
              maxLength: holeIds.length,
            }),
            fc.array(fc.option(secret, { nil: undefined }), { minLength: blockCount, maxLength: blockCount }),
            label,
          )
          .map(([right, order, holes, feedbacks, text]) => ({
            puzzle: {
              parts: partIds.map((part) => ({
                id: part,
                label: part,
                blocks: Array.from({ length: blockCount }, (_, b) => ({
                  id: `${part}-b${b}`,
                  text: `${text} ${b}${holeIds[b] ? ` {{${holeIds[b]}}}` : ""}`,
                  ...(feedbacks[b] ? { feedback: feedbacks[b] } : {}),
                })),
              })),
              placeholders: holeIds.map((id) => ({ id, label: id, input: "text" })),
            },
            solution: {
              parts: order.map((part) => ({ part, block: `${part}-b${right[partIds.indexOf(part)] ?? 0}` })),
              placeholders: Object.fromEntries(
                holeIds.map((id, i) => {
                  const [value, feedback] = holes[i] ?? ["", undefined];
                  return [
                    id,
                    {
                      check: { rule: "equals", accepted: [value] },
                      example: value,
                      ...(feedback ? { feedback } : {}),
                    },
                  ];
                }),
              ),
            },
          })),
      ),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("letter" as const),
      order: fc.array(id, { maxLength: 6 }),
      choices: fc.dictionary(id, id, { maxKeys: 6 }),
      values: fc.dictionary(id, fc.string({ maxLength: 20 }), { maxKeys: 4 }),
    }),
  draftFor: (puzzle) =>
    fc
      .tuple(
        fc.shuffledSubarray(puzzle.parts.map((part) => part.id)),
        fc.array(fc.option(fc.nat(4), { nil: undefined }), {
          minLength: puzzle.parts.length,
          maxLength: puzzle.parts.length,
        }),
        fc.array(fc.string({ maxLength: 12 }), {
          minLength: puzzle.placeholders.length,
          maxLength: puzzle.placeholders.length,
        }),
      )
      .map(([order, picks, values]) => ({
        type: "letter" as const,
        order,
        choices: Object.fromEntries(
          puzzle.parts.flatMap((part, i) => {
            const pick = picks[i];
            const block = pick === undefined ? undefined : part.blocks[pick % part.blocks.length];
            return block ? [[part.id, block.id]] : [];
          }),
        ),
        values: Object.fromEntries(puzzle.placeholders.map((field, i) => [field.id, values[i] ?? ""])),
      })),
  anyEdit: (id) =>
    fc.oneof(
      fc.record({
        op: fc.constant("letter-choose" as const),
        partId: id,
        blockId: fc.option(id, { nil: null }),
      }),
      fc.record({ op: fc.constant("letter-move" as const), partId: id, toIndex: fc.nat(5) }),
      fc.record({
        op: fc.constant("letter-fill" as const),
        placeholderId: id,
        value: fc.string({ maxLength: 12 }),
      }),
    ),
  editsTo(draft, target) {
    const edits: EditOf<"letter">[] = [];
    for (const [partId, blockId] of Object.entries(target.choices))
      if (draft.choices[partId] !== blockId) edits.push({ op: "letter-choose", partId, blockId });
    for (const partId of Object.keys(draft.choices))
      if (!(partId in target.choices)) edits.push({ op: "letter-choose", partId, blockId: null });
    target.order.forEach((partId, toIndex) => {
      edits.push({ op: "letter-move", partId, toIndex });
    });
    for (const [placeholderId, value] of Object.entries(target.values))
      if (draft.values[placeholderId] !== value) edits.push({ op: "letter-fill", placeholderId, value });
    return edits;
  },
  /** The first block that is not the right one in every part, the parts reversed, "x" everywhere. */
  wrongDraft: (puzzle, solution) => ({
    type: "letter",
    order: [...solution.parts.map((entry) => entry.part)].reverse(),
    choices: Object.fromEntries(
      puzzle.parts.flatMap((part) => {
        const right = solution.parts.find((entry) => entry.part === part.id)?.block;
        const wrong = part.blocks.find((block) => block.id !== right);
        return wrong ? [[part.id, wrong.id]] : [];
      }),
    ),
    values: Object.fromEntries(puzzle.placeholders.map((field) => [field.id, "x"])),
  }),
  oneMistake(puzzle, solution) {
    // The right letter, but the first part with a wrong paragraph.
    const right = letter.solutionDraft(puzzle, solution);
    for (const part of puzzle.parts) {
      const wrong = part.blocks.find((block) => block.id !== right.choices[part.id]);
      if (wrong) return { ...right, choices: { ...right.choices, [part.id]: wrong.id } };
    }
    return right;
  },
};
