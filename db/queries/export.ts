/** Pages of ratings for the CSV export, oldest first, read by keyset so memory stays flat. */
import { and, asc, between, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { type Period, startOfLocalDay, TIMEZONE_NAMES, TIMEZONES } from "../../core/period.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import type { Db } from "../client.ts";
import { counters, officers, ratings, services } from "../schema.ts";

/** Where an export page starts: after the last rating of the page before. */
export interface ExportCursor {
  createdAt: number;
  id: string;
}

const DAY = 86_400_000;
/** The zones furthest east and west: a rating's local day in any of them brackets its instant. */
const [EAST, WEST] = [...TIMEZONE_NAMES].sort((a, b) => TIMEZONES[b] - TIMEZONES[a]);
/** The day after a YYYY-MM-DD day. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * Reads one page of an agency's ratings after a (createdAt, id) cursor, in that order. The
 * rows are those of the period's days (`day`), found by seeking `ratings_agency_time` to the
 * cursor and reading on: a page costs its own rows, not a sort of the whole period (at 3
 * million ratings in a month that sort took 3 s a page). The instants searched are the period's
 * days in the easternmost zone to its end in the westernmost, so every rating whose local day
 * is in the period lies between them, whichever of Indonesia's zones its day was taken in.
 * Returns the query (awaited, it is the page), so a test can read its plan.
 */
export function exportPage(db: Db, agencyId: string, period: Period, after: ExportCursor | null, limit = 2000) {
  const where: SQL[] = [
    eq(ratings.agencyId, agencyId),
    // The cursor is where a later page starts; given beside the period's start, SQLite seeks to
    // the period's start and filters its way to the cursor, and does so on every page. A row
    // value, which it seeks to; written with OR it would be read from the start as well.
    after
      ? sql`(${ratings.createdAt}, ${ratings.id}) > (${after.createdAt}, ${after.id})`
      : gte(ratings.createdAt, startOfLocalDay(period.from, EAST)),
    lt(ratings.createdAt, startOfLocalDay(nextDay(period.to), WEST)),
    between(ratings.day, period.from, period.to),
  ];
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
