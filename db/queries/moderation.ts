/**
 * Flagged ratings, as admins review them: the list, and excluding or including
 * one. Excluding takes the rating's contribution out of the rollups and
 * including puts it back, in the same transaction as the change of flag and its
 * audit entry, so a report always equals a recount of the ratings that count.
 */
import type { InStatement, InValue } from "@libsql/client";
import { and, between, desc, eq, ne, type SQL } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { counters, type Flag, officers, ratings, services } from "../schema.ts";
import { type AuditEntry, auditInsert } from "./audit.ts";
import { rollupAddedRating, rollupRemovedRating } from "./rollups.ts";

/** An agency's flagged ratings in a period, newest first: when, where, why, and whether they count. */
export async function flaggedRatings(db: Db, agencyId: string, period: Period, limit = 100, offset = 0) {
  return db
    .select({
      id: ratings.id,
      createdAt: ratings.createdAt,
      channel: ratings.channel,
      service: services.name,
      counter: counters.code,
      officer: officers.name,
      overall: ratings.overall,
      flags: ratings.flags,
      counted: ratings.counted,
    })
    .from(ratings)
    .innerJoin(services, eq(services.id, ratings.serviceId))
    .leftJoin(counters, eq(counters.id, ratings.counterId))
    .leftJoin(officers, eq(officers.id, ratings.officerId))
    .where(and(eq(ratings.agencyId, agencyId), between(ratings.day, period.from, period.to), ne(ratings.flags, [])))
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(limit)
    .offset(offset);
}

/** A drizzle query as a raw statement, to share a libSQL batch with the rollup statements. */
export const raw = (query: { toSQL: () => { sql: string; params: unknown[] } }): InStatement => {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InValue[] };
};

/** A rating's flags once excluded (`exclude`) or included again: `excluded` added once, or taken off. */
export const withExcluded = (flags: Flag[], exclude: boolean): Flag[] =>
  exclude ? [...flags.filter((f) => f !== "excluded"), "excluded"] : flags.filter((f) => f !== "excluded");

/**
 * The statements that give a rating new flags and a new counted state, for one batch
 * with the change's audit entry. Its rollups move with it: out as it was, in as it is,
 * since whether it counts (and, for the officer, which flags it carries) decides what
 * it adds. `onlyIf` is checked inside the transaction: when it fails the update matches
 * nothing and the two rollup moves cancel out.
 */
export function reflagRating(
  db: Db,
  id: string,
  change: { flags: Flag[]; counted: boolean },
  onlyIf?: SQL,
): InStatement[] {
  const update = raw(
    db
      .update(ratings)
      .set(change)
      .where(and(eq(ratings.id, id), onlyIf)),
  );
  return [rollupRemovedRating(id), update, rollupAddedRating(id)];
}

/**
 * Excludes a rating from every score (`exclude`) or includes it again; returns the rating
 * as it is now, or undefined when the agency has no such rating. Doing what is already done
 * changes nothing and writes no audit entry.
 */
export async function setExcluded(
  db: Db,
  agencyId: string,
  id: string,
  exclude: boolean,
  audit: Omit<AuditEntry, "action" | "target" | "agencyId">,
) {
  const [rating] = await db
    .select({ id: ratings.id, flags: ratings.flags, counted: ratings.counted })
    .from(ratings)
    .where(and(eq(ratings.id, id), eq(ratings.agencyId, agencyId)));
  if (!rating) return undefined;
  const excluded = rating.flags.includes("excluded");
  if (excluded === exclude && rating.counted === !exclude) return rating;
  const change = { flags: withExcluded(rating.flags, exclude), counted: !exclude };
  const entry = raw(
    auditInsert(db, { ...audit, agencyId, action: exclude ? "rating.exclude" : "rating.include", target: id }),
  );
  await db.$client.batch([...reflagRating(db, id, change), entry], "write");
  return { ...rating, ...change };
}
