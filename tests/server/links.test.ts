/**
 * Links (issue 9 item 1, issue 15 finding 7): join links use an address players can reach, links
 * meant to last (verification, Open Badges) use PUBLIC_URL, and the session answer tells the console
 * what to warn about; seat keys never travel in URLs (they reach access logs).
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { api, type ServerProcess } from "./harness.ts";
import { leaveAll, playSession } from "./play.ts";
import { useServerProcess } from "./use-server.ts";

const scenario = loadCatalog("scenarios").scenarios.get("exemple");
if (!scenario) throw new Error("scenarios/exemple.json is missing");

interface SessionInfo {
  joinUrl: string;
  links: { loopbackOnly: boolean; publicUrl: boolean };
}

/** Plays a short session to the end; returns its code, one player's attestation and its badge. */
async function attestationOf(server: ServerProcess) {
  const played = await playSession(
    server,
    scenario as NonNullable<typeof scenario>,
    "facilitator",
    () => "right",
  );
  const player = played.teams[0]?.members[0];
  const path = `/api/sessions/${played.session.code}/attestations/${player?.playerId}`;
  const inUrl = await api(server, `${path}?seatKey=${player?.seatKey}`);
  const inHeader = await api<{ verifyUrl: string; verificationCode: string }>(server, path, {
    headers: { "x-seat-key": player?.seatKey ?? "" },
  });
  const badge = await api<{ id: string; badge: string }>(
    server,
    `/api/attestations/${inHeader.body.verificationCode}/badge`,
  );
  await leaveAll(played);
  return { played, inUrl, inHeader, badge };
}

describe("on a server bound to the loopback address, without PUBLIC_URL", () => {
  const ctx = useServerProcess({ PUBLIC_URL: "" });

  it("builds join links on the only address there is, and says that phones cannot reach it", async () => {
    const created = await api<{ code: string; joinUrl: string }>(ctx.server, "/api/sessions", {
      method: "POST",
      json: { scenarioId: "exemple" },
    });
    expect(created.body.joinUrl).toBe(`${ctx.server.url}/join/${created.body.code}`);
    const info = await api<SessionInfo>(ctx.server, `/api/sessions/${created.body.code}`);
    expect(info.body.joinUrl).toBe(`${ctx.server.url}/join/${created.body.code}`);
    expect(info.body.links).toEqual({ loopbackOnly: true, publicUrl: false });
  });

  it("takes the seat key from a header only, never from the URL", async () => {
    const { inUrl, inHeader } = await attestationOf(ctx.server);
    expect(inUrl.status).toBe(401);
    expect(inHeader.status).toBe(200);
    expect(inHeader.body.verifyUrl).toBe(`${ctx.server.url}/verify/${inHeader.body.verificationCode}`);
  });
});

describe("with PUBLIC_URL", () => {
  const publicUrl = "https://datatruc.example.fr";
  const ctx = useServerProcess({ PUBLIC_URL: publicUrl });

  it("uses it for join links and for every link meant to last", async () => {
    const { played, inHeader, badge } = await attestationOf(ctx.server);
    const info = await api<SessionInfo>(ctx.server, `/api/sessions/${played.session.code}`);
    expect(info.body.joinUrl).toBe(`${publicUrl}/join/${played.session.code}`);
    expect(info.body.links).toEqual({ loopbackOnly: false, publicUrl: true });
    expect(inHeader.body.verifyUrl).toBe(`${publicUrl}/verify/${inHeader.body.verificationCode}`);
    expect(badge.body.id.startsWith(`${publicUrl}/api/attestations/`)).toBe(true);
    expect(badge.body.badge.startsWith(`${publicUrl}/api/badges/`)).toBe(true);
  });
});
