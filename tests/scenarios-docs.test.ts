/**
 * The facilitators' guide (`docs/scenarios.md`) stays true to the scenario files: every scenario has a
 * row in the catalogue table, with its full and short durations and its number of steps, and a section
 * of its own (`## <id>`) that announces the same duration, level and number of steps.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "../shared/scenario/files.ts";

const guide = readFileSync("docs/scenarios.md", "utf8");
const scenarios = loadScenarioFiles(DEFAULT_SCENARIOS_DIR).scenarios.map((entry) => entry.scenario);
const LEVELS = { debutant: "débutant", intermediaire: "intermédiaire", avance: "avancé" } as const;

describe("docs/scenarios.md", () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    "%s: a catalogue row and a section with the file's durations, level and steps",
    (id, scenario) => {
      const row = guide.split("\n").find((line) => line.startsWith(`| [\`${id}\`](#${id})`));
      expect(row, `${id}: catalogue row`).toBeDefined();
      const cells = (row ?? "").split("|").map((cell) => cell.trim());
      const short = scenario.shortRoute ? ` (${scenario.shortRoute.durationMinutes} min)` : "";
      expect(cells[3]).toBe(`${scenario.metadata.durationMinutes} min${short}`);
      expect(cells[4]).toBe(LEVELS[scenario.metadata.difficulty]);
      expect(cells[5]).toBe(String(scenario.steps.length));

      const section = guide.split(/\n(?=## )/).find((part) => part.startsWith(`## ${id}\n`));
      expect(section, `${id}: section`).toBeDefined();
      expect(section).toContain(
        `· ${scenario.metadata.durationMinutes} min · ${LEVELS[scenario.metadata.difficulty]} · ${scenario.steps.length} étapes`,
      );
      if (scenario.shortRoute)
        expect(section).toMatch(
          new RegExp(`\\*\\*Parcours court\\.\\*\\* ${scenario.shortRoute.durationMinutes} min`),
        );
    },
  );
});
