/** Server configuration, read once from the environment. */
import type { LimitSettings } from "./rooms/limits.ts";
import { type StoreConfig, storeConfigFromEnv } from "./store/store.ts";

export interface ServerConfig {
  port: number;
  /** Bind address; undefined = all interfaces. */
  host: string | undefined;
  /** Public origin used in join/screen/verify links; derived from the request when unset. */
  publicUrl: string | undefined;
  store: StoreConfig;
  scenariosDir: string;
  clientDir: string;
  /** Seconds a dropped client keeps its seat before it can only come back with its seat key. */
  reconnectSeconds: number;
  /** Message budget per seat: FLOOD_BURST (60) messages at once, FLOOD_RATE (30) per second on
   *  average; over it, the seat is closed and blocked FLOOD_BLOCK_SECONDS (10). Joins per address:
   *  JOIN_LIMIT (120) a minute. */
  flood: LimitSettings;
  /** Seconds between `end` and the closing of every client (END_GRACE_SECONDS, 5). */
  endGraceSeconds: number;
  /** Sessions not ended and created less than RESTORE_HOURS (24) ago get their room back at start. */
  restoreHours: number;
  /** REDIS_URL: several processes share matchmaking, presence and rooms through Redis. */
  redisUrl: string | undefined;
  /** PUBLIC_ADDRESS (host:port) clients use to reach this process's rooms (required with Redis). */
  publicAddress: string | undefined;
  /** CREATE_KEY: when set, creating a session requires this key; CREATE_PER_HOUR (20) per address. */
  creation: { createKey: string | undefined; perHour: number };
  /** RETENTION_DAYS: personal data of older sessions is purged daily (unset: kept). */
  retentionDays: number | undefined;
  /** DESIGNER_KEY: opens the studio (/studio) on this server, to check and preview (no writing). */
  designerKey: string | undefined;
  /** METRICS_TOKEN: when set, `/metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === "" ? 2567 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT invalide : ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, "") || undefined,
    store: storeConfigFromEnv(env),
    scenariosDir: env.SCENARIOS_DIR || "scenarios",
    clientDir: env.CLIENT_DIR || "dist/client",
    reconnectSeconds: Number(env.RECONNECT_SECONDS || 180),
    flood: {
      burst: Number(env.FLOOD_BURST || 60),
      rate: Number(env.FLOOD_RATE || 30),
      blockSeconds: Number(env.FLOOD_BLOCK_SECONDS || 10),
      joinsPerMinute: Number(env.JOIN_LIMIT || 120),
    },
    endGraceSeconds: Number(env.END_GRACE_SECONDS || 5),
    restoreHours: Number(env.RESTORE_HOURS || 24),
    redisUrl: env.REDIS_URL || undefined,
    publicAddress: env.PUBLIC_ADDRESS || undefined,
    creation: { createKey: env.CREATE_KEY || undefined, perHour: Number(env.CREATE_PER_HOUR || 20) },
    retentionDays: env.RETENTION_DAYS ? Number(env.RETENTION_DAYS) : undefined,
    designerKey: env.DESIGNER_KEY || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
  };
}
