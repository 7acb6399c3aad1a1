/**
 * Plays a whole session through real SDK clients: a facilitator, a screen and 3 teams × 3
 * players; each team answers right or wrong per step following a plan. Returns what the rules
 * say each team should have scored (computed with the pure scorer), for the tests to compare.
 */
import { isDeepStrictEqual } from "node:util";
import {
  type Answer,
  applyDraftEdit,
  type Pace,
  scoreAnswer,
  solutionAnswer,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { editsTo, wrongAnswer } from "./bot.ts";
import {
  api,
  type CreatedSession,
  createSession,
  draftJson,
  joinAsFacilitator,
  joinAsPlayer,
  joinAsScreen,
  type Seat,
  type ServerProcess,
} from "./harness.ts";

export type Plan = (teamIndex: number, stepIndex: number) => "right" | "wrong";

export interface PlayedTeam {
  id: string;
  name: string;
  members: Seat[];
  /** Expected score per step (pure scorer on the submitted draft). */
  scores: number[];
  /** Answer submitted per step. */
  answers: Answer[];
}

export interface PlayedSession {
  session: CreatedSession;
  facilitator: Seat;
  screen: Seat;
  teams: PlayedTeam[];
  players: Seat[];
}

export interface PlayHooks {
  /** Called when every team has submitted the step, before the facilitator reveals it. */
  beforeReveal?: (stepIndex: number, played: PlayedSession) => void | Promise<void>;
  /** Extra fields of the session creation body (e.g. `organisationKey`). */
  session?: object;
  /** Teams of 3 players (3 unless told). */
  teamCount?: number;
}

const parseDraft = (seat: Seat, stepId: string): Answer | undefined => {
  const team = seat.state.teams.find((t) => t.memberIds.includes(seat.playerId ?? ""));
  const json = draftJson(team?.work, stepId);
  return json ? (JSON.parse(json) as Answer) : undefined;
};

export async function setUpSession(
  server: ServerProcess,
  scenario: Scenario,
  pace: Pace,
  extra: object = {},
  teamCount = 3,
): Promise<PlayedSession> {
  const seated = teamCount * 3;
  const session = await createSession(server, {
    ...extra,
    scenarioId: scenario.id,
    organisation: "Département de la Gironde",
    pace,
    teamCount,
    teamSize: 3,
    options: { submissionRule: "majority", maxAttempts: 1, hintsEnabled: true },
  });
  const facilitator = await joinAsFacilitator(server, session.code, session.facilitatorKey);
  const screen = await joinAsScreen(server, session.code);
  const players: Seat[] = [];
  for (let i = 0; i < seated; i++) players.push(await joinAsPlayer(server, session.code, `Joueur ${i + 1}`));
  await facilitator.waitFor(
    () => facilitator.state.teams.reduce((n, t) => n + t.memberIds.length, 0) === seated,
    `${seated} seated players`,
  );
  const teams: PlayedTeam[] = facilitator.state.teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: players.filter((p) => t.memberIds.includes(p.playerId ?? "")),
    scores: [],
    answers: [],
  }));
  return { session, facilitator, screen, teams, players };
}

/** One team works on a step: edits towards its target, proposes, a teammate approves. */
async function playStep(scenario: Scenario, team: PlayedTeam, stepIndex: number, kind: "right" | "wrong") {
  const step = scenario.steps[stepIndex];
  if (!step) throw new Error("no step");
  const [editor, approver] = team.members;
  if (!editor || !approver) throw new Error("team too small");
  await editor.waitFor(() => parseDraft(editor, step.id) !== undefined, `draft of ${step.id}`);
  const initial = parseDraft(editor, step.id) as Answer;
  const target = kind === "right" ? solutionAnswer(step) : wrongAnswer(step, initial);
  const edits = editsTo(step, initial, target);
  let expected: Answer = initial;
  for (const edit of edits) {
    const next = applyDraftEdit(step, expected, edit);
    if (!next) throw new Error(`bot edit refused locally: ${JSON.stringify(edit)}`);
    expected = next;
    editor.send("edit", { stepId: step.id, edit });
  }
  // Every teammate sees the same draft.
  for (const member of team.members) {
    await member.waitFor(
      () => isDeepStrictEqual(parseDraft(member, step.id), expected),
      `${step.id} draft synced`,
    );
  }
  const teamState = () => approver.state.teams.find((t) => t.id === team.id);
  editor.send("propose", { stepId: step.id });
  await approver.waitFor(() => teamState()?.proposal?.stepId === step.id, "proposal");
  approver.send("approve", { stepId: step.id, proposalId: teamState()?.proposal?.id ?? "" });
  await approver.waitFor(() => (teamState()?.steps[stepIndex]?.attempts ?? 0) === 1, "attempt");
  team.answers[stepIndex] = expected;
  team.scores[stepIndex] = scoreAnswer(step, expected).score;
}

export async function playSession(
  server: ServerProcess,
  scenario: Scenario,
  pace: Pace,
  plan: Plan,
  hooks: PlayHooks = {},
): Promise<PlayedSession> {
  const played = await setUpSession(server, scenario, pace, hooks.session, hooks.teamCount);
  const { facilitator, teams } = played;
  facilitator.send("start", {});
  await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");

  for (let stepIndex = 0; stepIndex < scenario.steps.length; stepIndex++) {
    await Promise.all(teams.map((team, t) => playStep(scenario, team, stepIndex, plan(t, stepIndex))));
    await hooks.beforeReveal?.(stepIndex, played);
    if (pace === "facilitator") {
      facilitator.send("reveal", {});
      await facilitator.waitFor(
        () => facilitator.state.teams.every((t) => t.steps[stepIndex]?.revealed),
        `step ${stepIndex} revealed`,
      );
      facilitator.send("next", {});
      await facilitator.waitFor(
        () =>
          stepIndex + 1 < scenario.steps.length
            ? facilitator.state.currentStep === stepIndex + 1
            : facilitator.state.phase === "debrief",
        "next step",
      );
    } else {
      for (const team of teams) {
        const member = team.members[0] as Seat;
        await member.waitFor(
          () => member.state.teams.find((t) => t.id === team.id)?.steps[stepIndex]?.status === "closed",
          "step closed",
        );
        member.send("advance", { stepId: scenario.steps[stepIndex]?.id });
      }
      if (stepIndex + 1 < scenario.steps.length) {
        await facilitator.waitFor(
          () => facilitator.state.teams.every((t) => t.stepIndex === stepIndex + 1),
          "teams advanced",
        );
      }
    }
  }
  await facilitator.waitFor(() => facilitator.state.phase === "debrief", "debrief");
  return played;
}

/**
 * A fresh install's organisation (created by its first facilitator) whose one programme, « infolab »,
 * plays `exemple` towards the Découverte level of `competence`; then a session of `exemple` played
 * inside it, everything right. Returns the admin key and the played session.
 */
export async function playInOrganisation(
  server: ServerProcess,
  exemple: Scenario,
  competence: string,
): Promise<{ adminKey: string; played: PlayedSession }> {
  const organisation = await api<{ adminKey: string }>(server, "/api/organisations", {
    method: "POST",
    json: { name: "Département de la Gironde" },
  });
  const adminKey = organisation.body.adminKey;
  const programmes = [
    {
      id: "infolab",
      title: "Infolab",
      scenarios: ["exemple"],
      targets: [{ competence, level: "decouverte" }],
    },
  ];
  const set = await api(server, "/api/organisation/programmes", {
    method: "PUT",
    headers: { authorization: `Bearer ${adminKey}` },
    json: { programmes },
  });
  if (set.status !== 200) throw new Error(`programmes: ${set.status} ${set.text}`);
  const played = await playSession(server, exemple, "facilitator", () => "right", {
    session: { organisationKey: adminKey },
  });
  return { adminKey, played };
}

export async function leaveAll(played: PlayedSession): Promise<void> {
  await Promise.all([played.facilitator, played.screen, ...played.players].map((s) => s.leave()));
}

/** The synced state as the facilitator sees it, connections and clock aside: what must survive a
 *  restart. */
export function comparableState(seat: Seat) {
  const json = seat.state.toJSON() as Record<string, unknown> & {
    players: Record<string, { connected?: boolean }>;
  };
  delete json.serverNow;
  delete json.facilitatorConnected;
  delete json.connectedPlayers; // presence, like each player's `connected`
  for (const player of Object.values(json.players)) delete player.connected;
  return json;
}
