/**
 * `npm run dev`: the real server with Vite in middleware mode on the same port (hot reload of the
 * client), plus the designer preview (`/preview/<scenario-id>`): the full scenario with solutions
 * and live reload on file save are served here only, never by `npm start`.
 * Environment: as server/main.ts, plus VITE_HMR_PORT (Vite's hot-reload socket, default 24678;
 * "off" disables hot reload).
 */
import { createServer } from "vite";
import { startServer } from "./app.ts";
import { printWhereToGo } from "./banner.ts";
import { configFromEnv } from "./config.ts";
import { PREVIEW_PATH, type PreviewRouter, previewRouter } from "./dev/preview.ts";
import { logger } from "./log.ts";

const config = configFromEnv();
const hmrPort = process.env.VITE_HMR_PORT;
const vite = await createServer({
  configFile: "vite.config.ts",
  server: { middlewareMode: true, hmr: hmrPort === "off" ? false : { port: Number(hmrPort) || 24678 } },
  appType: "spa",
});
let preview: PreviewRouter | undefined;
const running = await startServer(config, {
  serveClient: false,
  dev: true,
  beforeClient: (app, { catalogWatcher }) => {
    preview = previewRouter(config.scenariosDir, catalogWatcher);
    app.use(PREVIEW_PATH, preview.router);
    app.use(vite.middlewares);
  },
});
printWhereToGo(running.port, config.host);
logger.info(`Prévisualisation des scénarios : http://localhost:${running.port}/preview/<identifiant>`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  preview?.close();
  await vite.close();
  await running.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
