/** Pages of ratings for the CSV export, oldest first, read by keyset so memory stays flat. */
import { and, asc, between, eq, gt, or, type SQL } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import type { Db } from "../client.ts";
import { counters, officers, ratings, services } from "../schema.ts";

/** Reads one page of an agency's ratings after a (createdAt, id) cursor. */
export async function exportPage(
  db: Db,
  agencyId: string,
  period: Period,
  after: { createdAt: number; id: string } | null,
  limit = 2000,
) {
  const where: SQL[] = [eq(ratings.agencyId, agencyId), between(ratings.day, period.from, period.to)];
  if (after) {
    where.push(
      or(
        gt(ratings.createdAt, after.createdAt),
        and(eq(ratings.createdAt, after.createdAt), gt(ratings.id, after.id)),
      ) as SQL,
    );
  }
  return db
    .select({
      id: ratings.id,
      createdAt: ratings.createdAt,
      receivedAt: ratings.receivedAt,
      day: ratings.day,
      channel: ratings.channel,
      service: services.slug,
      serviceName: services.name,
      counter: counters.code,
      counterName: counters.name,
      officerNip: officers.nip,
      officerName: officers.name,
      overall: ratings.overall,
      ...Object.fromEntries(ELEMENT_IDS.map((e) => [e, ratings[e]])),
      reasons: ratings.reasons,
      comment: ratings.comment,
      respondent: ratings.respondent,
      locale: ratings.locale,
      flags: ratings.flags,
      counted: ratings.counted,
    } as const)
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(counters, eq(counters.id, ratings.counterId))
    .leftJoin(officers, eq(officers.id, ratings.officerId))
    .where(and(...where))
    .orderBy(asc(ratings.createdAt), asc(ratings.id))
    .limit(limit);
}
