/**
 * The player's link to their carnet de compétences, inside the player screen: the join form may
 * take a carnet code typed by hand (a carnet moving to this device: checked, then remembered);
 * once seated, a browser that remembers a carnet adds this session to it; at the end of the game,
 * a player without a carnet may create one from this seat.
 */
import { html, nothing } from "lit-html";
import { announce, requestRender } from "../app.ts";
import { t } from "../i18n/index.ts";
import { ApiError } from "../net/api.ts";
import {
  createCarnet,
  getCarnet,
  linkSeat,
  rememberCarnetCode,
  rememberedCarnetCode,
  type SeatProof,
} from "../net/carnet.ts";

export class CarnetKeeper {
  private seat: SeatProof | null = null;
  private linked = false;
  private createdCode: string | null = null;
  private error = "";
  private busy = false;
  /** The join form's carnet field: unfolded, and the error of the code typed there. */
  private fieldOpen = false;
  private fieldError = "";

  /**
   * A carnet code typed in the join form: when it opens a carnet, this device remembers it (so the
   * seat joins it once seated) and true is returned; otherwise the field shows a French error,
   * takes the focus, and false is returned (the player may correct it or join without a carnet).
   * Unknown codes are rate-limited by the server like every carnet lookup.
   */
  async adopt(typed: string): Promise<boolean> {
    try {
      await getCarnet(typed);
      rememberCarnetCode(typed);
      this.fieldError = "";
      return true;
    } catch (error) {
      this.fieldOpen = true;
      this.fieldError =
        error instanceof ApiError && error.code === "unknown-carnet"
          ? t("carnet.unknown")
          : error instanceof ApiError && error.code === "rate-limited"
            ? t("carnet.rateLimited")
            : t("carnet.loadError");
      announce(this.fieldError);
      requestRender();
      queueMicrotask(() => document.getElementById("join-carnet-code")?.focus());
      return false;
    }
  }

  /** The join form's optional carnet-code field, folded away until asked for. */
  joinField() {
    const error = this.fieldError;
    return html`<details class="join-carnet" ?open=${this.fieldOpen} @toggle=${(e: Event) => {
      this.fieldOpen = (e.target as HTMLDetailsElement).open;
    }}>
      <summary>${t("join.carnet.summary")}</summary>
      <div class="field">
        <label for="join-carnet-code">${t("join.carnet.label")}</label>
        <input id="join-carnet-code" name="carnetCode" type="text" maxlength="40" autocomplete="off"
          autocapitalize="characters" spellcheck="false" aria-invalid=${error ? "true" : "false"}
          aria-describedby=${error ? "join-carnet-help join-carnet-error" : "join-carnet-help"} />
        <p class="help" id="join-carnet-help">${t("join.carnet.help")}</p>
      </div>
      ${
        error
          ? html`<div class="notice bad" id="join-carnet-error" role="alert">
              <p>${error}</p><p>${t("join.carnet.errorHint")}</p>
            </div>
            <button type="submit" name="without-carnet">${t("join.carnet.without")}</button>`
          : nothing
      }
    </details>`;
  }

  /** The player is seated: add the session to the carnet this browser remembers, if any. */
  seated(seat: SeatProof): void {
    if (this.seat && this.seat.playerId === seat.playerId) return;
    this.seat = seat;
    const code = rememberedCarnetCode();
    if (!code) return;
    linkSeat(code, seat)
      .then(() => {
        this.linked = true;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "unknown-carnet") rememberCarnetCode(null);
        else this.error = t("carnet.linkError", { message: error instanceof Error ? error.message : "" });
      })
      .finally(requestRender);
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const seat = this.seat;
    const name = String(new FormData(event.target as HTMLFormElement).get("carnet-name") ?? "").trim();
    if (!seat || !name) return;
    this.busy = true;
    this.error = "";
    requestRender();
    try {
      const created = await createCarnet(name, seat);
      rememberCarnetCode(created.code);
      this.createdCode = created.code;
      this.linked = true;
      announce(t("carnet.kept"));
    } catch (error) {
      this.error = t("carnet.linkError", { message: error instanceof Error ? error.message : "" });
      announce(this.error);
    } finally {
      this.busy = false;
      requestRender();
    }
  }

  /** The end-of-game panel: the carnet this session went into, or the form to create one. */
  view(playerName: string) {
    if (!this.seat) return nothing;
    if (this.linked)
      return html`<section class="card" aria-labelledby="carnet-kept-title">
        <h2 id="carnet-kept-title">${t("carnet.title")}</h2>
        <p role="status">${t("carnet.kept")}</p>
        ${this.createdCode ? html`<p><strong data-testid="carnet-new-code">${t("carnet.keptCode", { code: this.createdCode })}</strong></p>` : nothing}
        <a class="button" href="/carnet" data-nav>${t("carnet.see")}</a>
      </section>`;
    return html`<form class="card" aria-labelledby="carnet-keep-title" @submit=${(e: SubmitEvent) => void this.create(e)}>
      <h2 id="carnet-keep-title">${t("carnet.keepTitle")}</h2>
      <p>${t("carnet.keepText")}</p>
      <div class="field">
        <label for="carnet-name">${t("carnet.keepName")}</label>
        <input id="carnet-name" name="carnet-name" type="text" maxlength="40" required .value=${playerName} />
      </div>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.busy}>${t("carnet.keepSubmit")}</button>
    </form>`;
  }
}
