/** Comments citizens left, as their officer or an admin reads them. */
import { and, between, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { contests, counters, officers, ratings, services } from "../schema.ts";

/** What every list of comments shows of a commented rating. */
const commentColumns = {
  id: ratings.id,
  comment: ratings.comment,
  overall: ratings.overall,
  service: services.name,
  createdAt: ratings.createdAt,
  channel: ratings.channel,
};

/** The ratings that are comments of a period: those of its days that carry a comment. */
const commentedIn = (period: Period) => [between(ratings.day, period.from, period.to), isNotNull(ratings.comment)];

/**
 * The latest comments about an officer in a period (already masked at storage), newest first,
 * each with its rating's id and the officer's contest of it, if any (null otherwise).
 */
export async function commentsForOfficer(db: Db, officerId: string, period: Period, limit = 100, offset = 0) {
  return db
    .select({
      ...commentColumns,
      contest: {
        id: contests.id,
        reason: contests.reason,
        note: contests.note,
        createdAt: contests.createdAt,
        decision: contests.decision,
        decisionNote: contests.decisionNote,
        decidedAt: contests.decidedAt,
      },
    })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(contests, eq(contests.ratingId, ratings.id))
    .where(and(eq(ratings.officerId, officerId), ...commentedIn(period)))
    .orderBy(desc(ratings.createdAt))
    .limit(limit)
    .offset(offset);
}

/** What agency comments may be filtered by. */
export interface CommentFilter {
  serviceSlug?: string;
  counterCode?: string;
  face?: number;
}

/** An agency's comments in a period, newest first, filtered by service, counter and face (masked at storage). */
export async function commentsForAgency(
  db: Db,
  agencyId: string,
  period: Period,
  { serviceSlug, counterCode, face }: CommentFilter = {},
  limit = 50,
  offset = 0,
) {
  const where: SQL[] = [eq(ratings.agencyId, agencyId), ...commentedIn(period)];
  if (serviceSlug) where.push(eq(services.slug, serviceSlug));
  if (counterCode) where.push(eq(counters.code, counterCode));
  if (face) where.push(eq(ratings.overall, face));
  return db
    .select({ ...commentColumns, counter: counters.code, officer: officers.name })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(counters, eq(counters.id, ratings.counterId))
    .leftJoin(officers, eq(officers.id, ratings.officerId))
    .where(and(...where))
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(limit)
    .offset(offset);
}
