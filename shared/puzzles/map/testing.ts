import fc from "fast-check";
import type { PuzzleTesting } from "../testing.ts";
import { map } from "./index.ts";
import type { MapEdit, MapPlace } from "./schema.ts";

/** Square communes side by side: feature `f-i` spans [LON0 + i·SIDE, LON0 + (i+1)·SIDE] × [LAT0, LAT0 + SIDE]. */
const LON0 = -1.6;
const LAT0 = 47.45;
const SIDE = 0.05;
const square = (i: number) => {
  const west = LON0 + i * SIDE;
  const east = west + SIDE;
  return [
    [
      [west, LAT0],
      [east, LAT0],
      [east, LAT0 + SIDE],
      [west, LAT0 + SIDE],
      [west, LAT0],
    ],
  ];
};

const latitude = fc.double({ min: LAT0, max: LAT0 + SIDE, noNaN: true });
const longitude = (features: number) => fc.double({ min: LON0, max: LON0 + features * SIDE, noNaN: true });

export const mapTesting: PuzzleTesting<"map"> = {
  type: "map",
  parts: ({ ids, label, secret }) =>
    fc
      .tuple(ids("f", 1, 5), ids("i", 1, 5))
      .chain(([features, items]) =>
        fc.tuple(
          fc.constant(features),
          fc.constant(items),
          fc.array(label, { minLength: features.length, maxLength: features.length }),
          fc.array(label, { minLength: items.length, maxLength: items.length }),
          fc.array(
            fc.record({
              point: fc.boolean(),
              feature: fc.nat(features.length - 1),
              lat: latitude,
              lon: longitude(features.length),
            }),
            { minLength: items.length, maxLength: items.length },
          ),
          secret,
          secret,
        ),
      )
      .map(([features, items, names, labels, targets, feedback, otherwise]) => ({
        puzzle: {
          title: "Territoire fictif",
          map: {
            type: "FeatureCollection",
            features: features.map((id, i) => ({
              type: "Feature",
              id,
              properties: { nom: names[i] ?? id },
              geometry: { type: "Polygon", coordinates: square(i) },
            })),
          },
          items: items.map((id, i) => ({
            id,
            label: labels[i] ?? id,
            answer: targets[i]?.point ? "point" : "feature",
          })),
          toleranceMeters: 200,
        },
        solution: {
          answers: items.map((item, i) => {
            const target = targets[i] ?? { point: false, feature: 0, lat: LAT0, lon: LON0 };
            if (target.point)
              return {
                item,
                lat: target.lat,
                lon: target.lon,
                feedback,
                // Latitude and longitude inverted: thousands of kilometres away.
                mistakes: [{ lat: target.lon, lon: target.lat, feedback }],
              };
            const wrong = features[(target.feature + 1) % features.length];
            return {
              item,
              feature: features[target.feature] ?? "f-0",
              feedback,
              mistakes: wrong && features.length > 1 ? [{ feature: wrong, feedback }] : [],
            };
          }),
          otherwise,
        },
      })),
  anyDraft: (id) =>
    fc.record({
      type: fc.constant("map" as const),
      places: fc.array(
        fc.oneof(
          fc.record({ item: id, feature: id }),
          fc.record({
            item: id,
            lat: fc.double({ min: -90, max: 90, noNaN: true }),
            lon: fc.double({ min: -180, max: 180, noNaN: true }),
          }),
        ),
        { maxLength: 6 },
      ),
    }),
  draftFor(puzzle) {
    const features = puzzle.map.features.map((f) => f.id);
    return fc
      .tuple(
        ...puzzle.items.map((item) =>
          fc.option(
            item.answer === "feature"
              ? fc.constantFrom(...features).map((feature): MapPlace => ({ item: item.id, feature }))
              : fc
                  .record({ lat: latitude, lon: longitude(features.length) })
                  .map(({ lat, lon }): MapPlace => ({ item: item.id, lat, lon })),
          ),
        ),
      )
      .map((places) => ({ type: "map" as const, places: places.filter((p): p is MapPlace => p !== null) }));
  },
  anyEdit: (id) =>
    fc.oneof(
      fc.record({
        op: fc.constant("map-pick" as const),
        item: fc.oneof(id, fc.constant("i-0")),
        feature: fc.oneof(id, fc.constant("f-0")),
      }),
      fc.record({
        op: fc.constant("map-place" as const),
        item: fc.oneof(id, fc.constant("i-0")),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
      fc.record({ op: fc.constant("map-clear" as const), item: fc.oneof(id, fc.constant("i-0")) }),
    ),
  editsTo(draft, target) {
    const same = (a: MapPlace, b: MapPlace) => JSON.stringify(a) === JSON.stringify(b);
    return [
      ...draft.places
        .filter((place) => !target.places.some((t) => t.item === place.item))
        .map((place): MapEdit => ({ op: "map-clear", item: place.item })),
      ...target.places
        .filter((place) => !draft.places.some((d) => same(d, place)))
        .map(
          (place): MapEdit =>
            place.feature !== undefined
              ? { op: "map-pick", item: place.item, feature: place.feature }
              : { op: "map-place", item: place.item, lat: place.lat ?? 0, lon: place.lon ?? 0 },
        ),
    ];
  },
  wrongDraft(puzzle, solution) {
    // Every feature item on another feature, every point with latitude and longitude inverted.
    const features = puzzle.map.features.map((f) => f.id);
    return {
      type: "map",
      places: solution.answers.flatMap((answer): MapPlace[] => {
        if (answer.feature !== undefined) {
          const other = features[(features.indexOf(answer.feature) + 1) % features.length];
          return other && other !== answer.feature ? [{ item: answer.item, feature: other }] : [];
        }
        return [
          { item: answer.item, lat: Math.max(-90, Math.min(90, answer.lon ?? 0)), lon: answer.lat ?? 0 },
        ];
      }),
    };
  },
  oneMistake(puzzle, solution) {
    // The right places, but the first item on another feature, or its latitude and longitude inverted.
    const right = map.solutionDraft(puzzle, solution);
    const features = puzzle.map.features.map((f) => f.id);
    const [first, ...rest] = right.places;
    if (!first) return right;
    const wrong: MapPlace =
      first.feature !== undefined
        ? { item: first.item, feature: features.find((id) => id !== first.feature) ?? first.feature }
        : { item: first.item, lat: Math.max(-90, Math.min(90, first.lon ?? 0)), lon: first.lat ?? 0 };
    return { ...right, places: [wrong, ...rest] };
  },
};
