/**
 * One real server process per test file: started before the file's tests (SQLite in a temp dir),
 * stopped after them; the seats pushed to `seats` leave first.
 */
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Seat, type ServerProcess, startServerProcess, tempDir } from "./harness.ts";

export function useServerProcess(env: Record<string, string> = {}): {
  readonly server: ServerProcess;
  readonly seats: Seat[];
} {
  const dir = tempDir();
  const seats: Seat[] = [];
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServerProcess(join(dir.path, "db.sqlite"), env);
  });
  afterAll(async () => {
    await Promise.all(seats.map((s) => s.leave()));
    await server?.stop();
    dir.remove();
  });
  return {
    get server() {
      if (!server) throw new Error("the test server has not started");
      return server;
    },
    seats,
  };
}
