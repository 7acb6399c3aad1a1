/** A step document as a card: text, table or image; private ones say which role sees them. */
import { html, nothing } from "lit-html";
import type { Material } from "../../../shared/scenario/schema.ts";
import { t } from "../i18n/index.ts";
import { icon } from "./icons.ts";
import { scrollRegion } from "./scroll-region.ts";

export function materialCard(material: Material, privateRole: string | null) {
  const body = () => {
    switch (material.kind) {
      case "text":
        return html`<div class="body">${material.body}</div>`;
      case "table":
        // The caption sits above the scroll region (always in view) and names the table.
        return html`${material.caption ? html`<p class="table-caption" id=${`caption-${material.id}`}>${material.caption}</p>` : null}
          ${scrollRegion(
            t("material.tableRegion", { title: material.caption ?? material.title }),
            html`<table class="data-table" aria-labelledby=${material.caption ? `caption-${material.id}` : nothing}>
              <thead><tr>${material.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
              <tbody>${material.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
            </table>`,
          )}`;
      case "image":
        return html`<img src=${`/${material.src.replace(/^\/+/, "")}`} alt=${material.alt} />`;
    }
  };
  return html`<article id=${`material-${material.id}`} class=${`material ${material.kind === "table" ? "wide" : ""} ${privateRole ? "private" : ""}`} aria-label=${material.title}>
    <details open>
      <summary>${material.title}</summary>
      ${privateRole ? html`<p><span class="badge private">${icon("lock")} ${t("board.private", { role: privateRole })}</span></p>` : null}
      ${body()}
    </details>
  </article>`;
}
