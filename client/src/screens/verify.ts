/** Public check of an attestation's verification code. */
import { html } from "lit-html";
import { requestRender, type Screen } from "../app.ts";
import { formatDate, t } from "../i18n/index.ts";
import { type Attestation, getAttestation } from "../net/api.ts";

export function verifyScreen(verificationCode: string): Screen {
  let attestation: Attestation | null = null;
  let invalid = false;
  getAttestation(verificationCode)
    .then((a) => {
      attestation = a;
    })
    .catch(() => {
      invalid = true;
    })
    .finally(requestRender);

  return {
    title: () => t("verify.title"),
    view: () => html`<h1 tabindex="-1">${t("verify.title")}</h1>
      <p><code>${verificationCode}</code></p>
      ${
        attestation
          ? html`<div class="notice ok" role="status">
              <p><strong>✔ ${t("verify.valid")}</strong></p>
              <p>${t("verify.details", { name: attestation.playerName, scenario: attestation.scenarioTitle, date: formatDate(attestation.issuedAt) })}</p>
              <p>${attestation.organisation}</p>
              <a href=${`/attestation/${encodeURIComponent(attestation.verificationCode)}`} data-nav>${t("verify.open")}</a>
            </div>`
          : invalid
            ? html`<p class="notice bad" role="alert">✘ ${t("verify.invalid")}</p>`
            : html`<p>${t("app.loading")}</p>`
      }`,
  };
}
