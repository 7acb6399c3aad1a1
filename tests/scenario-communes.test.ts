/**
 * Real communes stay real: every commune drawn on a scenario's map (unless the map's title says it is
 * fictional) has its code and name as in the code officiel géographique, read from
 * `@etalab/decoupage-administratif`; so do the commune tables that scenario materials present as
 * extracts of it (a postal code typed as an INSEE code is the trap these steps teach: the data must be
 * right).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, loadScenarioFiles } from "../shared/scenario/files.ts";

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
}

const require = createRequire(import.meta.url);
const cog = JSON.parse(
  readFileSync(require.resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8"),
) as Commune[];
const communes = new Map(cog.filter((c) => c.type === "commune-actuelle").map((c) => [c.code, c]));
const departements = new Map(
  (
    JSON.parse(
      readFileSync(require.resolve("@etalab/decoupage-administratif/data/departements.json"), "utf8"),
    ) as { code: string; nom: string }[]
  ).map((d) => [d.code, d.nom]),
);
const scenarios = loadScenarioFiles(DEFAULT_SCENARIOS_DIR).scenarios.map((entry) => entry.scenario);

const realMaps = scenarios.flatMap((scenario) =>
  scenario.steps.flatMap((step) =>
    step.type === "map" && !/fictif|fictive/i.test(step.puzzle.title ?? "")
      ? [[`${scenario.id}/${step.id}`, step.puzzle.map.features] as const]
      : [],
  ),
);

/** Material tables with the columns of a code officiel géographique extract. */
const cogTables = scenarios.flatMap((scenario) =>
  scenario.steps.flatMap((step) =>
    step.materials.flatMap((material) =>
      material.kind === "table" &&
      material.columns.includes("code INSEE") &&
      material.columns.includes("commune")
        ? [[`${scenario.id}/${step.id}/${material.id}`, material] as const]
        : [],
    ),
  ),
);

describe("communes in scenarios match the code officiel géographique", () => {
  it("some scenario draws real communes", () => {
    expect(realMaps.length).toBeGreaterThan(0);
  });

  it.each(realMaps)("%s: each commune's INSEE code and name", (_where, features) => {
    for (const feature of features) {
      const code = feature.properties.code;
      if (code === undefined) continue;
      expect(communes.get(code)?.nom, `${feature.id} (${code})`).toBe(feature.properties.nom);
    }
  });

  it.each(cogTables)("%s: each row's INSEE code, name, département and postal code", (_where, table) => {
    const column = (name: string) => table.columns.indexOf(name);
    for (const row of table.rows) {
      const commune = communes.get(row[column("code INSEE")] ?? "");
      expect(commune?.nom, row.join(" | ")).toBe(row[column("commune")]);
      if (column("département") >= 0)
        expect(departements.get(commune?.departement ?? ""), row.join(" | ")).toBe(
          row[column("département")],
        );
      if (column("code postal") >= 0)
        expect(commune?.codesPostaux, row.join(" | ")).toContain(row[column("code postal")]);
    }
  });
});
