/** Sessions, users and device tokens: who a token belongs to. */
import { and, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { newToken } from "../../core/ids.ts";
import { hashToken } from "../../core/password.ts";
import { MAX_DEVICE_AGE_MS } from "../../core/rating-time.ts";
import type { Db } from "../client.ts";
import { counters, devices, officers, sessions, users } from "../schema.ts";

/** How long a sign-in lasts at most, however busy. */
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;
/** A session unused this long has ended (a shared office computer left signed in overnight). */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** Last use is written at most this often per session, so a busy dashboard costs no write per request. */
export const SESSION_TOUCH_MS = 5 * 60_000;

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  agencyId: users.agencyId,
  region: users.region,
  officerId: users.officerId,
  passwordChangeRequired: users.passwordTemporary,
};

/** When a session was last used: its last recorded use, else its start. */
const lastUse = sql<number>`coalesce(${sessions.lastUsedAt}, ${sessions.createdAt})`;

/**
 * The user a live session token belongs to (with when the session was last used), or undefined.
 * A session is live until its absolute end and while used within the last 12 hours. A deactivated
 * officer's sessions end when they are deactivated; this refuses them too, should one be left.
 */
export async function userForSession(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ ...userColumns, lastUsedAt: lastUse })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(officers, eq(officers.id, users.officerId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(lastUse, now - SESSION_IDLE_MS),
        or(isNull(users.officerId), eq(officers.active, true)),
      ),
    );
  return row;
}

/** The statement that ends every session of the accounts linked to an officer (deactivation). */
export const endOfficerSessions = (db: Db, officerId: string) =>
  db
    .delete(sessions)
    .where(inArray(sessions.userId, db.select({ id: users.id }).from(users).where(eq(users.officerId, officerId))));

/**
 * The paired, unrevoked device a token belongs to, or undefined; with its public
 * key (JWK JSON), null for a tablet paired before requests were signed. A tablet of an
 * archived counter still delivers what it kept from before the archive (docs/design.md,
 * "Archiving"); once nothing it kept could be accepted (MAX_DEVICE_AGE_MS after the
 * archive) its token is refused as a revoked one is.
 */
export async function deviceForToken(db: Db, tokenHash: string, now = Date.now()) {
  const [row] = await db
    .select({
      id: devices.id,
      name: devices.name,
      agencyId: devices.agencyId,
      counterId: devices.counterId,
      pairedAt: devices.pairedAt,
      publicKey: devices.publicKey,
    })
    .from(devices)
    .innerJoin(counters, eq(counters.id, devices.counterId))
    .where(
      and(
        eq(devices.tokenHash, tokenHash),
        isNull(devices.revokedAt),
        or(isNull(counters.archivedAt), gt(counters.archivedAt, now - MAX_DEVICE_AGE_MS)),
      ),
    );
  return row && { ...row, pairedAt: row.pairedAt ?? 0 };
}

/** Records that a session was used now, if its last recorded use is older than SESSION_TOUCH_MS. */
export async function touchSession(db: Db, tokenHash: string, lastUsedAt: number, now: number) {
  if (now - lastUsedAt < SESSION_TOUCH_MS) return;
  await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * A new session for a user: its token (stored only as a hash), when it ends at the latest, and the
 * insert, for the caller's batch.
 */
export async function newSession(db: Db, userId: string, now: number) {
  const token = newToken("ses");
  const expiresAt = now + SESSION_TTL_MS;
  const insert = db
    .insert(sessions)
    .values({ tokenHash: await hashToken(token), userId, expiresAt, createdAt: now, lastUsedAt: now });
  return { token, expiresAt, insert };
}

/**
 * The statements that give an account a password an admin made: stored as temporary (its owner
 * must choose their own at the next sign-in), and every session of the old password ended.
 */
export const adminMadePassword = (db: Db, userId: string, passwordHash: string) =>
  [
    db.update(users).set({ passwordHash, passwordTemporary: true }).where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ] as const;

/** The statement that ends every session of a user but one (the one that changed the password). */
export const endOtherSessions = (db: Db, userId: string, keepTokenHash: string) =>
  db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));

/** Ends a session. */
export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** An account's password hash and its officer's NIP (a password must not be the NIP), or undefined. */
export async function passwordOf(db: Db, userId: string) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, nip: officers.nip })
    .from(users)
    .leftJoin(officers, eq(officers.id, users.officerId))
    .where(eq(users.id, userId));
  return row;
}

/** The update that stores a password its owner chose (no longer temporary). */
export const ownPassword = (db: Db, userId: string, passwordHash: string) =>
  db.update(users).set({ passwordHash, passwordTemporary: false }).where(eq(users.id, userId));
