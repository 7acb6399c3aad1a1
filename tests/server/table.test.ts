/**
 * The table's messages on a real server (issue 10): reaction tokens (`react`) are rules, kept in the
 * team's private work until taken back or until an edit changes that piece; hands (`focus`) are
 * relayed to teammates only, rate-limited, never kept. Bad input gets a French error and changes
 * nothing for anyone; the other team never sees either. A teammate's private documents are counted
 * in the player's own row (`hiddenCounts`), never shown.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ServerMessages } from "../../shared/protocol.ts";
import { flushPatches, type Seat, startedTeams, stateSnapshot } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

let facilitator: Seat;
let players: Seat[];
let a1: Seat;
let a2: Seat;
let b1: Seat;

const OPTION = "licence-ouverte";

const snapshot = () => stateSnapshot(facilitator);
const flush = () => flushPatches(facilitator);

/** A team's reactions on the licence step, as a seat's state shows them (none without the work). */
function reactionsSeenBy(
  seat: Seat,
  teamId: string,
): { pieceId: string; playerId: string; reaction: string }[] {
  const team = seat.state.teams.find((t) => t.id === teamId);
  const json = (team?.work as { reactions?: string } | undefined)?.reactions;
  if (!json) return [];
  return (
    (JSON.parse(json) as Record<string, { pieceId: string; playerId: string; reaction: string }[]>).licence ??
    []
  );
}

const focusesOf = (seat: Seat) =>
  seat.messages.filter((m) => m.type === "focus").map((m) => m.payload as ServerMessages["focus"]);

const running = useServerProcess({ FLOOD_BURST: "200", FLOOD_RATE: "100" });

beforeAll(async () => {
  let b2: Seat;
  ({ facilitator, a1, a2, b1, b2 } = await startedTeams(running.server, running.seats));
  players = [a1, a2, b1, b2];
});

describe("reaction tokens", () => {
  it("refuses bad reactions in French and changes nothing for anyone", async () => {
    const before = snapshot();
    const unknown = await a1.expectError(
      "react",
      { stepId: "licence", pieceId: "nope", reaction: "agree" },
      "unknown-piece",
    );
    expect(unknown.message).toBe("Cet élément n'est pas sur la table de cette étape.");
    // A private document is no piece of the table: pointing at it would tell the others it exists.
    await a1.expectError(
      "react",
      { stepId: "licence", pieceId: "fiche-jeu", reaction: "agree" },
      "unknown-piece",
    );
    const none = await a1.expectError(
      "react",
      { stepId: "licence", pieceId: OPTION, reaction: null },
      "no-reaction",
    );
    expect(none.message).toBe("Vous n'avez pas laissé de jeton sur cet élément.");
    await a1.expectError(
      "react",
      { stepId: "documents", pieceId: "etude", reaction: "agree" },
      "unknown-step",
    );
    await a1.expectError(
      "react",
      { stepId: "licence", pieceId: OPTION, reaction: "bravo" },
      "invalid-message",
    );
    await facilitator.expectError(
      "react",
      { stepId: "licence", pieceId: OPTION, reaction: "agree" },
      "not-player",
    );
    await flush();
    expect(snapshot()).toBe(before);
    for (const seat of [facilitator, ...players]) expect(seat.leftCode).toBeNull();
  });

  it("shows a token to the teammates only, until its author takes it back", async () => {
    const teamA = facilitator.state.teams[0]?.id ?? "";
    a1.send("react", { stepId: "licence", pieceId: OPTION, reaction: "question" });
    await a2.waitFor(() => reactionsSeenBy(a2, teamA).length === 1, "token seen by the teammate");
    expect(reactionsSeenBy(a2, teamA)[0]).toMatchObject({
      pieceId: OPTION,
      playerId: a1.playerId,
      reaction: "question",
    });
    // One token per player and piece: a new one replaces it.
    a1.send("react", { stepId: "licence", pieceId: OPTION, reaction: "agree" });
    await a2.waitFor(() => reactionsSeenBy(a2, teamA)[0]?.reaction === "agree", "token replaced");
    expect(reactionsSeenBy(a2, teamA)).toHaveLength(1);
    // The other team never receives team A's work, tokens included.
    await flush();
    expect(reactionsSeenBy(b1, teamA)).toEqual([]);
    expect(b1.everything()).not.toContain('"reaction":"agree"');
    a1.send("react", { stepId: "licence", pieceId: OPTION, reaction: null });
    await a2.waitFor(() => reactionsSeenBy(a2, teamA).length === 0, "token taken back");
  });

  it("settles a token when an edit changes that piece, and keeps the others", async () => {
    const teamA = facilitator.state.teams[0]?.id ?? "";
    const other = "odbl";
    a1.send("react", { stepId: "licence", pieceId: OPTION, reaction: "disagree" });
    a2.send("react", { stepId: "licence", pieceId: other, reaction: "question" });
    await a1.waitFor(() => reactionsSeenBy(a1, teamA).length === 2, "two tokens");
    a2.send("edit", { stepId: "licence", edit: { op: "toggle-option", optionId: OPTION } });
    await a1.waitFor(() => reactionsSeenBy(a1, teamA).length === 1, "token settled by the edit");
    expect(reactionsSeenBy(a1, teamA)[0]?.pieceId).toBe(other);
  });
});

describe("hands (focus)", () => {
  it("relays what a player holds to their teammates only, and refuses bad focus in French", async () => {
    const seenByB = focusesOf(b1).length;
    a1.send("focus", { stepId: "licence", pieceId: OPTION, gesture: "hold" });
    await a2.waitFor(
      () =>
        focusesOf(a2).some((f) => f.playerId === a1.playerId && f.pieceId === OPTION && f.gesture === "hold"),
      "teammate's hand",
    );
    const before = snapshot();
    const error = await a1.expectError(
      "focus",
      { stepId: "licence", pieceId: "nope", gesture: "edit" },
      "unknown-piece",
    );
    expect(error.message).toBe("Cet élément n'est pas sur la table de cette étape.");
    await a1.expectError("focus", { stepId: "licence", pieceId: OPTION, gesture: "wave" }, "invalid-message");
    await facilitator.expectError(
      "focus",
      { stepId: "licence", pieceId: OPTION, gesture: "hold" },
      "not-player",
    );
    await flush();
    // Presence is no state: nothing changed, the other team heard nothing, the sender no echo.
    expect(snapshot()).toBe(before);
    expect(focusesOf(b1).length).toBe(seenByB);
    expect(focusesOf(a1).filter((f) => f.playerId === a1.playerId)).toEqual([]);
  });

  it("relays a burst at a bounded rate, the latest focus last", async () => {
    const start = focusesOf(a2).length;
    const ids = [OPTION, "odbl", "cc-by-nc", "gpl"];
    const sent = Array.from({ length: 30 }, (_, i) => ids[i % ids.length] ?? OPTION);
    for (const pieceId of sent) a1.send("focus", { stepId: "licence", pieceId, gesture: "edit" });
    a1.send("focus", { stepId: "licence", pieceId: null, gesture: "edit" });
    await a2.waitFor(() => focusesOf(a2).at(-1)?.pieceId === null, "the last focus (none)");
    const received = focusesOf(a2).length - start;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(sent.length + 1);
  });
});

describe("documents a teammate holds", () => {
  it("tells a teammate how many documents they cannot read in their own row only, and shows the text to its reader only", async () => {
    type Row = { privateMaterials?: string; hiddenCounts?: string } | undefined;
    const row = (seat: Seat, playerId: string | null) => seat.state.players.get(playerId ?? "") as Row;
    const a2Hidden = JSON.parse(row(a2, a2.playerId)?.hiddenCounts ?? "{}") as Record<
      string,
      Record<string, number>
    >;
    expect(a2Hidden[a1.playerId ?? ""]?.licence).toBe(1);
    // Nobody else's row carries it: not the holder's as their teammate sees it, not another team's.
    expect(row(a2, a1.playerId)?.hiddenCounts ?? "").toBe("");
    expect(row(b1, a2.playerId)?.hiddenCounts ?? "").toBe("");
    // Only the holder's own view carries the document itself.
    expect(row(a1, a1.playerId)?.privateMaterials ?? "").not.toBe("");
    expect(row(a2, a1.playerId)?.privateMaterials ?? "").toBe("");
  });
});
