/**
 * The designers' studio in real Chromium.
 * Dev server (`server/dev.ts`) on a temporary copy of the scenarios: start a new scenario from the
 * starter, type a mistake and see the finding at its line, fix it and see the preview of the step
 * under the cursor change, save, and find the scenario in the running server's catalogue.
 * Shared server (`npm start` with DESIGNER_KEY, under the CSP): the key is asked for, the editor
 * loads with schema completion and without a CSP violation, and the file is offered for download.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  freePort,
  launchBrowser,
  ROOT,
  reportCspViolations,
  SCREENSHOTS,
  type ServerProcess,
  startServer,
} from "./harness.ts";
import { replaceLine } from "./studio-editor.ts";

const chromiumPath = chromiumOrSkip("e2e studio");

describe.skipIf(!chromiumPath)("designers' studio (real Chromium)", () => {
  let handle: BrowserHandle;
  let dir: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    dir = mkdtempSync(join(tmpdir(), "datatruc-studio-"));
    for (const name of ["exemple.json", "referentiel.json"])
      copyFileSync(join(ROOT, "scenarios", name), join(dir, name));
    handle = await launchBrowser(chromiumPath as string);
  }, 240_000);

  afterAll(async () => {
    await handle?.close();
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a new scenario: finding at its line, fix, preview, save, in the catalogue", async () => {
    const server = await startServer("server/dev.ts", {
      SCENARIOS_DIR: dir,
      VITE_HMR_PORT: String(await freePort()),
    });
    servers.push(server);
    const page = await (
      await handle.browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${server.url}/studio`);
    await page.getByRole("heading", { name: "Studio de scénarios" }).waitFor();
    await page
      .getByRole("link", { name: /Exemple/ })
      .first()
      .waitFor();
    await expectAccessible(page, "studio list");

    await page.getByLabel("Identifiant du nouveau scénario").fill("mon-essai");
    await page.getByRole("button", { name: "Nouveau scénario" }).click();
    await page.getByRole("heading", { name: "Studio : mon-essai" }).waitFor();
    await page.locator("#studio-editor .cm-content").waitFor();
    const counts = page.locator("[data-studio-counts]");
    await page.waitForFunction(() =>
      document.querySelector("[data-studio-counts]")?.textContent?.startsWith("Aucune erreur"),
    );
    const starter = (await (await fetch(`${server.url}/api/studio/new/mon-essai`)).json()) as {
      text: string;
    };
    const lines = starter.text.split("\n");
    const stepsLine = lines.findIndex((line) => line.includes('"steps"'));
    const titleIndex = lines.findIndex((line, index) => index > stepsLine && line.includes('"title"'));
    const titleLine = lines[titleIndex] ?? "";
    const indent = titleLine.slice(0, titleLine.indexOf('"'));
    const preview = page.locator("[data-studio-preview]");
    await preview.getByRole("heading", { level: 2 }).nth(1).waitFor();

    // A mistake: the key "titre" instead of "title", at line titleIndex + 1.
    await replaceLine(page, titleIndex + 1, `${indent}"titre": "Mon étape",`);
    const finding = page.locator("[data-studio-findings] li", { hasText: "titre" }).first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain(`ligne ${titleIndex + 1}, colonne ${indent.length + 1}`);
    expect(await counts.textContent()).toMatch(/^[1-9]\d* erreurs?/);
    await page.locator("#studio-editor .cm-lintRange-error").first().waitFor();
    await expectAccessible(page, "studio with a finding");
    await page.screenshot({ path: join(SCREENSHOTS, "16-studio-erreur.png") });

    // The fix: the preview of the step under the cursor shows the new title.
    await replaceLine(page, titleIndex + 1, `${indent}"title": "Titre corrigé dans le studio",`);
    await preview.getByRole("heading", { name: "Titre corrigé dans le studio" }).waitFor();
    await page.waitForFunction(() =>
      document.querySelector("[data-studio-counts]")?.textContent?.startsWith("Aucune erreur"),
    );
    await expectAccessible(page, "studio fixed");
    await page.screenshot({ path: join(SCREENSHOTS, "17-studio.png") });

    // Save: the file is written and the running server's catalogue has it.
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.locator("[data-studio-status]", { hasText: "le scénario est au catalogue" }).waitFor();
    expect(existsSync(join(dir, "mon-essai.json"))).toBe(true);
    const catalogue = (await (await fetch(`${server.url}/api/scenarios`)).json()) as {
      scenarios: { id: string }[];
    };
    expect(catalogue.scenarios.map((s) => s.id)).toContain("mon-essai");

    // The playtest report, one click away.
    await page.getByRole("button", { name: "Lancer le playtest" }).click();
    await page.getByRole("heading", { name: "Rapport de playtest" }).waitFor();
    expect(await page.locator("pre.playtest").textContent()).toContain("toutes les étapes sont solubles");
    expect(errors).toEqual([]);
  }, 240_000);

  it("on a shared server: asks for the designer key, no CSP violation, download instead of save", async () => {
    const server = await startServer("server/main.ts", { SCENARIOS_DIR: dir, DESIGNER_KEY: "cle-de-test" });
    servers.push(server);
    const context = await handle.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    await reportCspViolations(context, "studio", errors);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${server.url}/studio/exemple`);
    await page.getByLabel("Clé de conception").fill("pas-la-bonne");
    await page.getByRole("button", { name: "Ouvrir le studio" }).click();
    await page.getByText("Clé de conception incorrecte.").first().waitFor();
    await expectAccessible(page, "studio key form");
    await page.getByLabel("Clé de conception").fill("cle-de-test");
    await page.getByRole("button", { name: "Ouvrir le studio" }).click();
    await page.locator("#studio-editor .cm-content").waitFor();
    await page.waitForFunction(() =>
      /^(Aucune|\d+) erreur/.test(document.querySelector("[data-studio-counts]")?.textContent ?? ""),
    );
    expect(await page.getByRole("button", { name: "Enregistrer" }).count()).toBe(0);
    await page.getByRole("button", { name: "Télécharger le fichier" }).waitFor();

    // Completion from the JSON Schema: typing a field of metadata, its full name is offered.
    const exemple = readFileSync(join(dir, "exemple.json"), "utf8").split("\n");
    const difficulty = exemple.findIndex((line) => line.includes('"difficulty"')) + 1;
    await replaceLine(page, difficulty, "    ");
    await page.keyboard.type('"diffi');
    const completion = page.locator("#studio-editor .cm-tooltip-autocomplete");
    await completion.waitFor();
    expect(await completion.textContent()).toContain("difficulty");
    await page.keyboard.press("Escape");
    await expectAccessible(page, "studio on a shared server");

    // A table imported on a shared server: converted, not written, kept by the studio and
    // downloaded with the scenario file.
    const csv = join(dir, "Équipements sportifs.csv");
    writeFileSync(csv, "Nom;Surface\nPiscine;535,01 m²\n");
    const importForm = page.locator("[data-studio-import]");
    await importForm.getByLabel("Fichier de tableur (XLSX, ODS ou CSV)").setInputFiles(csv);
    expect(await importForm.getByLabel("Nom du tableau dans le scénario").inputValue()).toBe(
      "equipements-sportifs.csv",
    );
    expect(await importForm.getByLabel("Remplacer le fichier s'il existe déjà").count()).toBe(0);
    await importForm.getByRole("button", { name: "Importer le tableau" }).click();
    await page
      .locator("[data-studio-status]", { hasText: "Tableau equipements-sportifs.csv importé (1 ligne," })
      .waitFor();
    expect(existsSync(join(dir, "exemple", "equipements-sportifs.csv"))).toBe(false);
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    await page.getByRole("button", { name: "Télécharger le fichier" }).click();
    await page
      .locator("[data-studio-status]", { hasText: "tableaux equipements-sportifs.csv téléchargés" })
      .waitFor();
    await expect.poll(() => [...downloads].sort()).toEqual(["equipements-sportifs.csv", "exemple.json"]);
    expect(errors).toEqual([]);
  }, 240_000);
});
