/**
 * The moments as lit-html templates, shared by the projected screen (big type) and the players'
 * screens: the step's title card, the big timer, the race, the live events, the leaderboard, the
 * reveal sequence and the podium. Motion is CSS only (stage.css), short, and off under
 * `prefers-reduced-motion`; no template waits for an animation before it accepts input.
 */
import { html, nothing } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import type { PublicStep, RevealedStep } from "../../../shared/rules/public.ts";
import { formatClock, type MessageKey, t } from "../i18n/index.ts";
import { explanationView, linesView } from "../ui/reveal.ts";
import { answerFigure, answerLines } from "../view/answers.ts";
import { draftOf, percent, type TeamView } from "../view/state.ts";
import { avatar, teamBadge, teamLook, teamName } from "./identity.ts";
import {
  type ItemGrid,
  inLastSeconds,
  type Opening,
  type PodiumPlace,
  type RaceRow,
  type RevealFrame,
  type Sentence,
} from "./moments.ts";
import "./stage.css";

const say = (sentence: Sentence) => t(sentence.key, sentence.params);

/** The step's opening: its number, its title, the character and what they say. */
export function titleCard(opening: Opening, total: number, action: unknown = nothing) {
  return html`<section class="title-card" aria-labelledby="title-card-title">
    <p class="title-card-step">${t("stage.stepOf", { index: opening.stepIndex + 1, total })}</p>
    <h2 id="title-card-title" class="title-card-title" tabindex="-1">${opening.title}</h2>
    <figure class="title-card-scene">
      ${opening.character ? avatar(opening.character.name, "character", "var(--portrait)") : nothing}
      <figcaption>
        ${opening.says ? html`<p class="title-card-says">${say(opening.says)}</p>` : nothing}
        <blockquote class="title-card-text">${opening.text}</blockquote>
      </figcaption>
    </figure>
    ${action}
  </section>`;
}

/** The big timer; in the last 30 s it says so in words and pulses (not under reduced motion). */
export function bigTimer(seconds: number | null) {
  if (seconds === null) return nothing;
  const last = inLastSeconds(seconds);
  return html`<div class=${`big-timer ${last ? "last" : ""}`} role="timer" aria-label=${t("stage.timeLeft")}>
    <span class="big-timer-clock">${formatClock(seconds)}</span>
    ${last ? html`<span class="big-timer-cue">${t("stage.lastSeconds")}</span>` : nothing}
  </div>`;
}

/** Each team as a token on the scenario's path, with its status in words. */
export function raceView(rows: RaceRow[], stepCount: number) {
  const stations = Array.from({ length: stepCount + 1 }, (_, index) => index);
  return html`<section class="race" aria-labelledby="race-title">
    <h2 id="race-title">${t("stage.race")}</h2>
    <ul class="race-lanes">
      ${repeat(
        rows,
        (row) => row.id,
        (row) => html`<li class="race-lane" style=${`--team:${teamLook(row.index).colour}`}>
          <span class="race-team">${teamName(row.index, row.name)}</span>
          <span class="race-path" aria-hidden="true">
            ${stations.map((station) => html`<span class=${`race-station ${station <= row.position ? "done" : ""}`}></span>`)}
            <span class="race-token" style=${`--at:${row.position / Math.max(1, stepCount)}`}>${teamBadge(row.index, "2.2em")}</span>
          </span>
          <span class=${`race-status ${row.status}`}>${t(`stage.status.${row.status}` as MessageKey)}</span>
          <span class="visually-hidden">${t("stage.raceTeam", { team: row.name, position: row.position, total: stepCount })}</span>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** The latest live events, newest first, without content. */
export function eventsView(events: string[]) {
  return html`<section class="events" aria-labelledby="events-title">
    <h2 id="events-title">${t("stage.events")}</h2>
    ${
      events.length === 0
        ? html`<p class="muted">${t("stage.noEvents")}</p>`
        : html`<ul>${events.map((text) => html`<li class="event">${text}</li>`)}</ul>`
    }
  </section>`;
}

/** The ranking whose rows move: each row stays in the DOM and slides to its rank's place. */
export function leaderboard(places: PodiumPlace[]) {
  const order = [...places].sort((a, b) => a.index - b.index);
  const position = new Map(places.map((place, i) => [place.id, i]));
  return html`<section class="leaderboard" aria-labelledby="leaderboard-title">
    <h2 id="leaderboard-title">${t("stage.leaderboard")}</h2>
    <ol class="leaderboard-rows" style=${`--rows:${places.length}`}>
      ${repeat(
        order,
        (place) => place.id,
        (
          place,
        ) => html`<li class="leaderboard-row" style=${`--pos:${position.get(place.id) ?? 0};--team:${teamLook(place.index).colour}`}>
          <span class="leaderboard-rank">${place.rank}</span>
          ${teamName(place.index, place.name)}
          <span class="leaderboard-points">${t("stage.points", { points: place.points })}</span>
        </li>`,
      )}
    </ol>
  </section>`;
}

export interface RevealInput {
  step: PublicStep;
  revealed: RevealedStep;
  teams: TeamView[];
  grid: ItemGrid;
  frames: RevealFrame[];
  frame: number;
}

const mark = (result: boolean | null) =>
  result === null
    ? html`<span class="mark none">– <span class="visually-hidden">${t("stage.reveal.none")}</span></span>`
    : result
      ? html`<span class="mark ok">✔ ${t("stage.reveal.right")}</span>`
      : html`<span class="mark bad">✘ ${t("stage.reveal.wrong")}</span>`;

/** The reveal as a sequence, one frame per key press; what came before stays on screen. */
export function revealView(input: RevealInput) {
  const { step, revealed, teams, grid, frames, frame } = input;
  const shownTeams = frames.slice(0, frame + 1).filter((f) => f.kind === "team").length;
  const current = frames[frame] ?? frames[0];
  const showMissed = frames.slice(0, frame + 1).some((f) => f.kind === "missed");
  const showWhy = current?.kind === "why";
  const missed = grid.rows.find((row) => row.id === grid.mostMissed);
  return html`<section class="reveal-sequence" aria-labelledby="reveal-title">
    <p class="reveal-progress">${t("stage.reveal.progress", { index: frame + 1, total: frames.length })}</p>
    <h2 id="reveal-title" class="reveal-question">${step.title}</h2>
    ${current?.kind === "question" ? html`<p class="reveal-prompt">${step.prompt}</p>` : nothing}
    ${
      shownTeams > 0 && !showWhy
        ? html`<div class="reveal-body">
          <ol class="reveal-teams">
            ${teams.slice(0, shownTeams).map((team, i) => {
              const score = team.steps.find((s) => s.stepId === step.id)?.score ?? -1;
              return html`<li class="reveal-team appear" style=${`--team:${teamLook(i).colour}`}>
                <h3>${teamName(i, team.name)} ${score >= 0 ? html`<span class="reveal-score">${percent(score)} %</span>` : nothing}</h3>
                ${team.work ? [answerFigure(step, draftOf(team, step.id)), linesView(answerLines(step, draftOf(team, step.id)))] : nothing}
              </li>`;
            })}
          </ol>
          ${
            grid.rows.length > 0
              ? html`<table class="reveal-grid">
                <caption class="visually-hidden">${t("stage.reveal.grid")}</caption>
                <thead><tr><th scope="col">${t("stage.reveal.item")}</th>${teams
                  .slice(0, shownTeams)
                  .map(
                    (team, i) =>
                      html`<th scope="col">${teamBadge(i)}<span class="visually-hidden">${team.name}</span></th>`,
                  )}</tr></thead>
                <tbody>${grid.rows.map(
                  (row) => html`<tr class=${showMissed && row.id === grid.mostMissed ? "most-missed" : ""}>
                    <th scope="row">${row.label}</th>${row.results.slice(0, shownTeams).map((result) => html`<td>${mark(result)}</td>`)}
                  </tr>`,
                )}</tbody>
              </table>`
              : nothing
          }
        </div>`
        : nothing
    }
    ${
      current?.kind === "missed"
        ? html`<p class="reveal-missed appear">${
            missed && missed.missed > 0
              ? html`<strong>${t("stage.reveal.missed")}</strong> ${missed.label} · ${t("stage.reveal.missedBy", { count: missed.missed, total: teams.length })}`
              : t("stage.reveal.noneMissed")
          }</p>`
        : nothing
    }
    ${
      showWhy
        ? html`<div class="reveal-why appear">
          <h3>${t("feedback.solution")}</h3>
          ${answerFigure(step, revealed.answer)}
          ${linesView(answerLines(step, revealed.answer))}
          ${explanationView(revealed)}
        </div>`
        : nothing
    }
  </section>`;
}

/** The top three on steps (animated in), then, one key later, the whole ranking. */
export function podiumView(places: PodiumPlace[], showAll: boolean) {
  const top = places.slice(0, 3);
  // Second, first, third: the classic podium.
  const stage = [top[1], top[0], top[2]].filter((place): place is PodiumPlace => place !== undefined);
  return html`<section class="podium-stage" aria-labelledby="podium-title">
    <h2 id="podium-title">${showAll ? t("stage.fullRanking") : t("stage.podium")}</h2>
    ${
      showAll
        ? html`<ol class="full-ranking">${places.map(
            (place) => html`<li class="full-ranking-row">
              <span class="leaderboard-rank">${place.rank}</span> ${teamName(place.index, place.name)}
              <span class="leaderboard-points">${t("stage.points", { points: place.points })}</span>
            </li>`,
          )}</ol>`
        : html`<ol class="podium">
          ${stage.map(
            (
              place,
            ) => html`<li class=${`podium-place place-${top.indexOf(place) + 1}`} style=${`--team:${teamLook(place.index).colour}`}>
              <span class="podium-team">${teamBadge(place.index, "3em")} <strong>${place.name}</strong></span>
              <span class="podium-points">${t("stage.points", { points: place.points })}</span>
              <span class="podium-block"><span class="podium-rank">${place.rank}</span></span>
            </li>`,
          )}
        </ol>`
    }
  </section>`;
}
