/** Meaning checks of a chart step: what its schema cannot say. */
import type { JsonPath } from "../../scenario/json-source.ts";
import { quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { categoryCount, needsValues } from "./aggregate.ts";
import { offered } from "./options.ts";
import type { ChartPuzzle, ChartSolution } from "./schema.ts";
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
  if (!solution) return;
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
  if (!solution.y && solution.aggregate.some(needsValues))
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "y"],
      "une agrégation autre que count a besoin d'une colonne de valeurs : ajoutez « y » à la solution, ou n'acceptez que count",
    );
  if (solution.chart.includes("pie"))
    for (const x of solution.x) {
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
