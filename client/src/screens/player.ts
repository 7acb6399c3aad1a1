/**
 * The player's screen: join form → lobby → team board → end of game, on one connection.
 * /join/<code> shows the form (or resumes a stored seat); /play/<code> resumes the seat.
 */
import { html, nothing } from "lit-html";
import { HAND_REFRESH_MS } from "../../../shared/protocol.ts";
import { announce, focusAfterRender, navigate, requestRender, type Screen } from "../app.ts";
import {
  type BoardInput,
  boardView,
  cancelledText,
  tableIntents,
  tablePicture,
} from "../board/board-view.ts";
import { TableCanvas } from "../board/table-canvas.ts";
import { getLang, type MessageKey, t } from "../i18n/index.ts";
import { ApiError, getPlayerAttestation, getSessionInfo, type SessionInfo } from "../net/api.ts";
import { Connection } from "../net/connection.ts";
import { RoomView } from "../net/room-view.ts";
import { loadSeat, type Seat, storedSeats } from "../net/seats.ts";
import { endScreen } from "../stage/end-screen.ts";
import { avatar, loadAvatars, teamBadge } from "../stage/identity.ts";
import { stepOpening } from "../stage/moments.ts";
import { play, setSoundDefault, soundToggle } from "../stage/sound.ts";
import { titleCard } from "../stage/stage-views.ts";
import { type CodeFormState, codeForm, codeFormState } from "../ui/code-form.ts";
import { connectionBanner } from "../ui/conn-banner.ts";
import { errorCodeText, joinErrorText, joinRefusalReason } from "../ui/errors.ts";
import { icon } from "../ui/icons.ts";
import { type GameView, membersOf, percent, stepIndexOf, teamOf } from "../view/state.ts";
import { CarnetKeeper } from "./carnet-keeper.ts";
import { DirectionPicker } from "./direction-picker.ts";
import { QuestionnairePanel } from "./questionnaire-panel.ts";

export function playerScreen(code: string, entry: "join" | "play"): Screen {
  let connection: Connection | null = null;
  const room = new RoomView();
  let me: string | null = null;
  let info: SessionInfo | null = null;
  let formError = "";
  let unknownCode: CodeFormState | null = null;
  /** The last refused action (e.g. "step closed"), shown on the board for a few seconds. */
  let actionError = "";
  let joining = false;
  /** The name typed when the server answered that it is a disconnected seat's (`seat-claimable`). */
  let claimName = "";
  let attestationHref: string | null = null;
  let attestationAsked = false;
  let disposed = false;
  const carnet = new CarnetKeeper();
  const direction = new DirectionPicker();
  const survey = new QuestionnairePanel();
  const canvas = new TableCanvas();
  /** The piece the reactions panel is about, and the last focus told to the teammates. */
  let selectedPiece: string | null = null;
  let focusSent = "";
  /** The piece held or edited now (null: none), and when the teammates were last told of it. */
  let holding: { stepId: string; pieceId: string; gesture: "hold" | "edit" } | null = null;
  let holdingToldAt = 0;
  let tableExpanded = false;
  /** Steps whose opening (character and situation) the player has put away to see the puzzle. */
  const openingsSeen = new Set<number>();
  setSoundDefault(false);
  void loadAvatars();
  const ticker = setInterval(() => {
    const now = Date.now();
    // A teammate's hand not refreshed for HAND_TTL_MS goes; ours is repeated every HAND_REFRESH_MS.
    const handGone = room.expireHands(now);
    if (holding && now - holdingToldAt >= HAND_REFRESH_MS) {
      holdingToldAt = now;
      // Only while that step is still the team's open one (the room would refuse it otherwise).
      if (holding.stepId === currentStepId()) connection?.send("focus", holding);
      else holding = null;
    }
    if (handGone || (room.game?.timer?.active && room.game.phase === "playing")) requestRender();
  }, 1000);

  /** The team's open step, or null outside play. */
  const currentStepId = (): string | null => {
    const game = room.game;
    if (game?.phase !== "playing") return null;
    return room.scenario?.steps[stepIndexOf(game, teamOf(game, me))]?.id ?? null;
  };

  let previous = {
    phase: "",
    step: -1,
    attempts: -1,
    proposal: "",
    objections: 0,
    cancelled: "",
    connected: true,
  };
  const announceChanges = (game: GameView) => {
    if (!me) return;
    const team = teamOf(game, me);
    const step = stepIndexOf(game, team);
    const teamStep = team?.steps[step];
    const proposal = team?.proposal ? `${team.proposal.by}:${team.proposal.approvals.length}` : "";
    // A new step, a pause, a resume or the end: back to the top, focus on the title, said aloud
    // (the banner at the top of the board stays in view).
    const phaseChanged = previous.phase !== "" && game.phase !== previous.phase;
    const stepChanged = previous.step >= 0 && step !== previous.step && game.phase !== "lobby";
    if (phaseChanged) announce(t(`phase.${game.phase}` as MessageKey));
    else if (stepChanged) announce(t("board.step", { index: step + 1, total: game.stepCount }));
    if (phaseChanged || stepChanged) focusAfterRender("h1", { scrollTop: true });
    if (
      (phaseChanged && game.phase === "playing" && previous.phase === "lobby") ||
      (stepChanged && !phaseChanged)
    )
      play("step");
    if (phaseChanged && game.phase === "debrief") play("podium");
    if (
      teamStep &&
      previous.attempts >= 0 &&
      teamStep.attempts > previous.attempts &&
      previous.step === step
    ) {
      announce(`${t("proposal.stamp")} : ${t("board.score", { score: percent(teamStep.score) })}`);
      play("submit");
    }
    if (proposal && proposal !== previous.proposal && team?.proposal) {
      announce(t("proposal.by", { name: game.players[team.proposal.by]?.name ?? "?" }));
    }
    // The proposer hears each new disagreement; the author hears that their proposal was cancelled.
    const objections = team?.proposal?.objections ?? [];
    if (team?.proposal?.by === me && objections.length > previous.objections) {
      const o = objections.at(-1);
      if (o) {
        const reason = t(`proposal.reason.${o.reason}` as MessageKey);
        announce(t("proposal.objection", { name: game.players[o.playerId]?.name ?? "?", reason }));
      }
    }
    const cancelled = team?.work?.cancelled;
    const cancelledId = cancelled ? `${cancelled.stepId}:${cancelled.proposalId}` : "";
    if (cancelled && cancelledId !== previous.cancelled && previous.phase !== "") {
      const text = cancelledText(game, me, cancelled);
      if (text) announce(text);
    }
    previous = {
      phase: game.phase,
      step,
      attempts: teamStep?.attempts ?? 0,
      proposal,
      objections: objections.length,
      cancelled: cancelledId,
      connected: true,
    };
  };

  const attach = (conn: Connection) => {
    connection = conn;
    room.follow(conn, requestRender, {
      welcome: (welcome) => {
        me = welcome.playerId;
        const seatKey = welcome.seatKey ?? loadSeat("player", code)?.seatKey ?? null;
        if (seatKey && welcome.playerId) {
          carnet.seated({ sessionCode: code, playerId: welcome.playerId, seatKey });
          direction.seated({ sessionCode: code, playerId: welcome.playerId, seatKey });
          survey.seated({ sessionCode: code, playerId: welcome.playerId, seatKey });
        }
      },
      revealed: () => {
        announce(t("feedback.explanation"));
        play("reveal");
      },
      state: (game) => {
        announceChanges(game);
        maybeFetchAttestation(game);
      },
      status: (next, _reason, before) => {
        if (next === "connected" && before === "reconnecting") announce(t("conn.reconnected"));
        if (next === "reconnecting") announce(t("conn.reconnecting"));
      },
    });
    conn.on("error", (error) => {
      actionError = errorCodeText(error.code, error.message);
      announce(actionError);
      const shown = actionError;
      setTimeout(() => {
        if (actionError === shown) actionError = "";
        requestRender();
      }, 6000);
      requestRender();
    });
    conn.on("claim", () => requestRender());
    if (location.pathname !== `/play/${code}`) history.replaceState(null, "", `/play/${code}`);
  };

  const maybeFetchAttestation = (game: GameView) => {
    if (attestationAsked || !me || (game.phase !== "ended" && game.phase !== "debrief")) return;
    const seatKey = connection?.welcome?.seatKey ?? loadSeat("player", code)?.seatKey;
    if (!seatKey || game.phase !== "ended") return;
    attestationAsked = true;
    getPlayerAttestation(code, me, seatKey)
      .then((attestation) => {
        attestationHref = `/attestation/${encodeURIComponent(attestation.verificationCode)}`;
        requestRender();
      })
      .catch(() => {
        attestationAsked = false;
      });
  };

  // Start: resume a stored seat, else show the join form (or send /play without a seat to /join).
  void (async () => {
    const resumed = await Connection.resume(code);
    if (disposed) return void resumed?.detach();
    if (resumed) return attach(resumed);
    if (entry === "play") return navigate({ name: "join", code }, { replace: true });
    try {
      info = await getSessionInfo(code);
    } catch (error) {
      formError = joinErrorText(error);
      // No game has this code: ask for the right one instead of a name.
      if (error instanceof ApiError && error.status === 404)
        unknownCode = codeFormState(code, t("join.unknownCode", { code }));
    }
    requestRender();
  })();

  /** Joins (a new seat, this device's seat under that name, or a claim of a disconnected seat). */
  const join = async (request: { name: string; seatKey?: string; rejoinCode?: string; claim?: true }) => {
    joining = true;
    formError = "";
    requestRender();
    try {
      attach(await Connection.join({ as: "player", code, ...request }));
      claimName = "";
    } catch (error) {
      if (joinRefusalReason(error) === "seat-claimable") {
        claimName = request.name;
        queueMicrotask(() => document.getElementById("rejoin-code")?.focus());
      } else formError = joinErrorText(error);
      if (formError) announce(formError);
    } finally {
      joining = false;
      requestRender();
    }
  };

  const onJoin = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const name = String(form.get("name") ?? "").trim();
    const carnetCode = String(form.get("carnetCode") ?? "").trim();
    const withoutCarnet = event.submitter?.getAttribute("name") === "without-carnet";
    if (!name || joining) return;
    if (carnetCode && !withoutCarnet) {
      joining = true;
      requestRender();
      const adopted = await carnet.adopt(carnetCode);
      joining = false;
      if (!adopted) return requestRender();
    }
    void join({ name });
  };

  const onRejoinCode = (event: SubmitEvent) => {
    event.preventDefault();
    const rejoinCode = String(new FormData(event.target as HTMLFormElement).get("rejoinCode") ?? "").trim();
    if (rejoinCode) void join({ name: claimName, rejoinCode });
  };

  /** Seats this device already holds in this game (a closed tab, a browser restart). */
  const resumeButtons = (seats: Seat[]) =>
    seats.length === 0
      ? null
      : html`<section class="card stack" aria-labelledby="resume-title" style="max-width:32rem">
          <h2 id="resume-title">${t("join.resumeTitle")}</h2>
          <div class="row">${seats.map(
            (seat) =>
              html`<button type="button" class="primary" ?disabled=${joining}
                @click=${() => void join({ name: seat.name ?? "", seatKey: seat.seatKey ?? undefined })}>${icon("join")} ${t("join.resume", { name: seat.name ?? "" })}</button>`,
          )}</div>
        </section>`;

  /** The typed name is a disconnected seat's: take it back with its rejoin code or the facilitator. */
  const claimPanel =
    () => html`<section class="card stack" aria-labelledby="claim-title" style="max-width:32rem">
      <h2 id="claim-title">${t("join.claim.title", { name: claimName })}</h2>
      <p>${t("join.claim.text")}</p>
      <form @submit=${onRejoinCode}>
        <div class="field">
          <label for="rejoin-code">${t("join.claim.code")}</label>
          <input id="rejoin-code" name="rejoinCode" type="text" maxlength="16" autocomplete="off"
            autocapitalize="characters" spellcheck="false" required aria-describedby="rejoin-code-help" />
          <p class="help" id="rejoin-code-help">${t("join.claim.codeHelp")}</p>
        </div>
        <button class="primary" type="submit" ?disabled=${joining}>${t("join.claim.submitCode")}</button>
      </form>
      <button type="button" ?disabled=${joining} @click=${() => void join({ name: claimName, claim: true })}>${t("join.claim.ask")}</button>
      <button type="button" class="link" @click=${() => {
        claimName = "";
        requestRender();
        queueMicrotask(() => document.getElementById("name")?.focus());
      }}>${t("join.claim.other")}</button>
    </section>`;

  /** The code that takes this seat back on another device, shown on the player's screen. */
  const rejoinHelp = () => {
    const rejoinCode = connection?.rejoinCode ?? loadSeat("player", code)?.rejoinCode;
    return rejoinCode
      ? html`<p class="help rejoin-code">${t("seat.rejoinCode", { code: rejoinCode })}</p>`
      : nothing;
  };

  const joinForm = () => html`<h1 tabindex="-1">${t("join.title", { code })}</h1>
    ${info ? html`<p>${t("join.scenario", { title: info.scenarioTitle })}</p>` : null}
    ${info && !info.canJoin ? html`<p class="notice bad" role="alert">${t("join.closed")}</p>` : null}
    ${claimName ? claimPanel() : resumeButtons(storedSeats("player", code))}
    <form class="card" @submit=${(e: SubmitEvent) => void onJoin(e)} style="max-width:32rem">
      <div class="field">
        <label for="name">${t("join.name")}</label>
        <input id="name" name="name" type="text" maxlength="40" required autocomplete="nickname" aria-describedby="name-help" />
        <p class="help" id="name-help">${t("join.nameHelp")}</p>
      </div>
      ${carnet.joinField()}
      ${formError ? html`<p class="notice bad" role="alert">${formError}</p>` : null}
      <button class="primary" type="submit" ?disabled=${joining || (info !== null && !info.canJoin)}>${icon("join")} ${joining ? t("join.joining") : t("join.submit")}</button>
    </form>`;

  const lobby = (g: GameView) => {
    const team = teamOf(g, me);
    const player = me ? g.players[me] : undefined;
    const role = room.scenario?.roles.find((r) => r.id === player?.roleId);
    const chooseTeam = g.options?.playersChooseTeam && !g.locked;
    return html`<h1 tabindex="-1">${t("lobby.title")}</h1>
      <p class="big-code">${t("lobby.code", { code })}</p>
      <p class="notice info" role="status">${t("lobby.waiting")}</p>
      <div class="grid">
        <section class="card" aria-labelledby="team-title">
          <h2 id="team-title">${team ? html`${t("lobby.yourTeam", { team: team.name })} ${teamBadge(g.teams.indexOf(team))}` : t("lobby.noTeam")}</h2>
          ${
            team
              ? html`<ul class="people">${membersOf(g, team).map(
                  (
                    p,
                  ) => html`<li class=${p.connected ? "" : "offline"}>${avatar(p.name)} ${p.name}${p.id === me ? ` (${t("app.you")})` : ""}
                    <span class=${`badge ${p.connected ? "ok" : "off"}`}>${p.connected ? t("presence.online") : t("presence.offline")}</span></li>`,
                )}</ul>`
              : null
          }
          ${
            chooseTeam
              ? html`<h3 style="margin-top:1rem">${t("lobby.chooseTeam")}</h3>
                <div class="row">${g.teams.map(
                  (other) => html`<button type="button" ?disabled=${other.id === team?.id}
                    @click=${() => connection?.send("choose-team", { teamId: other.id })}>${t("lobby.join", { team: other.name })}</button>`,
                )}</div>`
              : null
          }
        </section>
        <section class="card" aria-labelledby="role-title">
          <h2 id="role-title">${role ? t("lobby.role", { role: role.name }) : t("lobby.noRole")}</h2>
          ${role ? html`<p>${role.description}</p>` : null}
        </section>
      </div>
      ${direction.view()}
      ${rejoinHelp()}
      <button type="button" @click=${() => {
        void connection?.leave();
        navigate({ name: "home" });
      }}>${t("lobby.leave")}</button>`;
  };

  /** The step's opening (its character and situation) above the board, until put away. */
  const openingCard = (game: GameView) => {
    const scenario = room.scenario;
    const step = stepIndexOf(game, teamOf(game, me));
    if (!scenario?.steps[step]?.situation || openingsSeen.has(step)) return nothing;
    const opening = stepOpening(scenario, step);
    if (!opening) return nothing;
    const toPuzzle = () => {
      openingsSeen.add(step);
      requestRender();
      // The puzzle is what the player came for: the focus goes to it.
      queueMicrotask(() => document.getElementById("puzzle-title")?.focus({ preventScroll: false }));
    };
    return titleCard(
      opening,
      scenario.steps.length,
      html`<button type="button" class="primary" data-focus-key="to-puzzle" @click=${toPuzzle}>${t("stage.toPuzzle")}</button>`,
    );
  };

  /** What the board and the table are drawn from; null until the room has told us who we are. */
  const boardInput = (): BoardInput | null => {
    const { game, scenario, revealed, clockOffsetMs } = room;
    if (!game || !scenario || !me) return null;
    return {
      game,
      scenario,
      me,
      revealed,
      clockOffsetMs,
      now: Date.now(),
      attestationHref,
      edit: (stepId, edit) => connection?.send("edit", { stepId, edit }),
      act: (name, payload) => connection?.send(name, payload),
      hands: room.hands,
      focus: (stepId, pieceId, gesture) => {
        const key = `${stepId}:${pieceId}:${gesture}`;
        if (key === focusSent) return;
        focusSent = key;
        holding = pieceId === null ? null : { stepId, pieceId, gesture };
        holdingToldAt = Date.now();
        connection?.send("focus", { stepId, pieceId, gesture });
      },
      selectedPiece,
      tableExpanded,
      toggleTable: () => {
        tableExpanded = !tableExpanded;
        requestRender();
      },
      select: (pieceId) => {
        selectedPiece = pieceId;
        requestRender();
      },
    };
  };

  return {
    title: () => (room.game && room.game.phase !== "lobby" ? t("board.title") : t("join.title", { code })),
    view: () => {
      const banner = connectionBanner(room.status, room.closeReason, () => connection?.takeBack());
      if (unknownCode)
        return html`<h1 tabindex="-1">${t("join.unknownTitle")}</h1><div class="card" style="max-width:32rem">${codeForm(unknownCode)}</div>`;
      if (!connection) return html`${banner}${joinForm()}`;
      if (connection.claim && !connection.welcome)
        return html`${banner}<h1 tabindex="-1">${t("join.title", { code })}</h1>
          <p class="notice info" role="status">${t("join.claim.waiting", { name: connection.claim.name })}</p>`;
      const input = boardInput();
      if (!input) return html`${banner}<p>${t("app.loading")}</p>`;
      if (input.game.phase === "lobby") return html`${banner}${lobby(input.game)}`;
      if (input.game.phase === "debrief" || input.game.phase === "ended")
        return html`${banner}<div class="row end-tools">${soundToggle()}</div>
          ${endScreen(input.game, input.scenario, teamOf(input.game, me), attestationHref, getLang())}
          ${survey.view()}${carnet.view(input.game.players[input.me]?.name ?? "")}`;
      return html`${banner}
        ${actionError ? html`<p class="notice bad" role="alert">${actionError}</p>` : nothing}
        ${openingCard(input.game)}
        ${boardView(input)}
        ${input.game.phase === "ended" ? nothing : rejoinHelp()}
        <div class="row board-tools">${soundToggle()}</div>`;
    },
    afterRender: () => {
      const input = boardInput();
      if (!input || !["playing", "paused"].includes(input.game.phase)) return;
      const picture = tablePicture(input);
      if (picture) canvas.sync(document.getElementById("table-canvas"), picture, tableIntents(input));
    },
    dispose: () => {
      disposed = true;
      clearInterval(ticker);
      canvas.dispose();
      void connection?.detach();
    },
  };
}
