/** Accounts: finding people by their sign-in identity, and an agency's accounts as its admins manage them. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { officers, publicUserColumns, users } from "../schema.ts";

/**
 * The user who signs in with an e-mail (case-insensitive) or an officer's NIP, and whether
 * their linked officer (if any) is still active; undefined when none.
 */
export async function userForLogin(db: Db, identity: { email?: string; nip?: string }) {
  if (!identity.email && !identity.nip) return undefined;
  const [row] = await db
    .select({ user: users, officerActive: officers.active })
    .from(users)
    .leftJoin(officers, eq(officers.id, users.officerId))
    .where(identity.email ? eq(users.email, identity.email.toLowerCase()) : eq(officers.nip, identity.nip!));
  return row && { ...row.user, deactivated: row.officerActive === false };
}

const ofAgency = (agencyId: string, id: string) => and(eq(users.id, id), eq(users.agencyId, agencyId));

/** An agency's accounts by name, without password hashes. */
export const listUsers = (db: Db, agencyId: string) =>
  db.select(publicUserColumns).from(users).where(eq(users.agencyId, agencyId)).orderBy(asc(users.name));

/** One account of an agency without its password hash, or undefined. */
export async function userOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db.select(publicUserColumns).from(users).where(ofAgency(agencyId, id));
  return row;
}

/** The insert of a new account, returning it without its password hash. */
export const insertUser = (db: Db, row: typeof users.$inferInsert) =>
  db.insert(users).values(row).returning(publicUserColumns);

/** The update of one account of an agency. */
export const updateUser = (
  db: Db,
  agencyId: string,
  id: string,
  changes: Partial<Pick<typeof users.$inferInsert, "name" | "role">>,
) => db.update(users).set(changes).where(ofAgency(agencyId, id));

/** The delete of one account of an agency (its sessions go with it). */
export const deleteUser = (db: Db, agencyId: string, id: string) => db.delete(users).where(ofAgency(agencyId, id));
