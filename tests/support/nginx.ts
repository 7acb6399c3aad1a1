/**
 * Debian's nginx run by a test on loopback with the configuration of docs/deploy.md, as written there
 * (only the listen address, the upstream ports and the TLS lines are adapted), in front of two
 * Datatruc processes: `/p1/` and `/p2/` are their WebSocket paths (`PUBLIC_ADDRESS`).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./services.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export const hasNginx = spawnSync("nginx", ["-v"]).status === 0;

export interface NginxPorts {
  listen: number;
  p1: number;
  p2: number;
}

/** Free loopback ports for nginx and its two upstream processes. */
export async function nginxPorts(): Promise<NginxPorts> {
  return { listen: await freePort(), p1: await freePort(), p2: await freePort() };
}

/** The ```nginx block of docs/deploy.md, for loopback: its ports, no TLS. */
export function deployNginxConfig(ports: NginxPorts): string {
  const doc = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
  const block = doc.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error("docs/deploy.md has no nginx block");
  return block
    .replace("listen 443 ssl;", `listen 127.0.0.1:${ports.listen};`)
    .replace(/^\s*ssl_certificate.*$/gm, "")
    .replaceAll("2561", String(ports.p1))
    .replaceAll("2562", String(ports.p2));
}

/** The `PUBLIC_ADDRESS` of process `index` (1 or 2) behind this nginx. */
export const publicAddress = (ports: NginxPorts, index: 1 | 2) => `127.0.0.1:${ports.listen}/p${index}`;

/** Starts nginx with the guide's configuration (prefix and temp paths in `dir`); resolves once it
 *  answers `/healthz` through an upstream. */
export async function startDeployNginx(
  dir: string,
  ports: NginxPorts,
): Promise<{ url: string; stop(): Promise<void> }> {
  const prefix = join(dir, "nginx");
  mkdirSync(join(prefix, "logs"), { recursive: true });
  writeFileSync(
    join(prefix, "nginx.conf"),
    `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n${deployNginxConfig(ports)}\n}\n`,
  );
  const nginx = spawn("nginx", ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], {
    stdio: "inherit",
  });
  process.once("exit", () => nginx.kill("SIGKILL"));
  const url = `http://127.0.0.1:${ports.listen}`;
  for (let i = 0; i < 300 && (await fetch(`${url}/healthz`).catch(() => null))?.status !== 200; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (nginx.exitCode !== null) return resolve();
        nginx.once("exit", () => resolve());
        nginx.kill("SIGTERM");
      }),
  };
}
