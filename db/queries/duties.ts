/** Who serves at a counter when: check-in, check-out and the current duty. */
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import type { Db } from "../client.ts";
import { duties, officers } from "../schema.ts";

/** The open duty at a counter with its officer, or undefined. */
export async function currentDuty(db: Db, counterId: string) {
  const [row] = await db
    .select({
      id: duties.id,
      startedAt: duties.startedAt,
      officerId: officers.id,
      name: officers.name,
      position: officers.position,
      photoUrl: officers.photoUrl,
    })
    .from(duties)
    .innerJoin(officers, eq(officers.id, duties.officerId))
    .where(and(eq(duties.counterId, counterId), isNull(duties.endedAt)));
  return row;
}

/**
 * Starts an officer's duty at a counter. One officer serves a counter at a time
 * and an officer serves one counter at a time, so open duties of either end now.
 */
export async function startDuty(db: Db, counterId: string, officerId: string, now: number) {
  const id = newId("dut");
  await db.batch([
    // A change a tablet made offline may predate a duty that started since: never end one before it began.
    db
      .update(duties)
      .set({ endedAt: sql`max(${now}, ${duties.startedAt})` })
      .where(and(isNull(duties.endedAt), or(eq(duties.counterId, counterId), eq(duties.officerId, officerId)))),
    db.insert(duties).values({ id, counterId, officerId, startedAt: now }),
  ]);
  return id;
}

/** Ends an open duty (as `currentDuty` found it) and returns it with its end. */
export async function endDuty<T extends { id: string }>(db: Db, open: T, now: number) {
  await db.update(duties).set({ endedAt: now }).where(eq(duties.id, open.id));
  return { ...open, endedAt: now };
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
