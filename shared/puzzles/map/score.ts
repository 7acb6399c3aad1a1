import type { ItemFeedback, ScoreResult } from "../../rules/model.ts";
import { haversineMeters } from "./geo.ts";
import type { MapAnswer, MapDraft, MapPlace, MapPuzzle, MapSolution } from "./schema.ts";

type Target = Pick<MapAnswer, "feature" | "lat" | "lon">;

/** Whether a place hits a target: the same feature, or a point within the tolerance. */
export function hits(place: Target, target: Target, toleranceMeters: number): boolean {
  if (target.feature !== undefined) return place.feature === target.feature;
  if (target.lat === undefined || target.lon === undefined) return false;
  if (place.lat === undefined || place.lon === undefined) return false;
  return (
    haversineMeters({ lat: place.lat, lon: place.lon }, { lat: target.lat, lon: target.lon }) <=
    toleranceMeters
  );
}

/**
 * One share per item: right when the feature picked is the expected one, or when the point placed is
 * within `toleranceMeters` of the expected point. Feedback on the items the team answered only: a wrong
 * answer gets the designer's text for that anticipated mistake, else the solution's `otherwise`.
 */
export function scoreMap(puzzle: MapPuzzle, solution: MapSolution, draft: MapDraft): ScoreResult {
  const answers = new Map(solution.answers.map((answer) => [answer.item, answer]));
  const items: ItemFeedback[] = [];
  let right = 0;
  for (const item of puzzle.items) {
    const place = draft.places.find((p) => p.item === item.id);
    const answer = answers.get(item.id);
    if (!place || !answer) continue;
    const correct = hits(place, answer, puzzle.toleranceMeters);
    if (correct) right++;
    const message = correct ? undefined : mistakeFeedback(puzzle, answer, place, solution.otherwise);
    items.push({ id: item.id, correct, ...(message ? { message } : {}) });
  }
  return { score: puzzle.items.length === 0 ? 0 : right / puzzle.items.length, items };
}

function mistakeFeedback(
  puzzle: MapPuzzle,
  answer: MapAnswer,
  place: MapPlace,
  otherwise: string | undefined,
): string | undefined {
  return (
    answer.mistakes.find((mistake) => hits(place, mistake, puzzle.toleranceMeters))?.feedback ?? otherwise
  );
}

/** Items the draft leaves without an answer (debrief only). */
export function unplacedItems(puzzle: MapPuzzle, _solution: MapSolution, draft: MapDraft): string[] {
  return puzzle.items.filter((item) => !draft.places.some((p) => p.item === item.id)).map((item) => item.id);
}
