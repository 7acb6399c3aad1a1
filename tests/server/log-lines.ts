/** The server's structured log (one JSON object per line, pino's shape) as parsed objects. */
import type { ServerProcess } from "./harness.ts";

export interface LogLine {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

export function logLines(server: ServerProcess): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of server.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // a partial line at the end of the buffer
    }
  }
  return lines;
}

/** Resolves with the log once `predicate` holds on it (the log is written after the response). */
export async function waitForLog(
  server: ServerProcess,
  predicate: (lines: LogLine[]) => boolean,
  what = "log lines",
): Promise<LogLine[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const lines = logLines(server);
    if (predicate(lines)) return lines;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
