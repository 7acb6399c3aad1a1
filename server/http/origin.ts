/**
 * The origins put in links. Join links and QR codes need an address the players' phones can reach;
 * links meant to last (attestation verification, Open Badges) need `PUBLIC_URL`.
 */
import { networkInterfaces } from "node:os";
import type { Request } from "express";

/** Non-internal IPv4 addresses of this machine (the LAN addresses players can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === "IPv4" && !i.internal)
    .map((i) => (i as { address: string }).address);
}

/** What links are built from: PUBLIC_URL, and the address the server listens on (HOST). */
export interface LinkConfig {
  publicUrl: string | undefined;
  /** Bind address; undefined = all interfaces. */
  host: string | undefined;
}

/** Where players can reach the server; `loopbackOnly` when no address but this machine's own exists. */
export interface Reach {
  origin: string;
  loopbackOnly: boolean;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/i;
const ALL_INTERFACES = new Set([undefined, "", "0.0.0.0", "::"]);

/**
 * PUBLIC_URL when set; else the address the request came through, unless it is a loopback one
 * (the facilitator on `localhost`): then this machine's network address when the server listens on
 * every interface, else the loopback address itself, flagged `loopbackOnly` (phones cannot join).
 */
export function reachFrom(
  request: { protocol: string; host: string },
  config: LinkConfig,
  lan: string[] = lanAddresses(),
): Reach {
  if (config.publicUrl) return { origin: config.publicUrl, loopbackOnly: false };
  const requestOrigin = `${request.protocol}://${request.host}`;
  const match = request.host.match(/^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/);
  const hostname = match?.[1] ?? request.host;
  const port = match?.[2];
  if (!LOOPBACK.test(hostname)) return { origin: requestOrigin, loopbackOnly: false };
  const network = ALL_INTERFACES.has(config.host) ? lan[0] : undefined;
  if (network)
    return { origin: `${request.protocol}://${network}${port ? `:${port}` : ""}`, loopbackOnly: false };
  return { origin: requestOrigin, loopbackOnly: true };
}

/** Where players can reach the server, for join links and QR codes. */
export function joinReach(req: Request, config: LinkConfig): Reach {
  return reachFrom({ protocol: req.protocol, host: req.get("host") ?? "localhost" }, config);
}

/** The origin of links meant to last: PUBLIC_URL, else the best address now (the console warns). */
export function lastingOrigin(req: Request, config: LinkConfig): string {
  return config.publicUrl ?? joinReach(req, config).origin;
}
