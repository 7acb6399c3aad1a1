/** The origin put in join, screen and verify links: reachable from the players' phones. */
import { networkInterfaces } from "node:os";
import type { Request } from "express";

/** Non-internal IPv4 addresses of this machine (the LAN addresses players can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === "IPv4" && !i.internal)
    .map((i) => (i as { address: string }).address);
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** PUBLIC_URL when set; else the request's host, with a loopback host replaced by the LAN address. */
export function publicOrigin(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = req.get("host") ?? "localhost";
  const match = host.match(/^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/);
  const hostname = match?.[1] ?? host;
  const port = match?.[2];
  if (LOOPBACK.test(hostname)) {
    const lan = lanAddresses()[0];
    if (lan) return `${req.protocol}://${lan}${port ? `:${port}` : ""}`;
  }
  return `${req.protocol}://${host}`;
}
