/**
 * The facilitator's printables (issue 12 §4), reached from the facilitator console with the
 * session's facilitator key (the server refuses the kit without it): one A4 page of kit — timing of
 * the full and short routes, what each step teaches, debrief questions, sources — then, if wanted,
 * one card per step for a table without devices (materials and options, never a solution).
 * Print-ready from the browser: A4, app chrome hidden, one card never split across pages.
 */
import { html, nothing } from "lit-html";
import { typesetDisplay } from "../../../shared/text/typography.ts";
import { requestRender, type Screen } from "../app.ts";
import { t } from "../i18n/index.ts";
import { getKit, type KitResponse } from "../net/api.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { kitCard } from "../puzzles/registry.ts";
import { errorText } from "../ui/errors.ts";
import { icon } from "../ui/icons.ts";
import { materialCard } from "../ui/material.ts";

export function kitScreen(code: string): Screen {
  const key = loadFacilitatorKey(code);
  let data: KitResponse | null = null;
  let problem = key ? "" : t("fac.keyMissing");
  let withCards = true;
  if (key)
    getKit(code, key)
      .then((response) => {
        data = typesetDisplay(response);
        requestRender();
      })
      .catch((error: unknown) => {
        problem = errorText(error);
        requestRender();
      });

  const kitPage = (d: KitResponse) => {
    const k = d.kit;
    return html`<article class="kit-page" aria-labelledby="kit-title">
      <h1 id="kit-title" tabindex="-1">${t("kit.title", { title: k.title })}</h1>
      <p class="kit-warning">${t("kit.forFacilitator")}</p>
      <p>${k.summary}</p>
      <div class="kit-columns">
        <section>
          <h2>${t("kit.timing")}</h2>
          <p>${t("kit.full", { steps: k.full.steps, play: k.full.playMinutes, min: k.full.cafeMinutes.min, max: k.full.cafeMinutes.max })}</p>
          <p>${k.short ? t("kit.short", { steps: k.short.steps, play: k.short.playMinutes, min: k.short.cafeMinutes.min, max: k.short.cafeMinutes.max }) : t("kit.noShort")}</p>
          <h2>${t("kit.roles")}</h2>
          <ul>${k.roles.map((r) => html`<li><strong>${r.name}</strong> : ${r.description}</li>`)}</ul>
        </section>
        <section>
          <h2>${t("kit.debrief")}</h2>
          <ul>${k.debriefQuestions.map((q) => html`<li>${q}</li>`)}</ul>
        </section>
      </div>
      <h2>${t("kit.steps")}</h2>
      <ol class="kit-steps">${k.steps.map(
        (
          s,
        ) => html`<li><strong>${t("kit.stepLine", { number: s.number, title: s.title, minutes: s.minutes })}</strong>
          ${s.inShortRoute ? html`<span class="badge">${t("kit.inShort")}</span>` : nothing} ${s.teaches}</li>`,
      )}</ol>
      <h2>${t("kit.sources")}</h2>
      <ul class="kit-sources">${k.sources.map((s) => html`<li>${s.label}${s.url ? html` : <a href=${s.url}>${s.url}</a>` : nothing}</li>`)}</ul>
    </article>`;
  };

  const cardsSection = (d: KitResponse) => html`<section class="kit-cards" aria-labelledby="cards-title">
    <h2 id="cards-title">${t("kit.cards")}</h2>
    ${d.cards.map(
      (
        card,
      ) => html`<article class="kit-card" aria-label=${t("kit.card", { number: card.number, title: card.title })}>
        <h3>${t("kit.card", { number: card.number, title: card.title })} ${card.inShortRoute ? html`<span class="badge">${t("kit.inShort")}</span>` : nothing}</h3>
        ${card.situation ? html`<p><em>${card.situation}</em></p>` : nothing}
        <p class="prompt">${card.prompt}</p>
        ${card.materials.map((m) => materialCard(m.material, m.roleName))}
        ${kitCard(card.puzzle)}
      </article>`,
    )}
  </section>`;

  return {
    title: () => (data ? t("kit.title", { title: data.kit.title }) : t("fac.kitLink")),
    view: () => html`
      ${problem ? html`<h1 tabindex="-1">${t("fac.kitLink")}</h1><p class="notice bad" role="alert">${problem}</p>` : nothing}
      ${
        data
          ? html`<div class="row no-print">
              <button type="button" class="primary" @click=${() => window.print()}>${icon("print")} ${t("kit.print")}</button>
              <label class="check"><input type="checkbox" .checked=${withCards} @change=${(e: Event) => {
                withCards = (e.target as HTMLInputElement).checked;
                requestRender();
              }} /> ${t("kit.withCards")}</label>
            </div>
            ${kitPage(data)} ${withCards ? cardsSection(data) : nothing}`
          : problem
            ? nothing
            : html`<p>${t("app.loading")}</p>`
      }`,
  };
}
