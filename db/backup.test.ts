import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import Database from "libsql";
import { describe, expect, it } from "vitest";
import { BackupError, backupDestination, backupFile, checkBackup, databaseFile, restoreFile } from "./backup.ts";
import { migrateDatabase, openDatabase } from "./node.ts";

/** A migrated Suara database file in a fresh folder. */
async function suaraFile() {
  const dir = mkdtempSync(join(tmpdir(), "suara-backup-"));
  const path = join(dir, "suara.db");
  const db = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(db);
  db.$client.close();
  return { dir, path };
}

const sql = async (path: string, statement: string) => {
  const db = createClient({ url: `file:${path}` });
  try {
    return await db.execute(statement);
  } finally {
    db.close();
  }
};

describe("backupDestination", () => {
  const now = new Date("2026-11-30T10:15:00.123Z");
  it("names a timestamped file in ./backups by default, or in a folder given", () => {
    expect(backupDestination(undefined, now)).toBe(join("backups", "suara-2026-11-30T10-15-00Z.db"));
    expect(backupDestination("/srv/backups/", now)).toBe("/srv/backups/suara-2026-11-30T10-15-00Z.db");
    expect(backupDestination(tmpdir(), now)).toBe(join(tmpdir(), "suara-2026-11-30T10-15-00Z.db"));
    expect(backupDestination("/srv/backups/monday.db", now)).toBe("/srv/backups/monday.db");
  });
});

describe("databaseFile", () => {
  it("refuses a database server's URL, saying whose job its backups are, without its credentials", () => {
    expect(() => databaseFile("libsql://user:secret@db.turso.io")).toThrow(/server's own tools/);
    expect(() => databaseFile("libsql://user:secret@db.turso.io")).not.toThrow(/secret/);
    expect(databaseFile("file:./data/suara.db")).toBe("./data/suara.db");
  });
});

describe("backups and restores", () => {
  it("refuse a backup whose migrations this version does not know; take one with fewer", async () => {
    const { dir, path } = await suaraFile();
    const copy = join(dir, "copy.db");
    backupFile(path, copy);
    await sql(copy, "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 9999999999999)");
    expect(() => checkBackup(copy)).toThrow(/migrations this version of Suara does not know/);

    const older = join(dir, "older.db");
    backupFile(path, older);
    await sql(
      older,
      "DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)",
    );
    const check = checkBackup(older);
    expect(check.migrations).toBe(check.known - 1);
  });

  it("hold what is still only in the WAL (a server's latest commits), checked sound", async () => {
    const { dir, path } = await suaraFile();
    // A server's connection: its commits stay in the WAL until a checkpoint, which it is not given.
    const server = new Database(path);
    server.exec("PRAGMA wal_autocheckpoint = 0");
    server.exec(
      "INSERT INTO agencies (id, slug, name, region, timezone) VALUES ('agc_wal', 'in-wal', 'In WAL', 'R', 'Asia/Jakarta')",
    );
    const check = backupFile(path, join(dir, "b.db"));
    expect((await sql(join(dir, "b.db"), "SELECT slug FROM agencies")).rows.map((r) => r.slug)).toEqual(["in-wal"]);
    expect(check.migrations).toBe(check.known);
    // The live file itself is no backup: restoring it alone would leave its log behind.
    expect(() => restoreFile(path, join(dir, "elsewhere.db"))).toThrow(/has a write-ahead log beside it/);
    server.close();
  });

  it("never overwrite a backup, and leave no half-written one behind", async () => {
    const { dir, path } = await suaraFile();
    backupFile(path, join(dir, "b.db"));
    expect(() => backupFile(path, join(dir, "b.db"))).toThrow(BackupError);
    expect(existsSync(join(dir, "b.db.partial"))).toBe(false);
    expect(() => backupFile(join(dir, "none.db"), join(dir, "c.db"))).toThrow(/no database at/);
  });

  it("keep the replaced file and its WAL aside, whole, and put the backup in place", async () => {
    const { dir, path } = await suaraFile();
    const backup = join(dir, "b.db");
    backupFile(path, backup);
    await sql(
      path,
      "INSERT INTO agencies (id, slug, name, region, timezone) VALUES ('agc_x', 'later', 'Later', 'R', 'Asia/Jakarta')",
    );
    // force: this process's statement cache (db/statement-cache.ts) keeps its closed connections to the file
    // open, which restore rightly takes for a server; the refusal is shown with a real server in worker/node-file.test.ts.
    const restored = restoreFile(backup, path, { force: true, now: new Date("2026-11-30T10:15:00Z") });
    expect(restored.keptAs).toBe(`${path}.replaced-2026-11-30T10-15-00Z`);
    expect((await sql(path, "SELECT count(*) AS n FROM agencies")).rows[0].n).toBe(0);
    expect((await sql(restored.keptAs!, "SELECT count(*) AS n FROM agencies")).rows[0].n).toBe(1);
    // Into a folder with no database yet (a lost disk): nothing to keep aside.
    const empty = join(dir, "new", "suara.db");
    mkdirSync(join(dir, "new"));
    expect(restoreFile(backup, empty).keptAs).toBeNull();
    expect(checkBackup(empty).migrations).toBe(restored.known);
  });
});
