/** Sessions, users and device tokens: who a token belongs to. */
import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { newToken } from "../../core/ids.ts";
import { hashToken } from "../../core/password.ts";
import type { Db } from "../client.ts";
import { devices, officers, sessions, users } from "../schema.ts";

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  agencyId: users.agencyId,
  region: users.region,
  officerId: users.officerId,
};

/**
 * The user a live session token belongs to, or undefined. A deactivated officer's sessions
 * end when they are deactivated; this refuses them too, should one be left.
 */
export async function userForSession(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(officers, eq(officers.id, users.officerId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
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
 * key (JWK JSON), null for a tablet paired before requests were signed.
 */
export async function deviceForToken(db: Db, tokenHash: string) {
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
    .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)));
  return row && { ...row, pairedAt: row.pairedAt ?? 0 };
}

/** Starts a session for a user and returns its token (stored only as a hash). */
export async function createSession(db: Db, userId: string, now: number) {
  const token = newToken("ses");
  const expiresAt = now + SESSION_TTL_MS;
  await db.insert(sessions).values({ tokenHash: await hashToken(token), userId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** Ends a session. */
export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
