import { describe, expect, it } from "vitest";
import { hrefFor, parseRoute, type Route } from "./router.ts";

describe("router", () => {
  it("parses every route and builds it back", () => {
    const routes: Route[] = [
      { name: "home" },
      { name: "carnet" },
      { name: "organisation" },
      { name: "join", code: "AB7K9" },
      { name: "play", code: "AB7K9" },
      { name: "facilitator", code: "AB7K9" },
      { name: "screen", code: "AB7K9" },
      { name: "debrief", code: "AB7K9" },
      { name: "attestation", verificationCode: "X7-99" },
      { name: "verify", verificationCode: "X7-99" },
      { name: "path", verificationCode: "X7-99" },
      { name: "verify", verificationCode: "" },
      { name: "preview", scenarioId: "exemple" },
      { name: "studio", scenarioId: "" },
      { name: "studio", scenarioId: "exemple" },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it("normalises typed join codes", () => {
    expect(parseRoute("/join/ab7-k9")).toEqual({ name: "join", code: "AB7K9" });
  });

  it("reports unknown paths", () => {
    expect(parseRoute("/nope/1")).toEqual({ name: "not-found", path: "/nope/1" });
    expect(parseRoute("/join")).toEqual({ name: "not-found", path: "/join" });
    expect(parseRoute("/join/a/b")).toEqual({ name: "not-found", path: "/join/a/b" });
  });
});
