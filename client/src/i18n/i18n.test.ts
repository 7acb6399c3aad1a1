import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { formatClock, translate } from "./index.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[|}]/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in French and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translate("fr", "lobby.code", { code: "AB12" })).toContain("AB12");
    expect(translate("en", "lobby.code", { code: "AB12" })).toContain("AB12");
  });

  it("formats numbers and agrees words with them in each language", () => {
    expect(translate("fr", "debrief.points", { points: 1 })).toBe("1 point");
    expect(translate("fr", "debrief.points", { points: 1.5 })).toBe("1,5 point");
    expect(translate("fr", "debrief.points", { points: 2 })).toBe("2 points");
    expect(translate("en", "debrief.points", { points: 1 })).toBe("1 point");
    expect(translate("en", "debrief.points", { points: 0.5 })).toBe("0.5 points");
    expect(translate("fr", "screen.rank", { rank: 1, team: "Équipe 1", points: 12.25 })).toBe(
      "1. Équipe 1 : 12,25 points",
    );
  });

  it("formats clocks", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(61.2)).toBe("1:02");
    expect(formatClock(-5)).toBe("0:00");
  });
});
