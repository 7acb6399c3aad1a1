/**
 * The projected screen (16:9, read-only): QR code and code to join, timer, teams' progress or
 * ranking, and at the reveal every team's answer side by side with the explanation. Opened on the
 * facilitator's laptop it uses the stored facilitator key to see the teams' answers; otherwise it
 * joins as a plain screen (public state and revealed solutions only).
 */
import { html, nothing } from "lit-html";
import { unsafeSVG } from "lit-html/directives/unsafe-svg.js";
import QRCode from "qrcode";
import type { PublicScenario } from "../../../shared/rules/public.ts";
import { announce, requestRender, type Screen } from "../app.ts";
import { timerText } from "../board/board-view.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { Connection } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { connectionBanner } from "../ui/conn-banner.ts";
import { joinErrorText } from "../ui/errors.ts";
import { explanationView, linesView } from "../ui/reveal.ts";
import { answerLines } from "../view/answers.ts";
import { rankTeams } from "../view/ranking.ts";
import { draftOf, type GameView } from "../view/state.ts";

export function projectedScreen(code: string): Screen {
  const joinUrl = `${location.origin}/join/${code}`;
  let qr = "";
  let connection: Connection | null = null;
  const room = new RoomView();
  let problem = "";
  const ticker = setInterval(() => room.game?.timer?.active && requestRender(), 1000);

  QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
    .then((svg) => {
      qr = svg;
      requestRender();
    })
    .catch(() => undefined);

  void (async () => {
    const key = loadFacilitatorKey(code);
    try {
      const conn = key
        ? await Connection.join({ as: "facilitator", code, facilitatorKey: key })
        : await Connection.join({ as: "screen", code });
      connection = conn;
      room.follow(conn, requestRender, {
        phase: (g, previous) => {
          if (previous) announce(t(`phase.${g.phase}` as MessageKey));
        },
      });
    } catch (error) {
      problem = joinErrorText(error);
      requestRender();
    }
  })();

  const revealPanel = (g: GameView, s: PublicScenario) => {
    const index = g.currentStep;
    const step = s.steps[index];
    const reveal = room.revealed.get(index);
    const teamsRevealed = g.teams.length > 0 && g.teams.every((team) => team.steps[index]?.revealed);
    // Team pace: every team is on its own step, the screen shows the ranking instead.
    if (g.options?.pace === "team" || !step || !reveal || !teamsRevealed) return nothing;
    return html`<div class="panel">
      <h2>${t("screen.answers")}</h2>
      <div class="answers">
        ${g.teams
          .filter((team) => team.work)
          .map((team) => {
            const score = team.steps[index]?.score ?? -1;
            return html`<div class="answer">
            <h3>${team.name}${score >= 0 ? ` · ${Math.round(score * 100)} %` : ""}</h3>
            ${team.work ? linesView(answerLines(step, draftOf(team, step.id))) : null}
          </div>`;
          })}
        <div class="answer" style="border: 0.3vw solid #1b6631">
          <h3>✔ ${t("feedback.solution")}</h3>
          ${linesView(answerLines(step, reveal.answer))}
        </div>
      </div>
      <div class="answer" style="margin-top:1vw">${explanationView(reveal)}</div>
    </div>`;
  };

  return {
    title: () => t("screen.title"),
    chrome: "none",
    view: () => {
      const g = room.game;
      const s = room.scenario;
      const timer = g ? timerText({ game: g, clockOffsetMs: room.clockOffsetMs, now: Date.now() }) : null;
      const step = g && s ? s.steps[g.currentStep] : undefined;
      const ranked = g ? rankTeams(g.teams) : [];
      const connected = g ? Object.values(g.players).filter((p) => p.connected).length : 0;
      // Once the game is over nobody is invited to join any more; the ranking takes the stage.
      const over = g?.phase === "debrief" || g?.phase === "ended";
      const showRanking = g && (g.options?.pace === "team" || over);
      const revealing = g && s ? revealPanel(g, s) : nothing;
      return html`${connectionBanner(room.status, room.closeReason)}
      <div class=${`projected ${revealing === nothing ? "" : "revealing"}`}>
        <div class="stack">
          <h1 tabindex="-1">${g?.scenarioTitle ?? t("screen.title")}</h1>
          ${problem ? html`<p role="alert">${problem}</p>` : null}
          ${
            over
              ? null
              : html`<h2>${t("screen.join")}</h2>
                <div class="qr" role="img" aria-label=${t("screen.qr", { code })}>${qr ? unsafeSVG(qr) : null}</div>
                <p>${t("screen.joinAt", { url: joinUrl.replace(/\/join\/.*$/, "") })}</p>
                <p class="code">${code}</p>`
          }
        </div>
        <div class="stack">
          ${g ? html`<p>${t(`phase.${g.phase}` as MessageKey)} · ${t("screen.waitingPlayers", { count: connected })}</p>` : null}
          ${step && g && g.phase !== "lobby" && g.options?.pace !== "team" ? html`<h2>${t("screen.stepOf", { index: g.currentStep + 1, total: s?.steps.length ?? 0, title: step.title })}</h2>` : null}
          ${timer && g?.timer?.active && revealing === nothing ? html`<p class="timer" role="timer">${timer.text}</p>` : null}
          ${revealing}
          <div class="panel" ?hidden=${revealing !== nothing}>
            <h2>${g?.phase === "lobby" ? t("fac.teams") : showRanking ? t("screen.ranking") : t("screen.progress")}</h2>
            ${
              g?.phase === "lobby"
                ? html`<ul>${g.teams.map((team) => html`<li>${team.name} : ${team.memberIds.map((id) => g.players[id]?.name ?? "").join(", ")}</li>`)}</ul>`
                : html`<ul class="ranking">
                    ${ranked.map(
                      (team) => html`<li>
                        ${showRanking ? t("screen.rank", { rank: team.rank || "", team: team.name, points: team.points }) : team.name}
                        · ${team.closedSteps}/${s?.steps.length ?? 0}
                        <div class="bar" role="progressbar" aria-label=${team.name} aria-valuemin="0" aria-valuemax=${s?.steps.length ?? 0} aria-valuenow=${team.closedSteps}>
                          <span style=${`width:${(100 * team.closedSteps) / Math.max(1, s?.steps.length ?? 1)}%`}></span>
                        </div>
                      </li>`,
                    )}
                  </ul>`
            }
          </div>
        </div>
      </div>`;
    },
    dispose: () => {
      clearInterval(ticker);
      void connection?.leave();
    },
  };
}
