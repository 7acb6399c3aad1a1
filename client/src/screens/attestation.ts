/** A printable A4 attestation, read from the public check endpoint by its verification code. */

import { html, nothing } from "lit-html";
import { unsafeSVG } from "lit-html/directives/unsafe-svg.js";
import QRCode from "qrcode";
import { requestRender, type Screen } from "../app.ts";
import { formatDate, formatNumber, t, tParts } from "../i18n/index.ts";
import { type Attestation, getAttestation } from "../net/api.ts";
import { carnetLink, getCarnet, rememberedCarnetCode } from "../net/carnet.ts";
import { seatNamed } from "../net/seats.ts";
import { icon } from "../ui/icons.ts";

export function attestationScreen(verificationCode: string): Screen {
  let attestation: Attestation | null = null;
  let missing = false;
  /** The carnet this attestation belongs to, when this browser holds it: printed as text and QR code. */
  let carnet: { code: string; qr: string } | null = null;
  const findCarnet = async (a: Attestation) => {
    const code = rememberedCarnetCode();
    if (!code) return;
    const view = await getCarnet(code);
    if (!view.sessions.some((s) => s.sessionCode === a.sessionCode)) return;
    const qr = await QRCode.toString(carnetLink(code), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    carnet = { code, qr };
    requestRender();
  };
  getAttestation(verificationCode)
    .then((a) => {
      attestation = a;
      findCarnet(a).catch(() => undefined);
    })
    .catch(() => {
      missing = true;
    })
    .finally(requestRender);

  const verifyUrl = (a: Attestation) =>
    a.verifyUrl || `${location.origin}/verify/${encodeURIComponent(a.verificationCode)}`;

  /** The Open Badges 2.0 assertion of this attestation (served by server/http/open-badges.ts). */
  /** The seat's rejoin code, shown only on the device that holds the seat (never by the public check). */
  const rejoinLine = (a: Attestation) => {
    const code = seatNamed("player", a.sessionCode, a.playerName)?.rejoinCode;
    return code
      ? html`<p class="note" data-testid="att-rejoin-code">${t("att.rejoin", { code })}</p>`
      : nothing;
  };
  const badgeUrl = (a: Attestation) => `/api/attestations/${encodeURIComponent(a.verificationCode)}/badge`;

  return {
    title: () => (attestation ? `${t("att.title")} · ${attestation.playerName}` : t("att.title")),
    view: () => {
      if (missing)
        return html`<h1 tabindex="-1">${t("att.title")}</h1><p class="notice bad" role="alert">${t("att.notFound")}</p>`;
      const a = attestation;
      if (!a) return html`<p>${t("app.loading")}</p>`;
      // Only the competences this player practised, each with the level reached.
      const practised = a.skills.filter((skill) => skill.points > 0);
      return html`<div class="no-print row" style="justify-content:flex-end">
          <button type="button" class="primary" @click=${() => window.print()}>${icon("print")} ${t("att.print")}</button>
        </div>
        <details class="no-print card badge-box">
          <summary>${t("att.badge")}</summary>
          <p>${t("att.badgeText")}</p>
          <p><a class="button" href=${badgeUrl(a)} download=${`badge-${a.verificationCode}.json`} type="application/ld+json">${t("att.badgeDownload")}</a></p>
          <p class="help">${t("att.badgeMachines")} <code>${location.origin}${badgeUrl(a)}</code></p>
        </details>
        <article class="attestation">
          <h1 tabindex="-1">${t("att.title")}</h1>
          <p class="center">${tParts("att.intro", { name: a.playerName }, { b: (chunks) => html`<span class="name">${chunks}</span>` })}</p>
          <p class="center">${t("att.took", { date: formatDate(a.issuedAt), scenario: a.scenarioTitle })}</p>
          <p class="center">${t("att.organisation", { organisation: a.organisation })}</p>
          <h2>${t("att.skills")}</h2>
          ${practised.length === 0 ? html`<p>${t("att.noSkill")}</p>` : nothing}
          <table ?hidden=${practised.length === 0}>
            <thead><tr><th scope="col">${t("att.competence")}</th><th scope="col">${t("att.points")}</th><th scope="col">${t("att.level")}</th></tr></thead>
            <tbody>
              ${practised.map(
                (skill) =>
                  html`<tr><td>${skill.label}</td><td>${formatNumber(skill.points)}</td><td>${skill.levelLabel ?? t("att.levelStarted")}</td></tr>`,
              )}
            </tbody>
          </table>
          <p class="note">${t("att.note")}</p>
          <div class="verify">
            <p><strong>${t("att.verifyCode", { code: a.verificationCode })}</strong></p>
            <p>${t("att.verifyAt", { url: "" })}<a href=${verifyUrl(a)}>${verifyUrl(a)}</a></p>
          </div>
          ${rejoinLine(a)}
          ${
            carnet
              ? html`<div class="verify carnet-code">
                  <div class="qr" role="img" aria-label=${t("att.carnetQr")}>${unsafeSVG(carnet.qr)}</div>
                  <div>
                    <p><strong data-testid="att-carnet-code">${t("att.carnet", { code: carnet.code })}</strong></p>
                    <p>${t("att.carnetHelp")}</p>
                  </div>
                </div>`
              : nothing
          }
        </article>`;
    },
  };
}
