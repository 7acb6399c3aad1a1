/** chart: build a chart from a small dataset (kind, category and value columns, aggregation, sort). */
import { definePuzzleType } from "../contract.ts";
import { checkChart } from "./check.ts";
import { offered } from "./options.ts";
import { CHOICES, ChartDraft, ChartEdit, ChartPuzzle, ChartSolution } from "./schema.ts";
import { scoreChart, scoredChoices } from "./score.ts";

const BLANK = {
  type: "chart",
  chart: null,
  x: null,
  y: null,
  aggregate: null,
  sort: null,
  flags: [],
} as const;

export const chart = definePuzzleType({
  type: "chart",
  description:
    "Type d'énigme : chart = construire un graphique (type, colonnes, agrégation, tri) à partir d'un jeu de données.",
  puzzle: ChartPuzzle,
  solution: ChartSolution,
  draft: ChartDraft,
  edit: ChartEdit,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: () => ({ ...BLANK, flags: [] }),
  solutionDraft: (_puzzle, solution) => ({
    ...BLANK,
    ...Object.fromEntries(scoredChoices(solution).map(([choice, accepted]) => [choice, accepted[0] ?? null])),
    flags: [...(solution.flaws ?? [])],
  }),
  applyEdit(puzzle, draft, edit) {
    if (edit.op === "chart-flag") {
      if (!puzzle.judge?.flaws.some((flaw) => flaw.id === edit.flawId)) return null;
      const flags = draft.flags.includes(edit.flawId)
        ? draft.flags.filter((id) => id !== edit.flawId)
        : [...draft.flags, edit.flawId];
      return { ...draft, flags };
    }
    if (puzzle.judge) return null;
    if (edit.value !== null && !offered(puzzle, edit.choice).includes(edit.value)) return null;
    return { ...draft, [edit.choice]: edit.value };
  },
  score: scoreChart,
  leftOut: (_puzzle, solution, draft) => [
    ...scoredChoices(solution)
      .filter(([choice]) => draft[choice] === null)
      .map(([choice]) => choice),
    ...(solution.flaws ?? []).filter((flaw) => !draft.flags.includes(flaw)),
  ],
  revealFeedback: (_puzzle, solution) => ({ ...solution.feedback }),
  check: checkChart,
  solutionEdits: (_puzzle, solution) => ({
    edits: [
      ...scoredChoices(solution).map(([choice, accepted]) => ({
        op: "chart-set" as const,
        choice,
        value: accepted[0] ?? null,
      })),
      ...(solution.flaws ?? []).map((flawId) => ({ op: "chart-flag" as const, flawId })),
    ],
  }),
  randomEdits: (puzzle, _solution, random): ChartEdit[] =>
    puzzle.judge
      ? puzzle.judge.flaws.filter(() => random() < 0.5).map((flaw) => ({ op: "chart-flag", flawId: flaw.id }))
      : CHOICES.map((choice) => {
          const options = offered(puzzle, choice);
          return { op: "chart-set", choice, value: options[Math.floor(random() * options.length)] ?? null };
        }),
  starter: {
    id: "graphique",
    title: "Étape « chart » : construire un graphique",
    prompt:
      "Exemple : montrez combien chaque direction a reçu de demandes d'accès aux documents cette année. Choisissez le graphique, les colonnes, l'agrégation et le tri.",
    puzzle: {
      dataset: {
        title: "Demandes d'accès aux documents par trimestre (données fictives)",
        source: "Données fictives, 2025",
        columns: [
          { id: "direction", label: "Direction", kind: "text" },
          { id: "trimestre", label: "Trimestre", kind: "text" },
          { id: "demandes", label: "Demandes", kind: "number", unit: "demandes" },
        ],
        rows: [
          ["Routes", "T1", 12],
          ["Routes", "T2", 9],
          ["Social", "T1", 30],
          ["Social", "T2", 25],
          ["Collèges", "T1", 7],
          ["Collèges", "T2", 11],
        ],
      },
    },
    solution: {
      chart: ["bar"],
      x: ["direction"],
      y: ["demandes"],
      aggregate: ["sum"],
      sort: ["value-desc"],
      feedback: { aggregate: "Le total de l'année est la somme des trimestres." },
    },
    explanation: {
      text: "Des barres triées comparent des totaux par catégorie ; la somme des trimestres donne l'année.",
      sources: [{ label: "Données fictives" }],
    },
    timeLimitSeconds: 240,
    competence: "datavisualisation",
  },
});
