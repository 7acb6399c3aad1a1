/**
 * Issue 14's « done when », in real Chromium: a designer with only a browser opens `/studio` on the
 * development server (a temporary scenarios directory), starts a three-step scenario, imports its
 * table from a spreadsheet (the table to clean and the clean one, two sheets of one XLSX file),
 * types a mistake and sees the finding at its line, fixes it and sees the preview follow, saves,
 * runs the playtest, and a session of the same running server starts with the new scenario.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, draftJson, joinAsFacilitator, type Seat } from "../server/harness.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  freePort,
  launchBrowser,
  ROOT,
  type ServerProcess,
  startServer,
} from "./harness.ts";
import { replaceLine } from "./studio-editor.ts";

const chromiumPath = chromiumOrSkip("e2e studio table");
const ID = "trois-etapes";

/** The table as the spreadsheet has it: sheet 1 to clean, sheet 2 clean (without the duplicate, line 4). */
const DIRTY = [
  ["Nom", "Surface (m²)", "Code INSEE"],
  ["Piscine municipale", "535,01 m²", "1004"],
  ["Médiathèque", "1200", "33063"],
  ["Médiathèque", "1200", "33063"],
  ["Gymnase  Nord", "800 m²", "33063"],
];
const CLEAN = [
  ["Nom", "Surface (m²)", "Code INSEE"],
  ["Piscine municipale", "535.01", "01004"],
  ["Médiathèque", "1200", "33063"],
  ["Gymnase Nord", "800", "33063"],
];

function workbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(DIRTY), "À nettoyer");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(CLEAN), "Propre");
  return XLSX.write(book, { bookType: "xlsx", type: "buffer" }) as Buffer;
}

/**
 * The starter's form step (with a date-range field) and choice step, then a table step on the
 * imported CSV files.
 */
function threeSteps(starterText: string): string {
  const starter = JSON.parse(starterText);
  const byType = (type: string) => starter.steps.find((step: { type: string }) => step.type === type);
  const table = byType("table");
  table.title = "Nettoyer les équipements";
  table.puzzle = {
    csv: "equipements.csv",
    columns: [
      { id: "nom", label: "Nom" },
      { id: "surface", label: "Surface (m²)" },
      { id: "insee", label: "Code INSEE", width: 5 },
    ],
    operations: ["trim", "strip-unit", "decimal-point", "pad-zeros", "remove-row"],
  };
  table.solution = { csv: "equipements-propre.csv", removedRows: ["l4"] };
  const form = byType("form");
  form.puzzle.fields.push({ id: "periode", label: "Couverture temporelle", input: "date-range" });
  form.solution.fields.periode = {
    check: { rule: "dateRange", start: "2025-01-01", end: "2025-12-31" },
    example: "2025-01-01/2025-12-31",
  };
  starter.steps = [form, byType("choice"), table];
  delete starter.shortRoute;
  return `${JSON.stringify(starter, null, 2)}\n`;
}

/** Waits for the findings' count to start with `text`; on a timeout, says which findings there are. */
async function countsStartWith(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => document.querySelector("[data-studio-counts]")?.textContent?.startsWith(expected),
      text,
      { timeout: 60_000 },
    );
  } catch (error) {
    const counts = await page.locator("[data-studio-counts]").textContent();
    const findings = await page.locator("[data-studio-findings]").textContent();
    const status = await page.locator("[data-studio-status]").textContent();
    throw new Error(`expected « ${text} », got « ${counts} »: ${findings} (status: ${status})`, {
      cause: error,
    });
  }
}

describe.skipIf(!chromiumPath)("a three-step scenario with a spreadsheet table, in the studio only", () => {
  let handle: BrowserHandle;
  let dir: string;
  let server: ServerProcess | undefined;
  const seats: Seat[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    dir = mkdtempSync(join(tmpdir(), "datatruc-studio-table-"));
    mkdirSync(join(dir, "scenarios"));
    writeFileSync(
      join(dir, "scenarios", "referentiel.json"),
      readFileSync(join(ROOT, "scenarios", "referentiel.json")),
    );
    writeFileSync(join(dir, "equipements.xlsx"), workbook());
    writeFileSync(join(dir, "photo.xlsx"), Buffer.from("PK\u0003\u0004 pas un classeur"));
    handle = await launchBrowser(chromiumPath as string);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(seats.map((seat) => seat.leave()));
    await handle?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes, imports, checks, previews, saves, playtests and plays it on the same server", async () => {
    server = await startServer("server/dev.ts", {
      SCENARIOS_DIR: join(dir, "scenarios"),
      VITE_HMR_PORT: String(await freePort()),
    });
    const running = server;
    const page = await (
      await handle.browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    // A new scenario from the starter.
    await page.goto(`${running.url}/studio`);
    await page.getByLabel("Identifiant du nouveau scénario").fill(ID);
    await page.getByRole("button", { name: "Nouveau scénario" }).click();
    await page.getByRole("heading", { name: `Studio : ${ID}` }).waitFor();
    await page.locator("#studio-editor .cm-content").waitFor();
    await countsStartWith(page, "Aucune erreur");

    // A bad file first: a French message, nothing written, the form still there.
    const importForm = page.locator("[data-studio-import]");
    await importForm
      .getByLabel("Fichier de tableur (XLSX, ODS ou CSV)")
      .setInputFiles(join(dir, "photo.xlsx"));
    await importForm.getByLabel("Nom du tableau dans le scénario").fill("equipements.csv");
    await importForm.getByRole("button", { name: "Importer le tableau" }).click();
    await importForm
      .getByRole("alert")
      .filter({ hasText: "Ce fichier ne se lit pas comme un classeur XLSX ou ODS" })
      .waitFor();
    expect(existsSync(join(dir, "scenarios", ID, "equipements.csv"))).toBe(false);

    // The two sheets of the spreadsheet, with the keyboard: the name is suggested from the file.
    const importSheet = async (name: string, sheet: string) => {
      await importForm
        .getByLabel("Fichier de tableur (XLSX, ODS ou CSV)")
        .setInputFiles(join(dir, "equipements.xlsx"));
      const nameField = importForm.getByLabel("Nom du tableau dans le scénario");
      await nameField.fill(name);
      await importForm.getByLabel(/^Feuille à lire/).fill(sheet);
      await importForm.getByLabel(/^Feuille à lire/).press("Enter");
      await page
        .locator("[data-studio-status]", { hasText: `Tableau importé dans scenarios/${ID}/${name}` })
        .waitFor();
    };
    await importForm
      .getByLabel("Fichier de tableur (XLSX, ODS ou CSV)")
      .setInputFiles(join(dir, "equipements.xlsx"));
    expect(await importForm.getByLabel("Nom du tableau dans le scénario").inputValue()).toBe(
      "equipements.csv",
    );
    await importForm.getByLabel("Nom du tableau dans le scénario").fill("");
    await importSheet("equipements.csv", "1");
    await importSheet("equipements-propre.csv", "Propre");
    expect(readFileSync(join(dir, "scenarios", ID, "equipements.csv"), "utf8").split("\n")[1]).toBe(
      "Piscine municipale;535,01 m²;1004",
    );

    // The three steps, the table named by its CSV files (pasted over the starter).
    const starterText = (await (await fetch(`${running.url}/api/studio/new/${ID}`)).json()) as {
      text: string;
    };
    const text = threeSteps(starterText.text);
    await page.locator("#studio-editor .cm-content").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(text);
    await countsStartWith(page, "Aucune erreur");

    // A mistake: a row to remove that the CSV does not have. Its finding, at its line and column.
    const lines = text.split("\n");
    const removed = lines.findIndex((line) => line.includes('"l4"'));
    const indent = (lines[removed] ?? "").indexOf('"');
    await replaceLine(page, removed + 1, `${" ".repeat(indent)}"l9"`);
    const finding = page.locator("[data-studio-findings] li", { hasText: "l9" }).first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain(`ligne ${removed + 1}, colonne ${indent + 1}`);
    // … and the clean table no longer matches the rows kept: said once, at its header.
    await countsStartWith(page, "2 erreurs");
    await page.locator("[data-studio-findings] li", { hasText: "equipements-propre.csv, ligne 1" }).waitFor();
    const preview = page.locator("[data-studio-preview]");
    await preview.getByText("Le texte a des erreurs : l'aperçu montre la dernière version valide.").waitFor();
    await expectAccessible(page, "studio with a table finding");

    // The fix: no finding, and the preview of the step under the cursor (the table, its rows from
    // the spreadsheet) is current again.
    await replaceLine(page, removed + 1, `${" ".repeat(indent)}"l4"`);
    await countsStartWith(page, "Aucune erreur");
    await preview.getByText("Le texte a des erreurs").waitFor({ state: "detached" });
    await preview.getByText("Aperçu de l'étape 3 « Nettoyer les équipements »").waitFor();
    await preview.getByText("535,01 m²").first().waitFor();
    await expectAccessible(page, "studio with an imported table");

    // Save: the file is written and the running server's catalogue has it.
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.locator("[data-studio-status]", { hasText: "le scénario est au catalogue" }).waitFor();
    const catalogue = (await (await fetch(`${running.url}/api/scenarios`)).json()) as {
      scenarios: { id: string }[];
    };
    expect(catalogue.scenarios.map((s) => s.id)).toContain(ID);

    // The playtest, one click away.
    await page.getByRole("button", { name: "Lancer le playtest" }).click();
    await page.getByRole("heading", { name: "Rapport de playtest" }).waitFor();
    expect(await page.locator("pre.playtest").textContent()).toContain("toutes les étapes sont solubles");
    expect(errors).toEqual([]);

    // A session of the same running server: a player joins in the page, the facilitator starts,
    // the player sees step 1; the table reaches players as rows.
    const session = await createSession(running, { scenarioId: ID, teamCount: 1 });
    const facilitator = await joinAsFacilitator(running, session.code, session.facilitatorKey);
    seats.push(facilitator);
    const welcome = facilitator.welcome();
    expect(welcome?.scenario.steps.map((step) => step.title)).toEqual(
      JSON.parse(text).steps.map((step: { title: string }) => step.title),
    );
    expect(JSON.stringify(welcome?.scenario)).not.toContain(".csv");
    const player = await page.context().newPage();
    await player.goto(`${running.url}/join/${session.code}`);
    await player.getByLabel("Votre prénom ou pseudo").fill("Camille");
    await player.getByRole("button", { name: /Entrer dans la partie/ }).click();
    await player.getByText("La partie commence bientôt").first().waitFor();
    await facilitator.waitFor(() => facilitator.state.teams[0]?.memberIds.length === 1, "the player");
    facilitator.send("start", {});
    const first = JSON.parse(text).steps[0] as { id: string; title: string };
    await player.getByRole("heading", { name: first.title }).first().waitFor();

    // Step 1's date-range field: its format said under it, a period typed reaches the team.
    const period = player.getByRole("textbox", { name: "Couverture temporelle" });
    await period.waitFor();
    expect(await period.getAttribute("placeholder")).toBe("AAAA-MM-JJ/AAAA-MM-JJ");
    const help = await player.locator(`#${await period.getAttribute("aria-describedby")}`).textContent();
    // (French typography: narrow no-break spaces inside « ».)
    expect(help?.replace(/[\u202f\u00a0]/g, " ")).toContain("séparées par « / » (ex. 2025-01-01/2025-12-31)");
    await period.fill("2025-01-01/2025-12-31");
    await period.press("Enter");
    await facilitator.waitFor(() => {
      const draft = draftJson(facilitator.state.teams[0]?.work, first.id);
      return draft !== undefined && JSON.parse(draft).values?.periode === "2025-01-01/2025-12-31";
    }, "the period in the team's draft");
    expect(errors).toEqual([]);
  }, 420_000);
});
