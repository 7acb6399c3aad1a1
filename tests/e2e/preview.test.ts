/**
 * The designer preview in dev mode (`server/dev.ts`, Vite in middleware mode) against a temporary
 * copy of the scenarios (SCENARIOS_DIR), so the real files are never touched: open
 * /preview/exemple, pick a step, edit the file on disk and see the page update on the same step,
 * show the solution, break the file and see the finding, fix it and get the game back.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserHandle,
  chromiumOrSkip,
  expectAccessible,
  freePort,
  launchBrowser,
  ROOT,
  SCREENSHOTS,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e preview");

describe.skipIf(!chromiumPath)("designer preview (dev server, real Chromium)", () => {
  let server: ServerProcess;
  let handle: BrowserHandle;
  let dir: string;
  let file: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "datatruc-scenarios-"));
    for (const name of ["exemple.json", "referentiel.json"])
      copyFileSync(join(ROOT, "scenarios", name), join(dir, name));
    file = join(dir, "exemple.json");
    server = await startServer("server/dev.ts", {
      SCENARIOS_DIR: dir,
      VITE_HMR_PORT: String(await freePort()),
    });
    handle = await launchBrowser(chromiumPath as string);
    page = await (await handle.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("pageerror", (error) => errors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // biome-ignore lint/suspicious/noExplicitAny: the test edits arbitrary JSON on disk
  const edit = (change: (scenario: any) => void) => {
    const scenario = JSON.parse(readFileSync(file, "utf8"));
    change(scenario);
    writeFileSync(file, JSON.stringify(scenario, null, 2));
  };

  it("reloads on save, keeps the step, and shows findings for a broken file", async () => {
    const original = JSON.parse(readFileSync(file, "utf8"));
    await page.goto(`${server.url}/preview/exemple`);
    await page.getByRole("heading", { name: original.steps[0].title }).waitFor();

    // Every role's private documents are visible, marked with their role.
    await page.getByText("Réservé au rôle", { exact: false }).first().waitFor();

    // Pick the third step, then save a new title for it on disk.
    await page.getByLabel("Étape", { exact: true }).selectOption("2");
    await page.getByRole("heading", { name: original.steps[2].title }).waitFor();
    edit((s) => {
      s.steps[2].title = "Titre modifié pendant la prévisualisation";
    });
    await page.getByRole("heading", { name: "Titre modifié pendant la prévisualisation" }).waitFor();
    expect(await page.getByLabel("Étape", { exact: true }).inputValue()).toBe("2");

    // The solution switch shows the right answer and its explanation (score 100 %).
    await page.getByLabel("Afficher la solution").check();
    await page.getByText("Score de cette réponse : 100 %").waitFor();
    await page.getByText(original.steps[2].explanation.text).waitFor();
    await expectAccessible(page, "preview with solution");
    await page.screenshot({ path: join(SCREENSHOTS, "14-previsualisation.png"), fullPage: true });

    // Break the file: a step type that does not exist.
    edit((s) => {
      s.steps[2].type = "ordre";
    });
    const findings = page.locator("[data-findings]");
    await findings.waitFor();
    expect(await findings.textContent()).toContain("steps[2]");
    await expectAccessible(page, "preview findings");
    await page.screenshot({ path: join(SCREENSHOTS, "15-previsualisation-erreur.png"), fullPage: true });

    // Fix it: the game comes back on the same step.
    edit((s) => {
      s.steps[2].type = original.steps[2].type;
    });
    await page.getByRole("heading", { name: "Titre modifié pendant la prévisualisation" }).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);

  it("says a mistyped id is unknown and lists the scenarios", async () => {
    await page.goto(`${server.url}/preview/exemplle`);
    await page.getByText("Aucun scénario « exemplle »").waitFor();
    expect(await page.getByText("Le fichier ne valide plus").count()).toBe(0);
    await page.getByRole("link", { name: "exemple" }).click();
    await page.getByRole("heading", { name: /Prévisualisation/ }).waitFor();
    await expectAccessible(page, "preview of an unknown id");
  }, 60_000);

  it("marks no answer « À revoir » before it is checked, hints shown as players get them", async () => {
    const scenario = JSON.parse(readFileSync(file, "utf8"));
    const tableIndex = scenario.steps.findIndex((step: { type: string }) => step.type === "table");
    // A table document of eight columns, as designers write them.
    const columns = ["code", "nom", "commune", "adresse", "effectif", "statut", "latitude", "longitude"];
    edit((s) => {
      s.steps[tableIndex].materials.push({
        kind: "table",
        id: "tableau-large",
        title: "Extrait de la base des collèges",
        columns,
        rows: [columns.map((column) => `valeur de ${column} assez longue`)],
      });
    });
    await page.goto(`${server.url}/preview/exemple`);
    await page.getByLabel("Étape", { exact: true }).selectOption(String(tableIndex));
    await page.getByRole("heading", { name: scenario.steps[tableIndex].title }).waitFor();
    expect(await page.getByText("À revoir").count()).toBe(0);
    await page.getByRole("button", { name: "Vérifier cette réponse" }).click();
    await page.getByText("À revoir").first().waitFor();
    const [hint] = scenario.steps[tableIndex].hints as { text: string }[];
    expect(hint).toBeDefined();
    await page.getByText(hint?.text ?? "").waitFor();
    await expectAccessible(page, "preview checked");

    // The form step: the feedback the scenario writes per field is listed, and after « Vérifier »
    // the team's reading of each wrong field (feedback, a pattern's description).
    const formIndex = scenario.steps.findIndex((step: { type: string }) => step.type === "form");
    const titleFeedback = scenario.steps[formIndex].solution.fields.titre.feedback as string;
    await page.getByLabel("Étape", { exact: true }).selectOption(String(formIndex));
    await page.getByRole("heading", { name: "Retours prévus par élément" }).waitFor();
    expect(await page.getByText(titleFeedback).count()).toBe(1);
    await page.getByRole("button", { name: "Vérifier cette réponse" }).click();
    const attempt = page.locator("section", {
      has: page.getByRole("heading", { name: "Ce que l'équipe lit après cette tentative" }),
    });
    await attempt.getByText(titleFeedback).waitFor();
    await expectAccessible(page, "preview of a form attempt");
    await page.getByLabel("Étape", { exact: true }).selectOption(String(tableIndex));

    // On a phone, the table document scrolls sideways, and says so.
    await page.setViewportSize({ width: 390, height: 800 });
    const table = page.locator("#material-tableau-large [role=region]");
    await page.waitForFunction(() =>
      document.querySelector("#material-tableau-large [role=region]")?.hasAttribute("data-overflow"),
    );
    expect(await table.getAttribute("tabindex")).toBe("0");
    await page.locator("#material-tableau-large .scroll-cue").waitFor({ state: "visible" });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);
});
