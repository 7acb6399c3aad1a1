/** Meaning checks of a chart step: what its schema cannot say. */
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { categoryCount, needsValues } from "./aggregate.ts";
import { offered } from "./options.ts";
import { CHOICES, type ChartPuzzle, type ChartSolution } from "./schema.ts";
import { scoredChoices } from "./score.ts";

/** More parts than this makes a pie unreadable. */
export const MAX_PIE_PARTS = 6;

const WHAT = {
  chart: "type de graphique",
  x: "colonne des catégories (une colonne de texte)",
  y: "colonne des valeurs (une colonne de nombres)",
  aggregate: "agrégation",
  sort: "tri",
} as const;

function checkRows(puzzle: ChartPuzzle, at: JsonPath, report: Report): void {
  const { columns, rows } = puzzle.dataset;
  rows.forEach((row, r) => {
    const path = [...at, "puzzle", "dataset", "rows", r];
    if (row.length !== columns.length) {
      report(
        "error",
        "tableau-irregulier",
        path,
        `la ligne ${r + 1} a ${row.length} valeurs pour ${columns.length} colonnes : une valeur par colonne, dans l'ordre`,
      );
      return;
    }
    row.forEach((cell, c) => {
      const column = columns[c];
      if (column && (column.kind === "number") !== (typeof cell === "number"))
        report(
          "error",
          "type-incorrect",
          [...path, c],
          column.kind === "number"
            ? `la colonne ${quote(column.id)} est une colonne de nombres : écrivez ${JSON.stringify(cell)} sans guillemets`
            : `la colonne ${quote(column.id)} est une colonne de texte : écrivez la valeur entre guillemets`,
        );
    });
  });
}

export function checkChart(
  step: { puzzle: ChartPuzzle; solution: ChartSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  uniqueIds(puzzle.dataset.columns, (i) => [...at, "puzzle", "dataset", "columns", i], "column", report);
  checkRows(puzzle, at, report);
  if (offered(puzzle, "x").length === 0)
    report(
      "error",
      "solution-impossible",
      [...at, "puzzle", "dataset", "columns"],
      "il faut au moins une colonne de texte (les catégories)",
    );
  if (puzzle.judge) checkShown(puzzle, at, report);
  if (!solution) return;
  if (puzzle.judge) checkJudge(puzzle, solution, at, report);
  else checkBuild(puzzle, solution, at, report);
  const known = [...CHOICES, ...(puzzle.judge?.flaws.map((flaw) => flaw.id) ?? [])];
  for (const key of Object.keys(solution.feedback ?? {}))
    checkReference(
      key,
      known,
      { one: "le choix ou défaut", known: "choix et défauts" },
      [...at, "solution", "feedback", key],
      report,
      "key",
    );
}

/** The chart shown in a judge step draws from the dataset. */
function checkShown(puzzle: ChartPuzzle, at: JsonPath, report: Report): void {
  const shown = puzzle.judge?.shown;
  if (!shown) return;
  const path = [...at, "puzzle", "judge", "shown"];
  if (!offered(puzzle, "x").includes(shown.x))
    report(
      "error",
      "reference-inconnue",
      [...path, "x"],
      `${quote(shown.x)} n'est pas une colonne de texte du jeu de données`,
    );
  if (needsValues(shown.aggregate) && !(shown.y && offered(puzzle, "y").includes(shown.y)))
    report(
      "error",
      "reference-inconnue",
      [...path, "y"],
      "le graphique montré a besoin d'une colonne de nombres « y » (sauf avec l'agrégation count)",
    );
}

function checkJudge(puzzle: ChartPuzzle, solution: ChartSolution, at: JsonPath, report: Report): void {
  const flaws = uniqueIds(
    puzzle.judge?.flaws ?? [],
    (i) => [...at, "puzzle", "judge", "flaws", i],
    { one: "le défaut", known: "défauts connus" },
    report,
  );
  for (const flaw of flaws)
    if ((CHOICES as readonly string[]).includes(flaw))
      report(
        "error",
        "identifiant-en-double",
        [...at, "puzzle", "judge", "flaws"],
        `${quote(flaw)} est le nom d'un choix : donnez un autre identifiant au défaut`,
      );
  if (scoredChoices(solution).length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution"],
      "dans la variante judge, l'équipe ne construit pas de graphique : retirez chart, x, y, aggregate et sort de la solution",
    );
  if (!solution.flaws) {
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "flaws"],
      "la variante judge a besoin de « flaws » : les identifiants des vrais défauts",
    );
    return;
  }
  solution.flaws.forEach((flaw, i) => {
    checkReference(
      flaw,
      flaws,
      { one: "le défaut", known: "défauts connus" },
      [...at, "solution", "flaws", i],
      report,
    );
  });
  if (flaws.every((flaw) => solution.flaws?.includes(flaw)))
    report(
      "warning",
      "solution-triviale",
      [...at, "solution", "flaws"],
      "tous les défauts proposés sont vrais : tout cocher suffit ; ajoutez des défauts qui n'en sont pas",
    );
}

function checkBuild(puzzle: ChartPuzzle, solution: ChartSolution, at: JsonPath, report: Report): void {
  for (const required of ["chart", "x", "aggregate"] as const)
    if (!solution[required])
      report(
        "error",
        "champ-manquant",
        [...at, "solution", required],
        `la solution doit dire ${WHAT[required]} attendu (« ${required} »)`,
      );
  if (solution.flaws)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "flaws"],
      "« flaws » ne sert que dans la variante judge (ajoutez « judge » au puzzle, ou retirez « flaws »)",
    );
  for (const [choice, accepted] of scoredChoices(solution)) {
    const options = offered(puzzle, choice);
    accepted.forEach((value, i) => {
      if (!options.includes(value))
        report(
          "error",
          "reference-inconnue",
          [...at, "solution", choice, i],
          `${quote(value)} n'est pas proposé comme ${WHAT[choice]} (proposés : ${options.map(quote).join(", ") || "aucun"})`,
        );
    });
  }
  if (!solution.y && solution.aggregate?.some(needsValues))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "y"],
      "une agrégation autre que count a besoin d'une colonne de valeurs : ajoutez « y » à la solution, ou n'acceptez que count",
    );
  if (solution.chart?.includes("pie"))
    for (const x of solution.x ?? []) {
      const parts = categoryCount(puzzle.dataset, x);
      if (parts > MAX_PIE_PARTS)
        report(
          "warning",
          "valeur-hors-limites",
          [...at, "solution", "chart"],
          `un camembert de ${parts} parts (colonne ${quote(x)}) se lit mal : ${MAX_PIE_PARTS} parts au plus, ou n'acceptez pas « pie »`,
        );
    }
}
