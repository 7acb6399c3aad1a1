/** link: connect the cards of a system (actors, documents, tools, rules) with typed links. */
import { definePuzzleType } from "../contract.ts";
import { checkLink } from "./check.ts";
import { linkKey, sameLinkKey, symmetricKinds } from "./links.ts";
import {
  LinkDraft,
  type LinkEdit,
  LinkEdit as LinkEditSchema,
  LinkPuzzle,
  LinkSolution,
  type LinkTriple,
} from "./schema.ts";
import { missingLinks, scoreLink } from "./score.ts";

const triple = ({ from, kind, to }: LinkTriple): LinkTriple => ({ from, kind, to });

function applyLinkEdit(puzzle: LinkPuzzle, draft: LinkDraft, edit: LinkEdit): LinkDraft | null {
  const symmetric = symmetricKinds(puzzle);
  const key = sameLinkKey(edit, symmetric);
  const index = draft.links.findIndex((link) => sameLinkKey(link, symmetric) === key);
  if (edit.op === "link-remove") {
    if (index < 0) return null;
    return { type: "link", links: draft.links.filter((_, i) => i !== index) };
  }
  const card = (id: string) => puzzle.cards.some((c) => c.id === id);
  if (!card(edit.from) || !card(edit.to) || edit.from === edit.to) return null;
  if (!puzzle.kinds.some((kind) => kind.id === edit.kind)) return null;
  if (index >= 0 || draft.links.length >= puzzle.maxLinks) return null;
  return { type: "link", links: [...draft.links, triple(edit)] };
}

export const link = definePuzzleType({
  type: "link",
  description:
    "Type d'énigme : link = relier des cartes (acteurs, documents, outils, règles) par des liens typés.",
  puzzle: LinkPuzzle,
  solution: LinkSolution,
  draft: LinkDraft,
  edit: LinkEditSchema,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: () => ({ type: "link", links: [] }),
  solutionDraft: (_puzzle, solution) => ({ type: "link", links: solution.links.map(triple) }),
  applyEdit: applyLinkEdit,
  score: scoreLink,
  leftOut: missingLinks,
  revealFeedback(_puzzle, solution) {
    const feedback: Record<string, string> = {};
    for (const link of [...solution.links, ...solution.wrongLinks])
      if (link.feedback) feedback[linkKey(link)] = link.feedback;
    return feedback;
  },
  check: checkLink,
  solutionEdits: (_puzzle, solution) => ({
    edits: solution.links.map((link) => ({ op: "link-add" as const, ...triple(link) })),
  }),
  randomEdits(puzzle, _solution, random) {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const edits: LinkEdit[] = [];
    const count = Math.floor(random() * Math.min(puzzle.maxLinks, puzzle.cards.length + 2));
    for (let i = 0; i < count; i++) {
      const from = pick(puzzle.cards)?.id;
      const to = pick(puzzle.cards)?.id;
      const kind = pick(puzzle.kinds)?.id;
      if (from && to && kind && from !== to) edits.push({ op: "link-add", from, kind, to });
    }
    return edits;
  },
  starter: {
    id: "relier",
    title: "Étape « link » : relier les maillons d'un système",
    prompt: "Exemple : reliez chaque acteur à ce qu'il produit, publie ou réutilise.",
    puzzle: {
      cards: [
        { id: "commune", kind: "acteur", label: "La commune" },
        { id: "budget", kind: "donnee", label: "Budget primitif", detail: "Fichier CSV" },
        { id: "licence-ouverte", kind: "regle", label: "Licence Ouverte" },
        { id: "journaliste", kind: "acteur", label: "Un journaliste" },
      ],
      kinds: [
        { id: "produit", label: "produit" },
        { id: "publie-sous", label: "publie sous" },
        { id: "reutilise", label: "réutilise" },
      ],
      maxLinks: 6,
    },
    solution: {
      links: [
        { from: "commune", kind: "produit", to: "budget" },
        { from: "commune", kind: "publie-sous", to: "licence-ouverte" },
        { from: "journaliste", kind: "reutilise", to: "budget" },
      ],
      wrongLinks: [
        {
          from: "journaliste",
          kind: "produit",
          to: "budget",
          feedback: "Le journaliste réutilise le budget ; c'est la commune qui le produit.",
        },
      ],
      otherwise: "Ce lien ne fait pas partie du système attendu.",
    },
    explanation: {
      text: "Chaque lien attendu rapporte une part du score ; chaque lien faux en retire la moitié d'une.",
      sources: [
        { label: "Guide juridique de data.gouv.fr", url: "https://guides.data.gouv.fr/guide-juridique" },
      ],
    },
    timeLimitSeconds: 300,
    competence: "ouverture-gouvernance",
  },
});
