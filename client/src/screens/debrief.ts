/**
 * Debrief (facilitator key needed): per step, what the teams missed first, then every team's answer,
 * the solution, the explanation and its sources; per player, a chart of the skills practised against
 * the referential. While the room runs it reads the live state; afterwards, the stored results. What
 * the teams missed always comes from the server (`/debrief`, shared/rules/missed.ts).
 */
import { html, nothing } from "lit-html";
import referentialJson from "../../../scenarios/referentiel.json";
import type { Answer } from "../../../shared/rules/answer.ts";
import type { PublicScenario } from "../../../shared/rules/public.ts";
import type { Referential } from "../../../shared/scenario/schema.ts";
import { requestRender, type Screen } from "../app.ts";
import { contentLang, t } from "../i18n/index.ts";
import { type Debrief, getDebrief, getResults, type Results } from "../net/api.ts";
import { Connection } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { errorText } from "../ui/errors.ts";
import { explanationView, linesView, solutionView } from "../ui/reveal.ts";
import { skillsChart } from "../ui/skills-chart.ts";
import { answerLines, feedbackTarget } from "../view/answers.ts";
import { skillBars } from "../view/skills.ts";
import { attemptsOf, draftOf, percent } from "../view/state.ts";

const referential = referentialJson as unknown as Referential;

export function debriefScreen(code: string): Screen {
  const key = loadFacilitatorKey(code);
  let connection: Connection | null = null;
  const room = new RoomView();
  let results: Results | null = null;
  /** The step-by-step data from the server (the session's log): what the teams missed, and once the
   *  room is gone (ended session) everything else too. */
  let debrief: Debrief | null = null;
  let live = false;
  let problem = key ? "" : t("fac.keyMissing");

  const fail = (error: unknown) => {
    problem = errorText(error);
    requestRender();
  };
  const load = () => {
    if (!key) return;
    getResults(code, key)
      .then((r) => {
        results = r;
        requestRender();
      })
      .catch(fail);
    getDebrief(code, key)
      .then((d) => {
        debrief = d;
        requestRender();
      })
      .catch(fail);
  };

  if (key) {
    load();
    void Connection.join({ as: "facilitator", code, facilitatorKey: key })
      .then((conn) => {
        connection = conn;
        live = true;
        room.follow(conn, requestRender, { phase: load });
      })
      .catch(() => undefined); // room over (ended session): everything comes from the session's log
  }
  const stored = () => (live ? null : debrief);

  /** Each team's answers and scores per step: live from the room, else from the session's log. */
  const stepTeams = (): {
    name: string;
    answer: (stepId: string, index: number) => Answer | null;
    score: (index: number) => number;
  }[] => {
    const g = room.game;
    if (g && room.scenario)
      return g.teams.map((team) => ({
        name: team.name,
        answer: (stepId) => attemptsOf(team, stepId).at(-1)?.answer ?? draftOf(team, stepId),
        score: (index) => team.steps[index]?.score ?? -1,
      }));
    return (stored()?.teams ?? []).map((team) => ({
      name: team.name,
      answer: (_stepId, index) => team.steps[index]?.answer ?? null,
      score: (index) => team.steps[index]?.score ?? -1,
    }));
  };

  const stepsSection = (s: PublicScenario | null | undefined) =>
    s
      ? html`<section aria-labelledby="steps-title">
    <h2 id="steps-title">${t("debrief.steps")}</h2>
    ${s.steps.map((step, index) => {
      const reveal = room.revealed.get(index) ?? stored()?.revealed.find((r) => r.stepIndex === index);
      // What teams missed leads, then the scenario's questions.
      const misses = debrief?.missed.find((m) => m.stepId === step.id);
      return html`<article class="card">
        <h3 lang=${contentLang() ?? nothing}>${index + 1}. ${step.title}</h3>
        ${
          misses
            ? html`<div class="debrief-missed"><h4>${t("debrief.missed")}</h4>${
                misses.items.length > 0
                  ? html`<ul>${misses.items.map((item) => html`<li>${t("debrief.missedItem", { item: feedbackTarget(step, item.id), count: item.missed, total: misses.answered })}</li>`)}</ul>`
                  : html`<p>${misses.answered > 0 ? t("debrief.allRight") : t("debrief.noAnswer")}</p>`
              }</div>`
            : null
        }
        ${
          reveal?.debriefQuestions?.length
            ? html`<div class="debrief-questions"><h4>${t("debrief.questions")}</h4>
              <ul lang=${contentLang() ?? nothing}>${reveal.debriefQuestions.map((question) => html`<li>${question}</li>`)}</ul></div>`
            : null
        }
        <div class="grid">
          ${stepTeams().map((team) => {
            const score = team.score(index);
            return html`<div class="team-box">
              <h4>${t("debrief.teamAnswer", { team: team.name, score: score >= 0 ? percent(score) : 0 })}</h4>
              ${linesView(answerLines(step, team.answer(step.id, index)))}
            </div>`;
          })}
        </div>
        ${reveal ? html`${solutionView(step, reveal)} ${explanationView(reveal)}` : null}
      </article>`;
    })}
  </section>`
      : null;

  const playersSection = (r: Results) => html`<section aria-labelledby="players-title">
    <h2 id="players-title">${t("debrief.players")}</h2>
    <div class="grid">
      ${r.players.map(
        (player) => html`<div class="card">
          <h3>${player.playerName} <span class="muted">· ${player.teamName}</span></h3>
          ${skillsChart(t("debrief.chart", { name: player.playerName }), skillBars(referential, player.skills))}
        </div>`,
      )}
    </div>
  </section>`;

  return {
    title: () => t("debrief.title"),
    view: () => html`<h1 tabindex="-1">${t("debrief.title")} · ${results?.scenarioTitle ?? room.game?.scenarioTitle ?? code}</h1>
      ${problem ? html`<p class="notice bad" role="alert">${problem}</p>` : null}
      ${stepsSection(room.game ? room.scenario : stored()?.scenario)}
      ${results ? playersSection(results) : null}`,
    dispose: () => void connection?.detach(),
  };
}
