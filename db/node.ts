/**
 * Opening the database on Node: the embedded libSQL file by default, or a
 * remote libSQL/Turso server (or an embedded replica) when LIBSQL_URL says so.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { type Db, DRIZZLE_CONFIG } from "./client.ts";
import { embeddedPath } from "./embedded.ts";
import { fetchWithTimeout, guardClient } from "./guard.ts";
import { type LockOptions, withLock } from "./lock.ts";
import { cacheStatements } from "./statement-cache.ts";

/** The default database: an embedded libSQL file beside the project. */
export const DEFAULT_DATABASE_URL = "file:./data/suara.db";

/** Where the committed drizzle-kit migrations live. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Settings for opening the database. */
export interface OpenDatabaseOptions {
  url?: string;
  authToken?: string;
  /** Longest wait for one database call (db/guard.ts). */
  timeoutMs?: number;
  /** Runs after each successful call; throwing fails it (db/guard.ts). */
  afterCall?: () => void;
}

/**
 * Opens the database, creating the folder of a `file:` database, and switches
 * an embedded file to WAL (it persists in the file, so every pooled connection
 * gets it; per-connection pragmas would not stick). No busy timeout: SQLite's
 * would sleep inside a synchronous call and freeze the server; db/guard.ts
 * retries a locked write asynchronously instead. Throws when the database
 * cannot be opened (a `file:` path that cannot be made); a remote one is only
 * reached at its first call.
 */
export async function openDatabase({
  url = DEFAULT_DATABASE_URL,
  authToken,
  timeoutMs = 4000,
  afterCall,
}: OpenDatabaseOptions = {}): Promise<Db> {
  const isFile = url.startsWith("file:");
  if (isFile) cacheStatements();
  const path = embeddedPath(url);
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
  const open = () => createClient({ url, authToken, fetch: fetchWithTimeout(timeoutMs) });
  const client = guardClient(open, { timeoutMs, afterCall });
  if (isFile) await client.execute("PRAGMA journal_mode = WAL");
  return drizzle(client, DRIZZLE_CONFIG);
}

/** The lock (db/lock.ts) that migrations and the demo seed take, so servers on one database never race at them. */
export const SETUP_LOCK = "set-up";

/**
 * Runs `work` holding the database's set-up lock: every server and `npm run db:migrate` on one
 * database migrate (and seed) one at a time, and whoever comes second finds the work done.
 */
export const withSetupLock = <T>(db: Db, work: () => Promise<T>, options?: LockOptions): Promise<T> =>
  withLock(db.$client, SETUP_LOCK, work, options);

/** Applies the committed migrations that the database has not seen yet; hold the set-up lock around it. */
export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Applies the committed migrations that the database has not seen yet, under the set-up lock. */
export const migrateDatabase = (db: Db, options?: LockOptions): Promise<void> =>
  withSetupLock(db, () => applyMigrations(db), options);

/** Whether the database has never been migrated: a file just made, or a server's empty database. */
export async function isNewDatabase(db: Db): Promise<boolean> {
  const found = await db.$client.execute("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'");
  return found.rows.length === 0;
}

/**
 * What a server does with its database at start, under the set-up lock: applies the migrations,
 * then `seed` (which seeds the demo into an empty database, or says there is none). A second server
 * starting at once waits for the first, then finds both done. Returns whether the database was new.
 */
export const setUpDatabase = (db: Db, seed: (db: Db) => Promise<void>, lock?: LockOptions): Promise<boolean> =>
  withSetupLock(
    db,
    async () => {
      const created = await isNewDatabase(db);
      await applyMigrations(db);
      await seed(db);
      return created;
    },
    lock,
  );
