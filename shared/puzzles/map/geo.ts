/** Small pure geography for map steps: distances, bounding boxes, the drawing's projection, decimal input. */
import type { MapCollection, MapGeometry } from "./schema.ts";

/** Mean Earth radius in metres (IUGG), as for every haversine distance. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

/** Great-circle distance in metres between two points given in decimal degrees. */
export function haversineMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Every [lon, lat] position of a geometry. */
export function positionsOf(geometry: MapGeometry): [number, number][] {
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates];
    case "Polygon":
      return geometry.coordinates.flat();
    case "MultiPolygon":
      return geometry.coordinates.flat(2);
  }
}

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The bounding box of a map (every feature's positions). */
export function bboxOf(map: MapCollection): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const feature of map.features)
    for (const [lon, lat] of positionsOf(feature.geometry)) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  return box;
}

export const insideBBox = (box: BBox, point: { lat: number; lon: number }) =>
  point.lon >= box.minLon && point.lon <= box.maxLon && point.lat >= box.minLat && point.lat <= box.maxLat;

/** Total count of positions of a map (its size, bounded by the meaning checks). */
export const positionCount = (map: MapCollection) =>
  map.features.reduce((total, feature) => total + positionsOf(feature.geometry).length, 0);

export interface Projection {
  width: number;
  height: number;
  /** [lon, lat] → [x, y] in the drawing (y downwards). */
  project(lon: number, lat: number): [number, number];
  /** [x, y] in the drawing → { lat, lon }. */
  invert(x: number, y: number): { lat: number; lon: number };
}

/**
 * An equirectangular projection fitted to a bounding box: longitudes shrink by the cosine of the middle
 * latitude so that a small territory keeps its shape; `width` is fixed, the height follows, with a margin.
 */
export function fitProjection(box: BBox, width = 600, margin = 12): Projection {
  const cos = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((box.maxLon - box.minLon) * cos, 1e-6);
  const spanY = Math.max(box.maxLat - box.minLat, 1e-6);
  const scale = (width - 2 * margin) / spanX;
  const height = Math.min(Math.max(spanY * scale + 2 * margin, 120), 2 * width);
  const offsetY = (height - spanY * scale) / 2;
  return {
    width,
    height,
    project: (lon, lat) => [margin + (lon - box.minLon) * cos * scale, offsetY + (box.maxLat - lat) * scale],
    invert: (x, y) => ({
      lon: box.minLon + (x - margin) / (cos * scale),
      lat: box.maxLat - (y - offsetY) / scale,
    }),
  };
}

/**
 * A coordinate typed by a player, in decimal degrees: « 48,1147 » (French decimal comma) or « 48.1147 »,
 * spaces ignored; null when it is not a number in [-limit, limit].
 */
export function parseDegrees(text: string, limit: 90 | 180): number | null {
  const clean = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".")
    .replace(/°$/, "");
  if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** A coordinate as French players write it: decimal comma, at most 5 decimals (about a metre). */
export const formatDegrees = (value: number) =>
  String(Math.round(value * 100_000) / 100_000).replace(".", ",");
