/** Results as CSV: one row per player and skill, `;`-separated with decimal commas and a BOM (opens
 *  in French spreadsheets). */
import type { PlayerResult, SessionRecord } from "../store/store.ts";

export const CSV_COLUMNS = [
  "session",
  "scenario",
  "organisation",
  "equipe",
  "rang_equipe",
  "joueur",
  "points_joueur",
  "competence",
  "intitule_competence",
  "points_competence",
  "niveau",
  "intitule_niveau",
] as const;

/** Quotes a cell when needed; a leading =, +, - or @ is neutralised (spreadsheet formula injection).
 *  Numbers use the decimal comma that goes with the `;` separator (French spreadsheets read 6,067 as
 *  a number, 6.067 as text). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : typeof value === "number" ? String(value).replace(".", ",") : value;
  if (/^[=+\-@]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function resultsCsv(session: SessionRecord, players: PlayerResult[]): string {
  const lines = [CSV_COLUMNS.join(";")];
  for (const p of players) {
    const common = [
      session.code,
      session.scenarioTitle,
      session.organisation,
      p.teamName,
      p.rank,
      p.playerName,
      round(p.points),
    ];
    const skills = p.skills.length > 0 ? p.skills : [null];
    for (const s of skills) {
      const cells = [
        ...common,
        s?.competence ?? null,
        s?.label ?? null,
        s ? round(s.points) : null,
        s?.level ?? null,
        s?.levelLabel ?? null,
      ];
      lines.push(cells.map(csvCell).join(";"));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Parses this module's CSV back (for tests and tools). */
export function parseResultsCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}
