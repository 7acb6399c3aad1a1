import { describe, expect, it } from "vitest";
import { PUZZLES } from "../../../shared/puzzles/registry.ts";
import { PLAYS } from "../../../tests/e2e/puzzle-plays.ts";
import { VIEWS } from "./registry.ts";

describe("client puzzle registry", () => {
  it("has one renderer per puzzle type of the shared registry, in the same order", () => {
    expect(VIEWS.map((view) => view.type)).toEqual(PUZZLES.map((type) => type.type));
  });

  it("has, next to each renderer, an e2e play with the mouse and with the keyboard only", () => {
    expect([...PLAYS.keys()].sort()).toEqual(PUZZLES.map((type) => type.type).sort());
    for (const play of PLAYS.values()) {
      expect(typeof play.mouse, play.type).toBe("function");
      expect(typeof play.keyboard, play.type).toBe("function");
    }
  });
});
