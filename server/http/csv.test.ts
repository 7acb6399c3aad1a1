import { describe, expect, it } from "vitest";
import type { PlayerResult, SessionRecord } from "../store/store.ts";
import { CSV_COLUMNS, csvCell, parseResultsCsv, resultsCsv } from "./csv.ts";

const session = {
  code: "K7QX3M",
  scenarioTitle: "Exemple ; « guillemets »",
  organisation: "Ville de Poitiers",
} as SessionRecord;

const player = (name: string, skills: PlayerResult["skills"]): PlayerResult => ({
  playerId: name,
  playerName: name,
  teamId: "equipe-1",
  teamName: "Équipe 1",
  rank: 1,
  points: 1.5,
  skills,
});

describe("results CSV", () => {
  it("has one row per player and skill, and reads back", () => {
    const csv = resultsCsv(session, [
      player("Ana", [
        {
          competence: "licences",
          label: "Licences",
          points: 1,
          level: "decouverte",
          levelLabel: "Découverte",
        },
        { competence: "metadonnees", label: "Métadonnées", points: 0.5, level: null, levelLabel: null },
      ]),
      player('Bob "le" Bricoleur', []),
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseResultsCsv(csv);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      joueur: "Ana",
      competence: "licences",
      niveau: "decouverte",
      scenario: session.scenarioTitle,
    });
    expect(rows[2]).toMatchObject({ joueur: 'Bob "le" Bricoleur', competence: "" });
  });

  it("writes decimals with a comma, as French spreadsheets read them with the ; separator", () => {
    const rows = parseResultsCsv(
      resultsCsv(session, [
        {
          ...player("Ana", [
            { competence: "licences", label: "Licences", points: 6.0666, level: null, levelLabel: null },
          ]),
          points: 1.5,
        },
      ]),
    );
    expect(rows[0]).toMatchObject({ points_joueur: "1,5", points_competence: "6,067" });
    expect(csvCell(-0.25)).toBe("-0,25");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+33 1 23")).toBe("'+33 1 23");
    expect(csvCell(-1)).toBe("-1");
  });
});
