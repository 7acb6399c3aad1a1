/**
 * Debrief (facilitator key needed): per step, every team's answer, the solution, the explanation
 * and its sources; per player, a chart of the skills practised against the referential.
 * While the room runs it reads the live state; afterwards, the stored results.
 */
import { html } from "lit-html";
import referentialJson from "../../../scenarios/referentiel.json";
import type { PublicScenario } from "../../../shared/rules/public.ts";
import type { Referential } from "../../../shared/scenario/schema.ts";
import { requestRender, type Screen } from "../app.ts";
import { t } from "../i18n/index.ts";
import { getResults, type Results } from "../net/api.ts";
import { Connection } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { errorText } from "../ui/errors.ts";
import { explanationView, linesView, solutionView } from "../ui/reveal.ts";
import { skillsChart } from "../ui/skills-chart.ts";
import { answerLines } from "../view/answers.ts";
import { skillBars } from "../view/skills.ts";
import { attemptsOf, draftOf, type GameView, percent } from "../view/state.ts";

const referential = referentialJson as unknown as Referential;

export function debriefScreen(code: string): Screen {
  const key = loadFacilitatorKey(code);
  let connection: Connection | null = null;
  const room = new RoomView();
  let results: Results | null = null;
  let problem = key ? "" : t("fac.keyMissing");

  const loadResults = () => {
    if (!key) return;
    getResults(code, key)
      .then((r) => {
        results = r;
        requestRender();
      })
      .catch((error: unknown) => {
        problem = errorText(error);
        requestRender();
      });
  };

  if (key) {
    loadResults();
    void Connection.join({ as: "facilitator", code, facilitatorKey: key })
      .then((conn) => {
        connection = conn;
        room.follow(conn, requestRender, { phase: loadResults });
      })
      .catch(() => undefined); // room over: the stored results are enough
  }

  const stepsSection = (g: GameView, s: PublicScenario) => html`<section aria-labelledby="steps-title">
    <h2 id="steps-title">${t("debrief.steps")}</h2>
    ${s.steps.map((step, index) => {
      const reveal = room.revealed.get(index);
      return html`<article class="card">
        <h3>${index + 1}. ${step.title}</h3>
        <div class="grid">
          ${g.teams.map((team) => {
            const attempts = attemptsOf(team, step.id);
            const answer = attempts.at(-1)?.answer ?? draftOf(team, step.id);
            const score = team.steps[index]?.score ?? -1;
            return html`<div class="team-box">
              <h4>${t("debrief.teamAnswer", { team: team.name, score: score >= 0 ? percent(score) : 0 })}</h4>
              ${linesView(answerLines(step, answer))}
            </div>`;
          })}
        </div>
        ${reveal ? html`${solutionView(step, reveal)} ${explanationView(reveal)}` : null}
      </article>`;
    })}
  </section>`;

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
      ${results ? playersSection(results) : null}
      ${room.game && room.scenario ? stepsSection(room.game, room.scenario) : null}`,
    dispose: () => void connection?.leave(),
  };
}
