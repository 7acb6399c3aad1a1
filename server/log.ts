/**
 * The server's log (pino): one JSON object per line in production (`LOG_FORMAT=json`, the default
 * when stdout is not a terminal), readable lines in development (`LOG_FORMAT=pretty`). `LOG_LEVEL`
 * (info). Secrets never reach it: keys are redacted by name and stripped from logged URLs.
 */
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger } from "pino";

/** Field names whose values are secrets, wherever they appear in a logged object. */
const SECRET_FIELDS = ["facilitatorKey", "seatKey", "createKey", "key", "authorization", "cookie"];

/** Query parameters that may carry a secret (`?key=…`, `?seatKey=…`): their values are replaced. */
const SECRET_QUERY = /([?&](?:key|seatKey|facilitatorKey|createKey)=)[^&#]*/gi;

/** A URL as it may be logged: secret query values replaced by `[redacted]`. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY, "$1[redacted]");
}

export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const format =
    env.LOG_FORMAT === "pretty" || env.LOG_FORMAT === "json"
      ? env.LOG_FORMAT
      : env.NODE_ENV !== "production" && process.stdout.isTTY
        ? "pretty"
        : "json";
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    redact: {
      paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
      censor: "[redacted]",
    },
  };
  if (format === "pretty") {
    return pino(options, pretty({ sync: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" }));
  }
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

/** The process's logger. */
export const logger: Logger = createLogger();
