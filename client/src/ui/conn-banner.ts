/** The connection banner shown while the link to the server is down or closed. */
import { html, nothing } from "lit-html";
import { t } from "../i18n/index.ts";
import type { CloseReason, ConnectionStatus } from "../net/connection.ts";

export function connectionBanner(status: ConnectionStatus, reason?: CloseReason) {
  if (status === "connected") return nothing;
  if (status === "reconnecting")
    return html`<p class="notice warn conn-banner" role="alert">${t("conn.reconnecting")}</p>`;
  const key =
    reason === "kicked"
      ? "conn.kicked"
      : reason === "ended"
        ? "conn.ended"
        : reason === "protocol"
          ? "conn.protocol"
          : reason === "left"
            ? null
            : "conn.lost";
  if (!key) return nothing;
  return html`<div class="notice bad conn-banner" role="alert">
    <p>${t(key)}</p>
    ${reason === "lost" || reason === "protocol" ? html`<button type="button" @click=${() => location.reload()}>${t("conn.reload")}</button>` : null}
  </div>`;
}
