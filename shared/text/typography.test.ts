import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayedTexts,
  frenchTypography,
  NARROW_NBSP,
  typesetDisplay,
  typographyProblems,
} from "./typography.ts";

const n = NARROW_NBSP;

describe("frenchTypography", () => {
  it("puts a narrow no-break space before ; : ? ! and inside « »", () => {
    expect(frenchTypography("Que faire ? Oui ! Note : « vrai » ; fin")).toBe(
      `Que faire${n}? Oui${n}! Note${n}: «${n}vrai${n}»${n}; fin`,
    );
  });

  it("leaves times, URLs and unspaced punctuation alone", () => {
    for (const text of ["Mo-Fr 17:00-22:00; Sa 09:00", "https://schema.data.gouv.fr/scdl/", "a;b"])
      expect(frenchTypography(text)).toBe(text);
  });

  it("replaces an existing no-break space too, and is idempotent", () => {
    expect(frenchTypography("Titre\u00a0:")).toBe(`Titre${n}:`);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = frenchTypography(text);
        expect(frenchTypography(once)).toBe(once);
        // Only spaces change: removing every kind of space gives the same text.
        const bare = (s: string) => s.replace(/[ \u00a0\u202f]/g, "");
        expect(bare(once)).toBe(bare(text));
      }),
    );
  });

  it("no line may start with the punctuation: a breakable space never precedes ; : ? ! »", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("mot", " ", ":", "?", "!", ";", "«", "»", "\u00a0")), (parts) => {
        expect(frenchTypography(parts.join(""))).not.toMatch(/[ \u00a0][;:?!»]|«[ \u00a0]/);
      }),
    );
  });
});

describe("typesetDisplay", () => {
  it("typesets displayed texts, never ids, values or table cells", () => {
    const step = {
      id: "etape-1",
      prompt: "Quelle licence ?",
      options: [{ id: "lo", label: "La « Licence Ouverte »", value: "a : b" }],
      rows: [{ id: "r1", cells: { a: "x : y" } }],
      materials: [{ kind: "table", title: "Extrait :", rows: [["Lat :", "42"]] }],
    };
    expect(typesetDisplay(step)).toEqual({
      id: "etape-1",
      prompt: `Quelle licence${n}?`,
      options: [{ id: "lo", label: `La «${n}Licence Ouverte${n}»`, value: "a : b" }],
      rows: [{ id: "r1", cells: { a: "x : y" } }],
      materials: [{ kind: "table", title: `Extrait${n}:`, rows: [["Lat :", "42"]] }],
    });
  });
});

describe("typographyProblems", () => {
  it("flags what the typesetter cannot repair: missing spaces, straight or English quotes", () => {
    expect(typographyProblems("Le «mot» juste")).toHaveLength(1);
    expect(typographyProblems("Pourquoi? Parce que!")).toHaveLength(1);
    expect(typographyProblems("Note: voir plus bas")).toHaveLength(1);
    expect(typographyProblems('Le "mot" juste, le “mot” juste')).toHaveLength(1);
    expect(
      typographyProblems(
        'Extrait de la réponse :\n"geometry": { "type": "Point" }\n« "licence": "ODbL 1.0" »',
      ),
    ).toEqual([]);
    expect(
      typographyProblems("Note : « le mot » ; pourquoi ? Voilà ! Horaires Mo-Fr 08:30-12:00, https://a.fr/b"),
    ).toEqual([]);
  });

  const files = readdirSync("scenarios").filter((f) => f.endsWith(".json"));
  it.each(files)("%s: every displayed text is ready for French typesetting", (file) => {
    const problems = displayedTexts(JSON.parse(readFileSync(`scenarios/${file}`, "utf8"))).flatMap(
      ({ path, text }) => typographyProblems(text).map((problem) => `${path}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
