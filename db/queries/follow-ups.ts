/** The follow-up plans (RTL) of an agency's SKM periods (db/schema/follow-ups.ts). */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { followUps } from "../schema.ts";

/** An RTL row as readers, the printed report and a publication's snapshot take it. */
export type FollowUp = Pick<
  typeof followUps.$inferSelect,
  "id" | "period" | "element" | "action" | "due" | "responsible" | "status" | "note" | "createdAt" | "updatedAt"
>;

/** The RTL of a named period, oldest first (the order it was written in). */
export function followUpsOf(db: Db, agencyId: string, period: string): Promise<FollowUp[]> {
  return db
    .select({
      id: followUps.id,
      period: followUps.period,
      element: followUps.element,
      action: followUps.action,
      due: followUps.due,
      responsible: followUps.responsible,
      status: followUps.status,
      note: followUps.note,
      createdAt: followUps.createdAt,
      updatedAt: followUps.updatedAt,
    })
    .from(followUps)
    .where(and(eq(followUps.agencyId, agencyId), eq(followUps.period, period)))
    .orderBy(asc(followUps.createdAt), asc(followUps.id));
}
