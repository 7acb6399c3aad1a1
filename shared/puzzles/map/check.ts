/** Meaning checks of a map step: what its schema cannot say. */
import type { JsonPath } from "../../scenario/json-source.ts";
import { checkReference, type Noun, quote, uniqueIds } from "../../scenario/meaning-kit.ts";
import type { Report } from "../../scenario/structure.ts";
import { bboxOf, haversineMeters, insideBBox, positionCount } from "./geo.ts";
import { MAX_MAP_POSITIONS, type MapAnswer, type MapPuzzle, type MapSolution } from "./schema.ts";
import { hits } from "./score.ts";

const FEATURE: Noun = { one: "l'objet de la carte", known: "objets de la carte" };
const ITEM: Noun = { one: "l'élément", known: "éléments à placer" };

export function checkMap(
  step: { puzzle: MapPuzzle; solution: MapSolution | undefined },
  at: JsonPath,
  report: Report,
): void {
  const { puzzle, solution } = step;
  const mapAt: JsonPath = [...at, "puzzle", "map"];
  const features = uniqueIds(puzzle.map.features, (i) => [...mapAt, "features", i], FEATURE, report);
  const items = uniqueIds(puzzle.items, (i) => [...at, "puzzle", "items", i], ITEM, report);
  const count = positionCount(puzzle.map);
  if (count > MAX_MAP_POSITIONS)
    report(
      "error",
      "valeur-hors-limites",
      mapAt,
      `la carte compte ${count} positions, ${MAX_MAP_POSITIONS} au plus : simplifiez les contours (par exemple avec mapshaper)`,
    );
  puzzle.map.features.forEach((feature, i) => {
    const rings =
      feature.geometry.type === "Polygon"
        ? feature.geometry.coordinates
        : feature.geometry.type === "MultiPolygon"
          ? feature.geometry.coordinates.flat()
          : [];
    if (rings.some((ring) => String(ring[0]) !== String(ring[ring.length - 1])))
      report(
        "error",
        "valeur-invalide",
        [...mapAt, "features", i, "geometry"],
        `le contour de ${quote(feature.properties.nom)} n'est pas fermé : répétez la première position à la fin de chaque anneau`,
      );
  });
  const box = bboxOf(puzzle.map);
  const diagonal = haversineMeters(
    { lat: box.minLat, lon: box.minLon },
    { lat: box.maxLat, lon: box.maxLon },
  );
  if (puzzle.toleranceMeters >= diagonal / 2)
    report(
      "warning",
      "solution-triviale",
      [...at, "puzzle", "toleranceMeters"],
      `une tolérance de ${puzzle.toleranceMeters} m couvre la moitié de la carte (${Math.round(diagonal)} m en diagonale) : presque tout point compterait juste ; réduisez-la`,
    );
  if (!solution) return;

  const nameOf = (id: string) => puzzle.map.features.find((f) => f.id === id)?.properties.nom ?? id;
  const answered = new Set<string>();
  solution.answers.forEach((answer, i) => {
    const path: JsonPath = [...at, "solution", "answers", i];
    if (!checkReference(answer.item, items, ITEM, [...path, "item"], report)) return;
    if (answered.has(answer.item))
      report(
        "error",
        "identifiant-en-double",
        [...path, "item"],
        `l'élément ${quote(answer.item)} a déjà une réponse plus haut : gardez-en une seule`,
      );
    answered.add(answer.item);
    const mode = puzzle.items.find((item) => item.id === answer.item)?.answer ?? "feature";
    const target = (t: Pick<MapAnswer, "feature" | "lat" | "lon">, where: JsonPath, what: string) => {
      if (mode === "feature") {
        if (t.feature === undefined || t.lat !== undefined || t.lon !== undefined) {
          report(
            "error",
            "solution-impossible",
            where,
            `${what} de ${quote(answer.item)} (élément « feature ») donne un objet de la carte : écrivez « feature » seulement, sans « lat » ni « lon »`,
          );
          return false;
        }
        return checkReference(t.feature, features, FEATURE, [...where, "feature"], report);
      }
      if (t.feature !== undefined || t.lat === undefined || t.lon === undefined) {
        report(
          "error",
          "solution-impossible",
          where,
          `${what} de ${quote(answer.item)} (élément « point ») donne un point : écrivez « lat » et « lon », sans « feature »`,
        );
        return false;
      }
      return true;
    };
    if (!target(answer, path, "la réponse")) return;
    if (
      answer.lat !== undefined &&
      answer.lon !== undefined &&
      !insideBBox(box, { lat: answer.lat, lon: answer.lon })
    )
      report(
        "error",
        "solution-impossible",
        path,
        `le point attendu pour ${quote(answer.item)} (${answer.lat}, ${answer.lon}) est hors de la carte : vérifiez l'ordre latitude, longitude et les décimales`,
      );
    answer.mistakes.forEach((mistake, j) => {
      const where: JsonPath = [...path, "mistakes", j];
      if (!target(mistake, where, "l'erreur prévue")) return;
      if (hits(mistake, answer, puzzle.toleranceMeters))
        report(
          "error",
          "solution-impossible",
          where,
          mistake.feature !== undefined
            ? `l'erreur prévue ${quote(nameOf(mistake.feature))} est la bonne réponse de ${quote(answer.item)} : retirez-la`
            : `l'erreur prévue pour ${quote(answer.item)} est à moins de ${puzzle.toleranceMeters} m de la bonne réponse : elle compterait juste ; éloignez-la ou réduisez la tolérance`,
        );
    });
  });
  puzzle.items.forEach((item, i) => {
    if (!answered.has(item.id))
      report(
        "error",
        "solution-impossible",
        [...at, "puzzle", "items", i],
        `l'élément ${quote(item.id)} n'a pas de réponse dans « solution.answers » : ajoutez-la`,
      );
  });
}
