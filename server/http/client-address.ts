/**
 * The address a client connects from, one rule for HTTP and WebSocket: forwarding headers count only
 * as far as they come through trusted proxies (loopback: nginx on the same host, docs/deploy.md), as
 * express's `trust proxy` does. Colyseus builds a room's join context from `X-Real-IP`,
 * `X-Forwarded-For` (its first, client-written entry) or `X-Client-IP`, whoever sent them: a client
 * could then give itself a fresh per-address join allowance with each join. `pinClientAddress`
 * rewrites a WebSocket upgrade's headers first, so that rooms see this address only.
 */
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/** Which proxies are trusted to say who the client is (express's `trust proxy` setting). */
export const TRUST_PROXY = "loopback";
const trusted = proxyaddr.compile(TRUST_PROXY);

export function clientAddress(req: IncomingMessage): string {
  return proxyaddr(req, trusted);
}

/** Leaves `X-Real-IP` = the client's address, and no other forwarding header, on `req`. */
export function pinClientAddress(req: IncomingMessage): void {
  const address = clientAddress(req);
  delete req.headers["x-forwarded-for"];
  delete req.headers["x-client-ip"];
  req.headers["x-real-ip"] = address;
}
