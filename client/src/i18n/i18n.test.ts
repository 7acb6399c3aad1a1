import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { formatClock, messageArguments, translate, translateParts } from "./index.ts";

/** The parameters a message reads (its ICU arguments; `xElision` is derived from `x`). */
const parse = (text: string, key: string) => {
  try {
    return new IntlMessageFormat(text, "fr").getAst();
  } catch (error) {
    throw new Error(`${key}: not an ICU message (${String(error)}): ${text}`);
  }
};
const placeholders = (text: string, key = "") =>
  [...new Set([...messageArguments(parse(text, key)).all].map((n) => n.replace(/Elision$/, "")))].sort();

describe("message catalogues", () => {
  it("have exactly the same keys in French and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("are valid ICU messages with no empty text and the same parameters in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key], key), key).toEqual(placeholders(fr[key], key));
    }
  });

  it("typesets French messages: narrow no-break spaces before ; : ? ! and inside « » (issue 12)", () => {
    const text = translate("fr", "att.verifyCode", { code: "AB12" });
    expect(text).toBe("Code de vérification\u202f: AB12");
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      let out: string;
      try {
        out = translate("fr", key);
      } catch {
        continue; // messages that need numbers are covered by the tests below
      }
      expect(out, key).not.toMatch(/[ \u00a0][;:?!»]|«[ \u00a0]/);
    }
    expect(translate("en", "att.verifyCode", { code: "AB12" })).toBe("Verification code: AB12");
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
      "1. Équipe 1\u202f: 12,25 points",
    );
  });

  it("elides French articles before a vowel (« qu'Inès », « d'Amina », « d'Équipe 1 »)", () => {
    const parts = translateParts("fr", "att.intro", { name: "Inès" }, { b: (c) => `[${c.join("")}]` });
    expect(parts.join("")).toBe("Datatruc atteste qu’[Inès]");
    expect(
      translateParts("fr", "att.intro", { name: "Bruno" }, { b: (c) => `[${c.join("")}]` }).join(""),
    ).toBe("Datatruc atteste que [Bruno]");
    expect(translate("fr", "attempts.item", { index: 1, score: 90, name: "Zoé", approvers: "Amina" })).toBe(
      "Tentative 1\u202f: 90 % (proposée par Zoé, accord d’Amina)",
    );
    expect(
      translate("fr", "attempts.item", { index: 1, score: 90, name: "Zoé", approvers: "Bruno" }),
    ).toContain("accord de Bruno");
    expect(translate("fr", "debrief.teamAnswer", { team: "Équipe 1", score: 50 })).toBe(
      "Réponse d’Équipe 1 (50 %)",
    );
    expect(translate("fr", "debrief.chart", { name: "Ana" })).toBe("Compétences d’Ana");
  });

  it("writes plurals instead of « (s) »", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key], key).not.toMatch(/\(s\)|\(e\)/);
      expect(en[key], key).not.toMatch(/\(s\)/);
    }
    expect(translate("fr", "screen.waitingPlayers", { count: 1 })).toBe("1 joueur connecté");
    expect(translate("fr", "screen.waitingPlayers", { count: 3 })).toBe("3 joueurs connectés");
    expect(translate("fr", "fac.submitted", { count: 2, score: 45 })).toBe(
      "2 tentatives, meilleur score 45 %",
    );
    expect(translate("en", "categorize.count", { count: 1 })).toBe("1 item");
  });

  it("formats clocks", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(61.2)).toBe("1:02");
    expect(formatClock(-5)).toBe("0:00");
  });
});
