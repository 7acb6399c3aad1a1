/** Meaning checks of a order step: what its schema cannot say. */
import { listForMessage } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import type { OrderPuzzle, OrderSolution } from "./schema.ts";

export function checkOrder(
  step: { puzzle: OrderPuzzle; solution: OrderSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const items = uniqueIds(step.puzzle.items, (i) => [...at, "puzzle", "items", i], "item", report);
  if (!step.solution) return;
  const seen = new Set<string>();
  step.solution.order.forEach((item, i) => {
    const path = [...at, "solution", "order", i];
    if (!checkReference(item, items, "item", path, report)) return;
    if (seen.has(item))
      report(
        "error",
        "solution-impossible",
        path,
        `l'élément ${quote(item)} est cité deux fois dans l'ordre`,
      );
    seen.add(item);
  });
  const missing = items.filter((item) => !seen.has(item));
  if (missing.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "order"],
      `l'ordre doit citer chaque élément une fois ; il manque : ${listForMessage(missing)}`,
    );
}
