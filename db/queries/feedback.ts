/**
 * Feedback to an officer for a period (umpan balik berkelanjutan, PermenPANRB 6/2022): a
 * supervisor or agency admin writes it, the officer acknowledges reading it once. Masked like
 * comments; every write audited in the same batch.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { type Period, parsePeriod } from "../../core/period.ts";
import { maskComment } from "../../core/privacy.ts";
import type { Db } from "../client.ts";
import { officerFeedback, users } from "../schema.ts";
import { auditInsert, auditInsertWhen } from "./audit.ts";
import { raw } from "./moderation.ts";

/** Feedback an officer's list holds at most: years of it at a few a month. */
const LIST_LIMIT = 200;

const feedbackColumns = {
  id: officerFeedback.id,
  period: officerFeedback.period,
  text: officerFeedback.text,
  by: users.name,
  createdAt: officerFeedback.createdAt,
  acknowledgedAt: officerFeedback.acknowledgedAt,
};

/** A feedback row as the API answers it. */
export const feedbackState = (row: {
  id: string;
  period: string;
  text: string;
  by: string | null;
  createdAt: number;
  acknowledgedAt: number | null;
}) => ({
  id: row.id,
  period: row.period,
  text: row.text,
  by: row.by,
  createdAt: new Date(row.createdAt).toISOString(),
  acknowledgedAt: row.acknowledgedAt === null ? null : new Date(row.acknowledgedAt).toISOString(),
});

/** Whether a feedback's named period shares a day with `period` (a month's feedback belongs to its semester). */
const overlaps = (named: string, period: Period) => {
  const p = parsePeriod(named);
  return p !== null && p.from <= period.to && p.to >= period.from;
};

/** An officer's feedback, newest first, with the giver's name: all of it, or that of periods overlapping `period`. */
export async function feedbackForOfficer(db: Db, officerId: string, period?: Period) {
  const rows = await db
    .select(feedbackColumns)
    .from(officerFeedback)
    .leftJoin(users, eq(users.id, officerFeedback.createdBy))
    .where(eq(officerFeedback.officerId, officerId))
    .orderBy(desc(officerFeedback.createdAt), desc(officerFeedback.id))
    .limit(LIST_LIMIT);
  return (period ? rows.filter((r) => overlaps(r.period, period)) : rows).map(feedbackState);
}

/** Records feedback to an officer of the agency, with its `feedback.give` audit entry, in one batch. */
export async function giveFeedback(
  db: Db,
  agencyId: string,
  officerId: string,
  input: { period: string; text: string },
  actor: { id: string; name: string },
  now = Date.now(),
) {
  const row = {
    id: newId("fbk"),
    agencyId,
    officerId,
    period: input.period,
    text: maskComment(input.text),
    createdBy: actor.id,
    createdAt: now,
    acknowledgedAt: null,
  };
  await db.$client.batch(
    [
      raw(db.insert(officerFeedback).values(row)),
      raw(
        auditInsert(db, {
          actorUserId: actor.id,
          agencyId,
          action: "feedback.give",
          target: row.id,
          details: { officer: officerId, period: row.period, text: row.text },
        }),
      ),
    ],
    "write",
  );
  return feedbackState({ ...row, by: actor.name });
}

/** What became of an acknowledgment. */
export type AcknowledgeOutcome =
  | { ok: true; feedback: ReturnType<typeof feedbackState> }
  | { ok: false; code: "not_found" | "already_acknowledged" };

/**
 * The officer acknowledges having read one feedback of theirs, once: another officer's is
 * "not_found". The mark and its `feedback.acknowledge` entry run only while it is unacknowledged,
 * so two taps racing record one acknowledgment.
 */
export async function acknowledgeFeedback(
  db: Db,
  officerId: string,
  id: string,
  actorUserId: string,
  now = Date.now(),
): Promise<AcknowledgeOutcome> {
  const mine = and(eq(officerFeedback.id, id), eq(officerFeedback.officerId, officerId));
  const [row] = await db
    .select({ ...feedbackColumns, agencyId: officerFeedback.agencyId })
    .from(officerFeedback)
    .leftJoin(users, eq(users.id, officerFeedback.createdBy))
    .where(mine);
  if (!row) return { ok: false, code: "not_found" };
  if (row.acknowledgedAt !== null) return { ok: false, code: "already_acknowledged" };
  const waiting = and(mine, isNull(officerFeedback.acknowledgedAt));
  const stillWaiting = sql`EXISTS (SELECT 1 FROM ${officerFeedback} WHERE ${officerFeedback.id} = ${id} AND ${officerFeedback.acknowledgedAt} IS NULL)`;
  const [entry, mark] = await db.$client.batch(
    [
      auditInsertWhen(
        db,
        {
          actorUserId,
          agencyId: row.agencyId,
          action: "feedback.acknowledge",
          target: id,
          details: { period: row.period },
        },
        stillWaiting,
      ),
      raw(db.update(officerFeedback).set({ acknowledgedAt: now }).where(waiting)),
    ],
    "write",
  );
  if (mark.rowsAffected === 0 || entry.rowsAffected === 0) return { ok: false, code: "already_acknowledged" };
  const { agencyId: _agency, ...feedback } = row;
  return { ok: true, feedback: feedbackState({ ...feedback, acknowledgedAt: now }) };
}
