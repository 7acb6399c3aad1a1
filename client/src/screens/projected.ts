/**
 * The projected screen, the stage of the session (16:9, read-only but for one key):
 * - lobby: QR code and code to join, the teams with their players' avatars;
 * - each step opens on a title card (its character and situation; it stays until the key or the first
 *   team action), then the race: every team as a
 *   token on the scenario's path with its status, a big timer with cues in the last 30 s, live
 *   events without content and, in team pace, a leaderboard whose rows move;
 * - the reveal is a sequence the facilitator steps through with one key (Space, →, Page down or
 *   Enter, as presentation remotes send): the question, each team's answer in turn with per-item
 *   right/wrong across teams, the most missed item, then the explanation and its source;
 * - the end: a podium, then (one key) the whole ranking, and the story's closing scene.
 * Opened on the facilitator's laptop it uses the stored facilitator key to see the teams' answers;
 * otherwise it joins as a plain screen (public state and revealed solutions only).
 */
import { html, nothing, type TemplateResult } from "lit-html";
import { unsafeSVG } from "lit-html/directives/unsafe-svg.js";
import QRCode from "qrcode";
import { revealedToAll } from "../../../shared/rules/visibility.ts";
import { announce, requestRender, type Screen } from "../app.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { getSessionInfo } from "../net/api.ts";
import { Connection } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadFacilitatorKey } from "../net/seats.ts";
import { avatar, loadAvatars, teamName } from "../stage/identity.ts";
import {
  itemGrid,
  lastFeedback,
  lastSecondsCue,
  raceRows,
  revealFrames,
  stageEvents,
  standings,
  stepOpening,
} from "../stage/moments.ts";
import { play, setSoundDefault, soundToggle } from "../stage/sound.ts";
import {
  bigTimer,
  eventsView,
  leaderboard,
  podiumView,
  raceView,
  revealView,
  titleCard,
} from "../stage/stage-views.ts";
import { connectionBanner } from "../ui/conn-banner.ts";
import { joinErrorText } from "../ui/errors.ts";
import { type GameView, membersOf, remainingMs } from "../view/state.ts";

const ADVANCE_KEYS = new Set([" ", "ArrowRight", "PageDown", "Enter"]);

export function projectedScreen(code: string): Screen {
  /** The join link on an address players can reach (from the server), never `localhost`. */
  let joinUrl = "";
  let qr = "";
  let connection: Connection | null = null;
  const room = new RoomView();
  let problem = "";
  setSoundDefault(true);
  void loadAvatars();

  /** The step whose title card is up (-1: the story's opening scene in team pace), or null. */
  let titleStep: number | null = null;
  const revealFrame = new Map<number, number>();
  let podiumAll = false;
  let events: string[] = [];
  let previousGame: GameView | null = null;
  let lastSecondsCued = -1;
  /** Which moment the focus was last moved to (a new moment moves it to its heading). */
  let focusedMoment = "";

  /** The title card stays until the facilitator's key, or until the first team acts: then the race shows. */
  const openTitle = (step: number) => {
    titleStep = step;
    play("step");
  };

  const onState = (game: GameView) => {
    const before = previousGame;
    previousGame = game;
    if (game.phase === "playing" && before) {
      const teamPace = game.options?.pace === "team";
      if (before.phase === "lobby") openTitle(teamPace ? -1 : game.currentStep);
      else if (!teamPace && game.currentStep !== before.currentStep) openTitle(game.currentStep);
    }
    const fresh = stageEvents(before, game).map((sentence) => t(sentence.key, sentence.params));
    if (fresh.length > 0) {
      titleStep = null;
      events = [...fresh.reverse(), ...events].slice(0, 6);
      for (const text of fresh) announce(text);
      if (stageEvents(before, game).some((sentence) => sentence.key === "stage.event.submitted"))
        play("submit");
    }
    if ((game.phase === "debrief" || game.phase === "ended") && before && before.phase !== game.phase) {
      if (before.phase !== "debrief") {
        podiumAll = false;
        play("podium");
        const top = standings(game)
          .slice(0, 3)
          .map((place) => `${place.rank}. ${place.name}`)
          .join(", ");
        announce(t("stage.podiumAnnounce", { teams: top }));
      }
    }
  };

  const ticker = setInterval(() => {
    const game = room.game;
    if (!game?.timer?.active || game.phase !== "playing") return;
    const left = remainingMs(game.timer, room.clockOffsetMs, Date.now());
    const seconds = left === null ? null : Math.ceil(left / 1000);
    const cue = lastSecondsCue(seconds, game.currentStep, lastSecondsCued);
    if (cue) play("tick");
    if (cue === "enter") {
      lastSecondsCued = game.currentStep;
      announce(t("stage.lastSeconds"));
    }
    requestRender();
  }, 1000);

  getSessionInfo(code)
    .then(async (info) => {
      joinUrl = info.joinUrl;
      qr = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
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
        state: onState,
        revealed: (revealed) => {
          if (!revealFrame.has(revealed.stepIndex)) {
            revealFrame.set(revealed.stepIndex, 0);
            titleStep = null;
            const title = room.scenario?.steps[revealed.stepIndex]?.title ?? "";
            announce(t("stage.reveal.announce", { title }));
            play("reveal");
          }
        },
      });
    } catch (error) {
      problem = joinErrorText(error);
      requestRender();
    }
  })();

  /** The reveal in progress on the current step (facilitator pace, revealed to every team). */
  const activeReveal = () => {
    const g = room.game;
    const s = room.scenario;
    if (!g || !s || g.options?.pace === "team" || g.phase !== "playing") return null;
    const index = g.currentStep;
    const step = s.steps[index];
    const revealed = room.revealed.get(index);
    if (!step || !revealed || !revealedToAll(g.teams, index)) return null;
    const grid = itemGrid(step, lastFeedback(g.teams, step.id));
    const frames = revealFrames(g.teams.length, grid.rows.length > 0);
    const frame = Math.min(revealFrame.get(index) ?? 0, frames.length - 1);
    return { index, step, revealed, frames, frame, grid };
  };

  /** One key steps the current moment on: title card → race, reveal frame by frame, podium → ranking. */
  const advance = (): boolean => {
    const g = room.game;
    if (titleStep !== null) {
      titleStep = null;
      return true;
    }
    const reveal = activeReveal();
    if (reveal && reveal.frame < reveal.frames.length - 1) {
      revealFrame.set(reveal.index, reveal.frame + 1);
      const next = reveal.frames[reveal.frame + 1];
      if (next?.kind === "why") play("reveal");
      return true;
    }
    if (g && (g.phase === "debrief" || g.phase === "ended") && !podiumAll) {
      podiumAll = true;
      return true;
    }
    return false;
  };

  const onKey = (event: KeyboardEvent) => {
    if (!ADVANCE_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("button, a, input, select, textarea")) return;
    if (advance()) {
      event.preventDefault();
      requestRender();
    }
  };
  document.addEventListener("keydown", onKey);

  const joinPanel = (compact: boolean) => html`<div class=${`stage-join ${compact ? "compact" : ""}`}>
    ${compact ? nothing : html`<h2>${t("screen.join")}</h2>`}
    <div class="qr" role="img" aria-label=${t("screen.qr", { code })} data-url=${joinUrl}>${qr ? unsafeSVG(qr) : null}</div>
    ${compact ? nothing : html`<p>${t("screen.joinAt", { url: joinUrl.replace(/\/join\/.*$/, "") })}</p>`}
    <p class="code">${code}</p>
  </div>`;

  const lobbyView = (g: GameView) => html`<div class="stage-lobby">
    ${joinPanel(false)}
    <section class="panel" aria-labelledby="teams-title">
      <h2 id="teams-title">${t("fac.teams")}</h2>
      <p>${t("screen.waitingPlayers", { count: g.connectedPlayers })}</p>
      <ul class="stage-teams">
        ${g.teams.map(
          (team, index) => html`<li>
            <h3>${teamName(index, team.name)}</h3>
            ${
              // A large session's screen receives no player rows: the team's size stands for them.
              membersOf(g, team).length < team.memberIds.length
                ? html`<p>${t("screen.teamSize", { count: team.memberIds.length })}</p>`
                : html`<ul class="stage-players">${membersOf(g, team).map((p) => html`<li>${avatar(p.name)} ${p.name}</li>`)}</ul>`
            }
          </li>`,
        )}
      </ul>
    </section>
  </div>`;

  /** Which moment is up, and its view; the key is used to move the focus once per new moment. */
  const moment = (g: GameView): { key: string; view: TemplateResult } => {
    const s = room.scenario;
    const timerLeft = remainingMs(g.timer, room.clockOffsetMs, Date.now());
    const seconds = timerLeft === null ? null : timerLeft / 1000;
    if (g.phase === "lobby") return { key: "lobby", view: lobbyView(g) };
    if (g.phase === "debrief" || g.phase === "ended") {
      const closing = s?.story?.closing;
      const character = s?.story?.characters.find((c) => c.id === closing?.character);
      return {
        key: `end:${podiumAll}`,
        view: html`${podiumView(standings(g), podiumAll)}
          ${
            closing && podiumAll
              ? html`<figure class="stage-closing">${character ? avatar(character.name, "character", "5vw") : nothing}
                <figcaption><blockquote>${closing.text}</blockquote>${character ? html`<p>${character.name}, ${character.role}</p>` : nothing}</figcaption></figure>`
              : nothing
          }`,
      };
    }
    if (titleStep !== null && s) {
      if (titleStep === -1 && s.story) {
        const opening = s.story.opening;
        const character = s.story.characters.find((c) => c.id === opening.character) ?? null;
        return {
          key: "title:story",
          view: titleCard(
            {
              stepIndex: 0,
              title: g.scenarioTitle,
              character,
              says: character
                ? { key: "stage.says.dit", params: { name: character.name, role: character.role } }
                : null,
              text: opening.text,
            },
            s.steps.length,
          ),
        };
      }
      const opening = stepOpening(s, Math.max(0, titleStep));
      if (opening) return { key: `title:${titleStep}`, view: titleCard(opening, s.steps.length) };
    }
    const reveal = activeReveal();
    if (reveal) {
      return {
        key: `reveal:${reveal.index}`,
        view: revealView({ ...reveal, teams: g.teams }),
      };
    }
    const step = s?.steps[g.currentStep];
    const teamPace = g.options?.pace === "team";
    return {
      key: `race:${g.currentStep}`,
      view: html`<div class="stage-race">
        <div class="stage-race-head">
          ${step && !teamPace ? html`<h2 id="stage-step" class="stage-step-title">${t("screen.stepOf", { index: g.currentStep + 1, total: s?.steps.length ?? 0, title: step.title })}</h2>` : nothing}
          ${bigTimer(g.phase === "playing" ? seconds : null)}
          ${g.phase === "paused" ? html`<p class="stage-paused">${t("phase.paused")}</p>` : nothing}
        </div>
        ${raceView(raceRows(g), s?.steps.length ?? g.stepCount)}
        <div class="stage-race-side">
          ${eventsView(events)}
          ${teamPace ? leaderboard(standings(g)) : nothing}
        </div>
      </div>`,
    };
  };

  return {
    title: () => t("screen.title"),
    chrome: "none",
    view: () => {
      const g = room.game;
      const current = g ? moment(g) : null;
      const key = current?.key ?? "";
      // Once the game is over nobody is invited to join any more; the podium takes the stage.
      const over = g?.phase === "debrief" || g?.phase === "ended";
      const compactJoin = key !== "lobby" && !over;
      const revealed = activeReveal();
      const nextHint =
        titleStep !== null ||
        (revealed && revealed.frame < revealed.frames.length - 1) ||
        (key.startsWith("end") && !podiumAll);
      return html`${connectionBanner(room.status, room.closeReason)}
      <div class=${`projected stage moment-${key.split(":")[0]}`} data-moment=${key}>
        <header class="stage-head">
          <h1 tabindex="-1">${g?.scenarioTitle || t("screen.title")}</h1>
          ${g && compactJoin ? joinPanel(true) : nothing}
          ${soundToggle()}
        </header>
        ${problem ? html`<p role="alert">${problem}</p>` : null}
        <div class="stage-body">${current?.view ?? nothing}</div>
        ${nextHint ? html`<p class="stage-next" aria-hidden="true">${t("stage.nextKey")}</p>` : nothing}
      </div>`;
    },
    afterRender: () => {
      const key = document.querySelector<HTMLElement>("[data-moment]")?.dataset.moment ?? "";
      if (!key || key === focusedMoment) return;
      const first = focusedMoment === "";
      focusedMoment = key;
      if (first) return; // the shell already focused the page's h1
      const heading = document.querySelector<HTMLElement>(".stage-body h2");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    },
    dispose: () => {
      clearInterval(ticker);
      document.removeEventListener("keydown", onKey);
      void connection?.detach();
    },
  };
}
