/**
 * Builds and starts the whole server in one process and one port: Colyseus rooms (ws transport),
 * the HTTP API, and the built client.
 */
import "./zod-locale.ts";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { CloseCode, defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type express from "express";
import { MAX_FRAME_BYTES, ROOM_NAME } from "../shared/protocol.ts";
import { type CatalogWatcher, watchCatalog } from "./catalog-watch.ts";
import type { ServerConfig } from "./config.ts";
import { apiErrorHandler, apiRouter } from "./http/api.ts";
import { clientRouter } from "./http/client.ts";
import { pinClientAddress, TRUST_PROXY } from "./http/client-address.ts";
import { operationsRouter, type Readiness } from "./http/operations.ts";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security.ts";
import { studioRouter } from "./http/studio.ts";
import { logger } from "./log.ts";
import { GameRoom } from "./rooms/GameRoom.ts";
import { createLimits } from "./rooms/limits.ts";
import { setRoomServices } from "./rooms/services.ts";
import { type Catalog, loadCatalog } from "./scenarios.ts";
import { SessionService } from "./sessions.ts";
import { guardSockets } from "./socket-faults.ts";
import { Store } from "./store/store.ts";

/** What the hooks get from the running server. */
export interface AppServices {
  catalog: Catalog;
  /** Hot reload of `scenarios/`: subscribe to hear of each change. */
  catalogWatcher: CatalogWatcher;
}

export interface AppHooks {
  /** Extra express setup before the client is served (the dev server mounts Vite here). */
  beforeClient?: (app: express.Application, services: AppServices) => void | Promise<void>;
  /** Serve dist/client (default true). */
  serveClient?: boolean;
  /** The development server: the studio is open without a key and saving writes the files. */
  dev?: boolean;
}

/** In-process presence by default; Redis presence and driver when REDIS_URL is set. */
function scaling(config: ServerConfig) {
  if (!config.redisUrl) return {};
  return {
    presence: new RedisPresence(config.redisUrl),
    driver: new RedisDriver(config.redisUrl),
    publicAddress: config.publicAddress,
  };
}

/** Pings the Redis connection of the presence, when there is one (health check). */
function redisPing(presence: unknown): (() => Promise<unknown>) | undefined {
  const pub = (presence as { pub?: { ping(): Promise<unknown> } } | undefined)?.pub;
  return pub ? () => pub.ping() : undefined;
}

/** The WebSocket transport, its frames screened for client faults (server/socket-faults.ts), and each
 *  upgrade's client address pinned before Colyseus reads it (server/http/client-address.ts). */
function transport(): WebSocketTransport {
  const ws = new WebSocketTransport({ pingInterval: 10_000, pingMaxRetries: 3, maxPayload: MAX_FRAME_BYTES });
  guardSockets((ws as unknown as { wss: Parameters<typeof guardSockets>[0] }).wss, logger);
  (ws as unknown as { server: Server }).server.prependListener("upgrade", pinClientAddress);
  return ws;
}

function buildServer(
  config: ServerConfig,
  sessions: SessionService,
  hooks: AppHooks,
  readiness: () => Readiness,
  services: AppServices,
) {
  const scaled = scaling(config);
  return defineServer({
    ...scaled,
    // Colyseus's own lines go to the same structured log.
    logger: logger.child({ component: "colyseus" }),
    rooms: { [ROOM_NAME]: defineRoom(GameRoom) } as { game: ReturnType<typeof defineRoom<typeof GameRoom>> },
    transport: transport(),
    gracefullyShutdown: false,
    greet: false,
    express: async (app) => {
      app.set("trust proxy", TRUST_PROXY);
      app.use(requestLog(logger));
      app.use(securityHeaders({ csp: hooks.serveClient !== false }));
      app.use(
        operationsRouter({
          store: sessions.store,
          storeKind: config.store.kind,
          pingRedis: redisPing(scaled.presence),
          readiness,
          metricsToken: config.metricsToken,
        }),
      );
      app.use(
        "/api/studio",
        studioRouter({
          scenariosDir: config.scenariosDir,
          catalog: services.catalog,
          watcher: services.catalogWatcher,
          designerKey: config.designerKey,
          dev: hooks.dev === true,
        }),
      );
      app.use(
        "/api",
        apiRouter(sessions, { publicUrl: config.publicUrl, host: config.host }, config.creation),
      );
      await hooks.beforeClient?.(app, services);
      if (hooks.serveClient !== false) app.use(clientRouter(config.clientDir));
      app.use(apiErrorHandler);
    },
  });
}

/** The server's type, for typed SDK clients: `new Client<DatatrucServer>(url)`. */
export type DatatrucServer = ReturnType<typeof buildServer>;

export interface RunningServer {
  server: DatatrucServer;
  store: Store;
  port: number;
  stop(): Promise<void>;
}

/** With RETENTION_DAYS, purges older sessions' personal data now and every day. */
function scheduleRetention(store: Store, days: number | undefined): NodeJS.Timeout | undefined {
  if (days === undefined) return undefined;
  const purge = () => {
    store.retention
      .purgeSessionsBefore(Date.now() - days * 86_400_000)
      .then((purged) => {
        if (purged.length > 0) logger.info({ sessions: purged }, "personal data purged (retention)");
      })
      .catch((error) => logger.error({ err: error }, "retention purge failed"));
  };
  purge();
  return setInterval(purge, 86_400_000).unref();
}

export async function startServer(config: ServerConfig, hooks: AppHooks = {}): Promise<RunningServer> {
  const catalog = loadCatalog(config.scenariosDir);
  const catalogWatcher = watchCatalog(catalog, config.scenariosDir, logger);
  const store = await Store.open(config.store);
  const limits = createLimits(config.flood, config.redisUrl);
  setRoomServices({
    store,
    catalog,
    reconnectSeconds: config.reconnectSeconds,
    limits,
    endGraceMs: config.endGraceSeconds * 1000,
  });
  const sessions = new SessionService(store, catalog);
  let readiness: Readiness = "restoring";
  const server = buildServer(config, sessions, hooks, () => readiness, { catalog, catalogWatcher });
  await server.listen(config.port, config.host);
  // The server already listens: /healthz and other sessions are answered while rooms come back.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const restored = await sessions.restoreLiveSessions(Date.now() - config.restoreHours * 3_600_000);
  lag.disable();
  if (restored.length > 0) {
    // The longest the event loop was blocked while restoring (the restore yields every few ms).
    logger.info(
      { sessions: restored, maxEventLoopBlockMs: Math.round(lag.max / 1e6) },
      "live sessions restored",
    );
  }
  readiness = "ready";
  const retention = scheduleRetention(store, config.retentionDays);
  const address = server.transport.server?.address() as AddressInfo | null;
  const port = address?.port ?? config.port;
  return {
    server,
    store,
    port,
    /** Graceful stop: not ready any more, every client told the server restarts (4010: they keep
     *  their seats and come back), rooms closed after logging who left, then the store. */
    async stop() {
      readiness = "draining";
      if (retention) clearInterval(retention);
      await catalogWatcher.close();
      logger.info("shutting down: clients told to come back");
      await Promise.all(matchMaker.disconnectAll(CloseCode.MAY_TRY_RECONNECT));
      await server.gracefullyShutdown(false);
      await limits.close();
      await store.close();
      logger.info("stopped");
    },
  };
}
