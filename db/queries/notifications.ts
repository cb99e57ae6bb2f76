/** Each reader's notifications of alert events, with read state (docs/design.md, "Alerts"). */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { AlertSubject } from "../../core/alert-contract.ts";
import type { Db } from "../client.ts";
import { alertEvents, notifications } from "../schema.ts";

const mine = (userId: string, agencyId: string) =>
  and(eq(notifications.userId, userId), eq(notifications.agencyId, agencyId));

/** How many of a reader's notifications in an agency are unread (the partial index answers it). */
export async function unreadCount(db: Db, userId: string, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(userId, agencyId), isNull(notifications.readAt)));
  return row.n;
}

/** A reader's latest notifications in an agency, newest first. */
export async function notificationsOf(db: Db, userId: string, agencyId: string, limit: number) {
  if (limit === 0) return [];
  const rows = await db
    .select({ id: alertEvents.id, at: notifications.at, readAt: notifications.readAt, subject: alertEvents.subject })
    .from(notifications)
    .innerJoin(alertEvents, eq(alertEvents.id, notifications.eventId))
    .where(mine(userId, agencyId))
    .orderBy(desc(notifications.at), desc(alertEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    readAt: r.readAt === null ? null : new Date(r.readAt).toISOString(),
    subject: r.subject as AlertSubject,
  }));
}

/** Marks some (by event id) or all of a reader's unread notifications in an agency read, now. */
export async function markRead(db: Db, userId: string, agencyId: string, ids: string[] | "all") {
  const where = and(mine(userId, agencyId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: Date.now() })
    .where(ids === "all" ? where : and(where, inArray(notifications.eventId, ids)));
}
