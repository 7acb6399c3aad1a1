/**
 * The store backends a server test runs on: SQLite, and PostgreSQL (one database per test file,
 * from one cluster started on demand; required under CI). Servers started through `start` and the
 * cluster stop after the file; the SQLite files live in `dir`.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { hasPostgres, requireService, startPostgres } from "../support/services.ts";
import { type ServerProcess, startServerProcess, tempDir } from "./harness.ts";

export function useBackends(database: string) {
  const dir = tempDir();
  const servers: ServerProcess[] = [];
  let postgres: ReturnType<typeof startPostgres> | undefined;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await (await postgres)?.stop();
    dir.remove();
  });
  const backends: [string, () => Promise<Record<string, string>>][] = [["SQLite", async () => ({})]];
  if (requireService("PostgreSQL", hasPostgres, "apt-get install postgresql"))
    backends.push([
      "PostgreSQL",
      async () => {
        postgres ??= startPostgres();
        return { DATABASE_URL: await (await postgres).database(database) };
      },
    ]);
  return {
    backends,
    /** Starts a server on the backend's database (SQLite: the file `<name>.sqlite` in `dir`). */
    async start(name: string, env: Record<string, string>): Promise<ServerProcess> {
      const server = await startServerProcess(join(dir.path, `${name}.sqlite`), env);
      servers.push(server);
      return server;
    },
  };
}
