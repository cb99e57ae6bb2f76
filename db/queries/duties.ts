/**
 * Who serves at a counter when: check-in, check-out, the current duty, the
 * supervisors' duty board and the duties that end by themselves. Every start and
 * end is written with where it came from and an audit entry, in one batch.
 */
import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { localDay, startOfLocalDay, type Timezone } from "../../core/period.ts";
import type { Db } from "../client.ts";
import { agencies, counters, type DutySource, duties, officers } from "../schema.ts";
import { type AuditEntry, auditInsert, auditWhen } from "./audit.ts";

/** A duty with its officer, as the tablet shows who serves. */
const dutyColumns = {
  id: duties.id,
  startedAt: duties.startedAt,
  officerId: officers.id,
  name: officers.name,
  position: officers.position,
  photoUrl: officers.photoUrl,
};

/** The open duty at a counter with its officer, or undefined. */
export async function currentDuty(db: Db, counterId: string) {
  const [row] = await db
    .select(dutyColumns)
    .from(duties)
    .innerJoin(officers, eq(officers.id, duties.officerId))
    .where(and(eq(duties.counterId, counterId), isNull(duties.endedAt)));
  return row;
}

/**
 * The duty an archive ended at a counter archived at `archivedAt` (the last one still running
 * then), with its officer and end, or undefined: what a duty change the counter's tablet made
 * before the archive, delivered late, changes.
 */
export async function dutyEndedByArchive(db: Db, counterId: string, archivedAt: number) {
  const [row] = await db
    .select({ ...dutyColumns, endedAt: duties.endedAt })
    .from(duties)
    .innerJoin(officers, eq(officers.id, duties.officerId))
    .where(and(eq(duties.counterId, counterId), gte(duties.endedAt, archivedAt)))
    .orderBy(desc(duties.startedAt))
    .limit(1);
  return row;
}

/** Who changed a duty, for its audit entry: an account, or a tablet (no account). */
export interface DutyActor {
  agencyId: string;
  userId: string | null;
  /** The tablet that made the change, if one did. */
  deviceId?: string;
  /** Why a supervisor ended someone's duty. */
  reason?: string;
}

type DutyIds = { id: string; counterId: string; officerId: string };

/** The audit entry of a duty's start or end. */
const dutyEntry = (
  actor: DutyActor,
  action: "duty.start" | "duty.end",
  duty: DutyIds,
  via: DutySource,
): AuditEntry => ({
  actorUserId: actor.userId,
  agencyId: actor.agencyId,
  action,
  target: duty.id,
  details: {
    counter: duty.counterId,
    officer: duty.officerId,
    via,
    ...(actor.deviceId ? { device: actor.deviceId } : {}),
    ...(actor.reason ? { reason: actor.reason } : {}),
  },
});

/** The insert that records a duty's start or end. */
const dutyAudit = (db: Db, actor: DutyActor, action: "duty.start" | "duty.end", duty: DutyIds, via: DutySource) =>
  auditInsert(db, dutyEntry(actor, action, duty, via));

/**
 * The record of a duty's end, written only if the UPDATE just before it in the batch ended
 * the duty: one a concurrent change ended first is not logged as ended twice.
 */
const endedAudit = (db: Db, actor: DutyActor, duty: DutyIds, via: DutySource) =>
  db.run(auditWhen(dutyEntry(actor, "duty.end", duty, via), sql`changes() > 0`));

/**
 * Starts an officer's duty at a counter. One officer serves a counter at a time
 * and an officer serves one counter at a time, so open duties of either end now
 * (`replaced`, each audited).
 */
export async function startDuty(
  db: Db,
  duty: { counterId: string; officerId: string },
  now: number,
  via: DutySource,
  actor: DutyActor,
) {
  const id = newId("dut");
  const openOfEither = and(
    isNull(duties.endedAt),
    or(eq(duties.counterId, duty.counterId), eq(duties.officerId, duty.officerId)),
  );
  const replaced = await db
    .select({ id: duties.id, counterId: duties.counterId, officerId: duties.officerId })
    .from(duties)
    .where(openOfEither);
  await db.batch([
    // A change a tablet made offline may predate a duty that started since: never end one before it began.
    db
      .update(duties)
      .set({ endedAt: sql`max(${now}, ${duties.startedAt})`, endedVia: "replaced" })
      .where(openOfEither),
    ...replaced.map((r) => dutyAudit(db, actor, "duty.end", r, "replaced")),
    db.insert(duties).values({ id, ...duty, startedAt: now, startedVia: via }),
    dutyAudit(db, actor, "duty.start", { id, ...duty }, via),
  ]);
  return id;
}

/**
 * Ends an open duty (as `currentDuty` or the board found it), audited; returns it with its
 * end. Ending one that has already ended changes nothing, the log included. A duty an archive
 * ended (`dutyEndedByArchive`, with its `endedAt`) ends earlier instead, if its end is still that.
 */
export async function endDuty<T extends { id: string; officerId: string; endedAt?: number | null }>(
  db: Db,
  open: T & { counterId: string },
  now: number,
  via: DutySource,
  actor: DutyActor,
) {
  const unchanged = open.endedAt == null ? isNull(duties.endedAt) : eq(duties.endedAt, open.endedAt);
  await db.batch([
    db
      .update(duties)
      .set({ endedAt: now, endedVia: via })
      .where(and(eq(duties.id, open.id), unchanged)),
    endedAudit(db, actor, open, via),
  ]);
  return { ...open, endedAt: now };
}

/**
 * A check-in the tablet of a counter archived at `archivedAt` made at `at`, before the archive,
 * delivered late: the duty runs from `at` until the archive (or until the duty the archive
 * ended began, if that began later), and that duty, if it began earlier, ends at `at`
 * (`replaced`); audited. The officer's duties elsewhere are left as they are: the counter is
 * gone, the check-in only says who served there until then.
 */
export async function startDutyBeforeArchive(
  db: Db,
  duty: { counterId: string; officerId: string },
  { at, archivedAt }: { at: number; archivedAt: number },
  actor: DutyActor,
) {
  const id = newId("dut");
  const ended = await dutyEndedByArchive(db, duty.counterId, archivedAt);
  const replaced = ended && ended.startedAt <= at ? { ...ended, counterId: duty.counterId } : undefined;
  await db.batch([
    db.insert(duties).values({
      id,
      ...duty,
      startedAt: at,
      endedAt: ended && !replaced ? ended.startedAt : archivedAt,
      startedVia: "tablet",
    }),
    dutyAudit(db, actor, "duty.start", { id, ...duty }, "tablet"),
    ...(replaced
      ? [
          db
            .update(duties)
            .set({ endedAt: at, endedVia: "replaced" })
            .where(and(eq(duties.id, replaced.id), eq(duties.endedAt, replaced.endedAt!))),
          endedAudit(db, actor, replaced, "replaced"),
        ]
      : []),
  ]);
  return id;
}

/** The statements that end an officer's open duty now (deactivation), audited; put them in its batch. */
export async function endOfficerDuty(db: Db, officerId: string, now: number, actor: DutyActor) {
  const open = await db
    .select({ id: duties.id, counterId: duties.counterId, officerId: duties.officerId })
    .from(duties)
    .where(and(eq(duties.officerId, officerId), isNull(duties.endedAt)));
  return open.flatMap((d) => [
    db
      .update(duties)
      .set({ endedAt: sql`max(${now}, ${duties.startedAt})`, endedVia: "deactivation" })
      .where(and(eq(duties.id, d.id), isNull(duties.endedAt))),
    endedAudit(db, actor, d, "deactivation"),
  ]);
}

/** An agency's counters (not archived) and who serves at each now, for the duty board. */
export async function dutyBoard(db: Db, agencyId: string) {
  return db
    .select({
      counter: { code: counters.code, name: counters.name, closesAt: counters.closesAt },
      duty: {
        id: duties.id,
        startedAt: duties.startedAt,
        startedVia: duties.startedVia,
        officerId: officers.id,
        name: officers.name,
        nip: officers.nip,
      },
    })
    .from(counters)
    .leftJoin(duties, and(eq(duties.counterId, counters.id), isNull(duties.endedAt)))
    .leftJoin(officers, eq(officers.id, duties.officerId))
    .where(and(eq(counters.agencyId, agencyId), isNull(counters.archivedAt)))
    .orderBy(asc(counters.code));
}

/** One of an agency's open duties by id, with its counter, or undefined. */
export async function openDutyOf(db: Db, agencyId: string, id: string) {
  const [row] = await db
    .select({
      id: duties.id,
      counterId: duties.counterId,
      officerId: duties.officerId,
      startedAt: duties.startedAt,
      name: officers.name,
      counter: counters.code,
    })
    .from(duties)
    .innerJoin(counters, eq(counters.id, duties.counterId))
    .innerJoin(officers, eq(officers.id, duties.officerId))
    .where(and(eq(duties.id, id), eq(counters.agencyId, agencyId), isNull(duties.endedAt)));
  return row;
}

/** How long after its counter closes a forgotten duty ends by itself. */
export const AUTO_END_AFTER_CLOSE_MS = 3_600_000;

/**
 * When a duty started at `startedAt` ends by itself: the first instant at or after the start
 * that is an hour past its counter's closing time (in the agency's timezone). A duty begun
 * more than an hour after closing runs to the next day's. A counter open around the clock
 * (closing at its opening time, core/hours.ts) never closes: a duty forgotten there ends a
 * day after it began.
 */
export function autoEndOf(startedAt: number, closesAt: string, timezone: Timezone, opensAt?: string): number {
  if (opensAt === closesAt) return startedAt + 86_400_000;
  const [hours, minutes] = closesAt.split(":").map(Number);
  const midnight = startOfLocalDay(localDay(startedAt, timezone), timezone);
  const end = midnight + (hours * 60 + minutes) * 60_000 + AUTO_END_AFTER_CLOSE_MS;
  return end >= startedAt ? end : end + 86_400_000;
}

/**
 * Ends every duty still open an hour after its counter closed, at that time (not at the
 * time of the sweep, so a late sweep attributes nothing wrongly), audited as `auto`.
 * Returns how many ended. Run every minute on Node and on a Cron Trigger on Workers.
 */
export async function endOverdueDuties(db: Db, now: number): Promise<number> {
  const open = await db
    .select({
      id: duties.id,
      counterId: duties.counterId,
      officerId: duties.officerId,
      startedAt: duties.startedAt,
      opensAt: counters.opensAt,
      closesAt: counters.closesAt,
      agencyId: counters.agencyId,
      timezone: agencies.timezone,
    })
    .from(duties)
    .innerJoin(counters, eq(counters.id, duties.counterId))
    .innerJoin(agencies, eq(agencies.id, counters.agencyId))
    .where(isNull(duties.endedAt));
  const overdue = open
    .map((d) => ({ ...d, endsAt: autoEndOf(d.startedAt, d.closesAt, d.timezone, d.opensAt) }))
    .filter((d) => d.endsAt <= now);
  if (overdue.length === 0) return 0;
  const [first, ...rest] = overdue.flatMap((d) => [
    db
      .update(duties)
      .set({ endedAt: d.endsAt, endedVia: "auto" })
      .where(and(eq(duties.id, d.id), isNull(duties.endedAt))),
    endedAudit(db, { agencyId: d.agencyId, userId: null }, d, "auto"),
  ]);
  await db.batch([first, ...rest]);
  return overdue.length;
}

/** Hours an officer was on duty within [from, until) (ms), open duties counted up to `now`. */
export async function dutyHours(db: Db, officerId: string, from: number, until: number, now: number): Promise<number> {
  const rows = await db
    .select({ startedAt: duties.startedAt, endedAt: duties.endedAt })
    .from(duties)
    .where(
      and(
        eq(duties.officerId, officerId),
        lt(duties.startedAt, until),
        or(isNull(duties.endedAt), gt(duties.endedAt, from)),
      ),
    );
  const ms = rows.reduce(
    (sum, d) => sum + Math.max(0, Math.min(d.endedAt ?? now, until, now) - Math.max(d.startedAt, from)),
    0,
  );
  return Math.round((ms / 3_600_000) * 10) / 10;
}
