/** Comments citizens left, as their officer or an admin reads them. */
import { and, between, desc, eq, isNotNull } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { ratings, services } from "../schema.ts";

/** The latest comments about an officer in a period (already masked at storage). */
export async function commentsForOfficer(db: Db, officerId: string, period: Period, limit = 100) {
  return db
    .select({
      comment: ratings.comment,
      overall: ratings.overall,
      service: services.name,
      createdAt: ratings.createdAt,
      channel: ratings.channel,
    })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .where(
      and(eq(ratings.officerId, officerId), between(ratings.day, period.from, period.to), isNotNull(ratings.comment)),
    )
    .orderBy(desc(ratings.createdAt))
    .limit(limit);
}
