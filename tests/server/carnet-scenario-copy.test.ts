/**
 * A carnet counts a past session against the copy of the scenario that session played: editing
 * the scenario's file (other competences, other weights) or removing it while the server runs
 * changes neither the carnet's levels, nor the organisation dashboard's competences and programme
 * progress, nor the learning-record export.
 */
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api, eventually, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";
import { leaveAll, playInOrganisation } from "./play.ts";

const dir = tempDir();
const scenariosDir = join(dir.path, "scenarios");
cpSync("scenarios", scenariosDir, { recursive: true });
const exempleFile = join(scenariosDir, "exemple.json");
// Parsed as the server parses it (defaults filled in), so that the bots play what the room plays.
const exemple = (() => {
  const parsed = loadCatalog(scenariosDir).scenarios.get("exemple");
  if (!parsed) throw new Error("exemple.json does not load");
  return parsed;
})();
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  dir.remove();
});
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("a carnet and the scenario files", () => {
  it("keeps its levels when a played scenario's file is edited or removed", async () => {
    server = await startServerProcess(join(dir.path, "db.sqlite"), { SCENARIOS_DIR: scenariosDir });
    const s = server;
    const { adminKey, played } = await playInOrganisation(s, exemple, "acces-documents");
    const seat = played.players[0];
    const carnet = await api<{ code: string }>(s, "/api/carnets", {
      method: "POST",
      json: {
        displayName: "Zéphyrine",
        seat: { sessionCode: played.session.code, playerId: seat?.playerId, seatKey: seat?.seatKey },
      },
    });
    expect(carnet.status).toBe(201);
    await leaveAll(played);

    /** What a scenario file must not change: the carnet's competences, the dashboard, the export. */
    const record = async () => {
      const view = await api<{ competences: unknown[]; paths: unknown[] }>(s, "/api/carnet", {
        headers: bearer(carnet.body.code),
      });
      const dashboard = await api<{ heatmap: unknown[]; programmes: unknown[] }>(
        s,
        "/api/organisation/dashboard",
        { headers: bearer(adminKey) },
      );
      const statements = await api<unknown[]>(s, "/api/carnet/xapi", { headers: bearer(carnet.body.code) });
      return {
        competences: view.body.competences,
        paths: view.body.paths,
        heatmap: dashboard.body.heatmap,
        programmes: dashboard.body.programmes,
        statements: statements.body,
      };
    };
    const before = await record();
    const practised = (before.competences as { competence: string; points: number }[]).filter(
      (c) => c.points > 0,
    );
    expect(practised.map((c) => c.competence).sort()).toEqual(
      [...new Set(exemple.steps.flatMap((step) => step.skills.map((k) => k.competence)))].sort(),
    );

    const titleListed = async (title: string | null) =>
      eventually(
        async () => {
          const entries = (await api<{ scenarios: { id: string; title: string }[] }>(s, "/api/scenarios"))
            .body.scenarios;
          const entry = entries.find((e) => e.id === "exemple");
          return (title === null ? !entry : entry?.title === title) || undefined;
        },
        `the catalogue with exemple ${title ?? "removed"}`,
      );

    // Edited: every step now trains another competence, with another weight.
    const edited = structuredClone(exemple);
    edited.metadata.title = "Exemple réécrit";
    for (const step of edited.steps) step.skills = [{ competence: "geodonnees", weight: 3 }];
    writeFileSync(exempleFile, JSON.stringify(edited, null, 2));
    await titleListed("Exemple réécrit");
    expect(await record()).toEqual(before);

    // Removed.
    rmSync(exempleFile);
    await titleListed(null);
    expect(await record()).toEqual(before);
  }, 180_000);
});
