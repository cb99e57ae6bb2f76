/**
 * The embedded libSQL file's own synchronous connection (Node), for the one
 * path that runs at every group commit: storing ratings. Through @libsql/client
 * each statement of a batch pays for work this path does not need (a thrown
 * error to learn that a statement returns no rows, column lists, BigInt rows
 * rebuilt property by property, a second transaction for the reads), and a
 * group commit's reads and writes cost more there than in SQLite
 * (`npm run bench`). Here one call is one `BEGIN IMMEDIATE … COMMIT`, run
 * synchronously: nothing else in this process runs inside it, its reads see what
 * its writes will change, and another process's lock is met at BEGIN, before
 * anything ran, so the caller can wait it out and try again (db/guard.ts).
 */

import { renameSync, rmSync } from "node:fs";
import type { InStatement } from "@libsql/client";
import Database from "libsql";
import { DatabaseFileLost, type FileChange, FileIdentity, identityOf } from "./file-identity.ts";
import { cacheStatements } from "./statement-cache.ts";

/** A row as either connection returns it: values by column name. */
export type SqlRow = Record<string, unknown>;

/** Runs statements inside the transaction: each one's rows, in order (none for a statement without rows). */
export type RunStatements = (statements: InStatement[]) => SqlRow[][];

/** The synchronous connection to one embedded database file. */
export class EmbeddedFile {
  /** The file this connection opened, watched for being deleted or replaced at its path. */
  readonly identity: FileIdentity;
  readonly #db: Database.Database;
  /** The write-ahead log this connection uses (it stays the same file while any connection is open). */
  readonly #wal: string | null;

  /** `onLost` runs once, when the file at `path` is first found deleted or replaced (db/file-identity.ts). */
  constructor(path: string, onLost?: (change: FileChange) => void) {
    cacheStatements();
    // No busy timeout (libsql's default is none): SQLite would sleep inside this synchronous call.
    this.#db = new Database(path);
    // Reads the schema now: a connection that first reads it after its file was deleted gets
    // SQLITE_IOERR, and copyTo is what is left to run then.
    this.#db.prepare("SELECT count(*) FROM sqlite_schema").get();
    this.identity = new FileIdentity(path, onLost);
    this.#wal = identityOf(`${path}-wal`);
  }

  /**
   * Once the file was deleted or replaced: moves its write-ahead log (and index) away
   * from the path, if they are still this connection's. SQLite pairs a file with
   * whatever "<file>-wal" lies beside it, so left there, the old file's log would be
   * read into the next file put at the path when this process dies without closing.
   * Returns where the log went, or null when there was none of ours.
   */
  setAsideLog(suffix: string): string | null {
    const wal = `${this.identity.path}-wal`;
    if (this.#wal === null || identityOf(wal) !== this.#wal) return null;
    renameSync(wal, `${wal}${suffix}`);
    rmSync(`${this.identity.path}-shm`, { force: true });
    return `${wal}${suffix}`;
  }

  /**
   * Runs `work` in one write transaction and commits it; rolls back and rethrows
   * when anything in it throws. SQLITE_BUSY at BEGIN means another process holds
   * the write lock and nothing ran. Throws DatabaseFileLost when the commit did not go
   * into the file now at the path: what it stored would be gone at the next start.
   */
  write<T>(work: (run: RunStatements) => T): T {
    if (this.identity.lost) throw new DatabaseFileLost(this.identity.path);
    this.#statement("BEGIN IMMEDIATE").run();
    try {
      const result = work((statements) => statements.map((statement) => this.#execute(statement)));
      this.#statement("COMMIT").run();
      this.identity.assertSame();
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#statement("ROLLBACK").run();
      throw error;
    }
  }

  /**
   * Writes a consistent copy of the database this connection has open to `dest`
   * (`VACUUM INTO`): after the file was deleted or replaced, the only way left to
   * what it held.
   */
  copyTo(dest: string): void {
    this.#db.prepare("VACUUM INTO ?").run([dest]);
  }

  /** Closes the connection; a later write throws. */
  close(): void {
    this.#db.close();
  }

  #statement(sql: string) {
    return this.#db.prepare(sql);
  }

  #execute(statement: InStatement): SqlRow[] {
    const { sql, args = [] } = typeof statement === "string" ? { sql: statement } : statement;
    // SQLite has no booleans: 1 and 0, as @libsql/client sends them.
    const bound = Array.isArray(args)
      ? args.map(sqlValue)
      : Object.fromEntries(Object.entries(args).map(([name, value]) => [name, sqlValue(value)]));
    const prepared = this.#statement(sql);
    if (prepared.reader) return prepared.all(bound) as SqlRow[];
    prepared.run(bound);
    return [];
  }
}

const sqlValue = (value: unknown) => (typeof value === "boolean" ? Number(value) : value);

/** The path of the file a database URL names, or null when it names none (`:memory:`, a server). */
export function embeddedPath(url: string): string | null {
  return url.startsWith("file:") && !url.includes(":memory:") ? url.slice("file:".length) : null;
}

/** The synchronous connection for a database URL, when it names an embedded file. */
export function openEmbedded(url: string, onLost?: (change: FileChange) => void): EmbeddedFile | null {
  const path = embeddedPath(url);
  return path === null ? null : new EmbeddedFile(path, onLost);
}
