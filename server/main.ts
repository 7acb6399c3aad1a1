/**
 * `npm start`: builds the client when dist/client is missing, starts the server (embedded SQLite
 * store by default) and prints where to go. Environment: PORT (2567), HOST (all interfaces),
 * DATABASE_PATH (data/datatruc.sqlite) or DATABASE_URL (postgres://…), PUBLIC_URL,
 * SKIP_CLIENT_BUILD=1 (tests).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./app.ts";
import { printWhereToGo } from "./banner.ts";
import { configFromEnv } from "./config.ts";
import { logger } from "./log.ts";
import { CatalogError } from "./scenarios.ts";

async function ensureClientBuilt(clientDir: string): Promise<void> {
  if (existsSync(join(clientDir, "index.html")) || process.env.SKIP_CLIENT_BUILD === "1") return;
  logger.info("Construction du client (première fois)…");
  const { build } = await import("vite");
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
}

async function main(): Promise<void> {
  const config = configFromEnv();
  await ensureClientBuilt(config.clientDir);
  const running = await startServer(config);
  printWhereToGo(running.port, config.host);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((error) => logger.error({ err: error }, "stop failed"));
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  if (error instanceof CatalogError) {
    logger.fatal(`Impossible de démarrer : un fichier de scénario est invalide.\n${error.message}`);
  } else {
    logger.fatal({ err: error }, "Impossible de démarrer le serveur");
  }
  process.exit(1);
});
