import { describe, expect, it } from "vitest";
import { checkProgrammes, Programme, programmeProgress } from "./programme.ts";

const catalogue = {
  scenarioIds: new Set(["exemple", "demande-cada"]),
  competenceIds: new Set(["acces-documents", "metadonnees"]),
  levelIds: ["decouverte", "pratique", "maitrise"],
};
const infolab = Programme.parse({
  id: "infolab",
  title: "Infolab",
  scenarios: ["exemple", "demande-cada"],
  targets: [
    { competence: "acces-documents", level: "pratique" },
    { competence: "metadonnees", level: "decouverte" },
  ],
});

describe("programmes", () => {
  it("name only scenarios, competences and levels that exist, once each (French findings)", () => {
    expect(checkProgrammes([infolab], catalogue)).toEqual([]);
    expect(
      checkProgrammes(
        [{ ...infolab, scenarios: ["absent"], targets: [{ competence: "x", level: "expert" }] }, infolab],
        catalogue,
      ),
    ).toEqual([
      "le programme « infolab » cite un scénario inconnu : « absent »",
      "le programme « infolab » vise une compétence inconnue du référentiel : « x »",
      "le programme « infolab » vise un niveau inconnu du référentiel : « expert »",
      "le programme « infolab » est défini deux fois : chaque identifiant doit être unique",
    ]);
    expect(Programme.safeParse({ ...infolab, scenarios: [] }).success).toBe(false);
  });

  it("is complete when every target's level is reached or passed", () => {
    const level = (id: string | null) => (id ? { id, label: id } : null);
    const progress = (a: string | null, m: string | null) =>
      programmeProgress(
        infolab,
        [
          { competence: "acces-documents", level: level(a) },
          { competence: "metadonnees", level: level(m) },
        ],
        catalogue.levelIds,
      );
    expect(progress("pratique", "decouverte").complete).toBe(true);
    expect(progress("maitrise", "pratique").complete).toBe(true);
    expect(progress("decouverte", "maitrise").complete).toBe(false);
    expect(progress("pratique", null).targets.map((t) => t.met)).toEqual([true, false]);
  });
});
