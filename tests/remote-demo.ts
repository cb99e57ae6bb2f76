/**
 * A remote libSQL with the demo agency, for the Worker in workerd (tests/workerd/) and its bench: a
 * fresh file, migrated and seeded as worker/test-app.ts does (db/node.ts and db/seed.ts through a
 * client on the same file), then served over Hrana by tests/hrana-server.ts, the stand-in for sqld.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../db/client.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { seedDemo } from "../db/seed.ts";
import { startHranaServer } from "./hrana-server.ts";

/** The remote demo database. */
export interface RemoteDemo {
  /** `http://127.0.0.1:PORT`: the Worker's LIBSQL_URL. */
  url: string;
  /** The same database through the Node client over the wire, to set up and check what the API cannot. */
  db: Db;
  /** Stops the server and removes the file. */
  close(): Promise<void>;
}

/** Options of the remote demo database. */
export interface RemoteDemoOptions {
  password: string;
  pin: string;
  /** Weeks of demo ratings (default none: a test counts its own). */
  weeks?: number;
  /** Where the Hrana server listens (default 0: a free port). */
  port?: number;
}

/** Makes, fills and serves the demo database; its counters are open around the clock (no tap is outside_hours). */
export async function startRemoteDemo({ password, pin, weeks = 0, port = 0 }: RemoteDemoOptions): Promise<RemoteDemo> {
  const dir = mkdtempSync(join(tmpdir(), "suara-remote-"));
  const path = join(dir, "suara.db");
  const local = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(local);
  await seedDemo(local, { password, pin, origins: [], weeks });
  await local.$client.execute("UPDATE counters SET opens_at = '00:00', closes_at = '00:00'");
  local.$client.close();
  const server = await startHranaServer({ path, port });
  const db = await openDatabase({ url: server.url, timeoutMs: 30_000 });
  return {
    url: server.url,
    db,
    close: async () => {
      db.$client.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
