/**
 * The carnet de compétences in real browsers: a player joins two sessions from the same browser
 * (a teammate bot answers; the facilitator reveals and ends through the SDK), keeps the first in a
 * new carnet from the end screen, finds the second added by itself, sees both on /carnet with the
 * chart and its table, finds the carnet code printed on the attestation, then opens the carnet in a
 * second browser by typing its code; inside an organisation the player gives their direction and
 * gets the certificate of path of the programme whose target the first session met, answers the
 * questionnaire; the admin opens the dashboard and sees the charts and the questionnaire results.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { solutionAnswer } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { editsTo } from "../server/bot.ts";
import { createSession, draftJson, joinAsFacilitator, joinAsPlayer, type Seat } from "../server/harness.ts";
import {
  type BrowserHandle,
  chromiumOrSkip,
  ensureClientBuilt,
  expectAccessible,
  launchBrowser,
  type ServerProcess,
  startServer,
} from "./harness.ts";

const chromiumPath = chromiumOrSkip("e2e carnet");
const catalog = loadCatalog("scenarios");
let server: ServerProcess;
let handle: BrowserHandle;
const seats: Seat[] = [];

beforeAll(async () => {
  if (!chromiumPath) return;
  ensureClientBuilt();
  server = await startServer();
  handle = await launchBrowser(chromiumPath);
}, 180_000);
afterAll(async () => {
  await Promise.all(seats.map((s) => s.leave()));
  await handle?.close();
  await server?.stop();
});

/** A session of one team in which one correct proposal is enough, for the Gironde's carnet. */
const createCarnetSession = (scenarioId: string, organisationKey?: string) =>
  createSession(server, {
    scenarioId,
    organisationKey,
    organisation: "Département de la Gironde",
    teamCount: 1,
    options: { submissionRule: "any", maxAttempts: 1 },
  });

/**
 * The browser player joins (`beforeJoin` acts on the filled join form, then joins itself); a bot
 * teammate answers every step right; the facilitator ends.
 */
async function playSession(
  page: Page,
  scenario: Scenario,
  name: string,
  organisationKey?: string,
  beforeJoin?: () => Promise<void>,
) {
  const session = await createCarnetSession(scenario.id, organisationKey);
  const facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
  seats.push(facilitator);
  await page.goto(`${server.url}/join/${session.code}`);
  await page.getByLabel("Votre prénom ou pseudo").fill(name);
  if (beforeJoin) await beforeJoin();
  else await page.getByRole("button", { name: /Entrer dans la partie/ }).click();
  await page.getByText("La partie commence bientôt").first().waitFor();
  if (organisationKey) {
    // Inside an organisation, the player may give their direction (optional).
    await page.getByLabel("Direction ou service").selectOption("routes");
    await page.getByRole("button", { name: "Enregistrer ma direction" }).click();
    await page.getByText("Direction enregistrée.").first().waitFor();
  }
  const bot = await joinAsPlayer(server, session.code, "Bot");
  seats.push(bot);
  await facilitator.waitFor(() => facilitator.state.teams[0]?.memberIds.length === 2, "two players");
  facilitator.send("start", {});
  await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
  for (const [index, step] of scenario.steps.entries()) {
    const team = () => bot.state.teams[0];
    await bot.waitFor(() => draftJson(team()?.work, step.id) !== undefined, `draft ${step.id}`);
    const draft = JSON.parse(draftJson(team()?.work, step.id) ?? "null");
    for (const edit of editsTo(step, draft, solutionAnswer(step)))
      bot.send("edit", { stepId: step.id, edit });
    bot.send("propose", { stepId: step.id });
    await bot.waitFor(() => (team()?.steps[index]?.attempts ?? 0) === 1, `attempt ${step.id}`);
    facilitator.send("reveal", {});
    await facilitator.waitFor(() => facilitator.state.teams[0]?.steps[index]?.revealed === true, "revealed");
    facilitator.send("next", {});
    await facilitator.waitFor(
      () =>
        index + 1 < scenario.steps.length
          ? facilitator.state.currentStep === index + 1
          : facilitator.state.phase === "debrief",
      "next",
    );
  }
  facilitator.send("end", {});
  await facilitator.waitFor(() => facilitator.state.phase === "ended", "ended");
  return session;
}

async function api(path: string, method: string, body: unknown, key?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const scenario = (id: string) => {
  const s = catalog.scenarios.get(id);
  if (!s) throw new Error(id);
  return s;
};

describe.skipIf(!chromiumPath)("the carnet de compétences in the browser", () => {
  it("follows a player across two sessions and moves to a second browser by its code", async () => {
    const errors: string[] = [];
    const context = await handle.browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));

    // An organisation with a programme whose target the first session reaches.
    const org = await api("/api/organisations", "POST", {
      name: "Département de la Gironde",
      directions: [
        { id: "routes", label: "Direction des routes" },
        { id: "dsi", label: "Direction du numérique" },
      ],
    });
    const adminKey = (org.body as { adminKey: string }).adminKey;
    const programmes = [
      {
        id: "infolab",
        title: "Infolab 2026",
        scenarios: ["exemple", "metadata-party"],
        targets: [{ competence: "licences-reutilisation", level: "decouverte" }],
      },
    ];
    expect((await api("/api/organisation/programmes", "PUT", { programmes }, adminKey)).status).toBe(200);

    // Session 1 (in the organisation): at the end, the player keeps their results in a new carnet.
    const first = await playSession(page, scenario("exemple"), "Camille", adminKey);
    await page.getByRole("heading", { name: "Garder mes résultats dans un carnet" }).waitFor();
    await expectAccessible(page, "carnet-garder");
    await page.getByLabel("Nom affiché dans le carnet").fill("Camille D.");
    await page.getByRole("button", { name: "Créer mon carnet" }).click();
    const codeLine = await page.getByTestId("carnet-new-code").textContent();
    const code = codeLine?.match(/([A-Z2-9]{4}-){4}[A-Z2-9]{4}/)?.[0];
    expect(code).toBeTruthy();

    // The attestation prints the carnet code (text and QR code).
    await page.getByRole("link", { name: /Mon attestation/ }).click();
    await page.getByTestId("att-carnet-code").waitFor();
    expect(await page.getByTestId("att-carnet-code").textContent()).toContain(code);
    expect(await page.getByRole("img", { name: "QR code du carnet de compétences" }).count()).toBe(1);

    // Session 2 from the same browser: joined, it goes into the carnet by itself.
    const second = await playSession(page, scenario("metadata-party"), "Camille", adminKey);
    await page.getByText("Cette session est dans votre carnet de compétences.").waitFor();
    // The satisfaction questionnaire, anonymous, once.
    await page.getByRole("radio", { name: "Tout à fait" }).check();
    await page.getByRole("radio", { name: "Pour un projet précis" }).check();
    await page.getByLabel("Un commentaire (facultatif)").fill("Très concret.");
    await page.getByRole("button", { name: "Envoyer mon avis" }).click();
    await page.getByRole("status").getByText("Merci pour votre avis !").waitFor();
    const tally = await fetch(`${server.url}/api/sessions/${second.code}/questionnaire`, {
      headers: { authorization: `Bearer ${second.facilitatorKey}` },
    });
    expect(await tally.json()).toMatchObject({
      respondents: 1,
      found: { "tout-a-fait": 1 },
      comments: ["Très concret."],
    });

    await page.getByRole("link", { name: "Voir mon carnet" }).click();
    await page.getByText("Carnet de Camille D.").waitFor();
    const sessions = page.getByTestId("carnet-sessions").locator("li");
    await expect.poll(() => sessions.count()).toBe(2);
    const listed = await sessions.allTextContents();
    expect(listed.join("\n")).toContain(scenario("exemple").metadata.title);
    expect(listed.join("\n")).toContain(scenario("metadata-party").metadata.title);
    await page.getByRole("figure", { name: /Points cumulés/ }).waitFor();
    await page.getByRole("table").first().waitFor();
    await expectAccessible(page, "carnet");

    // The programme's target is met: the certificate of path opens from the carnet.
    await page.getByRole("link", { name: "Mon attestation de parcours" }).click();
    await page.getByRole("heading", { name: "Attestation de parcours" }).waitFor();
    await page.getByText("Camille D.").first().waitFor();
    await page
      .getByText(/Infolab 2026/)
      .first()
      .waitFor();
    await expectAccessible(page, "attestation-parcours");
    await page.goBack();
    await page.getByText("Carnet de Camille D.").waitFor();
    expect(first.code).not.toBe(second.code);

    // A second browser: the code typed by hand opens the same carnet.
    const other = await handle.browser.newContext({ locale: "fr-FR" });
    const page2 = await other.newPage();
    await page2.goto(`${server.url}/carnet`);
    await page2.getByLabel("Code du carnet").fill((code ?? "").toLowerCase().replaceAll("-", " "));
    await page2.getByRole("button", { name: "Ouvrir le carnet" }).click();
    await page2.getByText("Carnet de Camille D.").waitFor();
    await expect.poll(() => page2.getByTestId("carnet-sessions").locator("li").count()).toBe(2);
    // The learning record downloads as a JSON file of xAPI statements, named with the carnet's name.
    const [download] = await Promise.all([
      page2.waitForEvent("download"),
      page2.getByRole("button", { name: "Télécharger le fichier xAPI (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("datatruc-carnet-xapi.json");
    const statements = JSON.parse(await readFile(await download.path(), "utf8")) as {
      actor: { name: string };
      verb: { id: string };
    }[];
    expect(new Set(statements.map((s) => s.verb.id.split("/").pop()))).toEqual(
      new Set(["attempted", "answered", "completed", "earned"]),
    );
    expect(new Set(statements.map((s) => s.actor.name))).toEqual(new Set(["Camille D."]));
    // An unknown code gets a clear French error.
    const page3 = await (await handle.browser.newContext({ locale: "fr-FR" })).newPage();
    await page3.goto(`${server.url}/carnet`);
    await page3.getByLabel("Code du carnet").fill("AAAA-AAAA-AAAA-AAAA-AAAA");
    await page3.getByRole("button", { name: "Ouvrir le carnet" }).click();
    await page3.getByRole("alert").getByText("Aucun carnet ne correspond à ce code").waitFor();

    // Erasure from the second browser, with the keyboard: the carnet is gone for the first one too.
    await page2.getByRole("button", { name: "Supprimer mon carnet" }).focus();
    await page2.keyboard.press("Enter");
    await expect.poll(() => page2.evaluate(() => document.activeElement?.id)).toBe("carnet-erase-confirm");
    await page2.keyboard.press("Enter");
    await page2.getByLabel("Code du carnet").waitFor();
    await page.reload();
    await page.getByRole("alert").getByText("Aucun carnet ne correspond à ce code").waitFor();
    // The admin opens the dashboard: figures, charts with their tables, questionnaire results.
    const admin = await (await handle.browser.newContext({ locale: "fr-FR" })).newPage();
    admin.on("pageerror", (error) => errors.push(error.message));
    await admin.goto(`${server.url}/organisation`);
    await admin.getByLabel("Clé d'administration").fill(adminKey);
    await admin.getByRole("button", { name: "Ouvrir le tableau de bord" }).click();
    await admin.getByRole("heading", { name: "Tableau de bord : Département de la Gironde" }).waitFor();
    expect(await admin.getByTestId("dash-summary").textContent()).toMatch(
      /2 sessions, 4 agents, 1 direction touchées/,
    );
    await admin.getByRole("figure", { name: "Sessions par mois" }).waitFor();
    await admin.getByRole("figure", { name: "Y avez-vous trouvé ce que vous cherchiez ?" }).waitFor();
    await admin.getByRole("heading", { name: /Questionnaire de satisfaction \(1 réponse\)/ }).waitFor();
    await admin.getByText("Très concret.").waitFor();
    await expectAccessible(admin, "tableau-de-bord");
    // The organisation's xAPI file: the only carnet was erased, so it holds no statement.
    const [orgFile] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Télécharger le fichier xAPI (JSON)" }).click(),
    ]);
    expect(orgFile.suggestedFilename()).toBe("datatruc-organisation-xapi.json");
    expect(JSON.parse(await readFile(await orgFile.path(), "utf8"))).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it("moves a carnet to another device by typing its code in the join form", async () => {
    const errors: string[] = [];
    const created = await api("/api/carnets", "POST", { displayName: "Dominique" });
    const code = (created.body as { code: string }).code;
    const page = await (await handle.browser.newContext({ locale: "fr-FR" })).newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    const field = page.getByLabel("Code de votre carnet de compétences");

    const played = await playSession(page, scenario("exemple"), "Dominique", undefined, async () => {
      // The field is folded away until asked for, with the keyboard.
      expect(await field.isVisible()).toBe(false);
      await page.getByText("J’ai déjà un carnet de compétences").focus();
      await page.keyboard.press("Enter");
      await field.waitFor();
      // A wrong code: a clear French error on the field, which keeps the focus; nothing joined.
      await field.fill("AAAA-AAAA-AAAA-AAAA-AAAA");
      await page.getByRole("button", { name: /Entrer dans la partie/ }).click();
      await page.getByRole("alert").getByText("Aucun carnet ne correspond à ce code").waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("join-carnet-code");
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page, "rejoindre-code-carnet");
      // The right code, typed loosely: the player joins, the session goes into that carnet.
      await field.fill(code.toLowerCase().replaceAll("-", " "));
      await page.getByRole("button", { name: /Entrer dans la partie/ }).click();
    });
    await page.getByText("Cette session est dans votre carnet de compétences.").waitFor();
    const carnet = await fetch(`${server.url}/api/carnet`, { headers: { authorization: `Bearer ${code}` } });
    const view = (await carnet.json()) as { sessions: { sessionCode: string }[] };
    expect(view.sessions.map((s) => s.sessionCode)).toEqual([played.code]);
    // This browser now holds the carnet.
    await page.goto(`${server.url}/carnet`);
    await page.getByText("Carnet de Dominique").waitFor();

    // A wrong code never keeps a player out: they may join without a carnet.
    const session = await createCarnetSession("exemple");
    const other = await (await handle.browser.newContext({ locale: "fr-FR" })).newPage();
    other.on("pageerror", (error) => errors.push(error.message));
    await other.goto(`${server.url}/join/${session.code}`);
    await other.getByLabel("Votre prénom ou pseudo").fill("Eugénie");
    await other.getByText("J’ai déjà un carnet de compétences").click();
    await other.getByLabel("Code de votre carnet de compétences").fill("BBBB-BBBB-BBBB-BBBB-BBBB");
    await other.getByRole("button", { name: /Entrer dans la partie/ }).click();
    await other.getByRole("alert").getByText("Aucun carnet ne correspond à ce code").waitFor();
    await other.getByRole("button", { name: "Entrer sans carnet" }).click();
    await other.getByText("La partie commence bientôt").first().waitFor();
    expect(errors).toEqual([]);
  }, 300_000);
});
