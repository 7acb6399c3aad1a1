/**
 * The one event fold. Everything that changes a session is a `SessionEvent`; `applyEvent` is the only
 * way one reaches the model. The room builds an event, applies it, logs it (when accepted) and shows
 * the new model; after a restart the log's events are folded again (`replayEvents`) into the same model.
 */
import type { FacilitatorAction, PlayerAction } from "../protocol.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Attempt, RuleResult, SessionModel } from "./model.ts";
import { chooseTeam, joinPlayer, kickPlayer, movePlayer, removePlayer, setConnected } from "./players.ts";
import {
  addTime,
  endSession,
  lockSession,
  pauseSession,
  resumeSession,
  startSession,
  tick,
} from "./session.ts";
import { advanceTeam, nextStep, revealStep, skipStep } from "./steps.ts";
import {
  applyEdit,
  approveProposal,
  clearPendingProposals,
  objectToProposal,
  proposeSubmission,
  reactToPiece,
  takeHint,
  withdrawProposal,
} from "./submission.ts";

/** Seat events: a player's arrival, return and departure. `teamId` is the team asked for at join. */
export type SeatEvent =
  | { kind: "join"; at: number; playerId: string; name: string; teamId?: string }
  | { kind: "rejoin" | "reconnect" | "disconnect" | "leave"; at: number; playerId: string }
  /** A disconnected seat taken back on another device (rejoin code or facilitator's confirmation). */
  | { kind: "seat-claimed"; at: number; playerId: string };

export type SessionEvent =
  | SeatEvent
  /** A validated message of a seated player. */
  | { kind: "player"; at: number; playerId: string; action: PlayerAction }
  /** A validated message of the facilitator. */
  | { kind: "facilitator"; at: number; action: FacilitatorAction }
  /** The clock ran past the current timer. */
  | { kind: "timer-expired"; at: number }
  /** The room came back after a server restart (nobody is connected yet). */
  | { kind: "restored"; at: number };

/** What an accepted event changed beyond the model: the team it concerned and, for a proposal or
 *  an approval, the attempt it submitted (null when it is still waiting for approvals). */
export interface EventEffects {
  teamId?: string;
  submitted?: Attempt | null;
}

export type EventResult = RuleResult<EventEffects>;

/** Applies one event through its pure rule. Never throws, never mutates its input. */
export function applyEvent(model: SessionModel, scenario: Scenario, event: SessionEvent): EventResult {
  const now = event.at;
  switch (event.kind) {
    case "join":
      return joinPlayer(model, scenario, {
        playerId: event.playerId,
        name: event.name,
        teamId: event.teamId,
        now,
      });
    case "rejoin":
    case "seat-claimed":
    case "reconnect":
      return setConnected(model, event.playerId, true, now, scenario);
    case "disconnect":
      return setConnected(model, event.playerId, false, now, scenario);
    case "leave":
      return removePlayer(model, event.playerId, scenario);
    case "timer-expired": {
      const result = tick(model, scenario, now);
      return result.expired ? { ok: true, model: result.model } : { ok: false, reason: "wrong-phase" };
    }
    case "restored":
      return { ok: true, model: clearPendingProposals(model, now) };
    case "player":
      return applyPlayerAction(model, scenario, event.playerId, event.action, now);
    case "facilitator":
      return applyFacilitatorAction(model, scenario, event.action, now);
  }
}

function applyPlayerAction(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  action: PlayerAction,
  now: number,
): EventResult {
  switch (action.name) {
    case "choose-team":
      return chooseTeam(model, scenario, playerId, action.payload.teamId);
    case "edit":
      return applyEdit(model, scenario, playerId, action.payload.stepId, action.payload.edit, now);
    case "propose":
      return proposeSubmission(model, scenario, playerId, action.payload.stepId, now);
    case "approve":
      return approveProposal(
        model,
        scenario,
        playerId,
        action.payload.stepId,
        action.payload.proposalId,
        now,
      );
    case "withdraw-proposal":
      return withdrawProposal(
        model,
        scenario,
        playerId,
        action.payload.stepId,
        action.payload.proposalId,
        now,
      );
    case "disagree": {
      const { stepId, proposalId, reason } = action.payload;
      return objectToProposal(model, scenario, playerId, stepId, proposalId, reason, now);
    }
    case "hint":
      return takeHint(model, scenario, playerId, action.payload.stepId, now);
    case "advance":
      return advanceTeam(model, scenario, playerId, action.payload.stepId, now);
    case "react": {
      const { stepId, pieceId, reaction } = action.payload;
      return reactToPiece(model, scenario, playerId, stepId, pieceId, reaction, now);
    }
  }
}

function applyFacilitatorAction(
  model: SessionModel,
  scenario: Scenario,
  action: FacilitatorAction,
  now: number,
): EventResult {
  switch (action.name) {
    case "start":
      return startSession(model, scenario, now);
    case "pause":
      return pauseSession(model, now);
    case "resume":
      return resumeSession(model, now);
    case "add-time":
      return addTime(model, action.payload.seconds, now);
    case "skip":
      return skipStep(model, scenario, now);
    case "reveal":
      return revealStep(model, scenario, now);
    case "next":
      return nextStep(model, scenario, now);
    case "move-player":
      return movePlayer(model, scenario, action.payload.playerId, action.payload.teamId);
    case "kick":
      return kickPlayer(model, action.payload.playerId, scenario);
    case "lock":
      return lockSession(model, action.payload.locked);
    case "end":
      return endSession(model, now);
  }
}
