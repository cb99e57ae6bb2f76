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

/** Applies the committed migrations that the database has not seen yet. */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
