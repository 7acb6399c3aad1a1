import { describe, expect, it } from "vitest";
import type { JsonPath } from "../../scenario/json-source.ts";
import { fitProjection, haversineMeters, parseDegrees } from "./geo.ts";
import { map } from "./index.ts";
import type { MapDraft } from "./schema.ts";
import { starterMap } from "./starter.ts";

const puzzle = map.puzzle.parse(starterMap.puzzle);
const solution = map.solution.parse(starterMap.solution);
const draft = (...places: MapDraft["places"]): MapDraft => ({ type: "map", places });
const score = (d: MapDraft) => map.score(puzzle, solution, d);

function findings(step: { puzzle: unknown; solution: unknown }) {
  const out: string[] = [];
  map.check(
    { puzzle: map.puzzle.parse(step.puzzle), solution: map.solution.parse(step.solution) },
    ["steps", 0],
    (severity: string, code: string, path: JsonPath, message: string) => {
      out.push(`${severity} ${code} ${path.join(".")}: ${message}`);
    },
  );
  return out;
}

describe("map geography", () => {
  it("measures great-circle distances in metres", () => {
    // One degree of latitude is about 111.2 km; Paris–Lyon about 391.5 km.
    expect(haversineMeters({ lat: 47, lon: -1 }, { lat: 48, lon: -1 })).toBeCloseTo(111_195, -1);
    expect(haversineMeters({ lat: 48.8566, lon: 2.3522 }, { lat: 45.764, lon: 4.8357 }) / 1000).toBeCloseTo(
      391.5,
      0,
    );
    expect(haversineMeters({ lat: 47.48, lon: -1.45 }, { lat: 47.48, lon: -1.45 })).toBe(0);
  });

  it("reads decimal degrees with a French comma or a point, and refuses the rest", () => {
    expect(parseDegrees("47,48", 90)).toBe(47.48);
    expect(parseDegrees(" -1.45 ", 180)).toBe(-1.45);
    expect(parseDegrees("47° 28′", 90)).toBeNull();
    expect(parseDegrees("91", 90)).toBeNull();
    expect(parseDegrees("", 90)).toBeNull();
  });

  it("projects and inverts a bounding box, north up", () => {
    const projection = fitProjection({ minLon: -1.6, minLat: 47.45, maxLon: -1.4, maxLat: 47.52 });
    const [x, y] = projection.project(-1.5, 47.5);
    const back = projection.invert(x, y);
    expect(back.lat).toBeCloseTo(47.5, 9);
    expect(back.lon).toBeCloseTo(-1.5, 9);
    expect(projection.project(-1.6, 47.52)[1]).toBeLessThan(projection.project(-1.6, 47.45)[1]);
  });
});

describe("map scoring", () => {
  it("gives a share per item: the right commune, or a point within the tolerance", () => {
    expect(score(draft()).score).toBe(0);
    expect(score(draft({ item: "mairie", feature: "c-99102" })).score).toBe(0.5);
    // 47.482 is about 220 m north of 47.48: within 300 m.
    expect(score(draft({ item: "ecole", lat: 47.482, lon: -1.45 })).score).toBe(0.5);
    expect(score(draft({ item: "ecole", lat: 47.49, lon: -1.45 })).score).toBe(0);
  });

  it("says the designer's feedback for an anticipated mistake, the general one otherwise, nothing on untouched items", () => {
    expect(score(draft({ item: "mairie", feature: "c-99101" })).items).toEqual([
      { id: "mairie", correct: false, message: expect.stringContaining("code postal") },
    ]);
    expect(score(draft({ item: "ecole", lat: -1.45, lon: 47.48 })).items).toEqual([
      { id: "ecole", correct: false, message: "Latitude et longitude sont restées inversées." },
    ]);
    expect(score(draft({ item: "ecole", lat: 47.5, lon: -1.45 })).items).toEqual([
      { id: "ecole", correct: false, message: "Ce n'est pas le bon endroit." },
    ]);
  });

  it("applies edits for the item's own kind of answer only", () => {
    const blank = draft();
    expect(map.applyEdit(puzzle, blank, { op: "map-pick", item: "mairie", feature: "c-99102" })).toEqual(
      draft({ item: "mairie", feature: "c-99102" }),
    );
    expect(map.applyEdit(puzzle, blank, { op: "map-pick", item: "ecole", feature: "c-99102" })).toBeNull();
    expect(
      map.applyEdit(puzzle, blank, { op: "map-place", item: "mairie", lat: 47.5, lon: -1.5 }),
    ).toBeNull();
    expect(
      map.applyEdit(puzzle, blank, { op: "map-pick", item: "mairie", feature: "nulle-part" }),
    ).toBeNull();
    expect(map.applyEdit(puzzle, blank, { op: "map-clear", item: "mairie" })).toBeNull();
    const placed = map.applyEdit(puzzle, blank, { op: "map-place", item: "ecole", lat: 47.48, lon: -1.45 });
    expect(placed && map.applyEdit(puzzle, placed, { op: "map-clear", item: "ecole" })).toEqual(blank);
  });
});

describe("map meaning checks", () => {
  it("finds nothing in the starter step", () => {
    expect(findings(starterMap)).toEqual([]);
  });

  it("reports a target outside the map, a missing answer, a mistake that is right, a wrong kind of answer", () => {
    const answers = structuredClone(starterMap.solution.answers) as unknown as Record<string, unknown>[];
    answers[1] = {
      item: "ecole",
      lat: -1.45,
      lon: 47.48,
      mistakes: [{ lat: -1.4501, lon: 47.48, feedback: "x" }],
    };
    answers[0] = { item: "mairie", lat: 47.5, lon: -1.5 };
    const out = findings({
      puzzle: {
        ...starterMap.puzzle,
        items: [...starterMap.puzzle.items, { id: "gare", label: "Gare", answer: "point" }],
      },
      solution: { ...starterMap.solution, answers },
    });
    expect(out).toEqual([
      expect.stringMatching(
        /^error solution-impossible steps\.0\.solution\.answers\.0: .*écrivez « feature » seulement/,
      ),
      expect.stringMatching(/^error solution-impossible steps\.0\.solution\.answers\.1: .*hors de la carte/),
      expect.stringMatching(
        /^error solution-impossible steps\.0\.solution\.answers\.1\.mistakes\.0: .*compterait juste/,
      ),
      expect.stringMatching(
        /^error solution-impossible steps\.0\.puzzle\.items\.2: l'élément « gare » n'a pas de réponse/,
      ),
    ]);
  });

  it("reports an unclosed ring, a duplicate feature id, an unknown feature and a tolerance as wide as the map", () => {
    const features = structuredClone(starterMap.puzzle.map.features) as unknown as {
      id: string;
      geometry: { coordinates: number[][][] };
    }[];
    features[0]?.geometry.coordinates[0]?.pop();
    features[0]?.geometry.coordinates[0]?.push([-1.55, 47.5]);
    if (features[1]) features[1].id = "c-99101";
    const out = findings({
      puzzle: { ...starterMap.puzzle, map: { type: "FeatureCollection", features }, toleranceMeters: 20_000 },
      solution: starterMap.solution,
    });
    expect(out).toEqual([
      expect.stringMatching(/^error identifiant-en-double steps\.0\.puzzle\.map\.features\.1\.id/),
      expect.stringMatching(/^error valeur-invalide .*n'est pas fermé/),
      expect.stringMatching(/^warning solution-triviale steps\.0\.puzzle\.toleranceMeters/),
      expect.stringMatching(
        /^error reference-inconnue steps\.0\.solution\.answers\.0\.feature: l'objet de la carte « c-99102 » n'existe pas/,
      ),
    ]);
  });

  it("publishes the map and the items, never an answer or a feedback", () => {
    const published = JSON.stringify(map.publicPuzzle(puzzle, solution, 1));
    expect(published).not.toContain("inversées");
    expect(published).not.toContain("47.48");
    expect(published).toContain("Champlac");
  });
});
