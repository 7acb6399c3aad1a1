/**
 * Operating (issue 15): the structured log of a full session names the session and the players on
 * room lines, and holds none of its secrets: the operator's creation key, the facilitator key (sent
 * as a header and as `?key=`), seat keys (used to rejoin and in `?seatKey=`), reconnection tokens.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api, joinAsFacilitator, joinAsPlayer, sdkClient } from "./harness.ts";
import { logLines } from "./log-lines.ts";
import { leaveAll, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const scenario = loadCatalog("scenarios").scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");
const CREATE_KEY = "cle-operateur-qui-ne-doit-pas-fuiter";
const running = useServerProcess({ CREATE_KEY, LOG_LEVEL: "debug" });

describe("the log of a full session", () => {
  it("names sessions and players and holds no secret", async () => {
    const played = await playSession(running.server, scenario, "facilitator", () => "right");
    const { session } = played;
    const secrets = [CREATE_KEY, session.facilitatorKey];
    for (const player of played.players) {
      secrets.push(player.seatKey ?? "missing seat key", player.room.reconnectionToken);
    }
    // Every way a secret travels: query strings, headers, join options, reconnection.
    const [ana, bruno] = played.players;
    if (!ana?.seatKey || !bruno) throw new Error("players missing");
    await api(running.server, `/api/sessions/${session.code}/results?key=${session.facilitatorKey}`);
    await api(running.server, `/api/sessions/${session.code}/results`, {
      headers: { authorization: `Bearer ${session.facilitatorKey}` },
    });
    await api(
      running.server,
      `/api/sessions/${session.code}/attestations/${ana.playerId}?seatKey=${ana.seatKey}`,
    );
    await expect(
      joinAsFacilitator(running.server, session.code, "mauvaise-cle-secrete"),
    ).rejects.toBeDefined();
    secrets.push("mauvaise-cle-secrete");
    const phone = await joinAsPlayer(running.server, session.code, "Ana", { seatKey: ana.seatKey });
    const token = bruno.room.reconnectionToken;
    bruno.closeTab();
    const back = await sdkClient(running.server).reconnect(token);
    await leaveAll(played);
    await phone.leave();
    await back.leave();
    await running.server.stop();

    const log = running.server.output();
    for (const secret of secrets) expect(log).not.toContain(secret);
    const roomLines = logLines(running.server).filter((l) => l.session === session.code);
    expect(roomLines.some((l) => l.player === ana.playerId)).toBe(true);
  });
});
