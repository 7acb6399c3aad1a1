/**
 * A player's end screen: their team's rank and points, the competences they practised (each closed
 * step's skills × the team's score), their attestation once the session has ended, and the story's
 * closing scene. Also the compact step opening shown above the board on every device.
 */
import { html, nothing } from "lit-html";
import referentialJson from "../../../scenarios/referentiel.json";
import type { PublicScenario } from "../../../shared/rules/public.ts";
import type { Referential } from "../../../shared/scenario/schema.ts";
import { t } from "../i18n/index.ts";
import { icon } from "../ui/icons.ts";
import type { GameView, TeamView } from "../view/state.ts";
import { avatar, teamName } from "./identity.ts";
import { standings } from "./moments.ts";

const referential = referentialJson as unknown as Referential;

export interface Practised {
  competence: string;
  label: string;
  points: number;
}

/** Competences the team's closed steps trained, with score × weight points, in referential order. */
export function practisedSkills(scenario: PublicScenario, team: TeamView): Practised[] {
  const points = new Map<string, number>();
  scenario.steps.forEach((step, index) => {
    const state = team.steps[index];
    if (state?.status !== "closed") return;
    for (const skill of step.skills)
      points.set(
        skill.competence,
        (points.get(skill.competence) ?? 0) + Math.max(0, state.score) * skill.weight,
      );
  });
  return referential.domains.flatMap((domain) =>
    domain.competences
      .filter((competence) => points.has(competence.id))
      .map((competence) => ({
        competence: competence.id,
        label: competence.label,
        points: Math.round((points.get(competence.id) ?? 0) * 100) / 100,
      })),
  );
}

/** « 1re », « 2e » in French; "1st", "2nd" in English. */
export function place(rank: number, lang: string): string {
  if (lang === "fr") return rank === 1 ? "1re" : `${rank}e`;
  const suffix =
    rank % 10 === 1 && rank % 100 !== 11
      ? "st"
      : rank % 10 === 2 && rank % 100 !== 12
        ? "nd"
        : rank % 10 === 3 && rank % 100 !== 13
          ? "rd"
          : "th";
  return `${rank}${suffix}`;
}

export function endScreen(
  game: GameView,
  scenario: PublicScenario,
  team: TeamView | null,
  attestationHref: string | null,
  lang: string,
) {
  const places = standings(game);
  const mine = team ? places.find((p) => p.id === team.id) : undefined;
  const skills = team ? practisedSkills(scenario, team) : [];
  const closing = scenario.story?.closing;
  const character = scenario.story?.characters.find((c) => c.id === closing?.character);
  return html`<section class="end-screen" aria-labelledby="end-title">
    <h1 id="end-title" tabindex="-1">${t("stage.end.title")}</h1>
    <div class="board-banner"><p class="notice ok" role="status">${t("board.debrief")}</p></div>
    ${
      mine && team
        ? html`<div class="end-rank">
          <p class="end-place">${place(mine.rank, lang)}</p>
          <p>${t("stage.end.rank", { team: team.name, place: place(mine.rank, lang), total: places.length })}</p>
          <p>${teamName(mine.index, team.name)} · ${t("stage.end.points", { points: mine.points })}</p>
        </div>`
        : nothing
    }
    <section class="card" aria-labelledby="end-skills">
      <h2 id="end-skills">${t("stage.end.skills")}</h2>
      ${
        skills.length === 0
          ? html`<p class="muted">${t("stage.end.noSkills")}</p>`
          : html`<ul>${skills.map((skill) => html`<li>${skill.label} · ${t("stage.points", { points: skill.points })}</li>`)}</ul>`
      }
    </section>
    ${attestationHref ? html`<p><a class="button primary" href=${attestationHref} data-nav>${icon("print")} ${t("board.attestation")}</a></p>` : nothing}
    ${
      closing
        ? html`<figure class="title-card end-closing">
          <div class="title-card-scene">
            ${character ? avatar(character.name, "character", "4rem") : nothing}
            <figcaption>${character ? html`<p class="title-card-says">${character.name}, ${character.role}</p>` : nothing}
              <blockquote class="title-card-text">${closing.text}</blockquote></figcaption>
          </div>
        </figure>`
        : nothing
    }
  </section>`;
}
