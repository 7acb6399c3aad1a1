/**
 * The satisfaction questionnaire over a real server: closed before the end; each seat answers once
 * (a second answer gets a clear French error and changes nothing); another's seat key is refused;
 * the facilitator reads an anonymous tally equal to the answers given.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { tallyQuestionnaire } from "../../shared/questionnaire.ts";
import { api } from "./harness.ts";
import { leaveAll, setUpSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const exemple = loadCatalog("scenarios").scenarios.get("exemple");
if (!exemple) throw new Error("scenarios/exemple.json is missing");
const ctx = useServerProcess();
type ApiError = { error: { code: string; message: string } };

describe("the satisfaction questionnaire", () => {
  it("is answered once per seat, anonymously, at the end of the session", async () => {
    const { server } = ctx;
    const played = await setUpSession(server, exemple, "facilitator");
    const { facilitator, players, session } = played;
    const seat = (i: number) => {
      const p = players[i];
      if (!p?.playerId || !p.seatKey) throw new Error("seat");
      return { playerId: p.playerId, seatKey: p.seatKey };
    };
    const path = `/api/sessions/${session.code}/questionnaire`;
    const post = (json: object) => api<ApiError>(server, path, { method: "POST", json });

    const early = await post({ ...seat(0), found: "tout-a-fait" });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe("Le questionnaire s'ouvre à la fin de la session.");

    facilitator.send("start", {});
    await facilitator.waitFor(() => facilitator.state.phase === "playing", "playing");
    facilitator.send("end", {});
    await facilitator.waitFor(() => facilitator.state.phase === "ended", "ended");

    const answers = [
      { found: "tout-a-fait", motivation: "culture-generale", heard: "intranet", comment: "Très concret." },
      { found: "suffisamment", motivation: "projet-precis", heard: "bouche-a-oreille" },
      { found: "au-dela", heard: "hierarchie" },
      { comment: "Plus de temps pour le débrief, svp." },
    ] as const;
    for (const [i, answer] of answers.entries())
      expect((await post({ ...seat(i), ...answer })).status).toBe(201);

    // Answered twice: a clear French error, the first answer kept.
    const twice = await post({ ...seat(0), found: "pas-vraiment" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/^Vous avez déjà répondu au questionnaire de cette session/);
    // Someone else's seat key, an empty answer, an unknown option: refused.
    expect(
      (await post({ playerId: seat(5).playerId, seatKey: seat(6).seatKey, found: "un-peu" })).status,
    ).toBe(403);
    expect((await post({ ...seat(5) })).status).toBe(400);
    expect((await post({ ...seat(5), found: "bof" })).status).toBe(400);

    const key = { authorization: `Bearer ${session.facilitatorKey}` };
    expect((await api(server, path)).status).toBe(401);
    const tally = await api<ReturnType<typeof tallyQuestionnaire>>(server, path, { headers: key });
    expect(tally.body).toEqual(tallyQuestionnaire([...answers]));
    expect(tally.body.found).toMatchObject({
      "tout-a-fait": 1,
      suffisamment: 1,
      "au-dela": 1,
      "pas-vraiment": 0,
    });
    // Anonymous: no player id nor name anywhere in the tally.
    for (const p of players) expect(tally.text).not.toContain(p.playerId ?? "?");
    expect(tally.text).not.toContain("Joueur");
    await leaveAll(played);
  }, 120_000);
});
