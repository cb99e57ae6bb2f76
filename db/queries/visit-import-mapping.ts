/** The log mapping an agency keeps for its visit imports (db/schema/visit-imports.ts). */
import { eq } from "drizzle-orm";
import type { LogMapping } from "../../core/visit-log.ts";
import type { Db } from "../client.ts";
import { users, visitImportMappings } from "../schema.ts";

/** The agency's kept mapping, the name of who saved it (null once the account is gone) and when; undefined before the first save. */
export async function keptLogMapping(db: Db, agencyId: string) {
  const [row] = await db
    .select({ mapping: visitImportMappings.mapping, savedBy: users.name, savedAt: visitImportMappings.savedAt })
    .from(visitImportMappings)
    .leftJoin(users, eq(users.id, visitImportMappings.savedBy))
    .where(eq(visitImportMappings.agencyId, agencyId));
  return row;
}

/** Keeps (or replaces) the agency's mapping, saved by an account now; for a batch. */
export const keepLogMapping = (db: Db, row: { agencyId: string; mapping: LogMapping; savedBy: string }) => {
  const kept = { ...row, savedAt: Date.now() };
  return db
    .insert(visitImportMappings)
    .values(kept)
    .onConflictDoUpdate({
      target: visitImportMappings.agencyId,
      set: { mapping: kept.mapping, savedBy: kept.savedBy, savedAt: kept.savedAt },
    });
};
