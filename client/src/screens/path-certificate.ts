/** A printable certificate of path (attestation de parcours), read from its public check endpoint. */
import { html } from "lit-html";
import { requestRender, type Screen } from "../app.ts";
import { formatDate, t, tParts } from "../i18n/index.ts";
import { getPathCertificate, type PathCertificate } from "../net/carnet.ts";
import { icon } from "../ui/icons.ts";

export function pathCertificateScreen(verificationCode: string): Screen {
  let certificate: PathCertificate | null = null;
  let missing = false;
  getPathCertificate(verificationCode)
    .then((c) => {
      certificate = c;
    })
    .catch(() => {
      missing = true;
    })
    .finally(requestRender);

  return {
    title: () => t("path.title"),
    view: () => {
      if (missing)
        return html`<h1 tabindex="-1">${t("path.title")}</h1><p class="notice bad" role="alert">${t("path.notFound")}</p>`;
      const c = certificate;
      if (!c) return html`<p>${t("app.loading")}</p>`;
      const badge = `/api/path-certificates/${encodeURIComponent(c.verificationCode)}/badge`;
      return html`<div class="no-print row" style="justify-content:flex-end">
          <a href=${badge} type="application/ld+json">${t("att.badge")}</a>
          <button type="button" class="primary" @click=${() => window.print()}>${icon("print")} ${t("att.print")}</button>
        </div>
        <article class="attestation">
          <h1 tabindex="-1">${t("path.title")}</h1>
          <p class="center">${tParts("att.intro", { name: c.displayName }, { b: (chunks) => html`<span class="name">${chunks}</span>` })}</p>
          <p class="center">${t("path.reached", { programme: c.programmeTitle, organisation: c.organisationName, date: formatDate(c.issuedAt) })}</p>
          <h2>${t("path.targets")}</h2>
          <table>
            <thead><tr><th scope="col">${t("att.competence")}</th><th scope="col">${t("carnet.level")}</th></tr></thead>
            <tbody>${c.targets.map((target) => html`<tr><td>${target.label}</td><td>${target.levelLabel}</td></tr>`)}</tbody>
          </table>
          <p class="note">${t("path.note")}</p>
          <div class="verify">
            <p><strong>${t("att.verifyCode", { code: c.verificationCode })}</strong></p>
            <p>${t("path.verifyAt")}<a href=${`/parcours/${encodeURIComponent(c.verificationCode)}`}>${`${location.origin}/parcours/${c.verificationCode}`}</a></p>
          </div>
        </article>`;
    },
  };
}
