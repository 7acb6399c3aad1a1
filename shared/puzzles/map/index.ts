/** map: place items on a small bundled map, by picking a feature (a commune) or giving coordinates. */
import { definePuzzleType } from "../contract.ts";
import { checkMap } from "./check.ts";
import { bboxOf } from "./geo.ts";
import {
  type MapDraft,
  MapDraft as MapDraftSchema,
  type MapEdit,
  MapEdit as MapEditSchema,
  type MapPlace,
  MapPuzzle,
  MapSolution,
} from "./schema.ts";
import { scoreMap, unplacedItems } from "./score.ts";
import { starterMap } from "./starter.ts";

function applyMapEdit(puzzle: MapPuzzle, draft: MapDraft, edit: MapEdit): MapDraft | null {
  const item = puzzle.items.find((i) => i.id === edit.item);
  if (!item) return null;
  const others = draft.places.filter((place) => place.item !== edit.item);
  if (edit.op === "map-clear") {
    if (others.length === draft.places.length) return null;
    return { type: "map", places: others };
  }
  let place: MapPlace;
  if (edit.op === "map-pick") {
    if (item.answer !== "feature" || !puzzle.map.features.some((f) => f.id === edit.feature)) return null;
    place = { item: edit.item, feature: edit.feature };
  } else {
    if (item.answer !== "point") return null;
    place = { item: edit.item, lat: edit.lat, lon: edit.lon };
  }
  // Items keep the puzzle's order, so that two teams' drafts read the same way.
  const order = new Map(puzzle.items.map((i, index) => [i.id, index]));
  const places = [...others, place].sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
  return { type: "map", places };
}

const placeOf = (answer: MapSolution["answers"][number]): MapPlace =>
  answer.feature !== undefined
    ? { item: answer.item, feature: answer.feature }
    : { item: answer.item, lat: answer.lat ?? 0, lon: answer.lon ?? 0 };

const editOf = (place: MapPlace): MapEdit =>
  place.feature !== undefined
    ? { op: "map-pick", item: place.item, feature: place.feature }
    : { op: "map-place", item: place.item, lat: place.lat ?? 0, lon: place.lon ?? 0 };

export const map = definePuzzleType({
  type: "map",
  description:
    "Type d'énigme : map = placer des éléments sur une carte (choisir la commune, ou donner latitude et longitude).",
  puzzle: MapPuzzle,
  solution: MapSolution,
  draft: MapDraftSchema,
  edit: MapEditSchema,
  publicPuzzle: (puzzle) => structuredClone(puzzle),
  blankDraft: () => ({ type: "map", places: [] }),
  solutionDraft: (puzzle, solution) => ({
    type: "map",
    places: puzzle.items.flatMap((item) => {
      const answer = solution.answers.find((a) => a.item === item.id);
      return answer ? [placeOf(answer)] : [];
    }),
  }),
  applyEdit: applyMapEdit,
  score: scoreMap,
  leftOut: unplacedItems,
  revealFeedback(_puzzle, solution) {
    const feedback: Record<string, string> = {};
    for (const answer of solution.answers) if (answer.feedback) feedback[answer.item] = answer.feedback;
    return feedback;
  },
  check: checkMap,
  solutionEdits: (puzzle, solution) => ({
    edits: solution.answers
      .filter((a) => puzzle.items.some((i) => i.id === a.item))
      .map((a) => editOf(placeOf(a))),
  }),
  randomEdits(puzzle, _solution, random) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const box = bboxOf(puzzle.map);
    const between = (a: number, b: number) => a + random() * (b - a);
    return puzzle.items.flatMap((item): MapEdit[] => {
      if (random() < 0.2) return [];
      if (item.answer === "feature") {
        const feature = pick(puzzle.map.features)?.id;
        return feature ? [{ op: "map-pick", item: item.id, feature }] : [];
      }
      return [
        {
          op: "map-place",
          item: item.id,
          lat: between(box.minLat, box.maxLat),
          lon: between(box.minLon, box.maxLon),
        },
      ];
    });
  },
  starter: starterMap,
});
