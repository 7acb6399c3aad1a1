import { describe, expect, it } from "vitest";
import type { FindingCode } from "../../scenario/findings.ts";
import type { JsonPath } from "../../scenario/json-source.ts";
import { link } from "./index.ts";
import type { LinkDraft } from "./schema.ts";

const puzzle = link.puzzle.parse({
  cards: [
    { id: "commune", kind: "acteur", label: "La commune" },
    { id: "budget", kind: "donnee", label: "Budget" },
    { id: "lo", kind: "regle", label: "Licence Ouverte" },
    { id: "manon", kind: "acteur", label: "Manon" },
  ],
  kinds: [
    { id: "produit", label: "produit" },
    { id: "publie-sous", label: "publie sous" },
    { id: "reutilise", label: "réutilise" },
    { id: "travaille-avec", label: "travaille avec", symmetric: true },
  ],
  maxLinks: 5,
});
const solution = link.solution.parse({
  links: [
    { from: "commune", kind: "produit", to: "budget" },
    { from: "commune", kind: "publie-sous", to: "lo" },
    { from: "manon", kind: "reutilise", to: "budget" },
    { from: "commune", kind: "travaille-avec", to: "manon" },
  ],
  wrongLinks: [
    { from: "manon", kind: "produit", to: "budget", feedback: "Manon réutilise, elle ne produit pas." },
  ],
  otherwise: "Lien hors du système.",
});
const draft = (...links: [string, string, string][]): LinkDraft => ({
  type: "link",
  links: links.map(([from, kind, to]) => ({ from, kind, to })),
});
const score = (d: LinkDraft) => link.score(puzzle, solution, d);

describe("link scoring", () => {
  it("gives a share per expected link and takes half a share back per wrong link", () => {
    expect(score(draft(["commune", "produit", "budget"])).score).toBe(0.25);
    expect(score(draft(["commune", "produit", "budget"], ["budget", "produit", "commune"])).score).toBe(
      0.125,
    );
    expect(score(draft(["manon", "produit", "budget"])).score).toBe(0);
  });

  it("scores linking many cards every way at 0", () => {
    const all = draft(
      ["commune", "produit", "budget"],
      ["commune", "publie-sous", "lo"],
      ["budget", "produit", "lo"],
      ["lo", "produit", "budget"],
      ["manon", "produit", "lo"],
    );
    expect(score(all).score).toBeLessThan(0.3);
  });

  it("counts a symmetric link drawn either way, and only once", () => {
    expect(score(draft(["manon", "travaille-avec", "commune"])).score).toBe(0.25);
    expect(score(draft(["commune", "travaille-avec", "manon"])).items).toEqual([
      { id: "commune:travaille-avec:manon", correct: true },
    ]);
  });

  it("gives the designer's feedback for an anticipated wrong link, the generic one otherwise, none for right links", () => {
    const { items } = score(
      draft(["manon", "produit", "budget"], ["lo", "reutilise", "manon"], ["commune", "produit", "budget"]),
    );
    expect(items).toEqual([
      { id: "manon:produit:budget", correct: false, message: "Manon réutilise, elle ne produit pas." },
      { id: "lo:reutilise:manon", correct: false, message: "Lien hors du système." },
      { id: "commune:produit:budget", correct: true },
    ]);
  });

  it("tells the debrief which expected links were left out", () => {
    expect(link.leftOut?.(puzzle, solution, draft(["manon", "travaille-avec", "commune"]))).toEqual([
      "commune:produit:budget",
      "commune:publie-sous:lo",
      "manon:reutilise:budget",
    ]);
  });
});

describe("link edits", () => {
  const add = (from: string, kind: string, to: string) => ({ op: "link-add" as const, from, kind, to });
  it("adds a link between two different known cards with a declared kind, once", () => {
    const one = link.applyEdit(puzzle, draft(), add("commune", "produit", "budget"));
    expect(one).toEqual(draft(["commune", "produit", "budget"]));
    expect(link.applyEdit(puzzle, one ?? draft(), add("commune", "produit", "budget"))).toBeNull();
    expect(link.applyEdit(puzzle, draft(), add("commune", "produit", "commune"))).toBeNull();
    expect(link.applyEdit(puzzle, draft(), add("commune", "inconnu", "budget"))).toBeNull();
    expect(link.applyEdit(puzzle, draft(), add("mairie", "produit", "budget"))).toBeNull();
    const symmetric = draft(["commune", "travaille-avec", "manon"]);
    expect(link.applyEdit(puzzle, symmetric, add("manon", "travaille-avec", "commune"))).toBeNull();
  });

  it("refuses a link beyond maxLinks", () => {
    const full = draft(
      ["commune", "produit", "budget"],
      ["commune", "produit", "lo"],
      ["commune", "produit", "manon"],
      ["budget", "produit", "lo"],
      ["budget", "produit", "manon"],
    );
    expect(link.applyEdit(puzzle, full, add("lo", "produit", "manon"))).toBeNull();
  });

  it("removes a drawn link (a symmetric one from either end), and nothing else", () => {
    const drawn = draft(["commune", "produit", "budget"], ["commune", "travaille-avec", "manon"]);
    expect(
      link.applyEdit(puzzle, drawn, { op: "link-remove", from: "commune", kind: "produit", to: "budget" }),
    ).toEqual(draft(["commune", "travaille-avec", "manon"]));
    expect(
      link.applyEdit(puzzle, drawn, {
        op: "link-remove",
        from: "manon",
        kind: "travaille-avec",
        to: "commune",
      }),
    ).toEqual(draft(["commune", "produit", "budget"]));
    expect(
      link.applyEdit(puzzle, drawn, { op: "link-remove", from: "budget", kind: "produit", to: "commune" }),
    ).toBeNull();
  });
});

describe("link meaning checks", () => {
  const findings = (p: unknown, s: unknown) => {
    const found: { code: FindingCode; path: string; message: string }[] = [];
    link.check(
      { puzzle: link.puzzle.parse(p), solution: link.solution.parse(s) },
      ["steps", 0],
      (_severity, code, path: JsonPath, message) => found.push({ code, path: path.join("."), message }),
    );
    return found;
  };
  const base = puzzle;

  it("reports duplicate card ids, unknown cards and kinds, self links, duplicate and contradictory links", () => {
    const found = findings(
      { ...base, cards: [...base.cards, { id: "lo", kind: "regle", label: "Autre" }] },
      {
        links: [
          { from: "commune", kind: "produit", to: "budjet" },
          { from: "commune", kind: "produit", to: "commune" },
          { from: "commune", kind: "vend", to: "budget" },
          { from: "commune", kind: "travaille-avec", to: "manon" },
          { from: "manon", kind: "travaille-avec", to: "commune" },
        ],
        wrongLinks: [{ from: "commune", kind: "travaille-avec", to: "manon", feedback: "Non." }],
      },
    );
    expect(found.map((f) => `${f.code} ${f.path}`)).toEqual([
      "identifiant-en-double steps.0.puzzle.cards.4.id",
      "reference-inconnue steps.0.solution.links.0.to",
      "solution-impossible steps.0.solution.links.1.to",
      "reference-inconnue steps.0.solution.links.2.kind",
      "solution-impossible steps.0.solution.links.4",
      "solution-impossible steps.0.solution.wrongLinks.0",
    ]);
    expect(found[1]?.message).toContain("vouliez-vous dire « budget »");
    expect(found[4]?.message).toContain("dans l'autre sens");
  });

  it("reports a solution that needs more links than a team may draw", () => {
    const found = findings({ ...base, maxLinks: 3 }, solution);
    expect(found.map((f) => f.code)).toEqual(["solution-impossible"]);
    expect(found[0]?.message).toContain("maxLinks");
  });

  it("finds nothing on a sound step", () => {
    expect(findings(base, solution)).toEqual([]);
  });
});
