/**
 * Leak test: a player's client records every frame, message and state it receives during a whole
 * facilitator-paced session. Before a step is revealed, nothing of its solution, explanation,
 * feedback or hint texts may appear; another role's private material never appears; another
 * team's work never appears. After the reveal, the explanation does arrive (the check can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { revealFeedback } from "../../shared/puzzles/registry.ts";
import { privateMaterialsFor, solutionAnswer, toPublicScenario } from "../../shared/rules/index.ts";
import type { Material, Step } from "../../shared/scenario/schema.ts";
import { type Seat, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";
import { leaveAll, type PlayedSession, playSession } from "./play.ts";

const scenario = loadCatalog("scenarios").scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");
const publicText = JSON.stringify(toPublicScenario(scenario));

/** Long enough to be meaningful, and not something the public scenario shows anyway. */
const secret = (text: string | undefined): text is string =>
  !!text && text.length >= 8 && !publicText.includes(text);

function materialTexts(material: Material): string[] {
  if (material.kind === "text") return [material.body];
  if (material.kind === "table")
    return [material.rows.map((r) => r.join(" ")).join(" ")].filter((t) => t.length > 20);
  return [material.alt];
}

/** Every string inside a value (the solution's expected values, examples, rules…). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Strings only the solution side of a step contains, for every puzzle type: the explanation, the hints,
 *  the feedback texts written in the scenario, and the solution's own texts the public step does not show. */
function solutionSecrets(step: Step): string[] {
  const texts: (string | undefined)[] = [
    step.explanation.text,
    ...step.hints.map((h) => h.text),
    ...Object.values(revealFeedback(step)),
    ...strings(step.solution),
  ];
  const answer = JSON.stringify(solutionAnswer(step));
  return [...new Set(texts.filter(secret))].filter((t) => t.length >= 4 || answer.includes(t));
}

/** True when `text` appears in what was received, raw or JSON-escaped once or twice (state fields
 *  carry JSON strings). */
function holds(received: string, text: string): boolean {
  const once = JSON.stringify(text).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  return received.includes(text) || received.includes(once) || received.includes(twice);
}

let server: ServerProcess;
const dir = tempDir();
let played: PlayedSession;
let spy: Seat;
const failures: string[] = [];
let checkedSecrets = 0;

/** Feedback messages on the seat's own team's attempts: a team reads them after each attempt, by design. */
function ownFeedback(seat: Seat): Set<string> {
  const team = seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));
  const texts = new Set<string>();
  for (const attempt of team?.work?.attempts ?? []) {
    for (const item of JSON.parse(attempt.feedback) as { message?: string }[]) {
      if (item.message) texts.add(item.message);
    }
  }
  return texts;
}

/** Waits until the seat has received its own team's attempt on the step (so the scan is not a race). */
async function ownAttemptArrived(seat: Seat, stepId: string): Promise<void> {
  await seat.waitFor(() => {
    const team = seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));
    return (team?.work?.attempts ?? []).some((a) => a.stepId === stepId);
  }, `own attempt on ${stepId}`);
}

function scan(seat: Seat, stepIndex: number): void {
  const received = seat.everything();
  const legitimate = ownFeedback(seat);
  for (const step of scenario?.steps.slice(stepIndex) ?? []) {
    for (const text of solutionSecrets(step)) {
      if (legitimate.has(text)) continue;
      checkedSecrets++;
      if (holds(received, text)) failures.push(`${seat.label} saw "${text}" of ${step.id} before its reveal`);
    }
    if (seat.revealed().some((r) => r.stepId === step.id))
      failures.push(`${seat.label} got ${step.id} revealed early`);
  }
}

beforeAll(async () => {
  server = await startServerProcess(`${dir.path}/db.sqlite`);
  // Team 0 answers right (its drafts hold solution values), team 1 wrong: the spy sits in team 1.
  played = await playSession(server, scenario, "facilitator", (team) => (team === 0 ? "right" : "wrong"), {
    beforeReveal: async (stepIndex, session) => {
      spy ??= session.teams[1]?.members[0] as Seat;
      await ownAttemptArrived(spy, scenario.steps[stepIndex]?.id ?? "");
      scan(spy, stepIndex);
      scan(session.screen, stepIndex);
    },
  });
}, 120_000);
afterAll(async () => {
  if (played) await leaveAll(played);
  await server?.stop();
  dir.remove();
});

describe("what a player's client receives", () => {
  it("holds no solution, explanation, feedback or hint text before each reveal", () => {
    expect(checkedSecrets).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it("receives each step's explanation once it is revealed (the check can see secrets)", () => {
    const received = spy.everything();
    for (const step of scenario.steps) {
      expect(spy.revealed().some((r) => r.stepId === step.id)).toBe(true);
      expect(holds(received, step.explanation.text)).toBe(true);
    }
  });

  it("never holds another role's private materials, even after the reveals", () => {
    const roleId = spy.state.players.get(spy.playerId ?? "")?.roleId ?? null;
    const own = new Set(Object.values(privateMaterialsFor(scenario, roleId)).flat().flatMap(materialTexts));
    const received = spy.everything();
    let checked = 0;
    for (const role of scenario.roles) {
      if (role.id === roleId) continue;
      for (const material of Object.values(privateMaterialsFor(scenario, role.id)).flat()) {
        for (const text of materialTexts(material).filter((t) => secret(t) && !own.has(t))) {
          checked++;
          expect(holds(received, text), `${material.id} (${role.id}) reached a ${roleId}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Its own role's materials did arrive.
    const mine = [...own].filter(secret);
    expect(mine.length).toBeGreaterThan(0);
    for (const text of mine) expect(holds(received, text), text).toBe(true);
  });

  it("never holds another team's work", () => {
    const myTeam = spy.state.players.get(spy.playerId ?? "")?.teamId;
    for (const team of spy.state.teams) {
      if (team.id === myTeam) expect(team.work).toBeDefined();
      else expect(team.work).toBeUndefined();
    }
    for (const team of played.screen.state.teams) expect(team.work).toBeUndefined();
  });
});
