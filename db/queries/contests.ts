/**
 * Contests (keberatan): an officer's right of reply to a rating attributed to
 * them, and a supervisor's or admin's decision on it. A contested rating counts
 * until decided; excluding it moves the rollups in the same transaction as the
 * decision and its audit entries (db/queries/moderation.ts).
 */
import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ContestReason } from "../../core/contest-reasons.ts";
import { newId } from "../../core/ids.ts";
import type { Db } from "../client.ts";
import { contests, counters, type Flag, officers, ratings, services, users } from "../schema.ts";
import { auditInsert, auditInsertWhen } from "./audit.ts";
import { raw, reflagRating, withExcluded } from "./moderation.ts";

/** What became of a contest or a decision the caller asked for. */
export type ContestOutcome<T> = { ok: true; value: T } | { ok: false; code: "not_found" | "already_contested" };

/** Whether an error is the unique index on contests.rating_id: another contest of the rating got there first. */
const isDuplicateContest = (error: unknown) =>
  /SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed: contests\.rating_id/.test(
    `${(error as { code?: string })?.code ?? ""} ${(error as { cause?: { code?: string } })?.cause?.code ?? ""} ${
      (error as Error)?.message ?? ""
    }`,
  );

/**
 * Contests one rating attributed to `officerId` (never a colleague's: another officer's or
 * agency's rating is "not_found", so its existence is not revealed), once. The rating gets the
 * `contested` flag and keeps counting; the contest, the flag and the audit entry are one batch.
 */
export async function contestRating(
  db: Db,
  officerId: string,
  ratingId: string,
  input: { reason: ContestReason; note: string },
  actorUserId: string,
  now = Date.now(),
): Promise<
  ContestOutcome<{ contest: typeof contests.$inferSelect; rating: { id: string; flags: Flag[]; counted: boolean } }>
> {
  const [rating] = await db
    .select({ id: ratings.id, agencyId: ratings.agencyId, flags: ratings.flags, counted: ratings.counted })
    .from(ratings)
    .where(and(eq(ratings.id, ratingId), eq(ratings.officerId, officerId)));
  if (!rating) return { ok: false, code: "not_found" };
  const [existing] = await db.select({ id: contests.id }).from(contests).where(eq(contests.ratingId, ratingId));
  if (existing) return { ok: false, code: "already_contested" };
  const contest = {
    id: newId("cst"),
    ratingId,
    agencyId: rating.agencyId,
    officerId,
    reason: input.reason,
    note: input.note,
    createdAt: now,
    decision: null,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
  };
  // `contested` changes no figure (the rating counts until decided), so the rollups stay as they are.
  // The flag is appended in SQL, so a flag another request set meanwhile is kept.
  const flag = db
    .update(ratings)
    .set({
      flags: sql`CASE WHEN EXISTS (SELECT 1 FROM json_each(${ratings.flags}) WHERE value = 'contested')
                 THEN ${ratings.flags} ELSE json_insert(${ratings.flags}, '$[#]', 'contested') END`,
    })
    .where(eq(ratings.id, ratingId));
  const entry = auditInsert(db, {
    actorUserId,
    agencyId: rating.agencyId,
    action: "rating.contest",
    target: ratingId,
    details: { contest: contest.id, reason: input.reason },
  });
  try {
    // The contest comes first: when a second contest of the rating races this one, its unique
    // index fails the whole batch, flag and audit entry included.
    await db.$client.batch([raw(db.insert(contests).values(contest)), raw(flag), raw(entry)], "write");
  } catch (error) {
    if (isDuplicateContest(error)) return { ok: false, code: "already_contested" };
    throw error;
  }
  const flags: Flag[] = rating.flags.includes("contested") ? rating.flags : [...rating.flags, "contested"];
  return { ok: true, value: { contest, rating: { id: ratingId, flags, counted: rating.counted } } };
}

/** One contest of an agency with its rating's flags, for the checks before a decision. */
export async function contestOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db
    .select({
      id: contests.id,
      officerId: contests.officerId,
      decision: contests.decision,
      ratingId: ratings.id,
      flags: ratings.flags,
      counted: ratings.counted,
    })
    .from(contests)
    .innerJoin(ratings, eq(ratings.id, contests.ratingId))
    .where(and(eq(contests.id, id), eq(contests.agencyId, agencyId)));
  return row;
}

/** A contest as read by contestOfAgency. */
export type ContestToDecide = NonNullable<Awaited<ReturnType<typeof contestOfAgency>>>;

/**
 * Decides an undecided contest: `keep` leaves the rating counted as it was, `exclude` takes it
 * out of every score as an admin's exclusion does (flag, rollups, `rating.exclude` entry);
 * either way the `contested` flag comes off and `contest.decide` is audited. One batch, and every
 * statement in it runs only while the contest is still undecided (its own update comes last),
 * so when two deciders race, the first decision stands and the second changes nothing. Returns
 * whether this call decided it.
 */
export async function decideContest(
  db: Db,
  contest: ContestToDecide,
  agencyId: string,
  decision: "keep" | "exclude",
  note: string,
  actorUserId: string,
  now = Date.now(),
): Promise<boolean> {
  const undecided: SQL = sql`EXISTS (SELECT 1 FROM ${contests} WHERE ${contests.id} = ${contest.id} AND ${contests.decision} IS NULL)`;
  const exclude = decision === "exclude";
  const flags = withExcluded(
    contest.flags.filter((f) => f !== "contested"),
    exclude || contest.flags.includes("excluded"),
  );
  const counted = exclude ? false : contest.counted;
  const audit = { actorUserId, agencyId };
  const entries = [
    auditInsertWhen(
      db,
      { ...audit, action: "contest.decide", target: contest.id, details: { rating: contest.ratingId, decision, note } },
      undecided,
    ),
    ...(exclude && !contest.flags.includes("excluded")
      ? [auditInsertWhen(db, { ...audit, action: "rating.exclude", target: contest.ratingId }, undecided)]
      : []),
  ];
  const record = db
    .update(contests)
    .set({ decision: exclude ? "excluded" : "kept", decisionNote: note, decidedBy: actorUserId, decidedAt: now })
    .where(and(eq(contests.id, contest.id), isNull(contests.decision)));
  const results = await db.$client.batch(
    [...entries, ...reflagRating(db, contest.ratingId, { flags, counted }, undecided), raw(record)],
    "write",
  );
  return results[results.length - 1].rowsAffected === 1;
}

/** The contest as its officer and its deciders see it (times as ISO instants). */
export const contestState = (row: {
  id: string;
  reason: ContestReason;
  note: string;
  createdAt: number;
  decision: "kept" | "excluded" | null;
  decisionNote: string | null;
  decidedAt: number | null;
}) => ({
  id: row.id,
  reason: row.reason,
  note: row.note,
  createdAt: new Date(row.createdAt).toISOString(),
  decision: row.decision,
  decisionNote: row.decisionNote,
  decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString(),
});

/** The contest with its rating's flags as they are now, as the API answers a contest or a decision. */
export async function contestWithRating(db: Db, id: string) {
  const [row] = await db
    .select({ contest: contests, flags: ratings.flags, counted: ratings.counted })
    .from(contests)
    .innerJoin(ratings, eq(ratings.id, contests.ratingId))
    .where(eq(contests.id, id));
  return {
    contest: contestState(row.contest),
    rating: { id: row.contest.ratingId, flags: row.flags, counted: row.counted },
  };
}

const decider = alias(users, "decider");

/**
 * An agency's contests with the ratings they are about: open ones oldest first (a queue),
 * decided ones newest first; and how many are open.
 */
export async function agencyContests(db: Db, agencyId: string, status: "open" | "decided", limit = 50, offset = 0) {
  const open = status === "open";
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        contest: contests,
        officerName: officers.name,
        decidedByName: decider.name,
        rating: {
          id: ratings.id,
          createdAt: ratings.createdAt,
          channel: ratings.channel,
          overall: ratings.overall,
          comment: ratings.comment,
          service: services.name,
          counter: counters.code,
          counted: ratings.counted,
        },
      })
      .from(contests)
      .innerJoin(ratings, eq(ratings.id, contests.ratingId))
      .innerJoin(services, eq(services.id, ratings.serviceId))
      .innerJoin(officers, eq(officers.id, contests.officerId))
      .leftJoin(counters, eq(counters.id, ratings.counterId))
      .leftJoin(decider, eq(decider.id, contests.decidedBy))
      .where(and(eq(contests.agencyId, agencyId), open ? isNull(contests.decision) : isNotNull(contests.decision)))
      .orderBy(...(open ? [asc(contests.createdAt), asc(contests.id)] : [desc(contests.decidedAt), desc(contests.id)]))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(contests)
      .where(and(eq(contests.agencyId, agencyId), isNull(contests.decision))),
  ]);
  return {
    open: n,
    contests: rows.map((r) => ({
      ...contestState(r.contest),
      officer: { id: r.contest.officerId, name: r.officerName },
      decidedBy: r.decidedByName,
      rating: { ...r.rating, createdAt: new Date(r.rating.createdAt).toISOString() },
    })),
  };
}
