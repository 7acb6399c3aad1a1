/** The starter step of a map (npm run scenarios:new): a small fictional territory, labelled as such. */

/** A closed ring from corners given as [lon, lat]. */
const ring = (...corners: [number, number][]) => [[...corners, corners[0] as [number, number]]];

const commune = (id: string, nom: string, code: string, coordinates: [number, number][][]) => ({
  type: "Feature" as const,
  id,
  properties: { nom, code },
  geometry: { type: "Polygon" as const, coordinates },
});

export const starterMap = {
  id: "placer",
  title: "Étape « map » : placer sur la carte",
  prompt:
    "Exemple : pour chaque établissement, choisissez sa commune ou corrigez sa position (latitude, longitude).",
  puzzle: {
    title: "Territoire fictif simplifié",
    map: {
      type: "FeatureCollection" as const,
      features: [
        commune(
          "c-99101",
          "Aubières-sur-Vire",
          "99101",
          ring([-1.6, 47.45], [-1.5, 47.45], [-1.5, 47.52], [-1.6, 47.52]),
        ),
        commune(
          "c-99102",
          "Champlac",
          "99102",
          ring([-1.5, 47.45], [-1.4, 47.45], [-1.4, 47.52], [-1.5, 47.52]),
        ),
      ],
    },
    items: [
      {
        id: "mairie",
        label: "Mairie de Champlac",
        detail: "2 place de l'Église, 99101 Champlac",
        answer: "feature" as const,
      },
      {
        id: "ecole",
        label: "École des Tilleuls",
        detail: "Le référentiel indique : latitude -1,45 ; longitude 47,48",
        answer: "point" as const,
      },
    ],
    toleranceMeters: 300,
  },
  solution: {
    answers: [
      {
        item: "mairie",
        feature: "c-99102",
        mistakes: [
          {
            feature: "c-99101",
            feedback:
              "99101 est le code postal de Champlac ; le code INSEE 99101 est celui d'Aubières-sur-Vire.",
          },
        ],
      },
      {
        item: "ecole",
        lat: 47.48,
        lon: -1.45,
        mistakes: [{ lat: -1.45, lon: 47.48, feedback: "Latitude et longitude sont restées inversées." }],
      },
    ],
    otherwise: "Ce n'est pas le bon endroit.",
  },
  explanation: {
    text: "Le code postal n'est pas le code INSEE de la commune ; une latitude française est proche de 42 à 51, une longitude de -5 à 8.",
    sources: [
      { label: "Code officiel géographique (Insee)", url: "https://www.insee.fr/fr/information/2560452" },
    ],
  },
  timeLimitSeconds: 300,
  competence: "geodonnees",
};
