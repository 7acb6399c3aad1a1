/**
 * What operators and load balancers ask: `/healthz` (is this process alive and can it reach its
 * store, and Redis when configured), `/readyz` (should it get traffic: not while live sessions are
 * being restored, nor while shutting down) and `/metrics` (Prometheus text format; with METRICS_TOKEN set, only for its bearer).
 */
import express from "express";
import { hashSecret, secretMatches } from "../codes.ts";
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
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
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
  const tokenHash = deps.metricsToken ? hashSecret(deps.metricsToken) : undefined;
  router.get("/metrics", async (req, res) => {
    const presented = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
    if (tokenHash !== undefined && (presented === undefined || !secretMatches(presented, tokenHash))) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').json({
        error:
          "Les métriques de ce serveur demandent son jeton (en-tête Authorization: Bearer, variable METRICS_TOKEN).",
      });
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
