/**
 * Ratings from tickets an officer made for themself (`self_issued`): they count
 * for the unit, never for the officer's n, fair score or band, since no one else
 * vouched for the service (docs/design.md, "Who vouches"). The officer still sees them,
 * apart, read straight from the ratings (the officer's days through ratings_officer_day).
 */
import { sql } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import { toScale } from "../../core/scoring.ts";
import type { Db } from "../client.ts";

/** How many self-issued, non-excluded ratings with a face an officer had in a period, and their quick index (mean face × 25). */
export async function selfIssuedFigures(db: Db, officerId: string, period: Period) {
  const [row] = await db.all<{ n: number; sum: number | null }>(
    sql`SELECT count(overall) AS n, total(overall) AS sum FROM ratings
        WHERE officer_id = ${officerId} AND day BETWEEN ${period.from} AND ${period.to}
          AND EXISTS (SELECT 1 FROM json_each(ratings.flags) WHERE value = 'self_issued')
          AND NOT EXISTS (SELECT 1 FROM json_each(ratings.flags) WHERE value = 'excluded')`,
  );
  const n = Number(row?.n ?? 0);
  return { n, index: n === 0 ? null : toScale(Number(row.sum) / n) };
}
