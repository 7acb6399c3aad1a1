/** What the server prints once listening: where to go, on this machine and on the LAN. */
import { lanAddresses } from "./http/origin.ts";
import { logger } from "./log.ts";

export function printWhereToGo(port: number, host: string | undefined): void {
  const local = `http://localhost:${port}`;
  logger.info(`Datatruc écoute sur le port ${port}.`);
  logger.info(`  Sur cet ordinateur : ${local}`);
  if (host === undefined || host === "0.0.0.0" || host === "::") {
    for (const address of lanAddresses()) logger.info(`  Sur le réseau local : http://${address}:${port}`);
  }
  // Machine-readable line for tests and scripts.
  logger.info(
    `listening on http://${host && host !== "0.0.0.0" && host !== "::" ? host : "127.0.0.1"}:${port}`,
  );
}
