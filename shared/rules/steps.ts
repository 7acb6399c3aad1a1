/** Steps: opening, closing, reveal, next/skip (facilitator pace), advance (team pace). */
import type { Scenario } from "../scenario/schema.ts";
import type { RuleResult, SessionModel, Team, TeamStep } from "./model.ts";
import { accept, refuse } from "./result.ts";
import { connectedMembers, findTeam, replaceTeam, replaceTeamStep } from "./teams.ts";
import { elapsedTimer, startTimer } from "./timers.ts";

/** Duration of a step's timer: the session override or the step's own limit. */
export function stepDurationMs(model: SessionModel, scenario: Scenario, stepIndex: number): number {
  const seconds = model.options.stepTimeSeconds ?? scenario.steps[stepIndex]?.timeLimitSeconds ?? 0;
  return seconds * 1000;
}

/** Opens a team's step: started now, the connected members as its first participants. */
export function openTeamStep(model: SessionModel, team: Team, stepIndex: number, now: number): Team {
  const step = team.steps[stepIndex];
  if (!step) return team;
  const participants = [...new Set([...step.participants, ...connectedMembers(model, team)])];
  return replaceTeamStep({ ...team, stepIndex }, stepIndex, {
    ...step,
    startedAt: step.startedAt ?? now,
    participants,
  });
}

/**
 * Closes a team step: no more submissions, pending proposal dropped, score = best attempt or 0.
 * In team pace a closed step is revealed to its team at once.
 */
export function closeTeamStep(model: SessionModel, step: TeamStep, now: number): TeamStep {
  if (step.closed) return step;
  return {
    ...step,
    closed: true,
    closedAt: now,
    proposal: null,
    score: step.score ?? 0,
    revealed: step.revealed || model.options.pace === "team",
  };
}

/** True when the solution of `stepIndex` may be sent to this team. */
export function isRevealedTo(model: SessionModel, teamId: string, stepIndex: number): boolean {
  return findTeam(model, teamId)?.steps[stepIndex]?.revealed === true;
}

const isActive = (model: SessionModel) => model.phase === "playing" || model.phase === "paused";

/** Closes (and with `reveal`, reveals) step `stepIndex` for every team. */
function closeForAll(model: SessionModel, stepIndex: number, now: number, reveal: boolean): SessionModel {
  return {
    ...model,
    teams: model.teams.map((team) => {
      const step = team.steps[stepIndex];
      if (!step) return team;
      const closed = closeTeamStep(model, step, now);
      return replaceTeamStep(team, stepIndex, reveal ? { ...closed, revealed: true } : closed);
    }),
  };
}

/**
 * Facilitator pace: closes the current step for every team and reveals it; the step timer stops.
 * Team pace: closes and reveals the step each unfinished team is on (a stuck team sees the answer
 * and can move on); steps a team closed were revealed to it already.
 */
export function revealStep(model: SessionModel, _scenario: Scenario, now: number): RuleResult {
  if (!isActive(model)) return refuse("wrong-phase");
  if (model.options.pace === "team") {
    return accept({
      ...model,
      teams: model.teams.map((team) => {
        const step = team.steps[team.stepIndex];
        if (team.finishedAt !== null || !step || step.closed) return team;
        return replaceTeamStep(team, team.stepIndex, closeTeamStep(model, step, now));
      }),
    });
  }
  const next = closeForAll(model, model.currentStep, now, true);
  return accept({ ...next, timer: next.timer ? elapsedTimer(next.timer) : null });
}

/** Moves every team to `stepIndex` (fresh step timer), or to the debrief after the last step. */
function goToStep(model: SessionModel, scenario: Scenario, stepIndex: number, now: number): SessionModel {
  if (stepIndex >= scenario.steps.length)
    return { ...model, phase: "debrief", pausedFrom: null, timer: null };
  return {
    ...model,
    currentStep: stepIndex,
    timer: startTimer(stepDurationMs(model, scenario, stepIndex), now),
    teams: model.teams.map((team) => openTeamStep(model, team, stepIndex, now)),
  };
}

/** Facilitator pace: once the current step is revealed, everybody moves on (after the last: debrief). */
export function nextStep(model: SessionModel, scenario: Scenario, now: number): RuleResult {
  if (model.options.pace !== "facilitator" || model.phase !== "playing") return refuse("wrong-phase");
  if (model.teams.some((team) => team.steps[model.currentStep]?.revealed !== true))
    return refuse("not-revealed");
  return accept(goToStep(model, scenario, model.currentStep + 1, now));
}

/**
 * Ends the current step at once and moves on. Teams keep their best score so far (0 without an attempt).
 * Facilitator pace: for everybody. Team pace: every unfinished team leaves its current step.
 */
export function skipStep(model: SessionModel, scenario: Scenario, now: number): RuleResult {
  if (model.phase !== "playing") return refuse("wrong-phase");
  if (model.options.pace === "facilitator") {
    const closed = closeForAll(model, model.currentStep, now, true);
    return accept(goToStep(closed, scenario, model.currentStep + 1, now));
  }
  let next = model;
  for (const team of model.teams) {
    if (team.finishedAt !== null) continue;
    const step = team.steps[team.stepIndex];
    if (!step) continue;
    const current = findTeam(next, team.id);
    if (!current) continue;
    next = replaceTeam(
      next,
      advance(next, scenario, replaceTeamStep(current, team.stepIndex, closeTeamStep(next, step, now)), now),
    );
  }
  return accept(finishIfAllDone(next));
}

/** Team pace: the team's next step, or finished after the last one. */
function advance(model: SessionModel, scenario: Scenario, team: Team, now: number): Team {
  const nextIndex = team.stepIndex + 1;
  if (nextIndex >= scenario.steps.length) return { ...team, finishedAt: now };
  return openTeamStep(model, team, nextIndex, now);
}

function finishIfAllDone(model: SessionModel): SessionModel {
  if (model.teams.length === 0 || model.teams.some((team) => team.finishedAt === null)) return model;
  return {
    ...model,
    phase: "debrief",
    pausedFrom: null,
    timer: model.timer ? elapsedTimer(model.timer) : null,
  };
}

/** Team pace: a member moves their team on once its current step is closed. */
export function advanceTeam(
  model: SessionModel,
  scenario: Scenario,
  playerId: string,
  stepId: string,
  now: number,
): RuleResult<{ teamId: string }> {
  if (model.options.pace !== "team" || model.phase !== "playing") return refuse("wrong-phase");
  const player = model.players[playerId];
  if (!player || player.kicked) return refuse("unknown-player");
  const team = findTeam(model, player.teamId);
  if (!team) return refuse("not-in-team");
  const step = team.steps[team.stepIndex];
  if (team.finishedAt !== null || !step || step.stepId !== stepId) return refuse("unknown-step");
  if (!step.closed) return refuse("step-open");
  return accept(finishIfAllDone(replaceTeam(model, advance(model, scenario, team, now))), {
    teamId: team.id,
  });
}
