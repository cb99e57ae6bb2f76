/**
 * The set-up lock (db/lock.ts): two servers (two clients on one database file) that migrate and
 * seed at the same moment take turns, and a holder that crashed blocks nobody for long.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { LOCKS_TABLE, withLock } from "./lock.ts";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase, setUpDatabase } from "./node.ts";
import { agencies } from "./schema.ts";
import { isEmpty, seedDemo } from "./seed.ts";

const dir = mkdtempSync(join(tmpdir(), "suara-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Two clients on one new database file, as two servers would open it. */
async function twoServers(): Promise<[Db, Db]> {
  const url = `file:${join(dir, `${++files}.db`)}`;
  return [await openDatabase({ url }), await openDatabase({ url })];
}

/** A promise and the function that resolves it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the set-up lock", () => {
  it("lets a second holder in only after the first released it, and tells it who it waits for", async () => {
    const [a, b] = await twoServers();
    const release = signal();
    const aHolds = signal();
    const bWaits = signal();
    const order: string[] = [];
    const first = withLock(a.$client, "set-up", async () => {
      order.push("a starts");
      aHolds.resolve();
      await release.promise;
      order.push("a ends");
    });
    await aHolds.promise;
    let waitedFor = "";
    const second = withLock(
      b.$client,
      "set-up",
      async () => {
        order.push("b starts");
      },
      {
        pollMs: 20,
        onWait: (holder) => {
          waitedFor = holder;
          bWaits.resolve();
        },
      },
    );
    await bWaits.promise;
    expect(order).toEqual(["a starts"]);
    release.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(["a starts", "a ends", "b starts"]);
    expect(waitedFor).toMatch(/./);
  });

  it("takes over a lock whose holder crashed once it expires", async () => {
    const [a] = await twoServers();
    await a.$client.batch(
      [
        `CREATE TABLE ${LOCKS_TABLE} (name TEXT PRIMARY KEY NOT NULL, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
        {
          sql: `INSERT INTO ${LOCKS_TABLE} VALUES ('set-up', 'a crashed migrator', ?)`,
          args: [Date.now() + 300],
        },
      ],
      "write",
    );
    let waitedFor = "";
    const ran = await withLock(a.$client, "set-up", async () => "ran", {
      pollMs: 20,
      onWait: (holder) => (waitedFor = holder),
    });
    expect(ran).toBe("ran");
    expect(waitedFor).toBe("a crashed migrator");
    // Released after the work: the next holder gets it at once.
    const { rows } = await a.$client.execute(`SELECT count(*) AS n FROM ${LOCKS_TABLE}`);
    expect(Number(rows[0].n)).toBe(0);
  });

  it("releases the lock when the work fails", async () => {
    const [a, b] = await twoServers();
    await expect(
      withLock(a.$client, "set-up", async () => {
        throw new Error("migration failed");
      }),
    ).rejects.toThrow("migration failed");
    let waited = false;
    await withLock(b.$client, "set-up", async () => {}, { onWait: () => (waited = true) });
    expect(waited).toBe(false);
  });

  it("migrates an empty database once when two servers start on it at the same moment", async () => {
    const [a, b] = await twoServers();
    await Promise.all([migrateDatabase(a, { pollMs: 20 }), migrateDatabase(b, { pollMs: 20 })]);
    const { rows } = await a.$client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
    expect(Number(rows[0].n)).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length);
  });

  it("seeds one demo agency when two servers start on an empty database at the same moment", async () => {
    const [a, b] = await twoServers();
    // What worker/node.ts seeds with: the demo, into an empty database only.
    const seed = async (db: Db) => {
      if (await isEmpty(db)) await seedDemo(db, { password: "seed-password-1", pin: "246810", origins: [], weeks: 0 });
    };
    const created = await Promise.all([setUpDatabase(a, seed, { pollMs: 20 }), setUpDatabase(b, seed, { pollMs: 20 })]);
    // Exactly one of them made the database (and warns that it did); both are ready to serve.
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await a.select().from(agencies)).toHaveLength(1);
  });
});
