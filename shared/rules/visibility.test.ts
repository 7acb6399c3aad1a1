/** The one visibility rule, on random sessions: what each seat may see. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/schema.ts";
import { applyEvent } from "./events.ts";
import type { SessionModel } from "./model.ts";
import { revealedStep } from "./public.ts";
import { createSession, defaultOptions } from "./session.ts";
import { isWorkable, teamStepStatus } from "./step-status.ts";
import { applyEdit } from "./submission.ts";
import { actionEvent, scriptArbitrary, sessionOptionsArbitrary } from "./test-arbitraries.ts";
import { fixtureScenario, sharedDocumentScenario } from "./test-fixtures.ts";
import { T0 } from "./test-helpers.ts";
import {
  LARGE_SESSION,
  playersToRecheck,
  type Seat,
  type SeatView,
  sameInputs,
  seatView,
  seatViewInputs,
  teamDrafts,
} from "./visibility.ts";

/** Every model a random script goes through. */
const modelsOf = (scenario: Scenario) =>
  fc.tuple(sessionOptionsArbitrary, scriptArbitrary).map(([{ seed, ...rest }, script]) => {
    let model = createSession(scenario, { ...defaultOptions(rest.pace), ...rest }, { now: T0, seed });
    const models: SessionModel[] = [model];
    let now = T0;
    for (const { action, elapsedMs } of script) {
      now += elapsedMs;
      const result = applyEvent(model, scenario, actionEvent(action, model, now));
      if (result.ok) {
        model = result.model;
        models.push(model);
      }
    }
    return models;
  });
const modelsArbitrary = modelsOf(fixtureScenario);

/** Roles held by the members of a team other than `playerId` (kicked players hold none). */
function otherHeldRoles(model: SessionModel, teamId: string | null, playerId: string): Set<string> {
  const team = model.teams.find((t) => t.id === teamId);
  return new Set(
    (team?.memberIds ?? [])
      .filter((id) => id !== playerId && !model.players[id]?.kicked)
      .flatMap((id) => model.players[id]?.roleId ?? []),
  );
}

/** Every draft object the model holds, by team id (compared by reference: blank drafts look alike). */
function draftsByTeam(model: SessionModel): Map<string, Set<object>> {
  return new Map(model.teams.map((team) => [team.id, new Set(team.steps.map((step) => step.draft))]));
}

/** The revealed entries are exactly the rules' `revealedStep` of the listed steps. */
function checkRevealedContents(scenario: Scenario, view: SeatView): void {
  for (const { stepIndex, ...revealed } of view.revealed) {
    const step = scenario.steps[stepIndex];
    expect(step).toBeDefined();
    if (step) expect(revealed).toEqual(revealedStep(step));
  }
}

function checkPlayer(model: SessionModel, scenario: Scenario, playerId: string): void {
  const player = model.players[playerId];
  if (!player) return;
  const view = seatView(model, scenario, { role: "player", playerId });
  const team = model.teams.find((t) => t.id === player.teamId);
  // Never another team's work, never another player's private part.
  expect(view.teams.map((t) => t.id)).toEqual(team && !player.kicked ? [team.id] : []);
  expect(view.playerIds).toEqual(player.kicked ? [] : [playerId]);
  // The drafts seen are the team's own, every one of them the model's object: never another team's.
  const byTeam = draftsByTeam(model);
  for (const seen of view.teams) {
    const own = byTeam.get(seen.id);
    for (const draft of Object.values(seen.drafts)) {
      expect(own?.has(draft), `${playerId} sees a draft not of team ${seen.id}`).toBe(true);
      for (const [teamId, drafts] of byTeam) {
        if (teamId !== player.teamId)
          expect(drafts.has(draft), `${playerId} sees ${teamId}'s draft`).toBe(false);
      }
    }
    if (team) expect(seen.drafts).toEqual(teamDrafts(team));
  }
  // Never a solution its team has not been shown.
  for (const { stepIndex } of view.revealed) expect(team?.steps[stepIndex]?.revealed).toBe(true);
  checkRevealedContents(scenario, view);
  // Never another role's materials: only their own role's, or (once the game started) a role nobody
  // else in the team holds.
  const others = otherHeldRoles(model, player.teamId, playerId);
  for (const roleId of view.materialRoles) {
    if (roleId === player.roleId) continue;
    expect(model.phase).not.toBe("lobby");
    expect(others.has(roleId), `${playerId} reads ${roleId}, held in the team`).toBe(false);
  }
  const seenMaterials = new Set(
    Object.values(view.materials).flatMap((materials) => materials.map((m) => m.id)),
  );
  for (const step of scenario.steps) {
    for (const material of step.materials) {
      const readable = material.visibleTo?.some((roleId) => view.materialRoles.includes(roleId)) === true;
      expect(seenMaterials.has(material.id), `${playerId} and ${material.id}`).toBe(readable);
    }
  }
}

describe("seatView", () => {
  it("a player never sees another team's work, an unrevealed solution or another role's materials", () => {
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        for (const model of models) {
          for (const playerId of Object.keys(model.players)) checkPlayer(model, fixtureScenario, playerId);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the screen sees no team's work and only solutions shown to every team; the facilitator sees all", () => {
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        for (const model of models) {
          const screen = seatView(model, fixtureScenario, { role: "screen" });
          expect(screen.teams).toEqual([]);
          expect(screen.playerIds).toEqual([]);
          expect(screen.materialRoles).toEqual([]);
          expect(screen.materials).toEqual({});
          for (const { stepIndex } of screen.revealed) {
            expect(model.teams.every((team) => team.steps[stepIndex]?.revealed)).toBe(true);
          }
          checkRevealedContents(fixtureScenario, screen);
          const facilitator = seatView(model, fixtureScenario, { role: "facilitator" });
          expect(facilitator.teams).toEqual(
            model.teams.map((team) => ({ id: team.id, drafts: teamDrafts(team) })),
          );
          expect(facilitator.revealed.map((r) => r.stepIndex)).toEqual(
            fixtureScenario.steps.map((_, i) => i),
          );
          checkRevealedContents(fixtureScenario, facilitator);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("a player whose team has a step revealed is told its solution; a missing role's materials reach the team", () => {
    // Tied to the fixture: two roles, each with private materials.
    expect(fixtureScenario.roles.length).toBeGreaterThan(1);
    let seenRevealed = false;
    let seenHanded = false;
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        for (const model of models) {
          for (const player of Object.values(model.players)) {
            const view = seatView(model, fixtureScenario, { role: "player", playerId: player.id });
            if (view.revealed.length > 0) seenRevealed = true;
            if (view.materialRoles.some((roleId) => roleId !== player.roleId)) seenHanded = true;
            const team = model.teams.find((t) => t.id === player.teamId);
            const revealed = (team?.steps ?? []).flatMap((step, index) => (step.revealed ? [index] : []));
            if (!player.kicked) expect(view.revealed.map((r) => r.stepIndex)).toEqual(revealed);
          }
        }
      }),
      { numRuns: 30 },
    );
    expect(seenRevealed).toBe(true);
    expect(seenHanded).toBe(true);
  });

  it("tells a player, per teammate and step, how many of the teammate's documents they cannot read (never one they read too)", () => {
    // Tied to the fixture: a document both roles read, beside one only the juriste reads.
    const shared = sharedDocumentScenario.steps[0]?.materials.filter((m) => (m.visibleTo?.length ?? 0) > 1);
    expect(shared?.length).toBe(1);
    let seenShared = false;
    fc.assert(
      fc.property(modelsOf(sharedDocumentScenario), (models) => {
        for (const model of models) {
          for (const player of Object.values(model.players)) {
            if (player.kicked) continue;
            const view = seatView(model, sharedDocumentScenario, { role: "player", playerId: player.id });
            const team = model.teams.find((t) => t.id === player.teamId);
            const expected: Record<string, Record<string, number>> = {};
            for (const id of team?.memberIds ?? []) {
              if (id === player.id || model.players[id]?.kicked) continue;
              const theirs = seatView(model, sharedDocumentScenario, { role: "player", playerId: id });
              for (const [stepId, materials] of Object.entries(theirs.materials)) {
                const mine = new Set((view.materials[stepId] ?? []).map((m) => m.id));
                if (materials.some((m) => mine.has(m.id) && (m.visibleTo?.length ?? 0) > 1))
                  seenShared = true;
                const count = materials.filter((m) => !mine.has(m.id)).length;
                if (count > 0) expected[id] = { ...expected[id], [stepId]: count };
              }
            }
            expect(view.hidden).toEqual(expected);
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(seenShared).toBe(true);
  });

  it("the board lets a player work exactly when the rules accept their team's work (isWorkable on the shown status)", () => {
    const seatRefusals = new Set([
      "wrong-phase",
      "unknown-step",
      "step-closed",
      "not-in-team",
      "unknown-player",
    ]);
    let seenWorkable = false;
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        for (const model of models) {
          for (const player of Object.values(model.players)) {
            const team = model.teams.find((t) => t.id === player.teamId);
            const teamStep = team?.steps[team.stepIndex];
            if (!team || !teamStep || player.kicked) continue;
            const shown = teamStepStatus(teamStep, team.stepIndex, team.stepIndex);
            const workable = isWorkable(model.phase, shown);
            const edit = { op: "toggle-option" as const, optionId: "zz" };
            const result = applyEdit(model, fixtureScenario, player.id, teamStep.stepId, edit, T0);
            const accepted = result.ok || !seatRefusals.has(result.reason);
            expect(accepted).toBe(workable);
            if (workable) seenWorkable = true;
          }
        }
      }),
      { numRuns: 30 },
    );
    expect(seenWorkable).toBe(true);
  });

  it("a seat whose inputs (seatViewInputs) did not change between two models has the same view", () => {
    let seenSkipped = 0;
    let seenChanged = 0;
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        for (let i = 1; i < models.length; i++) {
          const before = models[i - 1] as SessionModel;
          const after = models[i] as SessionModel;
          const seats: Seat[] = [
            { role: "facilitator" },
            { role: "screen" },
            ...Object.keys({ ...before.players, ...after.players }).map((playerId) => ({
              role: "player" as const,
              playerId,
            })),
          ];
          for (const seat of seats) {
            const a = seatView(before, fixtureScenario, seat);
            const b = seatView(after, fixtureScenario, seat);
            if (sameInputs(seatViewInputs(before, seat), seatViewInputs(after, seat))) {
              seenSkipped += 1;
              expect(b).toEqual(a);
            } else seenChanged += 1;
          }
        }
      }),
      { numRuns: 60 },
    );
    // Both kinds occur: views kept (another team's change) and views refreshed.
    expect(seenSkipped).toBeGreaterThan(0);
    expect(seenChanged).toBeGreaterThan(0);
  });

  it("names every player whose inputs changed between two models (playersToRecheck)", () => {
    let seenPartial = 0;
    fc.assert(
      fc.property(modelsArbitrary, (models) => {
        seenPartial += checkRecheck(models);
      }),
      { numRuns: 60 },
    );
    expect(seenPartial).toBeGreaterThan(0);
  });

  it("in a large session too, where a join or a move rechecks only the players it changed", () => {
    let seenJoins = 0;
    fc.assert(
      fc.property(sessionOptionsArbitrary, scriptArbitrary, ({ seed, ...rest }, script) => {
        const options = { ...defaultOptions(rest.pace), ...rest, teamCount: "auto" as const, teamSize: 6 };
        let model = createSession(fixtureScenario, options, { now: T0, seed });
        for (let i = 0; i <= LARGE_SESSION; i++) {
          const result = applyEvent(model, fixtureScenario, {
            kind: "join",
            at: T0,
            playerId: `big-${i}`,
            name: `Agent ${i}`,
          });
          if (result.ok) model = result.model;
        }
        const models = [model];
        let now = T0;
        for (const { action, elapsedMs } of script) {
          now += elapsedMs;
          const result = applyEvent(model, fixtureScenario, actionEvent(action, model, now));
          if (!result.ok) continue;
          if (result.model.players !== model.players && playersToRecheck(model, result.model) !== null) {
            seenJoins += 1;
          }
          model = result.model;
          models.push(model);
        }
        checkRecheck(models);
      }),
      { numRuns: 30 },
    );
    expect(seenJoins).toBeGreaterThan(0);
  });
});

/** Checks `playersToRecheck` between each model and the next; returns how often it named some
 *  players rather than all. */
function checkRecheck(models: SessionModel[]): number {
  let partial = 0;
  for (let i = 1; i < models.length; i++) {
    const before = models[i - 1] as SessionModel;
    const after = models[i] as SessionModel;
    const recheck = playersToRecheck(before, after);
    if (recheck === null) continue;
    partial += 1;
    for (const playerId of Object.keys({ ...before.players, ...after.players })) {
      if (recheck.has(playerId)) continue;
      const seat: Seat = { role: "player", playerId };
      expect(sameInputs(seatViewInputs(before, seat), seatViewInputs(after, seat))).toBe(true);
    }
  }
  return partial;
}
