/** The validator's findings as a list: `file:line:column` then the path and the French message. */
import { html } from "lit-html";
import type { Finding } from "../../../shared/scenario/findings.ts";
import { t } from "../i18n/index.ts";

export function findingsList(findings: readonly Finding[]) {
  return html`<ul>
    ${findings.map(
      (f) =>
        html`<li><code>${f.file}:${f.line}:${f.column}</code> ${t(f.severity === "error" ? "studio.error" : "studio.warning")} ${t("preview.finding", { path: f.path, message: f.message })}</li>`,
    )}
  </ul>`;
}
