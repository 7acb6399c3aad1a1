/** Meaning checks of a choice step: what its schema cannot say. */
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import type { ChoicePuzzle, ChoiceSolution } from "./schema.ts";

export function checkChoice(
  step: { puzzle: ChoicePuzzle; solution: ChoiceSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const options = uniqueIds(puzzle.options, (i) => [...at, "puzzle", "options", i], "option", report);
  if (!solution) return;
  const seen = new Set<string>();
  solution.correct.forEach((id, i) => {
    const path = [...at, "solution", "correct", i];
    if (!checkReference(id, options, "option", path, report)) return;
    if (seen.has(id))
      report(
        "error",
        "identifiant-en-double",
        path,
        `l'option ${quote(id)} est citée deux fois dans la solution`,
      );
    seen.add(id);
  });
  if (!puzzle.multiple && seen.size > 1)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "correct"],
      `choix unique (« multiple » vaut false) mais ${seen.size} options correctes : gardez-en une seule, ou passez « multiple » à true`,
    );
  if (puzzle.multiple && seen.size === options.length)
    report(
      "warning",
      "solution-triviale",
      [...at, "solution", "correct"],
      "toutes les options sont correctes : cocher tout suffit ; ajoutez au moins une option fausse",
    );
}
