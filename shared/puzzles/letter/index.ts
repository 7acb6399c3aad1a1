/** letter: compose a written reply from proposed blocks, put the parts in order, fill placeholders. */
import { deriveSeed, shuffle } from "../../rules/rng.ts";
import { definePuzzleType } from "../contract.ts";
import { checkLetter } from "./check.ts";
import {
  LetterDraft,
  LetterEdit,
  LetterPuzzle,
  LetterSolution,
  type LetterPuzzle as Puzzle,
} from "./schema.ts";
import { letterItem, scoreLetter } from "./score.ts";

/** Part ids shuffled with `seed`, never in solution order (rotated when they happen to match). */
function shuffledParts(puzzle: Puzzle, solutionOrder: readonly string[], seed: number): string[] {
  let order = shuffle(
    puzzle.parts.map((part) => part.id),
    seed,
  );
  if (order.every((id, index) => solutionOrder[index] === id) && order.length > 1)
    order = [...order.slice(1), ...order.slice(0, 1)];
  return order;
}

export const letter = definePuzzleType({
  type: "letter",
  description: "Type d'énigme : letter = composer une réponse écrite à partir de paragraphes proposés.",
  puzzle: LetterPuzzle,
  solution: LetterSolution,
  draft: LetterDraft,
  edit: LetterEdit,
  // Parts and blocks are published shuffled (the designer may list the right ones first), without feedback.
  publicPuzzle(puzzle, solution, seed) {
    const byId = new Map(puzzle.parts.map((part) => [part.id, part]));
    const order = shuffledParts(
      puzzle,
      solution.parts.map((entry) => entry.part),
      seed,
    );
    return {
      parts: order.flatMap((id) => {
        const part = byId.get(id);
        if (!part) return [];
        const blocks = shuffle(
          part.blocks.map((block) => ({ id: block.id, text: block.text })),
          deriveSeed(seed, part.id),
        );
        return [{ id: part.id, label: part.label, blocks }];
      }),
      placeholders: structuredClone(puzzle.placeholders),
    };
  },
  blankDraft: (puzzle) => ({
    type: "letter",
    order: puzzle.parts.map((part) => part.id),
    choices: {},
    values: {},
  }),
  solutionDraft: (_puzzle, solution) => ({
    type: "letter",
    order: solution.parts.map((entry) => entry.part),
    choices: Object.fromEntries(solution.parts.map((entry) => [entry.part, entry.block])),
    values: Object.fromEntries(
      Object.entries(solution.placeholders).map(([id, field]) => [id, field.example]),
    ),
  }),
  applyEdit(puzzle, draft, edit) {
    switch (edit.op) {
      case "letter-choose": {
        const part = puzzle.parts.find((candidate) => candidate.id === edit.partId);
        if (!part) return null;
        const choices = { ...draft.choices };
        if (edit.blockId === null) delete choices[part.id];
        else if (part.blocks.some((block) => block.id === edit.blockId)) choices[part.id] = edit.blockId;
        else return null;
        return { ...draft, choices };
      }
      case "letter-move": {
        if (!draft.order.includes(edit.partId) || edit.toIndex >= draft.order.length) return null;
        const order = draft.order.filter((id) => id !== edit.partId);
        order.splice(edit.toIndex, 0, edit.partId);
        return { ...draft, order };
      }
      case "letter-fill":
        if (!puzzle.placeholders.some((field) => field.id === edit.placeholderId)) return null;
        return { ...draft, values: { ...draft.values, [edit.placeholderId]: edit.value } };
    }
  },
  score: scoreLetter,
  leftOut: (puzzle, _solution, draft) => [
    ...puzzle.parts
      .filter((part) => !Object.hasOwn(draft.choices, part.id))
      .map((part) => letterItem.block(part.id)),
    ...puzzle.placeholders
      .filter((field) => (draft.values[field.id] ?? "") === "")
      .map((field) => letterItem.blank(field.id)),
  ],
  revealFeedback(puzzle, solution) {
    const feedback: Record<string, string> = {};
    for (const part of puzzle.parts)
      for (const block of part.blocks) if (block.feedback) feedback[block.id] = block.feedback;
    for (const [id, field] of Object.entries(solution.placeholders))
      if (field.feedback) feedback[letterItem.blank(id)] = field.feedback;
    return feedback;
  },
  check: checkLetter,
  solutionEdits: (_puzzle, solution) => ({
    edits: [
      ...solution.parts.map((entry) => ({
        op: "letter-choose" as const,
        partId: entry.part,
        blockId: entry.block,
      })),
      ...solution.parts.map((entry, toIndex) => ({
        op: "letter-move" as const,
        partId: entry.part,
        toIndex,
      })),
      ...Object.entries(solution.placeholders).map(([placeholderId, field]) => ({
        op: "letter-fill" as const,
        placeholderId,
        value: field.example,
      })),
    ],
  }),
  randomEdits(puzzle, solution, random) {
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const examples = ["", "test", ...Object.values(solution.placeholders).map((field) => field.example)];
    const order = shuffle(
      puzzle.parts.map((part) => part.id),
      Math.floor(random() * 2 ** 32),
    );
    return [
      ...puzzle.parts.map((part) => ({
        op: "letter-choose" as const,
        partId: part.id,
        blockId: pick(part.blocks)?.id ?? null,
      })),
      ...order.map((partId, toIndex) => ({ op: "letter-move" as const, partId, toIndex })),
      ...puzzle.placeholders.map((field) => ({
        op: "letter-fill" as const,
        placeholderId: field.id,
        value:
          (field.input === "select"
            ? pick(field.options?.map((option) => option.value) ?? [])
            : pick(examples)) ?? "",
      })),
    ];
  },
  starter: {
    id: "repondre",
    title: "Étape « letter » : composer une réponse",
    prompt:
      "Exemple : un usager demande le rapport d'un bureau d'études. Composez la réponse de la mairie : choisissez le bon paragraphe de chaque partie, remettez les parties dans l'ordre et complétez les champs.",
    puzzle: {
      parts: [
        {
          id: "objet",
          label: "Objet",
          blocks: [
            { id: "objet-demande", text: "Objet : votre demande de communication du {{date-demande}}." },
            {
              id: "objet-plainte",
              text: "Objet : votre plainte contre la mairie.",
              feedback: "L'usager n'a pas porté plainte : il demande un document.",
            },
          ],
        },
        {
          id: "decision",
          label: "Décision",
          blocks: [
            { id: "decision-communique", text: "Vous trouverez ci-joint le rapport demandé." },
            {
              id: "decision-refus",
              text: "Nous ne pouvons pas vous communiquer ce rapport, qui est un document interne.",
              feedback: "Un rapport achevé est un document administratif communicable.",
            },
          ],
        },
        {
          id: "formule",
          label: "Formule de politesse",
          blocks: [
            {
              id: "formule-courtoise",
              text: "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            },
            { id: "formule-familiere", text: "Bonne journée !" },
          ],
        },
      ],
      placeholders: [
        { id: "date-demande", label: "Date de la demande", input: "date", help: "Au format AAAA-MM-JJ." },
      ],
    },
    solution: {
      parts: [
        { part: "objet", block: "objet-demande" },
        { part: "decision", block: "decision-communique" },
        { part: "formule", block: "formule-courtoise" },
      ],
      placeholders: {
        "date-demande": {
          check: { rule: "pattern", pattern: "^2026-03-02$", description: "la date de la demande" },
          example: "2026-03-02",
        },
      },
    },
    explanation: {
      text: "La solution donne le bon paragraphe de chaque partie, dans l'ordre de la lettre, et une règle pour chaque champ à compléter.",
      sources: [
        {
          label: "Article L311-1 du CRPA (page « Le document est-il administratif ? » de la CADA)",
          url: "https://www.cada.fr/particulier/le-document-est-il-administratif",
        },
      ],
    },
    timeLimitSeconds: 300,
    competence: "acces-documents",
  },
});
