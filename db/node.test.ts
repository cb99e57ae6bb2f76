import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./node.ts";

describe("openDatabase", () => {
  it("opens the embedded file in WAL with synchronous FULL: an acknowledged commit survives a crash", async () => {
    const db = await openDatabase({ url: `file:${join(mkdtempSync(join(tmpdir(), "suara-db-")), "nested", "x.db")}` });
    expect((await db.$client.execute("PRAGMA journal_mode")).rows[0].journal_mode).toBe("wal");
    // 2 = FULL: the WAL is synced at every commit (SQLite's default, which libSQL keeps).
    expect((await db.$client.execute("PRAGMA synchronous")).rows[0].synchronous).toBe(2);
  });
});
