/** The map puzzle type's format: a small inline GeoJSON map, items to place, and their answers. */
import { z } from "zod";
import { Id, Label, Text } from "../../scenario/primitives.ts";

/** Bounds of a map shipped inside a step (the scenario file stays small, the client draws it offline). */
export const MAX_FEATURES = 80;
export const MAX_RING_POSITIONS = 400;
/** Most positions over the whole map (checked by the meaning checks; the schema bounds each part). */
export const MAX_MAP_POSITIONS = 4000;
export const MAX_ITEMS = 20;

const Longitude = z
  .number()
  .min(-180)
  .max(180)
  .describe("Longitude en degrés décimaux (WGS 84), de -180 à 180.");
const Latitude = z.number().min(-90).max(90).describe("Latitude en degrés décimaux (WGS 84), de -90 à 90.");

/** A GeoJSON position: [longitude, latitude] (GeoJSON order: longitude first). */
export const Position = z
  .tuple([Longitude, Latitude])
  .describe("Position GeoJSON : [longitude, latitude], longitude d'abord, en degrés décimaux.");
const Ring = z
  .array(Position)
  .min(4)
  .max(MAX_RING_POSITIONS)
  .describe("Anneau fermé : au moins 4 positions, la dernière égale à la première.");
const PolygonCoordinates = z
  .array(Ring)
  .min(1)
  .max(10)
  .describe("Le contour extérieur, puis les éventuels trous.");

export const MapGeometry = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("Point"), coordinates: Position }),
    z.strictObject({ type: z.literal("Polygon"), coordinates: PolygonCoordinates }),
    z.strictObject({
      type: z.literal("MultiPolygon"),
      coordinates: z.array(PolygonCoordinates).min(1).max(20),
    }),
  ])
  .describe("Géométrie GeoJSON : Point, Polygon ou MultiPolygon (coordonnées WGS 84).");

export const MapFeature = z
  .strictObject({
    type: z.literal("Feature"),
    id: Id.describe("Identifiant de l'objet (ex. code INSEE préfixé : « c-35238 ») ; la solution le cite."),
    properties: z.strictObject({
      nom: Text("Nom français affiché sur la carte et dans la liste (ex. « Rennes »)."),
      code: z
        .string()
        .max(20)
        .optional()
        .describe("Code affiché à côté du nom (ex. code INSEE), facultatif."),
    }),
    geometry: MapGeometry,
  })
  .describe("Un objet de la carte : une commune (polygone) ou un lieu (point).");

export const MapCollection = z
  .strictObject({
    type: z.literal("FeatureCollection"),
    features: z
      .array(MapFeature)
      .min(1)
      .max(MAX_FEATURES)
      .describe("Les objets de la carte, dans l'ordre de la liste."),
  })
  .describe("La carte, en GeoJSON (FeatureCollection) écrit dans l'étape : aucun fond de carte en ligne.");

export const MapItem = z
  .strictObject({
    id: Id,
    label: Label.describe("Ce que l'équipe doit placer (ex. « Collège Anne-de-Bretagne, 12 rue… »)."),
    detail: z.string().max(300).optional().describe("Précision affichée sous le libellé (adresse, code)."),
    answer: z
      .enum(["feature", "point"])
      .describe(
        "feature : l'équipe choisit un objet de la carte (ex. la commune) ; point : elle donne une latitude et une longitude.",
      ),
  })
  .describe("Un élément à placer sur la carte.");

export const MapPuzzle = z
  .strictObject({
    map: MapCollection,
    title: z.string().max(120).optional().describe("Titre de la carte (ex. « Territoire simplifié »)."),
    items: z
      .array(MapItem)
      .min(1)
      .max(MAX_ITEMS)
      .describe("Les éléments à placer, dans l'ordre d'affichage."),
    toleranceMeters: z
      .number()
      .positive()
      .max(100_000)
      .describe("Distance en mètres en deçà de laquelle un point placé compte juste (ex. 300)."),
  })
  .describe("Placer des éléments sur une carte : choisir l'objet (commune) ou donner les coordonnées.");

const Target = {
  feature: Id.optional().describe("Pour un élément « feature » : l'identifiant de l'objet attendu."),
  lat: Latitude.optional().describe("Pour un élément « point » : la latitude attendue."),
  lon: Longitude.optional().describe("Pour un élément « point » : la longitude attendue."),
};

export const MapMistake = z
  .strictObject({
    ...Target,
    feedback: Text("Retour montré à l'équipe qui donne cette réponse fausse (pourquoi elle ne tient pas)."),
  })
  .describe(
    "Une erreur prévue : un objet (feature) ou un point (lat, lon, à la tolérance près), avec son retour.",
  );

export const MapAnswer = z
  .strictObject({
    item: Id.describe("L'élément (identifiant déclaré dans « items »)."),
    ...Target,
    feedback: z.string().optional().describe("Explication montrée après la révélation pour cet élément."),
    mistakes: z
      .array(MapMistake)
      .max(10)
      .default([])
      .describe("Erreurs prévues (latitude et longitude inversées, code postal pris pour le code INSEE…)."),
  })
  .describe("La bonne réponse d'un élément : « feature », ou « lat » et « lon ».");

export const MapSolution = z
  .strictObject({
    answers: z.array(MapAnswer).min(1).max(MAX_ITEMS).describe("Une bonne réponse par élément."),
    otherwise: z
      .string()
      .optional()
      .describe(
        "Retour montré pour toute autre réponse fausse (sinon, l'élément est seulement marqué faux).",
      ),
  })
  .describe("Solution d'une carte : la réponse de chaque élément et les retours sur les erreurs prévues.");

/** A team's answer for one item: a feature picked, or a point (never both). */
export const MapPlace = z.strictObject({
  item: Id,
  feature: Id.optional(),
  lat: Latitude.optional(),
  lon: Longitude.optional(),
});

export const MapDraft = z.strictObject({
  type: z.literal("map"),
  places: z.array(MapPlace).max(MAX_ITEMS),
});

export const MapEdit = z.discriminatedUnion("op", [
  /** Pick a feature of the map for an item. */
  z.strictObject({ op: z.literal("map-pick"), item: Id, feature: Id }),
  /** Place an item at a point. */
  z.strictObject({ op: z.literal("map-place"), item: Id, lat: Latitude, lon: Longitude }),
  /** Take an item's answer back. */
  z.strictObject({ op: z.literal("map-clear"), item: Id }),
]);

export type MapFeature = z.infer<typeof MapFeature>;
export type MapGeometry = z.infer<typeof MapGeometry>;
export type MapCollection = z.infer<typeof MapCollection>;
export type MapItem = z.infer<typeof MapItem>;
export type MapPuzzle = z.infer<typeof MapPuzzle>;
export type MapAnswer = z.infer<typeof MapAnswer>;
export type MapSolution = z.infer<typeof MapSolution>;
export type MapPlace = z.infer<typeof MapPlace>;
export type MapDraft = z.infer<typeof MapDraft>;
export type MapEdit = z.infer<typeof MapEdit>;
