import { describe, expect, it } from "vitest";
import { readSessionOptions } from "./create-options.ts";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe("readSessionOptions", () => {
  it("reads the route: short when chosen, absent (full) otherwise", () => {
    expect(readSessionOptions(form({ route: "short" })).route).toBe("short");
    expect(readSessionOptions(form({ route: "full" })).route).toBeUndefined();
    expect(readSessionOptions(form({})).route).toBeUndefined();
  });

  it("reads a café setup", () => {
    expect(
      readSessionOptions(
        form({
          pace: "facilitator",
          teamCount: "3",
          teamSize: "4",
          submissionRule: "majority",
          maxAttempts: "2",
          stepMinutes: "",
          hintsEnabled: "on",
        }),
      ),
    ).toEqual({
      pace: "facilitator",
      teamCount: 3,
      teamSize: 4,
      submissionRule: "majority",
      maxAttempts: 2,
      stepTimeSeconds: null,
      sessionTimeSeconds: null,
      hintsEnabled: true,
      lockAfterStart: false,
      playersChooseTeam: false,
    });
  });

  it("reads a hackathon setup with timers in minutes", () => {
    const options = readSessionOptions(
      form({
        pace: "team",
        teamCount: "auto",
        teamSize: "5",
        submissionRule: "unanimous",
        maxAttempts: "3",
        stepMinutes: "4",
        sessionMinutes: "90",
        playersChooseTeam: "on",
      }),
    );
    expect(options).toMatchObject({
      pace: "team",
      teamCount: "auto",
      stepTimeSeconds: 240,
      sessionTimeSeconds: 5400,
      hintsEnabled: false,
      playersChooseTeam: true,
    });
  });
});
