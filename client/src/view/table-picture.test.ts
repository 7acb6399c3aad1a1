import { describe, expect, it } from "vitest";
import { clip, initials, seatPositions } from "./table-picture.ts";

describe("table picture helpers", () => {
  it("makes initials", () => {
    expect(initials("Ana")).toBe("AN");
    expect(initials("marie curie")).toBe("MC");
    expect(initials("  Élise  Roy ")).toBe("ÉR");
  });

  it("places the first seat at the bottom and spreads the others", () => {
    const seats = seatPositions(4, 100, 100, 50, 30);
    expect(seats[0]).toEqual({ x: 100, y: 130 });
    expect(seats[2]).toEqual({ x: 100, y: 70 });
    expect(new Set(seats.map((s) => `${s.x},${s.y}`)).size).toBe(4);
  });

  it("clips long texts", () => {
    expect(clip("court", 10)).toBe("court");
    expect(clip("un texte beaucoup trop long", 10)).toBe("un texte…");
    expect(clip("un texte beaucoup trop long", 10).length).toBeLessThanOrEqual(10);
  });
});
