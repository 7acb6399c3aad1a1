import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "shared/cli/playtest.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });

describe("npm run scenarios:playtest", () => {
  it("reports every step of a valid scenario and exits 0", () => {
    const result = run("shared/scenario/fixtures/valid.json", "--equipes", "5");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Playtest de « valid » : 5 équipes simulées par stratégie");
    expect(result.stdout).toContain("Étape 5 « Le nettoyage » (table, id nettoyage)");
    expect(result.stdout).toContain(
      "indices        : 1, coût total 25 % : avec tous les indices la solution vaut 75 %",
    );
    expect(result.stdout).toContain("✓ toutes les étapes sont solubles");
  });

  it("gives the report as JSON", () => {
    const result = run("shared/scenario/fixtures/valid.json", "--equipes", "3", "--json");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ scenarioId: "valid", teams: 3, solvable: true });
    expect(report.steps).toHaveLength(5);
  });

  it("refuses a scenario with errors and exits 1", () => {
    const result = run("shared/scenario/fixtures/unsolvable-table.json");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("n'est pas atteignable");
    expect(result.stdout).toContain("le scénario a des erreurs");
  });

  it("finds a scenario of scenarios/ by its id", () => {
    const result = run("exemple", "--equipes", "2");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Playtest de « exemple »");
  });
});
