/** Finding people by their sign-in identity. */
import { eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { officers, users } from "../schema.ts";

/** The user who signs in with an e-mail (case-insensitive) or an officer's NIP; undefined when none. */
export async function userForLogin(db: Db, identity: { email?: string; nip?: string }) {
  if (identity.email) {
    const [user] = await db.select().from(users).where(eq(users.email, identity.email.toLowerCase()));
    return user;
  }
  if (!identity.nip) return undefined;
  const [row] = await db
    .select({ user: users })
    .from(users)
    .innerJoin(officers, eq(officers.id, users.officerId))
    .where(eq(officers.nip, identity.nip));
  return row?.user;
}
