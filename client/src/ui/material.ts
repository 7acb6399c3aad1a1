/** A step document as a card: text, table or image; private ones say which role sees them. */
import { html } from "lit-html";
import type { Material } from "../../../shared/scenario/schema.ts";
import { t } from "../i18n/index.ts";
import { icon } from "./icons.ts";

export function materialCard(material: Material, privateRole: string | null) {
  const body = () => {
    switch (material.kind) {
      case "text":
        return html`<div class="body">${material.body}</div>`;
      case "table":
        return html`<div class="scroll-x"><table class="data-table">
          ${material.caption ? html`<caption>${material.caption}</caption>` : null}
          <thead><tr>${material.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${material.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
        </table></div>`;
      case "image":
        return html`<img src=${`/${material.src.replace(/^\/+/, "")}`} alt=${material.alt} />`;
    }
  };
  return html`<article id=${`material-${material.id}`} class=${`material ${privateRole ? "private" : ""}`} aria-label=${material.title}>
    <details open>
      <summary>${material.title}</summary>
      ${privateRole ? html`<p><span class="badge private">${icon("lock")} ${t("board.private", { role: privateRole })}</span></p>` : null}
      ${body()}
    </details>
  </article>`;
}
