/**
 * Integration keys: what a queue system of one agency calls with to make rating
 * tickets for the officer on duty. Shown once, stored as a SHA-256 hash, revocable.
 */
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { newId, newToken } from "../../core/ids.ts";
import { hashToken } from "../../core/password.ts";
import type { Db } from "../client.ts";
import { integrationKeys } from "../schema.ts";

/** Every integration key starts with this, so the auth middleware tells it from a session or device token. */
export const INTEGRATION_KEY_PREFIX = "key_";

/** Makes a key for an agency; returns its row id and the key itself (shown once, never stored). */
export async function createIntegrationKey(
  db: Db,
  fields: { agencyId: string; name: string; createdBy: string },
  now: number,
) {
  const id = newId("ikey");
  const key = newToken(INTEGRATION_KEY_PREFIX.slice(0, -1));
  return {
    id,
    key,
    insert: db.insert(integrationKeys).values({ id, ...fields, keyHash: await hashToken(key), createdAt: now }),
  };
}

/** An agency's keys, newest first, without their hashes. */
export const listIntegrationKeys = (db: Db, agencyId: string) =>
  db
    .select({
      id: integrationKeys.id,
      name: integrationKeys.name,
      createdAt: integrationKeys.createdAt,
      lastUsedAt: integrationKeys.lastUsedAt,
      revokedAt: integrationKeys.revokedAt,
    })
    .from(integrationKeys)
    .where(eq(integrationKeys.agencyId, agencyId))
    .orderBy(desc(integrationKeys.createdAt));

/** The unrevoked key a hash belongs to, or undefined. */
export async function integrationKeyForToken(db: Db, keyHash: string) {
  const [row] = await db
    .select({ id: integrationKeys.id, name: integrationKeys.name, agencyId: integrationKeys.agencyId })
    .from(integrationKeys)
    .where(and(eq(integrationKeys.keyHash, keyHash), isNull(integrationKeys.revokedAt)));
  return row;
}

/** The update that records a key's use (put it in the batch of what it did). */
export const touchIntegrationKey = (db: Db, id: string, now: number) =>
  db.update(integrationKeys).set({ lastUsedAt: now }).where(eq(integrationKeys.id, id));

/** The update that revokes one of an agency's keys (its hash is kept, so the same key never works again). */
export const revokeIntegrationKey = (db: Db, agencyId: string, id: string, now: number) =>
  db
    .update(integrationKeys)
    .set({ revokedAt: now })
    .where(and(eq(integrationKeys.id, id), eq(integrationKeys.agencyId, agencyId), isNull(integrationKeys.revokedAt)));

/** One key of an agency as stored, or undefined. */
export async function integrationKeyOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db
    .select()
    .from(integrationKeys)
    .where(and(eq(integrationKeys.id, id), eq(integrationKeys.agencyId, agencyId)));
  return row;
}

/** The update that records a key's use only when `condition` holds as it runs (e.g. its ticket was issued), as SQL for a batch. */
export const touchIntegrationKeyWhen = (id: string, now: number, condition: SQL): SQL =>
  sql`UPDATE integration_keys SET last_used_at = ${now} WHERE id = ${id} AND ${condition}`;
