import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { describe, expect, it, vi } from "vitest";
import { EmbeddedFile } from "./embedded.ts";
import { DatabaseFileLost, FileIdentity } from "./file-identity.ts";

const freshFile = () => {
  const path = join(mkdtempSync(join(tmpdir(), "suara-identity-")), "suara.db");
  writeFileSync(path, "");
  return path;
};

describe("FileIdentity", () => {
  it("stays quiet while the file is the same, even when written to", () => {
    const path = freshFile();
    const identity = new FileIdentity(path);
    writeFileSync(path, "more");
    expect(identity.check()).toBeNull();
    expect(() => identity.assertSame()).not.toThrow();
  });

  it("finds a deleted file, tells once, and stays lost when a file comes back", () => {
    const path = freshFile();
    const onLost = vi.fn();
    const identity = new FileIdentity(path, onLost);
    rmSync(path);
    expect(identity.check()).toBe("deleted");
    writeFileSync(path, "");
    expect(identity.check()).toBe("deleted");
    expect(() => identity.assertSame()).toThrow(DatabaseFileLost);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost).toHaveBeenCalledWith("deleted");
  });

  it("finds a file renamed over the path, even with the same content", () => {
    const path = freshFile();
    const identity = new FileIdentity(path);
    copyFileSync(path, `${path}.copy`);
    renameSync(`${path}.copy`, path);
    expect(identity.check()).toBe("replaced");
  });
});

describe("EmbeddedFile.write", () => {
  it("does not return what it committed into a file no longer at the path, and writes nothing more", () => {
    const path = join(mkdtempSync(join(tmpdir(), "suara-identity-")), "suara.db");
    const setup = new Database(path);
    // WAL, as the server's file: in rollback-journal mode SQLite refuses such a write by itself (SQLITE_READONLY_DBMOVED).
    setup.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (a)");
    const file = new EmbeddedFile(path);
    rmSync(path);
    expect(() => file.write((run) => run(["INSERT INTO t VALUES (1)"]))).toThrow(DatabaseFileLost);
    // What the old file holds can still be copied out.
    file.copyTo(`${path}.rescued`);
    const rescued = new EmbeddedFile(`${path}.rescued`);
    expect(rescued.write((run) => run(["SELECT count(*) AS n FROM t"]))[0]).toEqual([
      expect.objectContaining({ n: 1 }),
    ]);
    let ran = false;
    expect(() =>
      file.write(() => {
        ran = true;
      }),
    ).toThrow(DatabaseFileLost);
    expect(ran).toBe(false);
    file.close();
    rescued.close();
    setup.close();
  });
});
