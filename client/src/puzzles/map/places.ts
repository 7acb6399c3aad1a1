/** Map answers as words, from public data only: « Champlac (99102) », « 47,48 ; -1,45 ». */
import { formatDegrees } from "../../../../shared/puzzles/map/geo.ts";
import type { MapPlace } from "../../../../shared/puzzles/map/schema.ts";
import type { PublicPuzzleOf } from "../../../../shared/puzzles/registry.ts";

export type MapPuzzleView = PublicPuzzleOf<"map">;

export const itemLabel = (puzzle: MapPuzzleView | null, id: string) =>
  puzzle?.items.find((item) => item.id === id)?.label ?? id;

/** A feature's French name with its code when it has one. */
export function featureName(puzzle: MapPuzzleView | null, id: string): string {
  const feature = puzzle?.map.features.find((f) => f.id === id);
  if (!feature) return id;
  return feature.properties.code
    ? `${feature.properties.nom} (${feature.properties.code})`
    : feature.properties.nom;
}

/** Latitude then longitude, as French players read them. */
export const pointText = (lat: number, lon: number) => `${formatDegrees(lat)} ; ${formatDegrees(lon)}`;

export function placeText(puzzle: MapPuzzleView | null, place: Omit<MapPlace, "item">): string {
  if (place.feature !== undefined) return featureName(puzzle, place.feature);
  return pointText(place.lat ?? 0, place.lon ?? 0);
}
