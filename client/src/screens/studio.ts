/**
 * The designers' studio (`/studio`, `/studio/<id>`): the scenario files with their findings, and
 * one scenario's JSON editor (CodeMirror, loaded as its own chunk) beside the live preview of the
 * step under the cursor. The project's validator checks the text as it is typed (the findings of
 * `npm run scenarios:check`); saving writes the file with the development server, or downloads it
 * on a shared server (which asks for the designer key). « Nouveau scénario » starts from the
 * starter scenario; the playtest report is one button away.
 */
import { html, nothing } from "lit-html";
import type { Finding } from "../../../shared/scenario/findings.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { announce, navigate, requestRender, type Screen } from "../app.ts";
import { getLang, t } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";
import {
  type Checked,
  type ImportedTable,
  type PendingTables,
  type StudioFile,
  type StudioList,
  type StudioMode,
  saveDesignerKey,
  studioApi,
} from "../net/studio.ts";
import type { StudioEditor } from "../studio/editor.ts";
import { errorText } from "../ui/errors.ts";
import { previewPlay, stepPreview } from "../ui/step-preview.ts";

type Access = "loading" | "ok" | "key" | "closed" | "error";

/** Where a refusal leaves the studio: ask for the key, closed here, or another error. */
function accessAfter(error: unknown): Access {
  if (!(error instanceof ApiError)) return "error";
  if (error.code === "designer-key-required" || error.code === "wrong-designer-key") return "key";
  if (error.code === "studio-closed") return "closed";
  return "error";
}

const counts = (findings: readonly Finding[]) => {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
};

/** The designer key form (shared server). */
function keyForm(wrong: boolean, onKey: (key: string) => void) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    onKey(String(data.get("designerKey") ?? ""));
  };
  return html`<form class="card" @submit=${submit}>
    <p>${t("studio.keyNeeded")}</p>
    ${wrong ? html`<p class="notice bad" role="alert">${t("studio.keyWrong")}</p>` : nothing}
    <div class="field">
      <label for="designerKey">${t("studio.key")}</label>
      <input id="designerKey" name="designerKey" type="password" autocomplete="off" required />
    </div>
    <button type="submit" class="primary">${t("studio.keyOpen")}</button>
  </form>`;
}

export function studioScreen(scenarioId: string): Screen {
  return scenarioId ? editorScreen(scenarioId) : listScreen();
}

function listScreen(): Screen {
  let access: Access = "loading";
  let list: StudioList | null = null;
  let message = "";
  let keyWasWrong = false;

  const load = () => {
    studioApi
      .list()
      .then((loaded) => {
        list = loaded;
        access = "ok";
      })
      .catch((error: unknown) => {
        access = accessAfter(error);
        keyWasWrong = error instanceof ApiError && error.code === "wrong-designer-key";
        message = errorText(error);
      })
      .finally(requestRender);
  };
  load();

  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const id = String(new FormData(event.target as HTMLFormElement).get("newId") ?? "").trim();
    if (id) navigate({ name: "studio", scenarioId: id });
  };

  const fileRow = (file: StudioFile) => {
    const { errors, warnings } = counts(file.findings);
    return html`<li class="card">
      <h3><a href=${`/studio/${file.id}`} data-nav>${file.title ?? file.id}</a> <code>${file.file}</code></h3>
      <p>
        ${file.inCatalogue ? t("studio.inCatalogue") : t("studio.notInCatalogue")}
        ${file.ok || !file.inCatalogue ? nothing : html` · ${t("studio.keptVersion")}`}
        · ${t("studio.counts", { errors, warnings })}
      </p>
      ${file.findings.length > 0 ? findingLines(file.findings) : nothing}
    </li>`;
  };

  return {
    title: () => t("studio.title"),
    view: () => {
      const header = html`<h1 tabindex="-1">${t("studio.title")}</h1>`;
      if (access === "loading") return html`${header}<p>${t("app.loading")}</p>`;
      if (access === "key")
        return html`${header}${keyForm(keyWasWrong, (key) => {
          saveDesignerKey(key);
          access = "loading";
          requestRender();
          load();
        })}`;
      if (access !== "ok" || !list) return html`${header}<p class="notice bad" role="alert">${message}</p>`;
      return html`${header}
        <p>${list.mode === "dev" ? t("studio.modeDev") : t("studio.modeShared")}</p>
        <form class="card row" @submit=${create}>
          <div class="field">
            <label for="newId">${t("studio.newId")}</label>
            <input id="newId" name="newId" required pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="newId-help" />
            <p id="newId-help" class="muted">${t("studio.newIdHelp")}</p>
          </div>
          <button type="submit" class="primary">${t("studio.new")}</button>
        </form>
        <h2>${t("studio.files")}</h2>
        <ul class="plain">${list.scenarios.map(fileRow)}</ul>
        ${
          list.referential && list.referential.findings.length > 0
            ? html`<section class="card"><h2>${list.referential.file}</h2>${findingLines(list.referential.findings)}</section>`
            : nothing
        }`;
    },
  };
}

/** Findings as lines `line:column` + message; with `goTo`, each is a button that moves the cursor. */
function findingLines(findings: readonly Finding[], goTo?: (finding: Finding) => void) {
  return html`<ul class="findings">
    ${findings.map((f) => {
      // A CSV table's finding names its file and line; it is not a place in the JSON editor.
      const inTable = f.file.endsWith(".csv");
      const where = inTable
        ? t("studio.whereTable", { file: f.file.split("/").pop() ?? f.file, line: f.line })
        : t("studio.where", { line: f.line, column: f.column });
      const severity = t(f.severity === "error" ? "studio.error" : "studio.warning");
      const text = html`<span class=${f.severity === "error" ? "badge bad" : "badge warn"}>${severity}</span>
        ${f.path} : ${f.message}`;
      return goTo && !inTable
        ? html`<li><button type="button" class="link" @click=${() => goTo(f)}>${where}</button> ${text}</li>`
        : html`<li><code>${where}</code> ${text}</li>`;
    })}
  </ul>`;
}

function editorScreen(scenarioId: string): Screen {
  let access: Access = "loading";
  let mode: StudioMode = "dev";
  let message = "";
  let keyWasWrong = false;
  let initialText = "";
  let isNew = false;
  let text = "";
  let savedText = "";
  let findings: Finding[] = [];
  let preview: Scenario | null = null;
  let previewIsCurrent = false;
  let stepIndex = 0;
  let status = "";
  let playtestText = "";
  let busy = false;
  let editor: StudioEditor | null = null;
  /** Tables imported on a shared server: sent with every check, downloaded with the file. */
  const tables: PendingTables = {};
  let importError = "";
  let mounting = false;
  let disposed = false;
  const play = previewPlay();

  const load = async () => {
    try {
      try {
        initialText = (await studioApi.load(scenarioId)).text;
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== "unknown-scenario") throw error;
        initialText = (await studioApi.starter(scenarioId)).text;
        isNew = true;
      }
      mode = (await studioApi.list()).mode;
      text = initialText;
      savedText = isNew ? "" : initialText;
      access = "ok";
    } catch (error) {
      access = accessAfter(error);
      keyWasWrong = error instanceof ApiError && error.code === "wrong-designer-key";
      message = errorText(error);
    }
    requestRender();
  };
  void load();

  const check = async (checkedText: string): Promise<Finding[]> => {
    let result: Checked;
    try {
      result = await studioApi.check(scenarioId, checkedText, tables);
    } catch (error) {
      status = errorText(error);
      requestRender();
      return [];
    }
    if (checkedText !== text) return result.findings;
    findings = result.findings;
    previewIsCurrent = result.scenario !== null;
    if (result.scenario) preview = result.scenario;
    const { errors, warnings } = counts(findings);
    announce(t("studio.counts", { errors, warnings }));
    requestRender();
    return findings;
  };

  const mount = async () => {
    const host = document.getElementById("studio-editor");
    if (!host || editor || mounting) return;
    mounting = true;
    const { createEditor } = await import("../studio/editor.ts");
    if (disposed) return;
    editor = createEditor(host, {
      text: initialText,
      label: t("studio.editorLabel", { file: `scenarios/${scenarioId}.json` }),
      lang: getLang(),
      check,
      onChange(next) {
        text = next;
        requestRender();
      },
      onStep(index) {
        if (index === null || index === stepIndex) return;
        stepIndex = index;
        requestRender();
      },
    });
    requestRender();
  };

  /** Shows and announces a status line. */
  const tell = (message: string) => {
    status = message;
    announce(status);
    requestRender();
  };

  /** Runs a server action with the buttons disabled; its outcome (or the error) is the status. */
  const act = async (action: () => Promise<string>) => {
    busy = true;
    requestRender();
    let outcome: string;
    try {
      outcome = await action();
    } catch (error) {
      outcome = errorText(error);
    }
    busy = false;
    tell(outcome);
  };

  const save = () =>
    act(async () => {
      const saved = await studioApi.save(scenarioId, text);
      savedText = text;
      isNew = false;
      if (counts(saved.findings).errors === 0) return t("studio.saved", { id: scenarioId });
      return t(saved.inCatalogue ? "studio.savedKept" : "studio.savedInvalid", { id: scenarioId });
    });

  const runPlaytest = () =>
    act(async () => {
      playtestText = "";
      playtestText = (await studioApi.playtest(scenarioId, text, tables)).text;
      return t("studio.playtestDone");
    });

  const downloadFile = (content: string, type: string, name: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const download = () => {
    downloadFile(text, "application/json", `${scenarioId}.json`);
    for (const [name, csv] of Object.entries(tables)) downloadFile(csv, "text/csv", name);
    const names = Object.keys(tables);
    tell(
      names.length > 0
        ? t("studio.downloadedWithTables", { id: scenarioId, tables: names.join(", ") })
        : t("studio.downloaded", { id: scenarioId }),
    );
  };

  /** « Importer un tableau »: the spreadsheet becomes the scenario's CSV table on the server. */
  const importTable = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get("tableFile");
    const name = String(data.get("tableName") ?? "").trim();
    importError = "";
    if (!(file instanceof File) || file.size === 0) importError = t("studio.tableNoFile");
    else if (!/^[a-z0-9][a-z0-9_-]{0,63}\.csv$/.test(name)) importError = t("studio.tableBadName");
    if (importError) {
      requestRender();
      focusImportError();
      return;
    }
    busy = true;
    requestRender();
    let imported: ImportedTable;
    try {
      imported = await studioApi.importTable(scenarioId, file as File, {
        name,
        sheet: String(data.get("tableSheet") ?? "").trim(),
        replace: data.get("tableReplace") === "on",
      });
    } catch (error) {
      busy = false;
      importError = errorText(error);
      requestRender();
      focusImportError();
      return;
    }
    busy = false;
    if (!imported.written) tables[imported.name] = imported.csv;
    form.reset();
    editor?.recheck();
    tell(
      t(imported.written ? "studio.tableWritten" : "studio.tableKept", {
        file: imported.file,
        rows: imported.rows,
        columns: imported.columns.join(" ; "),
        name: imported.name,
      }),
    );
  };

  const focusImportError = () =>
    requestAnimationFrame(() => document.getElementById("studio-table-error")?.focus());

  /** The table's name from the spreadsheet's file name: « Recensement 2025.xlsx » → « recensement-2025.csv ». */
  const suggestName = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const nameInput = document.getElementById("studio-table-name") as HTMLInputElement | null;
    const picked = input.files?.[0]?.name;
    if (!picked || !nameInput || nameInput.value) return;
    const stem = picked
      .replace(/\.[^.]*$/, "")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60);
    nameInput.value = `${stem || "tableau"}.csv`;
  };

  const importForm =
    () => html`<section class="card" aria-labelledby="studio-import-title" data-studio-import>
    <h2 id="studio-import-title">${t("studio.tableTitle")}</h2>
    <p class="muted">${t("studio.tableHelp", { folder: `scenarios/${scenarioId}/` })}</p>
    <form @submit=${importTable}>
      ${
        importError
          ? html`<p id="studio-table-error" class="notice bad" role="alert" tabindex="-1">${importError}</p>`
          : nothing
      }
      <div class="field">
        <label for="studio-table-file">${t("studio.tableFile")}</label>
        <input id="studio-table-file" name="tableFile" type="file"
          accept=".xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
          @change=${suggestName} />
      </div>
      <div class="field">
        <label for="studio-table-name">${t("studio.tableName")}</label>
        <input id="studio-table-name" name="tableName" placeholder="equipements.csv" aria-describedby="studio-table-name-help" />
        <p id="studio-table-name-help" class="muted">${t("studio.tableNameHelp")}</p>
      </div>
      <div class="field">
        <label for="studio-table-sheet">${t("studio.tableSheet")}</label>
        <input id="studio-table-sheet" name="tableSheet" inputmode="text" />
      </div>
      ${
        mode === "dev"
          ? html`<label class="check"><input type="checkbox" name="tableReplace" /> ${t("studio.tableReplace")}</label>`
          : nothing
      }
      <button type="submit" ?disabled=${busy}>${t("studio.tableImport")}</button>
    </form>
  </section>`;

  const upload = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !editor) return;
    editor.setText(await file.text());
    input.value = "";
    tell(t("studio.uploaded", { name: file.name }));
  };

  const previewPane = () => {
    if (!preview)
      return html`<p class="notice warn">${t(findings.length > 0 ? "studio.noPreviewYet" : "app.loading")}</p>`;
    const index = Math.min(stepIndex, preview.steps.length - 1);
    const step = preview.steps[index];
    return html`
      ${previewIsCurrent ? nothing : html`<p class="notice warn">${t("studio.previewStale")}</p>`}
      <p class="muted" role="status" aria-live="polite">${t("studio.previewOf", { index: index + 1, title: step?.title ?? "" })}</p>
      <label class="check"><input type="checkbox" .checked=${play.showSolution}
        @change=${(e: Event) => {
          play.showSolution = (e.target as HTMLInputElement).checked;
          requestRender();
        }} /> ${t("preview.showSolution")}</label>
      ${stepPreview(preview, index, play)}`;
  };

  return {
    title: () => t("studio.editTitle", { id: scenarioId }),
    view: () => {
      const header = html`<p><a href="/studio" data-nav>${t("studio.back")}</a></p>
        <h1 tabindex="-1">${t("studio.editTitle", { id: scenarioId })}</h1>`;
      if (access === "loading") return html`${header}<p>${t("app.loading")}</p>`;
      if (access === "key")
        return html`${header}${keyForm(keyWasWrong, (key) => {
          saveDesignerKey(key);
          access = "loading";
          requestRender();
          void load();
        })}`;
      if (access !== "ok") return html`${header}<p class="notice bad" role="alert">${message}</p>`;
      const { errors, warnings } = counts(findings);
      const unsaved = text !== savedText;
      return html`${header}
        <p>${isNew ? t("studio.isNew", { id: scenarioId }) : nothing} ${mode === "dev" ? t("studio.modeDev") : t("studio.modeShared")}</p>
        <div class="row studio-actions">
          ${
            mode === "dev"
              ? html`<button type="button" class="primary" ?disabled=${busy} @click=${save}>${t("studio.save")}</button>`
              : html`<button type="button" class="primary" @click=${download}>${t("studio.download")}</button>`
          }
          <button type="button" @click=${() => document.getElementById("studio-upload")?.click()}>${t("studio.upload")}</button>
          <input id="studio-upload" hidden type="file" accept=".json,application/json" @change=${upload} />
          <button type="button" ?disabled=${busy || errors > 0} @click=${runPlaytest}>${t("studio.playtest")}</button>
          <span class="muted">${unsaved ? t("studio.unsaved") : t("studio.allSaved")}</span>
        </div>
        <p role="status" class="muted" data-studio-status>${status}</p>
        <div class="studio">
          <section aria-labelledby="studio-source-title">
            <h2 id="studio-source-title">${t("studio.source")}</h2>
            <p class="muted" id="studio-editor-help">${t("studio.editorHelp")}</p>
            <div id="studio-editor"></div>
            <h3 id="studio-findings-title">${t("studio.findings")}</h3>
            <p role="status" data-studio-counts>${t("studio.counts", { errors, warnings })}</p>
            <div data-studio-findings>${findingLines(findings, (f) => editor?.goTo(f.line, f.column))}</div>
          </section>
          <section aria-labelledby="studio-preview-title" data-studio-preview>
            <h2 id="studio-preview-title">${t("studio.preview")}</h2>
            ${previewPane()}
          </section>
        </div>
        ${importForm()}
        ${
          playtestText
            ? html`<section class="card" aria-labelledby="studio-playtest-title">
                <h2 id="studio-playtest-title">${t("studio.playtestTitle")}</h2>
                <pre class="playtest" tabindex="0">${playtestText}</pre>
              </section>`
            : nothing
        }`;
    },
    afterRender: () => {
      if (access === "ok") void mount();
    },
    dispose: () => {
      disposed = true;
      editor?.destroy();
    },
  };
}
