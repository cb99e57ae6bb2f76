/** Visits kept but flagged implausible (core/visits.ts): listed for those who read the agency's reports. */
import { and, between, desc, eq, sql } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { counters, officers, services, visits } from "../schema.ts";

/** A period's flagged visits, the latest first (by when they began, else any time they have). */
export async function flaggedVisits(db: Db, agencyId: string, period: Period, limit = 100, offset = 0) {
  const when = sql<number>`coalesce(${visits.startedAt}, ${visits.finishedAt}, ${visits.takenAt})`;
  return db
    .select({
      id: visits.id,
      queueNumber: visits.queueNumber,
      service: services.name,
      counter: counters.name,
      officer: officers.name,
      takenAt: visits.takenAt,
      calledAt: visits.calledAt,
      servedAt: visits.servedAt,
      finishedAt: visits.finishedAt,
      flags: visits.flags,
    })
    .from(visits)
    .innerJoin(services, eq(services.id, visits.serviceId))
    .leftJoin(counters, eq(counters.id, visits.counterId))
    .leftJoin(officers, eq(officers.id, visits.officerId))
    .where(and(eq(visits.agencyId, agencyId), between(visits.day, period.from, period.to), eq(visits.counted, false)))
    .orderBy(desc(when), desc(visits.id))
    .limit(limit)
    .offset(offset);
}
