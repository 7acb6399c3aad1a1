/**
 * The team board (DOM part): prompt, documents, the puzzle, proposal and approvals, attempts and
 * feedback, hints, teammates and their edits. The Phaser table above it is fed by `tablePicture`.
 */
import { html, nothing } from "lit-html";
import { keyed } from "lit-html/directives/keyed.js";
import type { ClientMessage } from "../../../shared/protocol.ts";
import type { DraftEdit } from "../../../shared/rules/answer.ts";
import { blankAnswer } from "../../../shared/rules/drafts.ts";
import { OBJECTION_REASONS, REACTIONS } from "../../../shared/rules/model.ts";
import type { PublicScenario, PublicStep, RevealedStep } from "../../../shared/rules/public.ts";
import { isWorkable } from "../../../shared/rules/step-status.ts";
import { decodeHiddenCounts, decodeReactions, type ReactionView } from "../../../shared/synced-state.ts";
import { focusAfterRender } from "../app.ts";
import { contentLang, formatClock, type MessageKey, t } from "../i18n/index.ts";
import type { Focus } from "../net/connection.ts";
import { boardDrop, puzzleBoard, puzzleView } from "../puzzles/registry.ts";
import { avatar, teamName } from "../stage/identity.ts";
import { icon } from "../ui/icons.ts";
import { materialCard } from "../ui/material.ts";
import { explanationView, solutionView } from "../ui/reveal.ts";
import { scrollRegion } from "../ui/scroll-region.ts";
import { describeEdit, feedbackTarget } from "../view/answers.ts";
import { pieceLabel, pieceLabels } from "../view/pieces.ts";
import {
  approvalsNeeded,
  attemptsOf,
  type CancelledProposalView,
  draftOf,
  editsOf,
  type GameView,
  hintsOf,
  membersOf,
  percent,
  playerName,
  privateMaterialsOf,
  remainingMs,
  stepIndexOf,
  type TeamView,
  teamOf,
} from "../view/state.ts";
import { initials, type TablePicture } from "../view/table-picture.ts";
import type { TableIntents } from "./table-canvas.ts";

/** The team actions the board sends (edits go through `edit`). */
export type BoardAction =
  | "propose"
  | "approve"
  | "disagree"
  | "withdraw-proposal"
  | "hint"
  | "advance"
  | "react";

export interface BoardInput {
  game: GameView;
  scenario: PublicScenario;
  me: string;
  revealed: Map<number, RevealedStep>;
  clockOffsetMs: number;
  now: number;
  edit: (stepId: string, edit: DraftEdit) => void;
  act: <N extends BoardAction>(name: N, payload: ClientMessage<N>) => void;
  attestationHref: string | null;
  /** What each teammate holds or edits now (the room's `focus` messages). */
  hands?: ReadonlyMap<string, Focus>;
  /** Tells the teammates which piece this player holds or edits now (null: none). */
  focus?: (stepId: string, pieceId: string | null, gesture: Focus["gesture"]) => void;
  /** The piece the reactions panel is about (picked on the table or in its list). */
  selectedPiece?: string | null;
  select?: (pieceId: string) => void;
  /** Phone: the table is a strip unless the player opened it. */
  tableExpanded?: boolean;
  toggleTable?: () => void;
}

interface BoardData {
  team: TeamView;
  stepIndex: number;
  step: PublicStep;
  status: string;
  editable: boolean;
  roleName: (roleId: string) => string;
}

function boardData(input: BoardInput): BoardData | null {
  const team = teamOf(input.game, input.me);
  if (!team) return null;
  const stepIndex = Math.min(stepIndexOf(input.game, team), input.scenario.steps.length - 1);
  const step = input.scenario.steps[stepIndex];
  if (!step) return null;
  const status = team.steps[stepIndex]?.status ?? "pending";
  const editable = isWorkable(input.game.phase, status);
  const roleName = (roleId: string) => input.scenario.roles.find((role) => role.id === roleId)?.name ?? "";
  return { team, stepIndex, step, status, editable, roleName };
}

export function timerText(input: Pick<BoardInput, "game" | "clockOffsetMs" | "now">): {
  text: string;
  fraction: number | null;
} {
  const left = remainingMs(input.game.timer, input.clockOffsetMs, input.now);
  if (left === null) return { text: "—", fraction: null };
  const duration = input.game.timer?.durationMs ?? 0;
  return { text: formatClock(left / 1000), fraction: duration > 0 ? left / duration : null };
}

/** Teammates' hands on this step: connected teammates only, on a piece of the step. */
function handsOn(input: BoardInput, data: BoardData): Focus[] {
  const labels = pieceLabels(data.step);
  return [...(input.hands?.values() ?? [])].filter(
    (hand) =>
      hand.stepId === data.step.id &&
      hand.pieceId !== null &&
      labels.has(hand.pieceId) &&
      hand.playerId !== input.me &&
      data.team.memberIds.includes(hand.playerId) &&
      input.game.players[hand.playerId]?.connected === true,
  );
}

/** A hand in words: « Ana déplace « Budget 2024 » » (short: without the name). */
function handText(input: BoardInput, data: BoardData, hand: Focus, short: boolean): string {
  const piece = pieceLabel(data.step, hand.pieceId ?? "");
  if (short) return t(hand.gesture === "hold" ? "hands.holdShort" : "hands.editShort", { piece });
  const name = playerName(input.game, hand.playerId);
  return t(hand.gesture === "hold" ? "hands.hold" : "hands.edit", { name, piece });
}

/** The team's reaction tokens on the step's pieces, in the order they were left. */
function reactionsOn(data: BoardData): ReactionView[] {
  return (decodeReactions(data.team.work?.reactions)?.[data.step.id] ?? []).toSorted((a, b) => a.at - b.at);
}

/** Teammates holding documents this player cannot read on this step, with how many (the room counts
 *  them in this player's own row: a document this player reads too is not among them). */
function hiddenHolders(input: BoardInput, data: BoardData): { id: string; name: string; count: number }[] {
  const hidden = decodeHiddenCounts(input.game.players[input.me]?.hiddenCounts) ?? {};
  return membersOf(input.game, data.team).flatMap((player) => {
    if (player.id === input.me) return [];
    const count = hidden[player.id]?.[data.step.id] ?? 0;
    return count > 0 ? [{ id: player.id, name: player.name, count }] : [];
  });
}

const heldText = (holder: { name: string; count: number }) =>
  holder.count > 1
    ? t("board.heldByMany", { name: holder.name, count: holder.count })
    : t("board.heldBy", { name: holder.name });

/** The feedback marks of the team's last attempt on a step: item id → right. */
function lastMarks(team: TeamView, stepId: string): Map<string, boolean> {
  const last = attemptsOf(team, stepId).at(-1);
  return new Map((last?.feedback ?? []).map((item) => [item.id, item.correct]));
}

/** What the table's gestures do: the puzzle's own edit for a drop (nothing when the step is not
 *  editable or the drop changes nothing), through the same `edit` as the DOM. */
export function tableIntents(input: BoardInput): TableIntents {
  return {
    drop: (drop) => {
      const data = boardData(input);
      if (!data?.editable) return;
      const draft = draftOf(data.team, data.step.id) ?? blankAnswer(data.step);
      const edit = boardDrop(data.step, draft, drop);
      if (edit) input.edit(data.step.id, edit);
    },
    hold: (piece) => {
      const data = boardData(input);
      if (data?.editable) input.focus?.(data.step.id, piece, "hold");
    },
    select: (piece) => input.select?.(piece),
  };
}

/** The picture the Phaser table draws for this player. */
export function tablePicture(input: BoardInput): TablePicture | null {
  const data = boardData(input);
  if (!data) return null;
  const { team, step, stepIndex } = data;
  const draft = draftOf(team, step.id) ?? blankAnswer(step);
  const hands = handsOn(input, data);
  const edits = editsOf(team, step.id);
  const proposal = team.proposal && team.proposal.stepId === step.id ? team.proposal : null;
  const me = input.game.players[input.me];
  const timer = timerText(input);
  const privateOwn = privateMaterialsOf(me, step.id);
  const status =
    input.game.phase === "paused"
      ? t("board.paused")
      : proposal
        ? t("proposal.by", { name: playerName(input.game, proposal.by) })
        : data.status === "closed"
          ? t("board.closed")
          : "";
  return {
    heading: t("board.step", { index: stepIndex + 1, total: input.scenario.steps.length }),
    subtitle: step.title,
    timerText: timer.text,
    timerFraction: timer.fraction,
    status,
    seats: membersOf(input.game, team).map((player) => {
      const last = [...edits].reverse().find((entry) => entry.playerId === player.id);
      const sentence = last ? describeEdit(step, last.edit, player.name) : null;
      return {
        name: player.name,
        role: data.roleName(player.roleId),
        online: player.connected,
        me: player.id === input.me,
        activity: sentence ? t(sentence.key, sentence.params).replace(`${player.name} `, "") : null,
        agreed: proposal?.approvals.includes(player.id) ?? false,
        hand: (() => {
          const hand = hands.find((h) => h.playerId === player.id);
          return hand ? handText(input, data, hand, true) : null;
        })(),
      };
    }),
    cards: [
      ...step.materials.map((m) => ({
        id: m.id,
        title: m.title,
        privateTo: "",
        privateLabel: "",
        faceDown: false,
      })),
      ...privateOwn.map((m) => ({
        id: m.id,
        title: m.title,
        privateTo: data.roleName(me?.roleId ?? ""),
        privateLabel: t("board.privateShort"),
        faceDown: false,
      })),
      ...hiddenHolders(input, data).map((holder) => ({
        id: `held-by-${holder.id}`,
        title: heldText(holder),
        privateTo: "",
        privateLabel: "",
        faceDown: true,
      })),
    ],
    puzzle: puzzleBoard(step, draft, lastMarks(team, step.id)),
    held: hands.map((hand) => ({
      piece: hand.pieceId ?? "",
      by: initials(playerName(input.game, hand.playerId)),
    })),
    tokens: reactionsOn(data).map((r) => ({
      piece: r.pieceId,
      reaction: r.reaction,
      by: initials(playerName(input.game, r.playerId)),
    })),
  };
}

export function boardView(input: BoardInput) {
  const data = boardData(input);
  if (!data) return html`<p class="notice info">${t("board.notInTeam")}</p>`;
  const { team, step, stepIndex, editable } = data;
  const { game } = input;
  const me = game.players[input.me];
  const myRole = data.roleName(me?.roleId ?? "");
  const draft = draftOf(team, step.id) ?? blankAnswer(step);
  const attempts = attemptsOf(team, step.id);
  const last = attempts.at(-1);
  const marks = new Map((last?.feedback ?? []).map((item) => [item.id, item.correct]));
  const revealed = input.revealed.get(stepIndex) ?? null;
  const teamStep = team.steps[stepIndex];
  const proposal = team.proposal && team.proposal.stepId === step.id ? team.proposal : null;
  const members = membersOf(game, team);
  const connected = members.filter((m) => m.connected).length;
  const rule = game.options?.submissionRule ?? "majority";
  const maxAttempts = game.options?.maxAttempts ?? 1;
  const hints = hintsOf(team, step.id);
  const timer = timerText(input);
  const teamPace = game.options?.pace === "team";
  const privateOwn = privateMaterialsOf(me, step.id);
  const hands = handsOn(input, data);
  const hidden = hiddenHolders(input, data);

  const header = html`<div class="board-head">
    <div>
      <p class="muted" style="margin:0">${t("board.step", { index: stepIndex + 1, total: input.scenario.steps.length })} · ${teamName(game.teams.indexOf(team), team.name)}</p>
      <h1 tabindex="-1" lang=${contentLang() ?? nothing}>${step.title}</h1>
    </div>
    <div class="timer" role="timer" aria-label=${t("board.timer")}>${icon("clock")} ${timer.text}</div>
  </div>`;

  const closedNoticeShown = game.phase === "playing" && teamStep?.status === "closed";
  const reasonText = (reason: string) => t(`proposal.reason.${reason}` as MessageKey);
  const proposalPanel = () => {
    const notice = cancelledNotice();
    if (!editable && !proposal) return notice ?? nothing;
    if (!proposal) {
      return html`${notice ?? nothing}<div class="row">
        <button type="button" class="primary" data-focus-key="propose" ?disabled=${!editable} @click=${() => input.act("propose", { stepId: step.id })}>
          ${icon("send")} ${t("proposal.propose")}
        </button>
        <span class="muted">${t(`proposal.rule.${rule}` as MessageKey)}</span>
      </div>`;
    }
    const agreed = proposal.approvals.includes(input.me);
    const objections = proposal.objections ?? [];
    const mine = objections.find((o) => o.playerId === input.me);
    const ref = { stepId: step.id, proposalId: proposal.id };
    return html`<div class="notice warn proposal" role="status" tabindex="-1" ?data-focus-next=${!closedNoticeShown}>
      <p><strong>${t("proposal.by", { name: playerName(game, proposal.by) })}</strong></p>
      <p>${t("proposal.approvals", { names: proposal.approvals.map((id) => playerName(game, id)).join(", ") })}
        (${proposal.approvals.length}/${approvalsNeeded(rule, connected)})</p>
      ${
        objections.length > 0
          ? html`<ul class="objections">${objections.map(
              (o) =>
                html`<li class="badge bad">${t("proposal.objection", { name: playerName(game, o.playerId), reason: reasonText(o.reason) })}</li>`,
            )}</ul>`
          : null
      }
      <p class="muted">${t(`proposal.rule.${rule}` as MessageKey)} ${t("proposal.editCancels")}</p>
      <div class="row">
        ${agreed ? html`<span class="badge ok">✔ ${t("proposal.approved")}</span>` : html`<button type="button" class="primary" data-focus-key="approve" @click=${() => input.act("approve", ref)}>${icon("agree")} ${t("proposal.approve")}</button>`}
        ${proposal.by === input.me ? html`<button type="button" data-focus-key="withdraw" @click=${() => input.act("withdraw-proposal", ref)}>${t("proposal.withdraw")}</button>` : null}
      </div>
      ${
        proposal.by === input.me
          ? null
          : html`<div class="row disagree" role="group" aria-labelledby="disagree-label">
              <span id="disagree-label">${mine ? t("proposal.objectedByMe", { reason: reasonText(mine.reason) }) : t("proposal.disagree")}</span>
              ${OBJECTION_REASONS.map(
                (
                  reason,
                ) => html`<button type="button" data-focus-key=${`disagree-${reason}`} aria-pressed=${mine?.reason === reason ? "true" : "false"}
                  @click=${() => input.act("disagree", { ...ref, reason })}>${reasonText(reason)}</button>`,
              )}
            </div>`
      }
    </div>`;
  };

  /** Tells the author that their proposal was cancelled (by an edit, a teammate), or the whole team
   *  that a restart cancelled it; until the next proposal. */
  function cancelledNotice() {
    const cancelled = team.work?.cancelled;
    if (!cancelled || cancelled.stepId !== step.id || proposal) return null;
    const text = cancelledText(game, input.me, cancelled);
    return text ? html`<p class="notice info cancelled" role="status">${text}</p>` : null;
  }

  const attemptsPanel = html`<section class="card" aria-labelledby="attempts-title">
    <h2 id="attempts-title">${t("attempts.title")}</h2>
    ${
      last
        ? keyed(
            attempts.length,
            html`<p class="stamp" data-attempt=${attempts.length}>
              <span class="stamp-mark">${t("proposal.stamp")}</span>
              <span>${t("proposal.stampScore", { index: attempts.length, score: percent(last.score) })}</span>
            </p>`,
          )
        : null
    }
    <p>${t("attempts.left", { count: Math.max(0, maxAttempts - (teamStep?.attempts ?? attempts.length)) })}</p>
    ${
      attempts.length === 0
        ? html`<p class="muted">${t("attempts.none")}</p>`
        : html`<ol>${attempts.map(
            (attempt, index) =>
              html`<li>${t("attempts.item", {
                index: index + 1,
                score: percent(attempt.score),
                name: playerName(game, attempt.proposedBy),
                approvers: (attempt.approvedBy.length > 0 ? attempt.approvedBy : [attempt.proposedBy])
                  .map((id) => playerName(game, id))
                  .join(", "),
              })}</li>`,
          )}</ol>`
    }
    ${
      last
        ? html`<div class="feedback" aria-label=${t("feedback.title")}>
            <h3>${t("feedback.title")}</h3>
            <ul>
              ${last.feedback.map(
                (item) => html`<li class=${`feedback-item ${item.correct ? "ok" : "bad"}`}>
                  <strong>${feedbackTarget(step, item.id)}</strong> : ${item.correct ? t("feedback.correct") : t("feedback.incorrect")}${item.message ? html` — ${item.message}` : null}
                </li>`,
              )}
            </ul>
          </div>`
        : null
    }
    ${revealed ? html`${explanationView(revealed)} ${solutionView(step, revealed)}` : null}
  </section>`;

  const hintsPanel = html`<section class="card" aria-labelledby="hints-title">
    <h2 id="hints-title">${icon("hint")} ${t("hints.title")}</h2>
    ${hints.length > 0 ? html`<ol lang=${contentLang() ?? nothing}>${hints.map((hint, index) => html`<li tabindex="-1" data-hint=${index + 1}>${hint.text}</li>`)}</ol>` : null}
    ${(() => {
      if (game.options && !game.options.hintsEnabled)
        return html`<p class="muted">${t("hints.disabled")}</p>`;
      const next = step.hints[hints.length];
      if (!next) return html`<p class="muted">${t("hints.none")}</p>`;
      return html`<button type="button" data-focus-key="hint" ?disabled=${!editable} @click=${() => {
        input.act("hint", { stepId: step.id });
        // The next thing to read is the hint itself, once the server has sent it.
        focusAfterRender(`[data-hint="${hints.length + 1}"]`);
      }}>
        ${icon("hint")} ${next.cost > 0 ? t("hints.take", { cost: percent(next.cost) }) : t("hints.takeFree")}
      </button>`;
    })()}
  </section>`;

  const edits = editsOf(team, step.id).slice(-12).reverse();
  const side = html`<aside class="stack">
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">${icon("users")} ${t("presence.members")}</h2>
      <ul class="people">
        ${members.map(
          (player) => html`<li class=${player.connected ? "" : "offline"}>
            ${avatar(player.name, "player", "1.8rem")} <strong>${player.name}</strong>${player.id === input.me ? ` (${t("app.you")})` : ""}
            ${player.roleId ? html`<span class="muted">· ${data.roleName(player.roleId)}</span>` : null}
            <span class="visually-hidden">,</span>
            <span class=${`badge ${player.connected ? "ok" : "off"}`}>${player.connected ? t("presence.online") : t("presence.offline")}</span>
            ${(() => {
              const hand = hands.find((h) => h.playerId === player.id);
              return hand
                ? html`<span class="hand" data-hand=${player.id}>${handText(input, data, hand, false)}</span>`
                : null;
            })()}
          </li>`,
        )}
      </ul>
      ${myRole ? html`<p style="margin-top:0.6rem"><span class="badge private">${icon("lock")} ${t("board.roleCard", { role: myRole })}</span></p>` : null}
    </section>
    ${reactionsPanel(input, data)}
    <section class="card" aria-labelledby="activity-title">
      <h2 id="activity-title">${t("board.activity")}</h2>
      ${
        edits.length === 0
          ? html`<p class="muted">${t("board.noActivity")}</p>`
          : scrollRegion(
              t("board.activityList"),
              html`<ul class="activity">${edits.map((entry) => {
                const sentence = describeEdit(step, entry.edit, playerName(game, entry.playerId));
                return html`<li>${t(sentence.key, sentence.params)}</li>`;
              })}</ul>`,
              "y",
            )
      }
    </section>
    ${hintsPanel}
  </aside>`;

  // A step closed without any attempt (time ran out, or the facilitator moved on) says so, not
  // « answer sent » and a score of 0 %.
  const noAttempt = attempts.length === 0;
  const timeUp = remainingMs(game.timer, input.clockOffsetMs, input.now) === 0;
  const closedNotice =
    game.phase === "playing" && teamStep?.status === "closed"
      ? html`<div class="notice info" role="status" tabindex="-1" ?data-focus-next=${!teamPace || team.finished}>
          ${noAttempt ? html`<p><strong>${timeUp ? t("board.timeUpNoAnswer") : t("board.closedNoAnswer")}</strong></p>` : null}
          ${
            teamPace
              ? team.finished
                ? html`<p>${t("board.finished")}</p>`
                : html`<p>${t("board.closed")}</p>
                  <button type="button" class="primary" data-focus-key="advance" data-focus-next @click=${() => input.act("advance", { stepId: step.id })}>${icon("skip")} ${t("board.advance")}</button>`
              : html`<p>${teamStep.revealed ? t("board.waitingNext") : noAttempt ? t("board.waitingRevealOnly") : t("board.waitingReveal")}</p>`
          }
          ${!noAttempt && teamStep.score >= 0 ? html`<p>${t("board.score", { score: percent(teamStep.score) })}</p>` : null}
        </div>`
      : null;

  // The banner at the top of the board stays in view while scrolling: step, pause, end.
  const banner = html`<div class="board-banner">
    ${
      game.phase === "paused"
        ? html`<p class="notice warn">${icon("pause")} ${t("board.paused")}</p>`
        : game.phase === "debrief" || game.phase === "ended"
          ? html`<div class="notice ok">
              <p>${t("board.debrief")}</p>
              ${input.attestationHref ? html`<a class="button primary" href=${input.attestationHref} data-nav data-focus-key="attestation">${icon("print")} ${t("board.attestation")}</a>` : null}
            </div>`
          : html`<p class="notice info">${t("board.stepBanner", { index: stepIndex + 1, total: input.scenario.steps.length, title: step.title })}</p>`
    }
  </div>`;

  return html`
    ${banner}
    ${header}
    <div class="table-frame">
    <button type="button" class="table-toggle small" aria-controls="table-canvas" aria-expanded=${input.tableExpanded ? "true" : "false"}
      data-focus-key="table-toggle" @click=${() => input.toggleTable?.()}>${input.tableExpanded ? t("board.tableClose") : t("board.tableOpen")}</button>
    <div class=${`table-canvas ${input.tableExpanded ? "expanded" : ""}`} id="table-canvas" role="img" aria-label=${t("board.canvasLabel")}></div>
    <p class="muted table-help">${t("board.tableHelp")}</p>
    </div>
    <div class="board">
      <div class="stack">
        <section class="card">
          <p class="prompt" lang=${contentLang() ?? nothing}>${step.prompt}</p>
        </section>
        <section aria-labelledby="materials-title">
          <h2 id="materials-title">${t("board.materials")}</h2>
          ${hidden.map((holder) => html`<p class="notice info face-down" data-held-by=${holder.id}>${icon("lock")} ${heldText(holder)}</p>`)}
          ${
            step.materials.length + privateOwn.length === 0 && hidden.length > 0
              ? null
              : step.materials.length + privateOwn.length === 0
                ? html`<p class="muted">${t("board.noMaterials")}</p>`
                : html`<div class="materials" lang=${contentLang() ?? nothing}>
                  ${step.materials.map((m) => materialCard(m, null))} ${privateOwn.map((m) => materialCard(m, myRole))}
                </div>`
          }
        </section>
        <section class="card" aria-labelledby="puzzle-title"
          @focusin=${(event: FocusEvent) => editFocus(input, data, event.target, event.relatedTarget)}
          @focusout=${(event: FocusEvent) => editFocus(input, data, event.relatedTarget, event.target)}>
          <h2 id="puzzle-title" tabindex="-1">${t("board.puzzle")}</h2>
          ${puzzleView({ step, draft, editable, marks, send: (edit) => input.edit(step.id, edit) })}
        </section>
        ${closedNotice}
        ${proposalPanel()}
        ${attemptsPanel}
      </div>
      ${side}
    </div>`;
}

/** The sentence a cancelled proposal leaves: for its author (an edit or a teammate's withdrawal),
 *  or for everybody (a restart); null when there is nothing to tell this player. */
export function cancelledText(game: GameView, me: string, cancelled: CancelledProposalView): string | null {
  const name = playerName(game, cancelled.by);
  if (cancelled.cause === "restart") return t("proposal.cancelled.restart", { name });
  if (cancelled.by !== me || cancelled.cancelledBy === me) return null;
  const by = playerName(game, cancelled.cancelledBy);
  return cancelled.cause === "edit"
    ? t("proposal.cancelled.edit", { name: by })
    : t("proposal.cancelled.withdrawn", { name: by });
}

/** The piece a focused element of the puzzle stands for: the closest `data-piece`, or a control
 *  whose `data-focus-key` ends with a piece's id (form fields, options…). */
function pieceOf(data: BoardData, target: EventTarget | null): string | null {
  if (!(target instanceof Element) || !target.closest(".puzzle")) return null;
  const marked = target.closest<HTMLElement>("[data-piece]")?.dataset.piece;
  if (marked) return marked;
  const key = target.closest<HTMLElement>("[data-focus-key]")?.dataset.focusKey ?? "";
  const ids = [...pieceLabels(data.step).keys()].sort((a, b) => b.length - a.length);
  return ids.find((id) => key.endsWith(`-${id}`)) ?? null;
}

/** Focus moving inside the puzzle: the teammates see which piece this player edits (or none). */
function editFocus(
  input: BoardInput,
  data: BoardData,
  to: EventTarget | null,
  from: EventTarget | null,
): void {
  if (!data.editable) return;
  const next = pieceOf(data, to);
  if (next === pieceOf(data, from) && next !== null) return;
  input.focus?.(data.step.id, next, "edit");
}

/** Reaction tokens: pick a piece (or touch it on the table), leave a token, see the team's tokens
 *  and take one's own back. The keyboard's way to react, and the tokens in words. */
function reactionsPanel(input: BoardInput, data: BoardData) {
  const labels = pieceLabels(data.step);
  const reactions = reactionsOn(data);
  const selected = input.selectedPiece && labels.has(input.selectedPiece) ? input.selectedPiece : null;
  const piece = selected ?? labels.keys().next().value ?? "";
  const react = (reaction: (typeof REACTIONS)[number] | null, pieceId: string) =>
    input.act("react", { stepId: data.step.id, pieceId, reaction });
  return html`<section class="card reactions" aria-labelledby="reactions-title">
    <h2 id="reactions-title">${t("reactions.title")}</h2>
    <p class="muted">${t("reactions.help")}</p>
    <label for="reaction-piece">${t("reactions.piece")}</label>
    <select id="reaction-piece" data-focus-key="reaction-piece" ?disabled=${!data.editable}
      @change=${(event: Event) => input.select?.((event.target as HTMLSelectElement).value)}>
      ${[...labels].map(([id, label]) => html`<option value=${id} ?selected=${id === piece}>${label}</option>`)}
    </select>
    <div class="row" role="group" aria-label=${t("reactions.title")}>
      ${REACTIONS.map(
        (reaction) =>
          html`<button type="button" class=${`token-button ${reaction}`} data-focus-key=${`react-${reaction}`}
            ?disabled=${!data.editable || !piece} @click=${() => react(reaction, piece)}>${t(`reactions.${reaction}`)}</button>`,
      )}
    </div>
    ${
      reactions.length === 0
        ? html`<p class="muted">${t("reactions.none")}</p>`
        : html`<ul class="token-list">${reactions.map((r) => {
            const pieceName = pieceLabel(data.step, r.pieceId);
            return html`<li class=${`token ${r.reaction}`} data-token=${`${r.playerId}:${r.pieceId}`}>
              ${t("reactions.item", { name: playerName(input.game, r.playerId), reaction: t(`reactions.${r.reaction}`), piece: pieceName })}
              ${
                r.playerId === input.me
                  ? html`<button type="button" class="small" data-focus-key=${`unreact-${r.pieceId}`}
                      aria-label=${t("reactions.remove", { piece: pieceName })}
                      ?disabled=${!data.editable} @click=${() => react(null, r.pieceId)}>${t("reactions.removeShort")}</button>`
                  : null
              }
            </li>`;
          })}</ul>`
    }
  </section>`;
}
