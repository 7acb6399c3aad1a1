/**
 * `npm run dev`: the same server with Vite in middleware mode (hot reload of the client) instead of
 * the built files. The client engineer may refine the Vite part.
 */
import { startServer } from "./app.ts";
import { printWhereToGo } from "./banner.ts";
import { configFromEnv } from "./config.ts";

const config = configFromEnv();
const { createServer } = await import("vite");
const vite = await createServer({
  configFile: "vite.config.ts",
  server: { middlewareMode: true },
  appType: "spa",
});
const running = await startServer(config, {
  serveClient: false,
  beforeClient: (app) => {
    app.use(vite.middlewares);
  },
});
printWhereToGo(running.port, config.host);
const stop = async () => {
  await vite.close();
  await running.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
