/**
 * The designers' studio API (`/api/studio`, server/http/studio.ts). On a shared server every call
 * carries the designer key (kept for the tab in sessionStorage).
 */
import type { Finding } from "../../../shared/scenario/findings.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { request } from "./api.ts";

const KEY_STORAGE = "datatruc.designerKey";

export type StudioMode = "dev" | "shared";

export interface StudioFile {
  id: string;
  file: string;
  /** The title of the version in the catalogue (null when the file never validated). */
  title: string | null;
  /** The file validates as it is. */
  ok: boolean;
  /** A version of it is in the catalogue (the file, or its last valid version). */
  inCatalogue: boolean;
  findings: Finding[];
}

export interface StudioList {
  mode: StudioMode;
  scenarios: StudioFile[];
  referential: { file: string; findings: Finding[] } | null;
}

export interface Checked {
  findings: Finding[];
  /** The validated scenario (solutions included) when the text has no error. */
  scenario: Scenario | null;
}

export function designerKey(): string {
  return sessionStorage.getItem(KEY_STORAGE) ?? "";
}

export function saveDesignerKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key);
}

function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const key = designerKey();
  return request<T>(`/api/studio${path}`, {
    ...init,
    headers: { ...(key ? { "x-designer-key": key } : {}), ...init.headers },
  });
}

/** Tables imported but not written (shared server): name → CSV text, checked as if beside the scenario. */
export type PendingTables = Record<string, string>;

export interface ImportedTable {
  name: string;
  /** `scenarios/<id>/<name>`. */
  file: string;
  /** Written beside the scenario (development server); otherwise kept by the studio. */
  written: boolean;
  csv: string;
  sheet: string;
  columns: string[];
  rows: number;
  convertedFrom?: string;
}

const withText = (method: string, text: string, tables: PendingTables = {}): RequestInit => ({
  method,
  body: JSON.stringify(Object.keys(tables).length > 0 ? { text, tables } : { text }),
});
const scenarioPath = (id: string) => `/scenarios/${encodeURIComponent(id)}`;

export const studioApi = {
  list: () => call<StudioList>("/"),
  load: (id: string) => call<{ id: string; text: string }>(scenarioPath(id)),
  starter: (id: string) => call<{ id: string; text: string }>(`/new/${encodeURIComponent(id)}`),
  check: (id: string, text: string, tables?: PendingTables) =>
    call<Checked>(`${scenarioPath(id)}/check`, withText("POST", text, tables)),
  save: (id: string, text: string) =>
    call<{ findings: Finding[]; inCatalogue: boolean }>(scenarioPath(id), withText("PUT", text)),
  playtest: (id: string, text: string, tables?: PendingTables) =>
    call<{ text: string }>(`${scenarioPath(id)}/playtest`, withText("POST", text, tables)),
  /** Sends a spreadsheet (XLSX, ODS, CSV) to become the scenario's CSV table `name`. */
  importTable: (id: string, file: Blob, table: { name: string; sheet: string; replace: boolean }) => {
    const query = new URLSearchParams({
      name: table.name,
      sheet: table.sheet,
      replace: table.replace ? "1" : "",
    });
    return call<ImportedTable>(`${scenarioPath(id)}/tables?${query}`, {
      method: "POST",
      body: file,
      headers: { "content-type": "application/octet-stream" },
    });
  },
};
