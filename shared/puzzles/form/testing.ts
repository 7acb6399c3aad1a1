import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { SECRET } from "../testing.ts";
import { form } from "./index.ts";

export const formTesting: PuzzleTesting<"form"> = {
  type: "form",
  parts: ({ ids, secret }) => {
    const fieldSolution = fc.oneof(
      secret.map((s) => ({ check: { rule: "equals", accepted: [s] }, example: s })),
      fc
        .integer({ min: 1, max: 5 })
        .map((min) => ({ check: { rule: "length", min, max: 30 }, example: `${SECRET}${"x".repeat(min)}` })),
      fc.nat(99999).map((n) => ({
        check: { rule: "pattern", pattern: `^${SECRET}\\d+$`, description: "un code" },
        example: `${SECRET}${n}`,
      })),
      fc
        .integer({ min: 0, max: 100 })
        .map((n) => ({ check: { rule: "number", min: n, max: n + 10 }, example: String(n + 5) })),
      secret.map((s) => ({ check: { rule: "tags", minCount: 1, required: [s] }, example: `${s}, autre` })),
      secret.map((s) => ({
        check: { rule: "notEquals", refused: [s], description: `pas ${SECRET}` },
        example: `${SECRET} autre`,
      })),
      fc.nat(99999).map((n) => ({
        check: { rule: "notMatching", pattern: `^${SECRET}x$`, description: `pas ${SECRET}x` },
        example: `${SECRET}${n}`,
      })),
    );
    return ids("f", 1, 4).chain((fieldIds) =>
      fc
        .array(fc.tuple(fieldSolution, fc.option(secret, { nil: undefined })), {
          minLength: fieldIds.length,
          maxLength: fieldIds.length,
        })
        .map((solutions) => ({
          puzzle: { fields: fieldIds.map((id) => ({ id, label: id, input: "text" })) },
          solution: {
            fields: Object.fromEntries(
              fieldIds.map((id, i) => {
                const [field, feedback] = solutions[i] ?? [];
                return [id, { ...field, ...(feedback ? { feedback } : {}) }];
              }),
            ),
          },
        })),
    );
  },
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("form" as const),
      values: fc.dictionary(id, fc.string({ maxLength: 20 }), { maxKeys: 5 }),
    }),
  draftFor: (puzzle) =>
    fc
      .array(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-zé]{1,8}$/)), {
        minLength: puzzle.fields.length,
        maxLength: puzzle.fields.length,
      })
      .map((values) => ({
        type: "form" as const,
        values: Object.fromEntries(puzzle.fields.map((f, i) => [f.id, values[i] ?? ""])),
      })),
  anyEdit: (id) =>
    fc.record({
      op: fc.constant("set-field" as const),
      fieldId: fc.oneof(id, fc.constantFrom("titre", "licence", "insee", "frequence", "mots-cles")),
      value: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("lo", "35238", "30", "sport, stade")),
    }),
  editsTo: (draft, target) =>
    Object.entries(target.values)
      .filter(([fieldId, value]) => draft.values[fieldId] !== value)
      .map(([fieldId, value]) => ({ op: "set-field" as const, fieldId, value })),
  wrongDraft: (puzzle) => ({
    type: "form",
    values: Object.fromEntries(puzzle.fields.map((f) => [f.id, "x"])),
  }),
  oneMistake(puzzle, solution) {
    // The first checked field given a value that breaks its rule, as a hurried player would type it.
    const right = form.solutionDraft(puzzle, solution);
    const field = puzzle.fields.find((candidate) => candidate.id in solution.fields);
    if (!field) return right;
    const check = solution.fields[field.id]?.check;
    const other =
      field.input === "select" && check?.rule === "equals"
        ? field.options?.find((option) => !check.accepted.includes(option.value))?.value
        : undefined;
    const wrong =
      other ??
      (check?.rule === "number"
        ? String((check.max ?? check.min ?? 0) + 1)
        : check?.rule === "length"
          ? "à voir"
          : "");
    return { type: "form", values: { ...right.values, [field.id]: wrong } };
  },
};
