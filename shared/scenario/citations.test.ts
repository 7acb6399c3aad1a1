import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHomePageUrl, wrongCitations } from "./citations.ts";

const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "referentiel.json");

describe("wrongCitations", () => {
  it.each(files)("%s cites no article in a form the brief marks wrong, and links no home page", (file) => {
    expect(wrongCitations(JSON.parse(readFileSync(`scenarios/${file}`, "utf8")))).toEqual([]);
  });

  it("flags the audit's wrong citations (M1, L1, L2, L3, C1), the dossier law cited without its code, home-page links and unlinked CRPA sources (M9)", () => {
    const shipped = {
      m1: "Les données publiées doivent l'être dans un format ouvert, facile à réutiliser par une machine (article L312-1-1 du CRPA).",
      l1: "D'après l'article L323-2 du CRPA, la réutilisation peut donner lieu à une licence, qui devient obligatoire quand une redevance est demandée.",
      l2: "Oui : c'est l'exception de l'article L324-4.",
      l2b: "Article L324-4 : exception pour les administrations tenues de couvrir par leurs recettes propres…",
      l3: "OpenStreetMap est sous ODbL : une base qui en dérive … avec la mention d'OpenStreetMap (articles 4.3 et 4.4).",
      l3b: "OpenStreetMap est sous ODbL depuis 2012.\nArticle 4.3 : mentionner la base d'origine et sa licence.",
      c1: "Les délais de recours ne peuvent être opposés au demandeur que si les voies et délais de recours lui ont été indiqués (article L112-6 du CRPA).",
      dossier: "Article 18 de la loi n° 83-634 du 13 juillet 1983 (dossier individuel du fonctionnaire)",
      sources: [
        { label: "Guide", url: "https://guides.data.gouv.fr/" },
        { label: "CRPA", url: "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000031366350" },
        { label: "Article L321-2 du CRPA, c) (droits de propriété intellectuelle des tiers)" },
        { label: "Articles R*311-12, R311-13, R343-1, R343-3 et L342-1 du CRPA" },
      ],
    };
    expect(wrongCitations(shipped).map((f) => f.path)).toEqual([
      "m1",
      "l1",
      "l2",
      "l2b",
      "l3",
      "l3b",
      "c1",
      "dossier",
      "sources.0.url",
      "sources.1.url",
      "sources.2.url",
      "sources.3.url",
    ]);
  });

  it("accepts the right citations and neighbouring articles", () => {
    expect(
      wrongCitations({
        a: "Licence obligatoire en cas de redevance (article L323-1 du CRPA) ; liste : D323-2-1 ; homologation : D323-2-2.",
        b: "Exception de la seconde phrase de L324-1, critère de R324-4-1 ; L324-4 renvoie à un décret.",
        c: "ODbL, article 4.2 : mention de la base ; article 4.3 : les productions.",
        d: "Refus écrit, motivé, avec les voies et délais de recours (L311-14 du CRPA, R421-5 du CJA).",
        e: "Article 18 de la loi n° 83-634 (dossier individuel), aujourd'hui repris dans le code général de la fonction publique.",
        f: "La loi demande un standard ouvert (article L300-4 du CRPA) ; L312-1-1 dit ce qui doit être publié, dans un format ouvert.",
        sources: [
          { label: "Article R421-5 du code de justice administrative" },
          { label: "Conseil d'État, 14 novembre 2018, n° 420055" },
          {
            label: "Article L321-2 du CRPA",
            url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033218992",
          },
        ],
      }),
    ).toEqual([]);
  });

  it("demande-cada links L311-2, L311-7, L311-14, R343-1 and L342-1 to their Légifrance articles (issue 12 §1)", () => {
    // Ids of the versions in force in the LEGI snapshot the brief cites (SocialGouv/legi-data, 20 Aug 2026).
    const articles: Record<string, string> = {
      "L311-2": "LEGIARTI000031367700",
      "L311-7": "LEGIARTI000031367719",
      "L311-14": "LEGIARTI000031367731",
      "R343-1": "LEGIARTI000031370507",
      "L342-1": "LEGIARTI000045213381",
    };
    const scenario = JSON.parse(readFileSync("scenarios/demande-cada.json", "utf8")) as {
      steps: { explanation: { sources: { label: string; url?: string }[] } }[];
    };
    const sources = scenario.steps.flatMap((step) => step.explanation.sources);
    for (const [article, id] of Object.entries(articles)) {
      const citing = sources.filter((source) => new RegExp(`\\b${article}\\b`).test(source.label));
      expect(citing.length, article).toBeGreaterThan(0);
      for (const source of citing)
        expect(source.url, `${article}: ${source.label}`).toBe(
          `https://www.legifrance.gouv.fr/codes/article_lc/${id}`,
        );
    }
  });

  it("a source naming one CRPA article links that article on Légifrance, or names the page it links", () => {
    // Ids of the versions in force in the LEGI snapshot the brief cites (SocialGouv/legi-data, 20 Aug 2026).
    const ids: Record<string, string> = {
      "L300-2": "LEGIARTI000033218936",
      "L300-4": "LEGIARTI000033205519",
      "L311-2": "LEGIARTI000031367700",
      "L311-3-1": "LEGIARTI000033205535",
      "R311-3-1-1": "LEGIARTI000034195878",
      "R311-3-1-2": "LEGIARTI000034195881",
      "L311-6": "LEGIARTI000037269056",
      "L311-7": "LEGIARTI000031367719",
      "L311-9": "LEGIARTI000033218942",
      "R311-11": "LEGIARTI000031370405",
      "R*311-12": "LEGIARTI000031370407",
      "R311-13": "LEGIARTI000031370409",
      "L311-14": "LEGIARTI000031367731",
      "L312-1": "LEGIARTI000033218954",
      "L312-1-1": "LEGIARTI000033205512",
      "D312-1-1-1": "LEGIARTI000033740095",
      "L312-1-2": "LEGIARTI000033205514",
      "D312-1-3": "LEGIARTI000037798163",
      "L312-1-3": "LEGIARTI000033205516",
      "D312-1-4": "LEGIARTI000033740114",
      "L321-2": "LEGIARTI000033218992",
      "L322-1": "LEGIARTI000032255220",
      "L322-2": "LEGIARTI000033219000",
      "L322-6": "LEGIARTI000033219056",
      "R322-7": "LEGIARTI000032257927",
      "L323-1": "LEGIARTI000032255230",
      "D323-2-1": "LEGIARTI000044403448",
      "D323-2-2": "LEGIARTI000034504993",
      "L324-1": "LEGIARTI000033219051",
      "L324-2": "LEGIARTI000032255238",
      "L324-4": "LEGIARTI000033219078",
      "R324-4-1": "LEGIARTI000032951699",
      "L330-1": "LEGIARTI000031367756",
      "R330-2": "LEGIARTI000031370449",
      "R330-3": "LEGIARTI000031370451",
      "R330-4": "LEGIARTI000031370453",
      "L342-1": "LEGIARTI000045213381",
      "R343-1": "LEGIARTI000031370507",
      "R343-3": "LEGIARTI000031370511",
      "R*343-4": "LEGIARTI000031370513",
      "R343-5": "LEGIARTI000031370515",
    };
    for (const file of files) {
      const scenario = JSON.parse(readFileSync(`scenarios/${file}`, "utf8")) as {
        steps: { id: string; explanation: { sources: { label: string; url?: string }[] } }[];
      };
      for (const step of scenario.steps)
        for (const { label, url } of step.explanation.sources) {
          const single = /^Article ([LRD]\*?\d{3}(?:-\d+)+) du CRPA\b/.exec(label);
          if (!single?.[1] || !url) continue;
          const where = `${file}/${step.id}: ${label}`;
          if (url.startsWith("https://www.legifrance.gouv.fr/codes/article_lc/")) {
            if (ids[single[1]])
              expect(url, where).toBe(`https://www.legifrance.gouv.fr/codes/article_lc/${ids[single[1]]}`);
          } else expect(label, `${where}: names the page it links`).toMatch(/\b(?:page|avis|guide|fiche)\b/i);
        }
    }
  });

  it("isHomePageUrl: a site root or the whole CRPA, not an article or a guide page", () => {
    expect(isHomePageUrl("https://schema.data.gouv.fr/")).toBe(true);
    expect(isHomePageUrl("https://schema.data.gouv.fr/scdl/equipements/")).toBe(false);
    expect(isHomePageUrl("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205519")).toBe(false);
  });
});
