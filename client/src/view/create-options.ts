/** Reads the "new session" form into SessionOptions (pure: FormData in, options out). */
import type { SessionOptions, SubmissionRule } from "../../../shared/rules/model.ts";

function numberOr(value: FormDataEntryValue | null, fallback: number): number {
  const n = Number(value);
  return value !== null && String(value).trim() !== "" && Number.isFinite(n) ? n : fallback;
}

function minutesOrNull(value: FormDataEntryValue | null): number | null {
  const minutes = numberOr(value, 0);
  return minutes > 0 ? Math.round(minutes * 60) : null;
}

export function readSessionOptions(data: FormData): SessionOptions {
  const teamCount = String(data.get("teamCount") ?? "auto");
  const rule = String(data.get("submissionRule") ?? "majority");
  return {
    pace: data.get("pace") === "team" ? "team" : "facilitator",
    teamCount: teamCount === "auto" ? "auto" : Math.max(1, numberOr(teamCount, 1)),
    teamSize: Math.max(1, numberOr(data.get("teamSize"), 4)),
    submissionRule: (["any", "majority", "unanimous"].includes(rule) ? rule : "majority") as SubmissionRule,
    maxAttempts: Math.max(1, numberOr(data.get("maxAttempts"), 2)),
    stepTimeSeconds: minutesOrNull(data.get("stepMinutes")),
    sessionTimeSeconds: minutesOrNull(data.get("sessionMinutes")),
    hintsEnabled: data.get("hintsEnabled") === "on",
    lockAfterStart: data.get("lockAfterStart") === "on",
    playersChooseTeam: data.get("playersChooseTeam") === "on",
    ...(data.get("route") === "short" ? { route: "short" as const } : {}),
  };
}
