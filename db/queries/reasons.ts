/**
 * Citizens' reasons for a low face, counted over a period's counted ratings, overall and by
 * service, counter and officer, with the possible levies among them (core/levy.ts). Read from
 * the ratings that carry a reason or a comment (a small share of a period), not from rollups.
 */
import { and, between, desc, eq, isNotNull, or } from "drizzle-orm";
import { isPossibleLevy } from "../../core/levy.ts";
import type { Period } from "../../core/period.ts";
import { REASONS } from "../../core/questionnaire.ts";
import type { Reasons, ReasonTally } from "../../core/reason-responses.ts";
import type { Db } from "../client.ts";
import { counters, officers, ratings, services } from "../schema.ts";

/** The longest list of possible levies a report carries (its count has them all). */
export const LEVY_LIST_MAX = 200;

const LISTED = new Set(REASONS.map((r) => r.code));

const emptyTally = (): ReasonTally => ({
  ratings: 0,
  counts: Object.fromEntries(REASONS.map((r) => [r.code, 0])),
  unlisted: 0,
  levies: 0,
});

/** Adds one rating's reasons (each code once, however often it was sent) and whether it is a possible levy. */
function addTo(tally: ReasonTally, codes: Set<string>, levy: boolean) {
  if (codes.size) tally.ratings++;
  for (const code of codes) {
    if (LISTED.has(code)) tally.counts[code]++;
    else tally.unlisted++;
  }
  if (levy) tally.levies++;
}

/**
 * The reasons and possible levies of an agency's period. Only counted ratings count, as in every
 * figure (docs/scoring.md, "What is left out"); by officer, only the ratings credited to the
 * officer (a self-issued ticket's rating counts for the unit, never for its officer), while the
 * list of levies names the officer on the rating whoever issued its ticket.
 */
export async function agencyReasons(db: Db, agencyId: string, period: Period): Promise<Omit<Reasons, "timezone">> {
  const rows = await db
    .select({
      id: ratings.id,
      reasons: ratings.reasons,
      comment: ratings.comment,
      flags: ratings.flags,
      createdAt: ratings.createdAt,
      serviceSlug: services.slug,
      serviceName: services.name,
      counterCode: counters.code,
      counterName: counters.name,
      officerId: ratings.officerId,
      officerName: officers.name,
    })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(counters, eq(counters.id, ratings.counterId))
    .leftJoin(officers, eq(officers.id, ratings.officerId))
    .where(
      and(
        eq(ratings.agencyId, agencyId),
        between(ratings.day, period.from, period.to),
        eq(ratings.counted, true),
        or(isNotNull(ratings.reasons), isNotNull(ratings.comment)),
      ),
    )
    .orderBy(desc(ratings.createdAt), desc(ratings.id));
  const total = emptyTally();
  const byService = new Map<string, ReasonTally & { service: string; name: string }>();
  const byCounter = new Map<string, ReasonTally & { counter: string; name: string }>();
  const byOfficer = new Map<string, ReasonTally & { officer: string; name: string }>();
  const levies: Reasons["levies"] = [];
  for (const row of rows) {
    const codes = new Set(row.reasons ?? []);
    const levy = isPossibleLevy(row);
    if (!codes.size && !levy) continue;
    addTo(total, codes, levy);
    const service = byService.get(row.serviceSlug) ?? {
      ...emptyTally(),
      service: row.serviceSlug,
      name: row.serviceName,
    };
    byService.set(row.serviceSlug, service);
    addTo(service, codes, levy);
    if (row.counterCode) {
      const counter = byCounter.get(row.counterCode) ?? {
        ...emptyTally(),
        counter: row.counterCode,
        name: row.counterName ?? row.counterCode,
      };
      byCounter.set(row.counterCode, counter);
      addTo(counter, codes, levy);
    }
    if (row.officerId && !row.flags.includes("self_issued")) {
      const officer = byOfficer.get(row.officerId) ?? {
        ...emptyTally(),
        officer: row.officerId,
        name: row.officerName ?? "",
      };
      byOfficer.set(row.officerId, officer);
      addTo(officer, codes, levy);
    }
    if (levy && levies.length < LEVY_LIST_MAX)
      levies.push({
        id: row.id,
        createdAt: new Date(row.createdAt).toISOString(),
        service: row.serviceName,
        counter: row.counterName,
        officer: row.officerName,
        reasons: [...codes],
        comment: row.comment,
      });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    period,
    total,
    byService: [...byService.values()].sort(byName),
    byCounter: [...byCounter.values()].sort((a, b) => a.counter.localeCompare(b.counter)),
    byOfficer: [...byOfficer.values()].sort(byName),
    levies,
  };
}
