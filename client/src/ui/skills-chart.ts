/** A horizontal bar chart of skills against the referential's level thresholds (text values too). */
import { html } from "lit-html";
import { t } from "../i18n/index.ts";
import type { SkillBar } from "../view/skills.ts";

export function skillsChart(title: string, bars: SkillBar[]) {
  return html`<figure class="skills-chart" aria-label=${title}>
    <figcaption><strong>${title}</strong></figcaption>
    ${bars.map(
      (bar) => html`<div class="skill-bar">
        <span>${bar.label}</span>
        <span class="track" aria-hidden="true">
          <span class="fill" style=${`width:${Math.round(bar.fill * 100)}%`}></span>
          ${bar.ticks.map((tick) => html`<span class="tick" style=${`left:${Math.round(tick.at * 100)}%`} title=${tick.label}></span>`)}
        </span>
        <span>${t("debrief.points", { points: bar.points })} · ${bar.levelLabel ? t("debrief.level", { level: bar.levelLabel }) : t("debrief.noLevel")}</span>
      </div>`,
    )}
  </figure>`;
}
