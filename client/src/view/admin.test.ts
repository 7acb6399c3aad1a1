import { describe, expect, it } from "vitest";
import { idFromLabel, moved } from "./admin.ts";

describe("admin helpers", () => {
  it("make scenario-format ids from French labels, unique among the taken ones", () => {
    expect(idFromLabel("Direction de l'Éducation et des collèges", [])).toBe(
      "direction-de-l-education-et-des-colleges",
    );
    expect(idFromLabel("DSI", ["dsi", "dsi-2"])).toBe("dsi-3");
    expect(idFromLabel("« ! »", [], "direction")).toBe("direction");
    const long = idFromLabel("a".repeat(100), []);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it("move an item up or down, never out of the list", () => {
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
