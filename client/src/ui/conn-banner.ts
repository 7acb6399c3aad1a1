/** The connection banner shown while the link to the server is down or closed. */
import { html, nothing } from "lit-html";
import { type MessageKey, t } from "../i18n/index.ts";
import type { CloseReason, ConnectionStatus } from "../net/connection.ts";

const CLOSED: Record<Exclude<CloseReason, "left">, MessageKey> = {
  kicked: "conn.kicked",
  ended: "conn.ended",
  protocol: "conn.protocol",
  lost: "conn.lost",
  "taken-over": "conn.taken-over",
  moved: "conn.moved",
  "claim-refused": "conn.claim-refused",
};

/** `takeBack`: offered when this seat now plays on another device or tab (it takes it back here). */
export function connectionBanner(status: ConnectionStatus, reason?: CloseReason, takeBack?: () => void) {
  if (status === "connected") return nothing;
  if (status === "reconnecting")
    return html`<p class="notice warn conn-banner" role="alert">${t("conn.reconnecting")}</p>`;
  if (!reason || reason === "left") return nothing;
  return html`<div class="notice bad conn-banner" role="alert">
    <p>${t(CLOSED[reason])}</p>
    ${reason === "protocol" ? html`<button type="button" @click=${() => location.reload()}>${t("conn.reload")}</button>` : null}
    ${reason === "taken-over" && takeBack ? html`<button type="button" @click=${takeBack}>${t("conn.takeBack")}</button>` : null}
  </div>`;
}
