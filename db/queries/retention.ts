/**
 * Purging comments past each agency's retention period (UU 27/2022: personal
 * data is kept no longer than its purpose needs). Scores are untouched: only the
 * free text goes.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

/** Clears comments older than their agency's retention; returns how many were cleared. */
export async function purgeExpiredComments(db: Db, now: number): Promise<number> {
  const result = await db.run(sql`
    UPDATE ratings SET comment = NULL
    WHERE comment IS NOT NULL
      AND created_at < ${now} - 86400000 * (SELECT comment_retention_days FROM agencies WHERE agencies.id = ratings.agency_id)`);
  return result.rowsAffected;
}
