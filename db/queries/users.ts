/** Finding people by their sign-in identity. */
import { eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { officers, users } from "../schema.ts";

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
