/** Comments citizens left, as their officer or an admin reads them. */
import { and, between, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { isPossibleLevy, LEVY_FILTER } from "../../core/levy.ts";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { commentReplies, contests, counters, officers, ratings, services, visits } from "../schema.ts";

/** What every list of comments shows of a commented rating. */
const commentColumns = {
  id: ratings.id,
  comment: ratings.comment,
  overall: ratings.overall,
  service: services.name,
  createdAt: ratings.createdAt,
  channel: ratings.channel,
  /** The officer's reply (db/queries/replies.ts): every reader of a comment reads it too. */
  reply: { id: commentReplies.id, text: commentReplies.text, createdAt: commentReplies.createdAt },
  /** The visit it rates (core/visits.ts visitMinutes): how long the citizen waited and was served. */
  visit: { waitBucket: visits.waitBucket, serviceBucket: visits.serviceBucket },
};

/** The visit a rating joined (by the agency's own visit id). */
const ratedVisit = and(eq(visits.agencyId, ratings.agencyId), eq(visits.id, ratings.visitId));

/** The ratings that are comments of a period: those of its days that carry a comment. */
const commentedIn = (period: Period) => [between(ratings.day, period.from, period.to), isNotNull(ratings.comment)];

/**
 * The latest comments about an officer in a period (already masked at storage), newest first,
 * each with its rating's id, the officer's contest of it and their reply, if any (null otherwise);
 * `repliedOnly`: only those they replied to (the evidence page's).
 */
export async function commentsForOfficer(
  db: Db,
  officerId: string,
  period: Period,
  limit = 100,
  offset = 0,
  { repliedOnly = false } = {},
) {
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
    .leftJoin(commentReplies, eq(commentReplies.ratingId, ratings.id))
    .leftJoin(visits, ratedVisit)
    .where(
      and(
        eq(ratings.officerId, officerId),
        ...commentedIn(period),
        ...(repliedOnly ? [isNotNull(commentReplies.id)] : []),
      ),
    )
    .orderBy(desc(ratings.createdAt))
    .limit(limit)
    .offset(offset);
}

/** What agency comments may be filtered by. */
export interface CommentFilter {
  serviceSlug?: string;
  counterCode?: string;
  face?: number;
  /** A reason code the rating gave, or LEVY_FILTER: the possible levies (core/levy.ts). */
  reason?: string;
}

/**
 * An agency's comments in a period, newest first, filtered by service, counter, face and reason
 * (masked at storage), each with its reasons and whether it is a possible levy.
 */
export async function commentsForAgency(
  db: Db,
  agencyId: string,
  period: Period,
  { serviceSlug, counterCode, face, reason }: CommentFilter = {},
  limit = 50,
  offset = 0,
) {
  const where: SQL[] = [eq(ratings.agencyId, agencyId), ...commentedIn(period)];
  if (serviceSlug) where.push(eq(services.slug, serviceSlug));
  if (counterCode) where.push(eq(counters.code, counterCode));
  if (face) where.push(eq(ratings.overall, face));
  if (reason && reason !== LEVY_FILTER)
    where.push(sql`EXISTS (SELECT 1 FROM json_each(${ratings.reasons}) WHERE value = ${reason})`);
  const query = db
    .select({
      ...commentColumns,
      counter: counters.code,
      counterName: counters.name,
      officer: officers.name,
      reasons: ratings.reasons,
    })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(counters, eq(counters.id, ratings.counterId))
    .leftJoin(officers, eq(officers.id, ratings.officerId))
    .leftJoin(commentReplies, eq(commentReplies.ratingId, ratings.id))
    .leftJoin(visits, ratedVisit)
    .where(and(...where))
    .orderBy(desc(ratings.createdAt), desc(ratings.id));
  // The levy rule is core/levy.ts's patterns, not SQL: the period's comments are read and paged here.
  const rows =
    reason === LEVY_FILTER
      ? (await query).filter(isPossibleLevy).slice(offset, offset + limit)
      : await query.limit(limit).offset(offset);
  return rows.map((row) => ({ ...row, possibleLevy: isPossibleLevy(row) }));
}
