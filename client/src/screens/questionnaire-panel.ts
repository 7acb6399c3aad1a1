/**
 * The satisfaction questionnaire on the player's end screen: one form, optional, anonymous (the
 * Gironde survey's questions and a free comment). Radio groups in fieldsets: keyboard and
 * screen-reader friendly.
 */
import { html, nothing } from "lit-html";
import { FOUND, HEARD, MOTIVATIONS } from "../../../shared/questionnaire.ts";
import { announce, requestRender } from "../app.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { request } from "../net/api.ts";
import type { SeatProof } from "../net/carnet.ts";

const QUESTIONS = [
  { name: "found", options: FOUND },
  { name: "motivation", options: MOTIVATIONS },
  { name: "heard", options: HEARD },
] as const;

export class QuestionnairePanel {
  private seat: SeatProof | null = null;
  private sent = false;
  private error = "";

  seated(seat: SeatProof): void {
    this.seat = seat;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const seat = this.seat;
    if (!seat) return;
    const form = new FormData(event.target as HTMLFormElement);
    const answer: Record<string, string> = {};
    for (const q of QUESTIONS) {
      const value = form.get(q.name);
      if (typeof value === "string" && value) answer[q.name] = value;
    }
    const comment = String(form.get("comment") ?? "").trim();
    if (comment) answer.comment = comment;
    if (Object.keys(answer).length === 0) {
      this.error = t("survey.empty");
      announce(this.error);
      requestRender();
      return;
    }
    try {
      await request(`/api/sessions/${encodeURIComponent(seat.sessionCode)}/questionnaire`, {
        method: "POST",
        body: JSON.stringify({ playerId: seat.playerId, seatKey: seat.seatKey, ...answer }),
      });
      this.sent = true;
      this.error = "";
      announce(t("survey.thanks"));
    } catch (error) {
      this.error = error instanceof Error ? error.message : "";
      announce(this.error);
    }
    requestRender();
  }

  view() {
    if (!this.seat) return nothing;
    if (this.sent)
      return html`<section class="card" aria-labelledby="survey-title"><h2 id="survey-title">${t("survey.title")}</h2><p role="status">${t("survey.thanks")}</p></section>`;
    return html`<form class="card" aria-labelledby="survey-title" @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h2 id="survey-title">${t("survey.title")}</h2>
      <p>${t("survey.intro")}</p>
      ${QUESTIONS.map(
        (q) => html`<fieldset>
          <legend>${t(`survey.${q.name}` as MessageKey)}</legend>
          ${q.options.map(
            (option) => html`<label class="choice"><input type="radio" name=${q.name} value=${option} />
              ${t(`survey.${q.name}.${option}` as MessageKey)}</label>`,
          )}
        </fieldset>`,
      )}
      <div class="field">
        <label for="survey-comment">${t("survey.comment")}</label>
        <textarea id="survey-comment" name="comment" maxlength="1000" rows="3"></textarea>
      </div>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      <button type="submit">${t("survey.submit")}</button>
    </form>`;
  }
}
