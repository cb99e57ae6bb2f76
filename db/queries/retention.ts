/**
 * Purging comments past each agency's retention period (UU 27/2022: personal
 * data is kept no longer than its purpose needs). Scores are untouched: only the
 * free text goes.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencies } from "../schema.ts";

/**
 * Comments one statement clears. Each batch is its own short transaction: 500 took about 12–18 ms
 * on this project's busy 2-core machine (`npm run bench`). On Node an embedded file's statement
 * runs inside the event loop, so that is also the longest a request or the ingest's group commit
 * waits behind the purge, and it stays far within the shortest SUARA_DB_TIMEOUT_MS (100 ms) over a
 * remote database too. One statement for a whole backlog (100,000 comments at 1 million ratings)
 * held the database, and Node's event loop, for 1.7 s; at 3 million ratings it ran out of time.
 */
export const PURGE_BATCH = 500;

const DAY = 86_400_000;

/**
 * Clears comments older than their agency's retention; returns how many were cleared. Each
 * agency's are read from `ratings_comment_time`, which holds only ratings that still have a
 * comment: a run reads the expired ones, not every rating, and a cleared one leaves the index.
 */
export async function purgeExpiredComments(
  db: Db,
  now: number,
  { batchSize = PURGE_BATCH }: { batchSize?: number } = {},
): Promise<number> {
  const retention = await db
    .select({ id: agencies.id, days: agencies.commentRetentionDays })
    .from(agencies)
    .orderBy(agencies.id);
  let purged = 0;
  for (const agency of retention) {
    const before = now - DAY * agency.days;
    for (;;) {
      const result = await db.run(sql`
        UPDATE ratings SET comment = NULL WHERE rowid IN (
          SELECT rowid FROM ratings
          WHERE agency_id = ${agency.id} AND comment IS NOT NULL AND created_at < ${before}
          LIMIT ${batchSize})`);
      purged += result.rowsAffected;
      if (result.rowsAffected < batchSize) break;
      // Between batches, whatever waits gets its turn (requests, the ingest's next commit):
      // on Node the statements above would otherwise run back to back without letting go.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return purged;
}
