import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "shared/cli/check-scenarios.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run scenarios:check", () => {
  it("passes on scenarios/ and exits 0", () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^✓ \d+ fichiers vérifiés : 0 erreur/m);
    expect(result.status).toBe(0);
  });

  it("prints one finding per mistake of the issue 2 file, with its JSON path, and exits non-zero", () => {
    const result = run("shared/scenario/fixtures/done-when.json");
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n").filter((line) => line.includes(": erreur: "));
    expect(lines).toEqual([
      "shared/scenario/fixtures/done-when.json:22:7: erreur: steps[0].promt: clé « promt » inconnue : vouliez-vous dire « prompt » ?",
      "shared/scenario/fixtures/done-when.json:58:37: erreur: steps[1].solution.buckets.communicable[1]: l'élément « doc-7 » n'existe pas (éléments connus : doc-1, doc-2, doc-3)",
      "shared/scenario/fixtures/done-when.json:66:5: erreur: steps[2].prompt: champ obligatoire « prompt » manquant : La consigne donnée à l'équipe.",
      "shared/scenario/fixtures/done-when.json:108:27: erreur: steps[3].timeLimitSeconds: type incorrect : on attend un nombre entier (sans guillemets), on trouve le texte « 240 »",
    ]);
    expect(result.stdout).toContain(
      [
        "shared/scenario/fixtures/done-when.json:58:37: erreur: steps[1].solution.buckets.communicable[1]: l'élément « doc-7 » n'existe pas (éléments connus : doc-1, doc-2, doc-3)",
        '   58 |           "communicable": ["doc-1", "doc-7"],',
        "      |                                     ^",
        "    → docs/guide-scenarios.md#reference-inconnue",
      ].join("\n"),
    );
    expect(result.stdout).toContain("✗ 1 fichier vérifié : 4 erreurs, 0 avertissement");
  });

  it("gives machine-readable output with --json", () => {
    const result = run(
      "--json",
      "shared/scenario/fixtures/bad-json.json",
      "shared/scenario/fixtures/valid.json",
    );
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(output.files).toEqual([
      { file: "shared/scenario/fixtures/bad-json.json", kind: "scenario", ok: false },
      { file: "shared/scenario/fixtures/valid.json", kind: "scenario", ok: true },
    ]);
    expect(output.findings).toEqual([
      {
        severity: "error",
        code: "json-invalide",
        file: "shared/scenario/fixtures/bad-json.json",
        path: "(racine)",
        line: 22,
        column: 7,
        message:
          'virgule manquante avant « "prompt" » : séparez les éléments par des virgules (regardez la fin de la ligne précédente)',
        help: "docs/guide-scenarios.md#json-invalide",
      },
    ]);
  });

  it("exits 0 with warnings only", () => {
    const result = run("shared/scenario/fixtures/wrong-file-name.json");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      ": avertissement: id: l'identifiant « autre-nom » diffère du nom du fichier",
    );
  });

  it("reports a file that does not exist", () => {
    const result = run("scenarios/nulle-part.json");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("scenarios/nulle-part.json:1:1: erreur: (racine): fichier introuvable");
  });
});

describe("npm run scenarios:check --json, as the README writes it (without --)", () => {
  it("prints the JSON report: npm keeps --json for itself, the script reads it back", () => {
    const result = spawnSync(
      "npm",
      ["run", "--silent", "scenarios:check", "scenarios/exemple.json", "--json"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { ok: boolean; files: { file: string }[] };
    expect(output.ok).toBe(true);
    expect(output.files.map((file) => file.file)).toEqual(["scenarios/exemple.json"]);
  });
});
