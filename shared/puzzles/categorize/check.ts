/** Meaning checks of a categorize step: what its schema cannot say. */
import { listForMessage } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import type { CategorizePuzzle, CategorizeSolution } from "./schema.ts";

export function checkCategorize(
  step: { puzzle: CategorizePuzzle; solution: CategorizeSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const items = uniqueIds(puzzle.items, (i) => [...at, "puzzle", "items", i], "item", report);
  const buckets = uniqueIds(puzzle.buckets, (i) => [...at, "puzzle", "buckets", i], "bucket", report);
  if (!solution) return;
  const placedIn = new Map<string, string>();
  for (const [bucket, bucketItems] of Object.entries(solution.buckets)) {
    const bucketPath = [...at, "solution", "buckets", bucket];
    checkReference(bucket, buckets, "bucket", bucketPath, report, "key");
    bucketItems.forEach((item, i) => {
      const path = [...bucketPath, i];
      if (!checkReference(item, items, "item", path, report)) return;
      const previous = placedIn.get(item);
      if (previous !== undefined) {
        report(
          "error",
          "solution-impossible",
          path,
          previous === bucket
            ? `l'élément ${quote(item)} est cité deux fois dans la catégorie ${quote(bucket)}`
            : `l'élément ${quote(item)} est déjà rangé dans ${quote(previous)} : chaque élément va dans une seule catégorie`,
        );
        return;
      }
      placedIn.set(item, bucket);
    });
  }
  const unplaced = items.filter((item) => !placedIn.has(item));
  if (unplaced.length > 0)
    report(
      "error",
      "solution-impossible",
      [...at, "solution", "buckets"],
      `chaque élément doit être rangé dans une catégorie de la solution ; sans catégorie : ${listForMessage(unplaced)}`,
    );
}
