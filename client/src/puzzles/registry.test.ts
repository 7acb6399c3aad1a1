import { describe, expect, it } from "vitest";
import { PUZZLES } from "../../../shared/puzzles/registry.ts";
import { VIEWS } from "./registry.ts";

describe("client puzzle registry", () => {
  it("has one renderer per puzzle type of the shared registry, in the same order", () => {
    expect(VIEWS.map((view) => view.type)).toEqual(PUZZLES.map((type) => type.type));
  });
});
