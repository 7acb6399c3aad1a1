/** Session lifecycle: create, start, pause/resume, time, lock, end, and the clock tick. */
import type { Scenario } from "../scenario/schema.ts";
import type { Pace, RuleResult, SessionModel, SessionOptions } from "./model.ts";
import { balanceTeams } from "./players.ts";
import { accept, refuse } from "./result.ts";
import { closeTeamStep, openTeamStep, stepDurationMs } from "./steps.ts";
import { newTeam, replaceTeamStep } from "./teams.ts";
import {
  elapsedTimer,
  extendTimer,
  isExpired,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
} from "./timers.ts";

/** Options a facilitator gets unless they change them. */
export function defaultOptions(pace: Pace): SessionOptions {
  return {
    pace,
    teamCount: "auto",
    teamSize: 4,
    submissionRule: "majority",
    maxAttempts: pace === "facilitator" ? 2 : 3,
    stepTimeSeconds: null,
    sessionTimeSeconds: pace === "team" ? 3600 : null,
    hintsEnabled: true,
    lockAfterStart: false,
    playersChooseTeam: false,
  };
}

/** A new session in the lobby. With a fixed team count its teams exist at once; with "auto" they come with players. */
export function createSession(
  scenario: Scenario,
  options: SessionOptions,
  init: { now: number; seed: number },
): SessionModel {
  let model: SessionModel = {
    scenarioId: scenario.id,
    options: { ...options },
    phase: "lobby",
    pausedFrom: null,
    locked: false,
    players: {},
    teams: [],
    currentStep: 0,
    timer: null,
    seed: init.seed >>> 0,
    createdAt: init.now,
    startedAt: null,
    endedAt: null,
  };
  if (typeof options.teamCount === "number") {
    for (let i = 0; i < options.teamCount; i++)
      model = { ...model, teams: [...model.teams, newTeam(model, scenario)] };
  }
  return model;
}

/** Lobby → playing: empty teams dropped, step 0 opened for every team, timers set. */
export function startSession(model: SessionModel, scenario: Scenario, now: number): RuleResult {
  if (model.phase !== "lobby") return refuse("wrong-phase");
  const balanced =
    model.options.teamCount === "auto" && !model.options.playersChooseTeam
      ? balanceTeams({ ...model, teams: model.teams.filter((team) => team.memberIds.length > 0) }, scenario)
      : model;
  const teams = balanced.teams.filter((team) => team.memberIds.length > 0);
  if (teams.length === 0) return refuse("no-players");
  const started: SessionModel = {
    ...balanced,
    phase: "playing",
    locked: model.locked || model.options.lockAfterStart,
    startedAt: now,
    currentStep: 0,
    teams,
  };
  const timer =
    model.options.pace === "facilitator"
      ? startTimer(stepDurationMs(model, scenario, 0), now)
      : model.options.sessionTimeSeconds === null
        ? null
        : startTimer(model.options.sessionTimeSeconds * 1000, now);
  return accept({ ...started, timer, teams: teams.map((team) => openTeamStep(started, team, 0, now)) });
}

export function pauseSession(model: SessionModel, now: number): RuleResult {
  if (model.phase !== "playing") return refuse("wrong-phase");
  return accept({
    ...model,
    phase: "paused",
    pausedFrom: "playing",
    timer: model.timer ? pauseTimer(model.timer, now) : null,
  });
}

export function resumeSession(model: SessionModel, now: number): RuleResult {
  if (model.phase !== "paused") return refuse("wrong-phase");
  return accept({
    ...model,
    phase: model.pausedFrom ?? "playing",
    pausedFrom: null,
    timer: model.timer ? resumeTimer(model.timer, now) : null,
  });
}

/** Adds (or removes, when negative) time to the running or paused timer. */
export function addTime(model: SessionModel, seconds: number, now: number): RuleResult {
  if (model.phase !== "playing" && model.phase !== "paused") return refuse("wrong-phase");
  if (!model.timer || remainingMs(model.timer, now) <= 0) return refuse("wrong-phase", "no-timer");
  return accept({ ...model, timer: extendTimer(model.timer, seconds * 1000, now) });
}

export function lockSession(model: SessionModel, locked: boolean): RuleResult {
  if (model.phase === "ended") return refuse("wrong-phase");
  return accept({ ...model, locked });
}

/** Ends the session from any phase: open steps closed, timer stopped. */
export function endSession(model: SessionModel, now: number): RuleResult {
  if (model.phase === "ended") return refuse("wrong-phase");
  const teams = model.teams.map((team) => {
    const step = team.steps[team.stepIndex];
    return step && step.startedAt !== null && !step.closed
      ? replaceTeamStep(team, team.stepIndex, closeTeamStep(model, step, now))
      : team;
  });
  return accept({ ...model, phase: "ended", pausedFrom: null, timer: null, endedAt: now, teams });
}

/**
 * The clock: when the running timer ran out, facilitator pace closes the current step for every team
 * (the facilitator then reveals); team pace ends the play: open steps closed, phase "debrief".
 */
export function tick(
  model: SessionModel,
  _scenario: Scenario,
  now: number,
): { model: SessionModel; expired: boolean } {
  if (model.phase !== "playing" || !model.timer || !isExpired(model.timer, now))
    return { model, expired: false };
  const timer = elapsedTimer(model.timer);
  if (model.options.pace === "facilitator") {
    const teams = model.teams.map((team) => {
      const step = team.steps[model.currentStep];
      return step && step.startedAt !== null
        ? replaceTeamStep(team, model.currentStep, closeTeamStep(model, step, now))
        : team;
    });
    return { model: { ...model, timer, teams }, expired: true };
  }
  const teams = model.teams.map((team) => {
    const step = team.steps[team.stepIndex];
    if (team.finishedAt !== null || !step || step.startedAt === null) return team;
    return replaceTeamStep(team, team.stepIndex, closeTeamStep(model, step, now));
  });
  return { model: { ...model, timer, teams, phase: "debrief" }, expired: true };
}
