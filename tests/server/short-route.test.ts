/**
 * The facilitator picks the short route at creation (issue 12 §2): the room then plays only the
 * scenario's short-route steps; a scenario without one refuses it; the catalogue shows both durations.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api, createSession, joinAsFacilitator } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const running = useServerProcess();
const scenario = loadCatalog("scenarios").scenarios.get("metadata-party");

describe("the short route", () => {
  it("is listed in the catalogue with its duration, and a short session plays only its steps", async () => {
    const catalogue = await api<{
      scenarios: { id: string; shortRoute: { durationMinutes: number } | null }[];
    }>(running.server, "/api/scenarios");
    const entry = catalogue.body.scenarios.find((s) => s.id === "metadata-party");
    expect(entry?.shortRoute?.durationMinutes).toBe(scenario?.shortRoute?.durationMinutes);

    const session = await createSession(running.server, { scenarioId: "metadata-party", route: "short" });
    const facilitator = await joinAsFacilitator(running.server, session.code, session.facilitatorKey);
    running.seats.push(facilitator);
    const welcome = facilitator.welcome() as { scenario: { steps: { id: string }[] } };
    expect(welcome.scenario.steps.map((s) => s.id)).toEqual(scenario?.shortRoute?.steps);

    const full = await createSession(running.server, { scenarioId: "metadata-party" });
    const other = await joinAsFacilitator(running.server, full.code, full.facilitatorKey);
    running.seats.push(other);
    const all = other.welcome() as { scenario: { steps: unknown[] } };
    expect(all.scenario.steps).toHaveLength(scenario?.steps.length ?? 0);
  });
});
