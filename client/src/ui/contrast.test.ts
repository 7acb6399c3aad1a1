/**
 * Text contrast of the palette actually used in styles.css (WCAG 2 relative luminance): every
 * text/background pair the screens use reaches 4.5:1.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEAM_COLOURS } from "../stage/identity.ts";

const css = readFileSync(new URL("../styles.css", import.meta.url), "utf8");

function variable(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!match?.[1]) throw new Error(`--${name} not found in styles.css`);
  return match[1];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("text contrast", () => {
  const v = variable;
  const pairs: [string, string, string][] = [
    ["ink on paper", v("ink"), v("paper")],
    ["ink on canvas", v("ink"), v("canvas")],
    ["soft ink on paper", v("ink-soft"), v("paper")],
    ["soft ink on canvas", v("ink-soft"), v("canvas")],
    ["top bar", v("primary-ink"), v("primary")],
    ["links and outline buttons", v("primary"), v("paper")],
    ["selected option", v("ink"), v("primary-soft")],
    ["right badge", v("ok"), v("ok-soft")],
    ["wrong badge", v("bad"), v("bad-soft")],
    ["warning notice", v("ink"), v("warn-soft")],
    ["private badge", v("private"), v("private-soft")],
    ["removed table cells", v("ink-soft"), "#eeeeee"],
    ["projected screen", "#ffffff", "#12233d"],
    ["projected panel", "#ffffff", "#1d3557"],
    ["projected links", "#ffd166", "#1d3557"],
    ["board seat names", "#ffffff", "#1b1f2a"],
    ["board private card label", "#6a2c91", "#ffffff"],
    ["stage cues and pending status", "#ffd166", "#12233d"],
    ["stage right mark", "#9be7b0", "#1d3557"],
    ["stage wrong mark", "#ffb3ba", "#1d3557"],
    ["stage muted text", "#c9d3e3", "#12233d"],
    ["stage most missed row", "#ffffff", "#4a3a10"],
    ...TEAM_COLOURS.map((colour): [string, string, string] => [`team colour ${colour}`, "#ffffff", colour]),
  ];

  for (const [name, text, background] of pairs) {
    it(`${name}: ${text} on ${background} ≥ 4.5:1`, () => {
      expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("computes known ratios", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});
