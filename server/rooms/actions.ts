/**
 * Maps a validated client message to its pure rule. No rule lives here: only the dispatch, and
 * what the session log records beside the payload (e.g. the score of a submission).
 */
import type { ClientMessage, ClientMessageName } from "../../shared/protocol.ts";
import {
  addTime,
  advanceTeam,
  applyEdit,
  approveProposal,
  chooseTeam,
  endSession,
  kickPlayer,
  lockSession,
  movePlayer,
  nextStep,
  pauseSession,
  proposeSubmission,
  type RefusalReason,
  type RuleResult,
  resumeSession,
  revealStep,
  type SessionModel,
  skipStep,
  startSession,
  takeHint,
  withdrawProposal,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export type ActionOutcome =
  | { ok: true; model: SessionModel; logExtra: Record<string, unknown>; kicked?: string[] }
  | { ok: false; reason: RefusalReason; detail?: string };

function done(
  result: RuleResult<object>,
  extra: (r: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): ActionOutcome {
  if (!result.ok) return result;
  return { ok: true, model: result.model, logExtra: extra(result as unknown as Record<string, unknown>) };
}

/** What a submission's log entry keeps: the attempt with its scores (when one was submitted). */
function submittedExtra(r: Record<string, unknown>): Record<string, unknown> {
  return { teamId: r.teamId, submitted: r.submitted ?? null };
}

/** The payload has been validated by `parseClientMessage` for this name. */
export function applyAction(
  model: SessionModel,
  scenario: Scenario,
  name: ClientMessageName,
  payload: unknown,
  actor: string,
  now: number,
): ActionOutcome {
  const p = payload;
  switch (name) {
    case "choose-team":
      return done(chooseTeam(model, scenario, actor, (p as ClientMessage<"choose-team">).teamId));
    case "edit": {
      const m = p as ClientMessage<"edit">;
      return done(applyEdit(model, scenario, actor, m.stepId, m.edit, now), (r) => ({ teamId: r.teamId }));
    }
    case "propose":
      return done(
        proposeSubmission(model, scenario, actor, (p as ClientMessage<"propose">).stepId, now),
        submittedExtra,
      );
    case "approve":
      return done(
        approveProposal(model, scenario, actor, (p as ClientMessage<"approve">).stepId, now),
        submittedExtra,
      );
    case "withdraw-proposal":
      return done(
        withdrawProposal(model, scenario, actor, (p as ClientMessage<"withdraw-proposal">).stepId, now),
        (r) => ({ teamId: r.teamId }),
      );
    case "hint":
      return done(takeHint(model, scenario, actor, (p as ClientMessage<"hint">).stepId, now), (r) => ({
        teamId: r.teamId,
      }));
    case "advance":
      return done(advanceTeam(model, scenario, actor, (p as ClientMessage<"advance">).stepId, now), (r) => ({
        teamId: r.teamId,
      }));
    case "start":
      return done(startSession(model, scenario, now));
    case "pause":
      return done(pauseSession(model, now));
    case "resume":
      return done(resumeSession(model, now));
    case "add-time":
      return done(addTime(model, (p as ClientMessage<"add-time">).seconds, now));
    case "skip":
      return done(skipStep(model, scenario, now));
    case "reveal":
      return done(revealStep(model, scenario, now));
    case "next":
      return done(nextStep(model, scenario, now));
    case "move-player": {
      const m = p as ClientMessage<"move-player">;
      return done(movePlayer(model, scenario, m.playerId, m.teamId));
    }
    case "kick": {
      const playerId = (p as ClientMessage<"kick">).playerId;
      const outcome = done(kickPlayer(model, playerId, scenario));
      return outcome.ok ? { ...outcome, kicked: [playerId] } : outcome;
    }
    case "lock":
      return done(lockSession(model, (p as ClientMessage<"lock">).locked));
    case "end":
      return done(endSession(model, now));
  }
}
