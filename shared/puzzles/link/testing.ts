import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { linkKey } from "./links.ts";
import type { LinkEdit, LinkTriple } from "./schema.ts";

const CARD_KINDS = ["acteur", "document", "donnee", "outil", "regle"] as const;

/** Distinct directed links between different cards (no symmetric kind: one key per link). */
const links = (cards: string[], kinds: string[], min: number, max: number) =>
  fc.uniqueArray(
    fc
      .record({
        from: fc.nat(cards.length - 1),
        shift: fc.integer({ min: 1, max: cards.length - 1 }),
        kind: fc.constantFrom(...kinds),
      })
      .map(({ from, shift, kind }) => ({
        from: cards[from] ?? "",
        kind,
        to: cards[(from + shift) % cards.length] ?? "",
      })),
    { minLength: Math.min(min, max), maxLength: max, selector: linkKey },
  );

/** Whether some link of that kind is drawn both ways (the kind could not be symmetric then). */
const twoWays = (drawn: LinkTriple[], kind: string) =>
  drawn.some(
    (a) => a.kind === kind && drawn.some((b) => b.kind === kind && b.from === a.to && b.to === a.from),
  );

const triple = ({ from, kind, to }: LinkTriple): LinkTriple => ({ from, kind, to });

export const linkTesting: PuzzleTesting<"link"> = {
  type: "link",
  parts: ({ ids, label, secret }) =>
    fc
      .tuple(ids("c", 2, 6), ids("k", 1, 3), fc.boolean())
      .chain(([cards, kinds, symmetricFirst]) =>
        fc.tuple(
          fc.constant(cards),
          fc.constant(kinds),
          fc.constant(symmetricFirst),
          links(cards, kinds, 1, 8),
          fc.array(label, { minLength: cards.length, maxLength: cards.length }),
          fc.array(fc.constantFrom(...CARD_KINDS), { minLength: cards.length, maxLength: cards.length }),
          secret,
          secret,
        ),
      )
      .chain(([cards, kinds, symmetricFirst, drawn, labels, cardKinds, feedback, otherwise]) => {
        // Feedback texts carry SECRET; the first links are expected, the others anticipated as wrong.
        const expected = drawn.slice(0, Math.max(1, Math.ceil(drawn.length / 2)));
        const wrong = drawn.slice(expected.length);
        return fc.constant({
          puzzle: {
            cards: cards.map((id, i) => ({ id, kind: cardKinds[i] ?? "acteur", label: labels[i] ?? id })),
            // A symmetric kind only when it cannot make two drawn links the same one.
            kinds: kinds.map((id, i) => ({
              id,
              label: id,
              symmetric: symmetricFirst && i === 0 && !twoWays(drawn, id),
            })),
            maxLinks: Math.max(1, expected.length + 2),
          },
          solution: {
            links: expected.map((link) => ({ ...link, feedback })),
            wrongLinks: wrong.map((link) => ({ ...link, feedback })),
            otherwise,
          },
        });
      }),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("link" as const),
      links: fc.array(fc.record({ from: id, kind: id, to: id }), { maxLength: 10 }),
    }),
  draftFor(puzzle) {
    const cards = puzzle.cards.map((card) => card.id);
    const kinds = puzzle.kinds.map((kind) => kind.id);
    return links(cards, kinds, 0, puzzle.maxLinks).map((drawn) => ({ type: "link" as const, links: drawn }));
  },
  anyEdit: (id) =>
    fc.record({
      op: fc.constantFrom("link-add" as const, "link-remove" as const),
      from: fc.oneof(id, fc.constantFrom("c-0", "c-1")),
      kind: fc.oneof(id, fc.constant("k-0")),
      to: fc.oneof(id, fc.constantFrom("c-0", "c-1")),
    }),
  editsTo: (draft, target) => {
    const has = (list: LinkTriple[], link: LinkTriple) =>
      list.some((other) => linkKey(other) === linkKey(link));
    return [
      ...draft.links
        .filter((link) => !has(target.links, link))
        .map((link): LinkEdit => ({ op: "link-remove", ...triple(link) })),
      ...target.links
        .filter((link) => !has(draft.links, link))
        .map((link): LinkEdit => ({ op: "link-add", ...triple(link) })),
    ];
  },
  wrongDraft(puzzle, solution) {
    // Every expected link drawn backwards (from ↔ to): wrong unless a kind is symmetric.
    return {
      type: "link",
      links: solution.links
        .map((link) => ({ from: link.to, kind: link.kind, to: link.from }))
        .slice(0, puzzle.maxLinks),
    };
  },
  oneMistake(_puzzle, solution) {
    // The last expected link forgotten and the first one drawn backwards.
    const [first] = solution.links;
    if (!first) return { type: "link", links: [] };
    return {
      type: "link",
      links: [
        ...solution.links.slice(1, -1).map(({ from, kind, to }) => ({ from, kind, to })),
        { from: first.to, kind: first.kind, to: first.from },
      ],
    };
  },
};
