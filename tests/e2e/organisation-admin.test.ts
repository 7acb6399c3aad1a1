/**
 * The organisation's admin screens in Chromium, with the keyboard: the admin edits the list of
 * directions, issues a facilitator key (shown once; it creates sessions) and revokes it, writes a
 * programme (scenarios in order, a competence target); a programme left without a target and one
 * naming a scenario removed from the catalogue get clear French errors and change nothing; axe-clean.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumOrSkip, expectAccessible, useBrowserServer } from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e organisation admin");
const scenariosDir = join(mkdtempSync(join(tmpdir(), "datatruc-admin-")), "scenarios");
cpSync("scenarios", scenariosDir, { recursive: true });
afterAll(() => rmSync(join(scenariosDir, ".."), { recursive: true, force: true }));
const ctx = useBrowserServer(chromiumPath, { SCENARIOS_DIR: scenariosDir });

interface Organisation {
  directions: { id: string; label: string }[];
  programmes: { id: string; title: string; scenarios: string[]; targets: unknown[] }[];
}

describe.skipIf(!chromiumPath)("the organisation's admin screens", () => {
  it("edit directions, issue and revoke facilitator keys, write programmes", async () => {
    const { server, browser } = ctx;
    const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
    const created = await call("/api/organisations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Grand Poitiers" }),
    });
    const { adminKey } = (await created.json()) as { adminKey: string };
    const organisation = async () =>
      (await (
        await call("/api/organisation", { headers: { authorization: `Bearer ${adminKey}` } })
      ).json()) as Organisation;
    const createSession = (organisationKey: string) =>
      call("/api/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "exemple", organisationKey }),
      });

    const errors: string[] = [];
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/organisation`);
    await page.getByLabel("Clé d'administration").fill(adminKey);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Administration de l’organisation" }).waitFor();
    const press = async (name: string | RegExp) => {
      await page.getByRole("button", { name, exact: typeof name === "string" }).focus();
      await page.keyboard.press("Enter");
    };
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");

    // Directions: two added by keyboard, saved; ids made from the labels.
    await press("Ajouter une direction");
    await expect.poll(focusedId).toBe("direction-0");
    await page.keyboard.type("Direction des routes");
    await press("Ajouter une direction");
    await expect.poll(focusedId).toBe("direction-1");
    await page.keyboard.type("Direction de l’éducation");
    await press("Enregistrer les directions");
    await page.getByRole("status").getByText("Directions enregistrées.").waitFor();
    expect((await organisation()).directions).toEqual([
      { id: "direction-des-routes", label: "Direction des routes" },
      { id: "direction-de-l-education", label: "Direction de l’éducation" },
    ]);

    // A facilitator key: shown once, it creates sessions; revoked, it no longer does.
    await page.getByLabel("Nom de l’animateur ou de l’animatrice").fill("Référente data");
    await press("Créer une clé d’animation");
    await page.getByTestId("admin-new-key").waitFor();
    await expect.poll(focusedId).toBe("admin-new-key");
    const key = (await page.getByTestId("admin-new-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^[\w-]{43}$/);
    expect((await createSession(key)).status).toBe(201);
    await expectAccessible(page, "admin-cle-creee");
    await press("Révoquer la clé de Référente data");
    await expect.poll(focusedId).toBe("admin-revoke-confirm");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Clé de Référente data révoquée.").waitFor();
    expect(await page.getByTestId("admin-new-key").count()).toBe(0);
    expect((await createSession(key)).status).toBe(403);

    // A programme: title, two scenarios put in order, then saved without a target: refused in French.
    await press("Nouveau programme");
    await expect.poll(focusedId).toBe("programme-0-title");
    await page.keyboard.type("Infolab 2026");
    await page.getByLabel("Scénario à ajouter").selectOption("exemple");
    await press("Ajouter");
    await page.getByLabel("Scénario à ajouter").selectOption("metadata-party");
    await press("Ajouter");
    await press(/^Monter « Metadata party/);
    const listed = page.getByTestId("programme-0").locator("ol > li");
    await expect.poll(async () => (await listed.first().textContent()) ?? "").toContain("Metadata party");
    // The focus stays with the moved scenario's controls.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey ?? ""))
      .toMatch(/^p0-(up|down)-metadata-party$/);
    await press("Enregistrer les programmes");
    await page
      .getByRole("alert")
      .getByText(/n’a aucun objectif/)
      .waitFor();
    await expect.poll(focusedId).toBe("admin-programmes-error");
    expect((await organisation()).programmes).toEqual([]);
    // With a target, saved.
    await press("Ajouter un objectif");
    await expect.poll(focusedId).toBe("programme-0-target-0");
    await page.getByLabel("Compétence de l’objectif 1").selectOption("licences-reutilisation");
    await page.getByLabel("Niveau à atteindre (objectif 1)").selectOption("pratique");
    await press("Enregistrer les programmes");
    await page.getByRole("status").getByText("Programmes enregistrés.").waitFor();
    expect((await organisation()).programmes).toEqual([
      {
        id: "infolab-2026",
        title: "Infolab 2026",
        scenarios: ["metadata-party", "exemple"],
        targets: [{ competence: "licences-reutilisation", level: "pratique" }],
      },
    ]);
    await expectAccessible(page, "admin-programme");

    // A scenario file removed from the catalogue: the programme shows it missing, and saving is
    // refused with the server's French message; nothing changes until it is taken out.
    rmSync(join(scenariosDir, "metadata-party.json"));
    await expect
      .poll(async () => JSON.stringify(await (await call("/api/scenarios")).json()))
      .not.toContain("metadata-party");
    await page.reload();
    await page.getByText("(scénario introuvable dans le catalogue)").waitFor();
    await press("Enregistrer les programmes");
    await page
      .getByRole("alert")
      .getByText(/cite un scénario inconnu/)
      .waitFor();
    await expectAccessible(page, "admin-scenario-introuvable");
    expect((await organisation()).programmes[0]?.scenarios).toEqual(["metadata-party", "exemple"]);
    await press("Retirer « metadata-party »");
    await press("Enregistrer les programmes");
    await page.getByRole("status").getByText("Programmes enregistrés.").waitFor();
    expect((await organisation()).programmes[0]?.scenarios).toEqual(["exemple"]);
    expect(errors).toEqual([]);
  }, 300_000);
});
