/**
 * Facilitator console: session links, lobby with teams (move by drag or by list, kick), game
 * controls, each team's progress and live draft, then results, exports and attestations.
 */
import { html, nothing } from "lit-html";
import type { ClientMessage, ClientMessageName } from "../../../shared/protocol.ts";
import type { RevealedStep } from "../../../shared/rules/public.ts";
import { revealedToAll } from "../../../shared/rules/visibility.ts";
import { announce, focusAfterRender, requestRender, type Screen } from "../app.ts";
import { timerText } from "../board/board-view.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import {
  type Attestation,
  getResultsFile,
  getSessionAttestations,
  getSessionInfo,
  type SessionInfo,
} from "../net/api.ts";
import { Connection, type SeatsUpdate } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { avatar, teamName } from "../stage/identity.ts";
import { connectionBanner } from "../ui/conn-banner.ts";
import { dropZone } from "../ui/drop-zone.ts";
import { errorCodeText, errorText, joinErrorText } from "../ui/errors.ts";
import { icon } from "../ui/icons.ts";
import { linesView, solutionView } from "../ui/reveal.ts";
import { answerLines } from "../view/answers.ts";
import { rankTeams } from "../view/ranking.ts";
import {
  draftOf,
  type GameView,
  type PlayerView,
  percent,
  type TeamView,
  unassignedPlayers,
} from "../view/state.ts";

const DRAG_TYPE = "text/x-datatruc-player";

export function facilitatorScreen(code: string): Screen {
  const key = loadFacilitatorKey(code);
  // The key came in the link's fragment: keep it out of the address bar once stored (projection, history).
  if (location.hash.includes("key=")) history.replaceState(null, "", location.pathname);
  let connection: Connection | null = null;
  const room = new RoomView();
  let problem = key ? "" : t("fac.keyMissing");
  let attestations: Attestation[] | null = null;
  /** Team pace: how many closed steps the last « reveal » showed (its visible effect). */
  let revealedCount = 0;
  let info: SessionInfo | null = null;
  let seats: SeatsUpdate | null = null;
  getSessionInfo(code)
    .then((found) => {
      info = found;
      requestRender();
    })
    .catch(() => undefined);
  const ticker = setInterval(() => room.game?.timer?.active && requestRender(), 1000);

  const send = <N extends ClientMessageName>(name: N, payload: ClientMessage<N>) =>
    connection?.send(name, payload);

  const loadAttestations = () => {
    if (!key || attestations) return;
    getSessionAttestations(code, key)
      .then((list) => {
        attestations = list;
        requestRender();
      })
      .catch(() => undefined);
  };

  const attach = (conn: Connection) => {
    connection = conn;
    room.follow(conn, requestRender, {
      phase: (g, previous) => {
        if (previous) announce(t("fac.phase", { phase: t(`phase.${g.phase}` as MessageKey) }));
      },
      state: (g) => {
        if (g.phase === "ended") loadAttestations();
      },
      status: (_status, reason) => {
        if (reason === "ended") loadAttestations();
      },
    });
    conn.on("seats", (update) => {
      if (update.claims.length > (seats?.claims.length ?? 0)) announce(t("fac.claims"));
      seats = update;
      requestRender();
    });
    conn.on("error", (error) => {
      problem = errorCodeText(error.code, error.message);
      announce(problem);
      requestRender();
    });
  };

  if (key) {
    void (async () => {
      try {
        attach(await Connection.join({ as: "facilitator", code, facilitatorKey: key }));
      } catch (error) {
        problem = joinErrorText(error);
      }
      requestRender();
    })();
  }

  const origin = location.origin;
  const joinUrl = () => info?.joinUrl ?? `${origin}/join/${code}`;

  /** What the facilitator must know about links: phones cannot join, or lasting links are provisional. */
  const linkWarnings = () => {
    if (!info) return nothing;
    const reachable = new URL(joinUrl()).origin;
    return html`${info.links.loopbackOnly ? html`<p class="notice bad">${t("fac.loopbackOnly", { url: reachable })}</p>` : nothing}
      ${info.links.publicUrl ? nothing : html`<p class="notice warn">${t("fac.noPublicUrl", { url: reachable })}</p>`}`;
  };

  /** Devices asking to take a disconnected seat back (one click), and seats that changed device. */
  const seatsPanel = () => {
    if (!seats || (seats.claims.length === 0 && seats.notices.length === 0)) return nothing;
    const time = (at: number) =>
      new Date(at).toLocaleTimeString(document.documentElement.lang || "fr", {
        hour: "2-digit",
        minute: "2-digit",
      });
    return html`<section class="card" aria-labelledby="claims-title">
      <h2 id="claims-title">${t("fac.claims")}</h2>
      <ul class="claims">${seats.claims.map(
        (claim) => html`<li>${t("fac.claim", { name: claim.name })}
          <button type="button" class="primary" aria-label=${t("fac.claimConfirmLabel", { name: claim.name })}
            @click=${() => send("confirm-claim", { claimId: claim.id })}>${t("fac.claimConfirm")}</button>
          <button type="button" aria-label=${t("fac.claimRefuseLabel", { name: claim.name })}
            @click=${() => send("refuse-claim", { claimId: claim.id })}>${t("fac.claimRefuse")}</button></li>`,
      )}</ul>
      ${seats.notices.length > 0 ? html`<ul class="muted">${[...seats.notices].reverse().map((notice) => html`<li>${t(`fac.notice.${notice.kind}`, { name: notice.name, time: time(notice.at) })}</li>`)}</ul>` : nothing}
    </section>`;
  };
  const playerRow = (g: GameView, player: PlayerView) => html`<div class="player-row" draggable="true"
      @dragstart=${(event: DragEvent) => event.dataTransfer?.setData(DRAG_TYPE, player.id)}>
    ${avatar(player.name, "player", "1.6rem")} <strong>${player.name}</strong>
    <span class=${`badge ${player.connected ? "ok" : "off"}`}>${player.connected ? t("presence.online") : t("presence.offline")}</span>
    ${player.roleId ? html`<span class="muted">${room.scenario?.roles.find((r) => r.id === player.roleId)?.name ?? player.roleId}</span>` : null}
    <label class="visually-hidden" for=${`move-${player.id}`}>${t("fac.moveTo", { name: player.name })}</label>
    <select id=${`move-${player.id}`} data-focus-key=${`move-${player.id}`}
      @change=${(event: Event) => {
        const teamId = (event.target as HTMLSelectElement).value;
        if (teamId && teamId !== player.teamId) send("move-player", { playerId: player.id, teamId });
      }}>
      ${player.teamId ? null : html`<option value="" selected>${t("fac.unassigned")}</option>`}
      ${g.teams.map((team) => html`<option value=${team.id} ?selected=${team.id === player.teamId}>${team.name}</option>`)}
    </select>
    <button type="button" class="danger" aria-label=${t("fac.kick", { name: player.name })}
      @click=${() => confirm(t("fac.confirmKick", { name: player.name })) && send("kick", { playerId: player.id })}>${icon("kick")}</button>
  </div>`;

  const teamBox = (g: GameView, team: TeamView) => {
    const target = dropZone(DRAG_TYPE, (playerId) => {
      if (g.players[playerId]?.teamId !== team.id) send("move-player", { playerId, teamId: team.id });
    });
    return html`<section class="team-box" aria-label=${team.name}
      @dragover=${target.over} @dragleave=${target.leave} @drop=${target.drop}>
    <h3>${teamName(g.teams.indexOf(team), team.name)} <span class="muted">(${team.memberIds.length})</span></h3>
    ${team.memberIds.length === 0 ? html`<p class="muted">${t("fac.teamEmpty")}</p>` : team.memberIds.map((id) => (g.players[id] ? playerRow(g, g.players[id]) : null))}
  </section>`;
  };

  const controls = (g: GameView) => {
    const phase = g.phase;
    const teamPace = g.options?.pace === "team";
    const ended = phase === "ended";
    const revealedNow = revealedToAll(g.teams, g.currentStep);
    // Team pace: « reveal » closes and reveals the step each unfinished team is on.
    const toReveal = g.teams.filter(
      (team) =>
        !team.finished && team.steps[team.stepIndex] && team.steps[team.stepIndex]?.status !== "closed",
    ).length;
    return html`<section class="card" aria-labelledby="controls-title">
      <h2 id="controls-title">${t("fac.controls")}</h2>
      <p>${t("fac.phase", { phase: t(`phase.${phase}` as MessageKey) })} ${g.locked ? html`<span class="badge off">${icon("lock")} ${t("fac.locked")}</span>` : null}
        · <span role="timer">${icon("clock")} ${timerText({ game: g, clockOffsetMs: room.clockOffsetMs, now: Date.now() }).text}</span></p>
      <div class="row">
        ${phase === "lobby" ? html`<button type="button" class="primary" data-focus-key="fac-step" @click=${() => send("start", {})}>${icon("play")} ${t("fac.start")}</button>` : null}
        ${phase === "playing" ? html`<button type="button" data-focus-key="fac-pause" @click=${() => send("pause", {})}>${icon("pause")} ${t("fac.pause")}</button>` : null}
        ${phase === "paused" ? html`<button type="button" class="primary" data-focus-key="fac-pause" @click=${() => send("resume", {})}>${icon("play")} ${t("fac.resume")}</button>` : null}
        ${phase === "playing" || phase === "paused" ? html`<button type="button" @click=${() => send("add-time", { seconds: 60 })}>${icon("plus")} ${t("fac.addTime")}</button>` : null}
        ${phase === "playing" && !teamPace && !revealedNow ? html`<button type="button" class="primary" data-focus-key="fac-step" @click=${() => send("reveal", {})}>${icon("eye")} ${t("fac.reveal")}</button>` : null}
        ${
          phase === "playing" && teamPace
            ? html`<button type="button" data-focus-key="fac-step" ?disabled=${toReveal === 0} aria-describedby="reveal-help" @click=${() => {
                send("reveal", {});
                revealedCount = toReveal;
                announce(t("fac.revealedClosed", { count: toReveal }));
              }}>${icon("eye")} ${t("fac.revealClosed", { count: toReveal })}</button>`
            : null
        }
        ${phase === "playing" && !teamPace && revealedNow ? html`<button type="button" class="primary" data-focus-key="fac-step" @click=${() => send("next", {})}>${icon("skip")} ${t("fac.next")}</button>` : null}
        ${phase === "playing" && !teamPace && !revealedNow ? html`<button type="button" @click=${() => send("skip", {})}>${t("fac.skip")}</button>` : null}
        ${!ended ? html`<button type="button" @click=${() => send("lock", { locked: !g.locked })}>${icon("lock")} ${g.locked ? t("fac.unlock") : t("fac.lock")}</button>` : null}
        ${
          !ended
            ? html`<button type="button" class="danger" @click=${() => {
                if (!confirm(t("fac.confirmEnd"))) return;
                send("end", {});
                focusAfterRender("#ranking-title");
              }}>${icon("stop")} ${t("fac.end")}</button>`
            : null
        }
      </div>
      ${
        phase === "playing" && teamPace
          ? html`<p class="help" id="reveal-help" role="status">${revealedCount > 0 && toReveal === 0 ? t("fac.revealedClosed", { count: revealedCount }) : t("fac.revealClosedHelp")}</p>`
          : null
      }
    </section>`;
  };

  const progress = (g: GameView) => {
    if (!room.scenario || g.phase === "lobby") return nothing;
    const s = room.scenario;
    const current = s.steps[g.currentStep];
    return html`<section class="card" aria-labelledby="progress-title">
      <h2 id="progress-title">${t("fac.progress")}</h2>
      ${current && g.options?.pace !== "team" ? html`<p>${t("fac.currentStep", { title: `${g.currentStep + 1}. ${current.title}` })}</p>` : null}
      ${g.teams.map((team) => {
        const index = Math.min(team.stepIndex, s.steps.length - 1);
        const step = s.steps[index];
        const teamStep = team.steps[index];
        const draft = step ? draftOf(team, step.id) : null;
        return html`<div class="team-box" data-team=${team.id}>
          <h3>${t("fac.teamProgress", { team: team.name, step: index + 1, points: Math.round(team.points * 100) / 100 })}</h3>
          <div class="progress" role="progressbar" aria-label=${team.name} aria-valuemin="0" aria-valuemax=${s.steps.length} aria-valuenow=${team.solved}>
            <span style=${`width:${(100 * team.steps.filter((x) => x.status === "closed").length) / Math.max(1, s.steps.length)}%`}></span>
          </div>
          ${teamStep ? html`<p>${teamStep.status === "closed" ? t("fac.stepClosed") : t("fac.stepOpen")} · ${t("fac.submitted", { count: teamStep.attempts, score: teamStep.score >= 0 ? percent(teamStep.score) : 0 })}</p>` : null}
          ${team.proposal ? html`<p class="badge">${t("proposal.by", { name: g.players[team.proposal.by]?.name ?? "?" })}</p>` : null}
          ${step ? html`<details><summary>${t("fac.draft")}</summary>${linesView(answerLines(step, draft))}</details>` : null}
        </div>`;
      })}
      ${current && room.revealed.get(g.currentStep) ? html`<details><summary>${t("feedback.solution")}</summary>${solutionView(current, room.revealed.get(g.currentStep) as RevealedStep)}</details>` : null}
    </section>`;
  };

  /** Saves the results file (the key goes in a header, not in a link). */
  const download = async (facilitatorKey: string, format: "csv" | "json") => {
    try {
      const file = await getResultsFile(code, facilitatorKey, format);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = `datatruc-${code}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      problem = errorText(error);
      requestRender();
    }
  };

  const results = (g: GameView | null) => {
    const over = g?.phase === "debrief" || g?.phase === "ended" || room.closeReason === "ended";
    if (!over || !key) return nothing;
    return html`<section class="card" aria-labelledby="results-title">
      <h2 id="results-title">${t("fac.results")}</h2>
      <div class="row">
        <button type="button" class="primary" @click=${() => void download(key, "csv")}>${t("fac.csv")}</button>
        <button type="button" @click=${() => void download(key, "json")}>${t("fac.json")}</button>
        <a class="button" href=${`/debrief/${code}`} data-nav>${t("fac.debrief")}</a>
      </div>
      <h3 id="ranking-title" tabindex="-1" style="margin-top:1rem">${t("screen.ranking")}</h3>
      <ul class="fac-ranking">
        ${rankTeams(g?.teams ?? []).map((team) => html`<li>${t("screen.rank", { rank: team.rank || "", team: team.name, points: team.points })}</li>`)}
      </ul>
      <h3 style="margin-top:1rem">${t("fac.attestations")}</h3>
      ${
        attestations
          ? html`<ul>${attestations.map((a) => html`<li><a href=${`/attestation/${encodeURIComponent(a.verificationCode)}`} data-nav>${a.playerName}</a></li>`)}</ul>`
          : html`<p class="muted">${t("fac.noAttestation")}</p>`
      }
    </section>`;
  };

  return {
    title: () => t("fac.title"),
    view: () => {
      const g = room.game;
      const players = g ? Object.values(g.players) : [];
      return html`${connectionBanner(room.status, room.closeReason)}
        <h1 tabindex="-1">${t("fac.title")} · ${g?.scenarioTitle ?? ""}</h1>
        ${problem ? html`<p class="notice bad" role="alert">${problem}</p>` : null}
        <section class="card row" aria-label=${t("fac.code", { code })}>
          <span class="big-code">${code}</span>
          <span>${t("fac.joinLink")} : <a href=${joinUrl()} class="join-link">${joinUrl()}</a></span>
          <a class="button" href=${`/screen/${code}`} target="_blank" rel="noopener">${t("fac.screenLink")}</a>
          ${key ? html`<a class="button" href=${`/kit/${code}`} target="_blank" rel="noopener">${t("fac.kitLink")}</a>` : null}
          ${key ? html`<details><summary>${t("fac.consoleLink")}</summary><code>${origin}/facilitator/${code}#key=${key}</code></details>` : null}
        </section>
        ${linkWarnings()}
        ${
          g
            ? html`<div class="fac-grid">
                <div class="stack">
                  ${seatsPanel()}
                  ${controls(g)}
                  <section class="card" aria-labelledby="players-title">
                    <h2 id="players-title">${t("fac.players", { count: players.length })}</h2>
                    ${players.length === 0 ? html`<p class="muted">${t("fac.noPlayers")}</p>` : null}
                    ${g.teams.map((team) => teamBox(g, team))}
                    ${
                      unassignedPlayers(g).length > 0
                        ? html`<section class="team-box"><h3>${t("fac.unassigned")}</h3>${unassignedPlayers(g).map((p) => playerRow(g, p))}</section>`
                        : null
                    }
                  </section>
                </div>
                <div class="stack">${results(g)} ${progress(g)}</div>
              </div>`
            : html`${results(g)}${problem ? nothing : html`<p>${t("app.loading")}</p>`}`
        }`;
    },
    dispose: () => {
      clearInterval(ticker);
      void connection?.detach();
    },
  };
}
