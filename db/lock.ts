/**
 * A lock held in the database itself, so that servers and `npm run db:migrate` on one database
 * (several Node processes on a remote libSQL, or on one embedded file) take turns at work that must
 * run once: applying migrations and seeding the demo. A lock is a row with an expiry that its holder
 * renews while it works, so a holder that crashed blocks the others for one `ttlMs` at most.
 *
 * The table is made here (`CREATE TABLE IF NOT EXISTS`), not by a migration: the lock guards the
 * migrations, so it must exist before the first of them runs. drizzle's schema does not know it.
 */
import type { Client } from "@libsql/client";
import { isBusy } from "./guard.ts";

/** The lock table's name (outside the drizzle schema, see above). */
export const LOCKS_TABLE = "suara_locks";

const CREATE = `CREATE TABLE IF NOT EXISTS ${LOCKS_TABLE} (
  name TEXT PRIMARY KEY NOT NULL,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
)`;
// One statement takes a free lock or one whose holder let it expire; RETURNING names the new holder,
// so a lock that is held (the DO UPDATE's WHERE is false) returns no row. SQLite runs it atomically.
const ACQUIRE = `INSERT INTO ${LOCKS_TABLE} (name, holder, expires_at) VALUES (?1, ?2, ?3)
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
  WHERE ${LOCKS_TABLE}.expires_at <= ?4
  RETURNING holder`;
const HELD_BY = `SELECT holder, expires_at FROM ${LOCKS_TABLE} WHERE name = ?`;
const RENEW = `UPDATE ${LOCKS_TABLE} SET expires_at = ? WHERE name = ? AND holder = ?`;
const RELEASE = `DELETE FROM ${LOCKS_TABLE} WHERE name = ? AND holder = ?`;

/** Options of a database lock. */
export interface LockOptions {
  /** How long the lock is held without renewal: how long a crashed holder blocks the others. */
  ttlMs?: number;
  /** How often a waiter asks again. */
  pollMs?: number;
  /** Who takes it, as the log of a waiter names it (default: a random id). */
  holder?: string;
  /** Told once when the lock is held by someone else: who, and until when (ms since the epoch). */
  onWait?: (holder: string, expiresAt: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding the named lock, waiting for it as long as another holder keeps it
 * (polling every `pollMs`); renews it every third of `ttlMs` meanwhile and releases it after.
 * Throws what `work` throws, or a database error other than a busy file.
 */
export async function withLock<T>(
  client: Client,
  name: string,
  work: () => Promise<T>,
  { ttlMs = 60_000, pollMs = 200, holder = crypto.randomUUID(), onWait }: LockOptions = {},
): Promise<T> {
  /** Who holds the lock now and until when, or undefined when nobody does. */
  const heldBy = async () => {
    const { rows } = await client.execute({ sql: HELD_BY, args: [name] });
    return rows[0] ? { holder: String(rows[0].holder), expiresAt: Number(rows[0].expires_at) } : undefined;
  };
  let waiting = false;
  for (;;) {
    try {
      // A waiter only reads until the lock looks free: its polls never contend for the write lock
      // with the holder's migrations and seed.
      const held = waiting ? await heldBy() : undefined;
      if (!held || held.expiresAt <= Date.now()) {
        const now = Date.now();
        const [, taken] = await client.batch(
          [CREATE, { sql: ACQUIRE, args: [name, holder, now + ttlMs, now] }],
          "write",
        );
        if (taken.rows.length > 0) break;
      }
      if (!waiting) {
        waiting = true;
        const current = await heldBy();
        if (current) onWait?.(current.holder, current.expiresAt);
      }
    } catch (error) {
      // Another process writing the embedded file (the holder migrating or seeding) is a wait, not a failure.
      if (!isBusy(error)) throw error;
    }
    await sleep(pollMs);
  }
  const renewal = setInterval(() => {
    client.execute({ sql: RENEW, args: [Date.now() + ttlMs, name, holder] }).catch(() => {
      // The next renewal tries again; if all fail, the lock expires and another server takes over.
    });
  }, ttlMs / 3);
  renewal.unref?.();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    // A release that fails (the database went away) must not hide what the work did or threw:
    // the lock then expires by itself within ttlMs.
    await client.execute({ sql: RELEASE, args: [name, holder] }).catch(() => {});
  }
}
