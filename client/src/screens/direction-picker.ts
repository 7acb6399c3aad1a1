/**
 * In the lobby of a session run by an organisation: the player may say which direction they come
 * from (optional, never required to play). Saved with the seat key as proof.
 */
import { html, nothing } from "lit-html";
import { announce, requestRender } from "../app.ts";
import { t } from "../i18n/index.ts";
import { request } from "../net/api.ts";
import type { SeatProof } from "../net/carnet.ts";

export class DirectionPicker {
  private seat: SeatProof | null = null;
  private directions: { id: string; label: string }[] = [];
  private saved: string | null = null;
  private error = "";

  seated(seat: SeatProof): void {
    if (this.seat?.playerId === seat.playerId) return;
    this.seat = seat;
    request<{ directions: { id: string; label: string }[] }>(
      `/api/sessions/${encodeURIComponent(seat.sessionCode)}/directions`,
    )
      .then((body) => {
        this.directions = body.directions;
        requestRender();
      })
      .catch(() => undefined);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const seat = this.seat;
    const direction = String(new FormData(event.target as HTMLFormElement).get("direction") ?? "");
    if (!seat || !direction) return;
    try {
      await request(`/api/sessions/${encodeURIComponent(seat.sessionCode)}/direction`, {
        method: "POST",
        body: JSON.stringify({ playerId: seat.playerId, seatKey: seat.seatKey, direction }),
      });
      this.saved = direction;
      this.error = "";
      announce(t("direction.saved"));
    } catch (error) {
      this.error = error instanceof Error ? error.message : "";
      announce(this.error);
    }
    requestRender();
  }

  view() {
    if (this.directions.length === 0) return nothing;
    return html`<form class="card" aria-labelledby="direction-title" @submit=${(e: SubmitEvent) => void this.save(e)}>
      <h2 id="direction-title">${t("direction.title")}</h2>
      <div class="field">
        <label for="direction">${t("direction.label")}</label>
        <select id="direction" name="direction" aria-describedby="direction-help">
          <option value="">${t("direction.none")}</option>
          ${this.directions.map((d) => html`<option value=${d.id} ?selected=${d.id === this.saved}>${d.label}</option>`)}
        </select>
        <p class="help" id="direction-help">${t("direction.help")}</p>
      </div>
      ${this.saved ? html`<p role="status">${t("direction.saved")}</p>` : nothing}
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <button type="submit">${t("direction.submit")}</button>
    </form>`;
  }
}
