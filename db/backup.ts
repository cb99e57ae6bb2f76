/**
 * Backups of the embedded database file, taken while the server serves, and putting
 * one back. A backup is SQLite's `VACUUM INTO` on a connection of its own: one read
 * transaction, so the copy is one consistent moment of the database, and in WAL mode
 * a reader never blocks the server's writes (ratings keep being stored meanwhile).
 * Every copy is checked (`PRAGMA integrity_check`, Suara's tables, migrations this
 * code knows) before it is called a backup or put back. A remote libSQL server
 * (sqld, Turso) is backed up by its own tools, not here.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import Database from "libsql";
import { embeddedPath } from "./embedded.ts";
import { MIGRATIONS_FOLDER } from "./node.ts";

/** Where `npm run backup` puts a backup when given no destination (beside the project, not in the database's folder). */
export const DEFAULT_BACKUP_DIR = "./backups";

/** A backup or restore that cannot be done; its message says why and what to do. */
export class BackupError extends Error {}

/** What a checked copy holds. */
export interface BackupCheck {
  /** Migrations applied to it, of those this code knows. */
  migrations: number;
  /** Migrations this code knows. */
  known: number;
  ratings: number;
}

/** The file a database URL names; a remote one is refused with what to do instead. */
export function databaseFile(url: string): string {
  const path = embeddedPath(url);
  if (path === null) {
    throw new BackupError(
      `LIBSQL_URL names a database server (${url.replace(/\/\/[^@/]*@/, "//…@")}), not a file: back it up with the server's own tools (sqld's snapshots, \`turso db shell <db> .dump\`). npm run backup and restore handle the embedded file only.`,
    );
  }
  return path;
}

/** A file name for a backup taken now: `suara-2026-11-30T10-15-00Z.db`. */
export const backupName = (now = new Date()) =>
  `suara-${now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")}.db`;

/** Runs a synchronous SQLite call again a few times while another connection holds a lock (WAL recovery, a checkpoint). */
function whileBusy<T>(attempt: () => T): T {
  for (let tries = 0; ; tries++) {
    try {
      return attempt();
    } catch (error) {
      if (
        !/SQLITE_BUSY|locked/i.test(`${(error as { code?: string }).code} ${(error as Error).message}`) ||
        tries >= 50
      )
        throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Writes a file's data to disk before it is renamed into place, and the rename itself after. */
function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is a sound Suara database whose migrations this code knows
 * (the same ones, in order; fewer is fine: the server applies the rest when it starts).
 */
export function checkBackup(path: string): BackupCheck {
  if (!existsSync(path)) throw new BackupError(`${path} does not exist.`);
  if (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size) {
    // Copied alone, the file would lack what is in its log.
    throw new BackupError(
      `${path} has a write-ahead log beside it (${path}-wal): it is a live database or a copy of one, not a backup. Take one from it with LIBSQL_URL=file:${path} npm run backup.`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${path} cannot be opened as a database (${(error as Error).message}).`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map(
        (row) => row.integrity_check,
      );
    } catch (error) {
      throw new BackupError(`${path} is not a database (${(error as Error).message}).`);
    }
    if (integrity.join() !== "ok") {
      throw new BackupError(`${path} is damaged (integrity check: ${integrity.slice(0, 3).join("; ")}).`);
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const table of ["__drizzle_migrations", "agencies", "ratings", "rating_rollups"]) {
      if (!tables.has(table)) throw new BackupError(`${path} is not a Suara database (it has no ${table} table).`);
    }
    const applied = db.prepare("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at").all() as {
      hash: string;
      created_at: number;
    }[];
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    applied.forEach((row, i) => {
      if (known[i]?.hash !== row.hash || known[i]?.folderMillis !== Number(row.created_at)) {
        throw new BackupError(
          `${path} has migrations this version of Suara does not know (the ${i + 1}th differs): it was made by another version; restore it with that version.`,
        );
      }
    });
    const { n } = db.prepare("SELECT count(*) AS n FROM ratings").get() as { n: number };
    return { migrations: applied.length, known: known.length, ratings: Number(n) };
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the database file at `source` to `dest` while it may be
 * in use, checks it, and returns what it holds. The copy is written beside `dest` and
 * renamed into place only once checked, so `dest` is never a half-written backup.
 */
export function backupFile(source: string, dest: string): BackupCheck {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
  if (existsSync(dest)) throw new BackupError(`${dest} exists already: name another file.`);
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // One read transaction: a snapshot of one moment; the server's writers go on in the WAL meanwhile.
    whileBusy(() => db.prepare("VACUUM INTO ?").run([partial]));
  } finally {
    db.close();
  }
  try {
    const check = checkBackup(partial);
    fsyncPath(partial);
    renameSync(partial, dest);
    fsyncPath(dirname(dest));
    return check;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Whether another connection (a running server) has the database file open: it then holds a lock no exclusive one can pass. */
export function fileInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { fileMustExist: true });
  try {
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if (/SQLITE_BUSY|locked/i.test(`${(error as { code?: string }).code} ${(error as Error).message}`)) return true;
    throw error;
  } finally {
    // The last connection to close folds the WAL into the file, so the file moved aside is whole by itself.
    db.close();
  }
}

/** What a restore did. */
export interface Restored extends BackupCheck {
  /** Where the file that was replaced was kept, if there was one. */
  keptAs: string | null;
}

/**
 * Puts the backup at `backup` in place of the database file at `target`, after checking
 * it. Refuses while a server has the file open unless `force`. The file it replaces (and
 * its WAL) is renamed aside, never deleted.
 */
export function restoreFile(backup: string, target: string, { force = false, now = new Date() } = {}): Restored {
  const check = checkBackup(backup);
  if (!force && fileInUse(target)) {
    throw new BackupError(
      `${target} is in use (a Suara server has it open): stop the server first, then restore. (--force restores anyway; the running server then refuses every write until it is restarted.)`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  fsyncPath(incoming);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.replaced-${now
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-")}`;
    renameSync(target, keptAs);
    // Its WAL goes with it (SQLite finds "<file>-wal" beside the file): left here, it would be read into the backup.
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAs}-wal`);
  }
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
  fsyncPath(dirname(target));
  return { ...check, keptAs };
}

/** Where a backup goes: `dest` as a file, or a timestamped file in `dest` when it is a folder (default ./backups). */
export function backupDestination(dest: string | undefined, now = new Date()): string {
  if (!dest) return join(DEFAULT_BACKUP_DIR, backupName(now));
  if (dest.endsWith("/") || statSync(dest, { throwIfNoEntry: false })?.isDirectory())
    return join(dest, backupName(now));
  return dest;
}
