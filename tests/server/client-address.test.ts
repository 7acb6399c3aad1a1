/**
 * The per-address join limit counts the address the client really connects from (issue 15 finding
 * 2): forwarding headers count only from a trusted proxy (loopback, as express's `trust proxy`);
 * `X-Real-IP` or `X-Client-IP` written by a client, or the client-written start of
 * `X-Forwarded-For`, give no fresh allowance. Real server process, real SDK clients.
 */
import type { IncomingMessage } from "node:http";
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../server/http/client-address.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol.ts";
import { api, createSession } from "./harness.ts";
import { useServerProcess } from "./use-server.ts";

const JOIN_LIMIT = 3;
const ctx = useServerProcess({ JOIN_LIMIT: String(JOIN_LIMIT) });

const request = (remoteAddress: string, headers: Record<string, string>) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("the client's address", () => {
  it("believes forwarding headers only through trusted (loopback) proxies", () => {
    // A client on the network: whatever it writes, its own address.
    const direct = { "x-forwarded-for": "10.0.0.1", "x-real-ip": "10.0.0.2", "x-client-ip": "10.0.0.3" };
    expect(clientAddress(request("198.51.100.7", direct))).toBe("198.51.100.7");
    // Through nginx on the same host, which appends the address it sees to what the client wrote.
    expect(clientAddress(request("127.0.0.1", { "x-forwarded-for": "10.0.0.1, 198.51.100.7" }))).toBe(
      "198.51.100.7",
    );
    expect(clientAddress(request("127.0.0.1", { "x-real-ip": "10.0.0.2" }))).toBe("127.0.0.1");
  });

  it("counts a client's joins against its address whatever address headers it sends", async () => {
    const created = await createSession(ctx.server, { scenarioId: "exemple", teamCount: 1, teamSize: 12 });
    const info = await api<{ roomId: string }>(ctx.server, `/api/sessions/${created.code}`);
    /** Joins with its own forged headers (on the matchmaking request and the WebSocket upgrade). */
    const join = (index: number) =>
      new Client(ctx.server.url, {
        headers: { "x-real-ip": `10.9.0.${index}`, "x-client-ip": `10.8.0.${index}` },
      }).joinById(info.body.roomId, {
        as: "player",
        protocol: PROTOCOL_VERSION,
        code: created.code,
        name: `Joueur ${index}`,
      });
    const rooms = [];
    for (let i = 0; i < JOIN_LIMIT; i++) rooms.push(await join(i));
    await expect(join(JOIN_LIMIT)).rejects.toThrow("rate-limited");
    await Promise.all(rooms.map((room) => room.leave(true)));
  });
});
