/**
 * What sign-in limits keep in the database, so every server behind one database counts the
 * same attempts: fixed-window counts by hashed key, and the browsers that signed in before
 * (device cookies). The rules themselves are in worker/sign-in-limits.ts; kiosk PIN attempts
 * (worker/officer-pin.ts) are counted in the same table under keys of their own.
 */
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { signInCounts, signInDevices } from "../schema.ts";

/** One count to add an attempt to: its (hashed) key and the length of its window. */
export interface CountKey {
  key: string;
  windowMs: number;
}

/** A key's count after an attempt: hits in the current window and when the window ends. */
export interface Counted {
  hits: number;
  windowEnd: number;
}

/**
 * Adds one attempt to every key in one write batch and returns each key's count. Each upsert
 * reads and writes its row in one statement, so concurrent attempts (on any server) are all counted.
 */
export async function countAttempts(db: Db, keys: CountKey[], now: number): Promise<Counted[]> {
  const [first, ...rest] = keys.map(({ key, windowMs }) =>
    db
      .insert(signInCounts)
      .values({ key, hits: 1, windowEnd: now + windowMs })
      .onConflictDoUpdate({
        target: signInCounts.key,
        // Both expressions read the row as it was (SQLite evaluates SET against the old row).
        set: {
          hits: sql`CASE WHEN ${signInCounts.windowEnd} <= ${now} THEN 1 ELSE ${signInCounts.hits} + 1 END`,
          windowEnd: sql`CASE WHEN ${signInCounts.windowEnd} <= ${now} THEN ${now + windowMs} ELSE ${signInCounts.windowEnd} END`,
        },
      })
      .returning({ hits: signInCounts.hits, windowEnd: signInCounts.windowEnd }),
  );
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return results.map(([row]) => row);
}

/** Gives one attempt back to each key (a right password is no guess), in the window it was counted in. */
export const refundAttempts = (db: Db, keys: string[], now: number) =>
  db
    .update(signInCounts)
    .set({ hits: sql`max(${signInCounts.hits} - 1, 0)` })
    .where(and(inArray(signInCounts.key, keys), gt(signInCounts.windowEnd, now)));

/** Forgets keys' counts (their source proved it knows the password). */
export const forgetCounts = (db: Db, keys: string[]) => db.delete(signInCounts).where(inArray(signInCounts.key, keys));

/** Deletes counts whose window has ended (run with successful sign-ins, so the table stays small). */
export const pruneCounts = (db: Db, now: number) => db.delete(signInCounts).where(lte(signInCounts.windowEnd, now));

/** The account a live device cookie (by hash) belongs to, or undefined; one made before `since` has expired. */
export async function deviceCookieOwner(db: Db, tokenHash: string, since: number): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: signInDevices.userId })
    .from(signInDevices)
    .where(and(eq(signInDevices.tokenHash, tokenHash), gt(signInDevices.createdAt, since)));
  return row?.userId;
}

/** The insert that remembers a browser's new device cookie (by hash) for an account. */
export const rememberDevice = (db: Db, tokenHash: string, userId: string, now: number) =>
  db.insert(signInDevices).values({ tokenHash, userId, createdAt: now });

/** Forgets device cookies made before `before` (with successful sign-ins, like the counts). */
export const pruneDevices = (db: Db, before: number) =>
  db.delete(signInDevices).where(lte(signInDevices.createdAt, before));
