/**
 * One log line per HTTP request, with a request id (the caller's `X-Request-Id` when it is a
 * plausible id, else a new one, echoed back in the response). Client faults (4xx) are warnings,
 * server faults (5xx) errors; secrets are stripped from the logged URL.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import { type Logger, loggableUrl } from "../log.ts";

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    // Probes and scrapes would drown the log.
    autoLogging: { ignore: (req) => /^\/(healthz|readyz|metrics)(\?|$)/.test(req.url ?? "") },
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return "error";
      if (res.statusCode >= 400) return "warn";
      return "info";
    },
    customSuccessObject: (_req, res, value: object) => ({
      ...value,
      status: res.statusCode,
      error: (res as { locals?: { errorCode?: string } }).locals?.errorCode,
    }),
    customErrorObject: (_req, res, _error, value: object) => ({ ...value, status: res.statusCode }),
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.url),
      }),
      res: () => undefined,
    },
    wrapSerializers: false,
  });
}
