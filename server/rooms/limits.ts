/**
 * Flood limits, counted with `rate-limiter-flexible` where they cannot be dodged by reconnecting:
 * messages per seat (a player's id, the facilitator, a screen's address) and joins per address.
 * In memory on one process; in Redis when REDIS_URL is set, so that every process counts together.
 * A seat that goes over its budget is closed (4102) and stays blocked for `blockSeconds`: coming
 * back with its seat key gives no fresh allowance.
 */
import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

export interface LimitSettings {
  /** Messages a seat may send at once (FLOOD_BURST, 60)… */
  burst: number;
  /** …and per second on average (FLOOD_RATE, 30): `burst` points per `burst / rate` seconds. */
  rate: number;
  /** Seconds a seat that went over stays cut off (FLOOD_BLOCK_SECONDS, 10). */
  blockSeconds: number;
  /** Joins (and rejoins) one address may make per minute (JOIN_LIMIT, 120). */
  joinsPerMinute: number;
}

export interface Limits {
  /** Resolves true when the seat may send one more message. */
  message(key: string): Promise<boolean>;
  /** Resolves true when the address may join once more. */
  join(address: string): Promise<boolean>;
  close(): Promise<void>;
}

/** True when consumed; false when over the limit. A store failure lets the message through (logged). */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    console.error("limite de débit indisponible :", error);
    return true;
  }
}

export function createLimits(settings: LimitSettings, redisUrl?: string): Limits {
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 2 }) : null;
  const make = (keyPrefix: string, points: number, duration: number, blockDuration: number) =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, blockDuration })
      : new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
  const messages = make(
    "datatruc:flood",
    settings.burst,
    Math.max(1, Math.round(settings.burst / settings.rate)),
    settings.blockSeconds,
  );
  const joins = make("datatruc:joins", settings.joinsPerMinute, 60, 0);
  return {
    message: (key) => consume(messages, key),
    join: (address) => consume(joins, address),
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}
