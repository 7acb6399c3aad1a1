/**
 * What operators and load balancers ask: `/healthz` (is this process alive and can it reach its
 * store, and Redis when configured), `/readyz` (should it get traffic: not while live sessions are
 * being restored, nor while shutting down) and `/metrics` (Prometheus text format).
 */
import express from "express";
import { logger } from "../log.ts";
import { registry } from "../metrics.ts";
import type { Store } from "../store/store.ts";

export type Readiness = "restoring" | "ready" | "draining";

export interface OperationsDeps {
  store: Store;
  storeKind: string;
  /** Pings Redis when the process uses it. */
  pingRedis?: () => Promise<unknown>;
  readiness: () => Readiness;
}

async function check(name: string, probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    logger.error({ err: error, check: name }, "health check failed");
    return false;
  }
}

export function operationsRouter(deps: OperationsDeps): express.Router {
  const router = express.Router();
  router.get("/healthz", async (_req, res) => {
    const storeOk = await check("store", () => deps.store.ping());
    const redisOk = deps.pingRedis ? await check("redis", deps.pingRedis) : undefined;
    const ok = storeOk && redisOk !== false;
    res.status(ok ? 200 : 503).json({
      ok,
      store: deps.storeKind,
      storeOk,
      ...(redisOk === undefined ? {} : { redisOk }),
      readiness: deps.readiness(),
    });
  });
  router.get("/readyz", (_req, res) => {
    const readiness = deps.readiness();
    res.status(readiness === "ready" ? 200 : 503).json({ ready: readiness === "ready", readiness });
  });
  router.get("/metrics", async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
