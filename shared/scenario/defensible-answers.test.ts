import { describe, expect, it } from "vitest";
import { scoreAnswer } from "../rules/scoring/index.ts";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "./files.ts";
import type { Step } from "./schema.ts";

/** Answers an expert would defend must not be scored wrong (content review of the catalogue scenarios). */
const scenarios = loadScenarioFiles(DEFAULT_SCENARIOS_DIR).scenarios.map((entry) => entry.scenario);

function step(scenarioId: string, stepId: string): Step {
  const scenario = scenarios.find((s) => s.id === scenarioId);
  const found = scenario?.steps.find((s) => s.id === stepId);
  if (!found) throw new Error(`étape ${scenarioId}/${stepId} introuvable`);
  return found;
}

describe("defensible answers", () => {
  it.each([
    "Arrêtés de circulation de Bréhan-sur-Lisse",
    "ARRÊTÉS DE CIRCULATION DE BRÉHAN-SUR-LISSE",
    "Arretes de circulation - Brehan-sur-Lisse",
  ])("ouvert-par-defaut/catalogue accepts the title « %s »", (titre) => {
    const result = scoreAnswer(step("ouvert-par-defaut", "catalogue"), { type: "form", values: { titre } });
    expect(result.items.find((item) => item.id === "titre")?.correct).toBe(true);
  });

  it("ouvert-par-defaut/catalogue still refuses a title that names no commune", () => {
    const result = scoreAnswer(step("ouvert-par-defaut", "catalogue"), {
      type: "form",
      values: { titre: "Arrêtés de circulation" },
    });
    expect(result.items.find((item) => item.id === "titre")?.correct).toBe(false);
  });

  const caption = (values: Record<string, string>) =>
    scoreAnswer(step("faire-parler-les-chiffres", "legende"), { type: "form", values }).items;

  it.each([
    "Département de l'Orbière, direction des finances",
    "Département de l’Orbière", // typographic apostrophe (phones)
    "DEPARTEMENT DE L'ORBIERE",
    "https://data.orbiere.fr/explore/dataset/budget-departement/", // the Licence Ouverte: a link is enough
  ])("faire-parler-les-chiffres/legende accepts the source « %s »", (source) => {
    expect(caption({ source }).find((item) => item.id === "source")?.correct).toBe(true);
  });

  it.each([
    "Ce que le Département a dépensé en 2025",
    "DÉPENSES RÉALISÉES 2025",
    "Depenses 2025 par politique",
  ])("faire-parler-les-chiffres/legende accepts the title « %s »", (titre) => {
    expect(caption({ titre }).find((item) => item.id === "titre")?.correct).toBe(true);
  });

  it("faire-parler-les-chiffres/legende refuses a caption without the producer, the year or the data's last update", () => {
    const items = caption({
      source: "Direction des finances",
      titre: "Où va votre argent ?",
      date: "2026-06-26",
    });
    expect(items.filter((item) => !item.correct).map((item) => item.id)).toEqual(
      expect.arrayContaining(["source", "titre", "date"]),
    );
  });
  const mention = (value: string) =>
    scoreAnswer(step("des-adresses-qui-tiennent-la-route", "fiche"), {
      type: "form",
      values: { "mention-ban": value },
    }).items.find((item) => item.id === "mention-ban")?.correct;

  it.each([
    "Adresses : Base Adresse Nationale (IGN), version du 20 novembre 2026",
    "BASE ADRESSE NATIONALE, 20/11/2026",
    "base adresse nationale, mise à jour du 2026-11-20",
    "BAN, 2026-11-20",
    "IGN, Base Adresse Nationale, 20/11/2026",
    "IGN, novembre 2026", // the Licence Ouverte asks for the licensor's name: the BAN's producer is the IGN
    "https://adresse.data.gouv.fr, mise à jour du 20/11/2026", // a link is enough
  ])("des-adresses-qui-tiennent-la-route/fiche accepts the source « %s »", (value) => {
    expect(mention(value)).toBe(true);
  });

  it.each(["Base Adresse Nationale", "Source : notre service, 2026", "OpenStreetMap 2026"])(
    "des-adresses-qui-tiennent-la-route/fiche refuses « %s » (no BAN or no date)",
    (value) => {
      expect(mention(value)).toBe(false);
    },
  );
});
