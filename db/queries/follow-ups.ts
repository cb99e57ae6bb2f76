/** The follow-up plans (RTL) of an agency's SKM periods (db/schema/follow-ups.ts). */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { followUps } from "../schema.ts";

/** An RTL row as readers, the printed report and a publication's snapshot take it. */
export type FollowUp = Pick<
  typeof followUps.$inferSelect,
  "id" | "period" | "element" | "action" | "due" | "responsible" | "status" | "note" | "createdAt" | "updatedAt"
>;

/** The columns a reader gets. */
const COLUMNS = {
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
};

/** The RTL of a named period, oldest first (the order it was written in). */
export function followUpsOf(db: Db, agencyId: string, period: string): Promise<FollowUp[]> {
  return db
    .select(COLUMNS)
    .from(followUps)
    .where(and(eq(followUps.agencyId, agencyId), eq(followUps.period, period)))
    .orderBy(asc(followUps.createdAt), asc(followUps.id));
}

/** An agency's RTL row by id (null when it is another agency's or none). */
export async function followUpOf(db: Db, agencyId: string, id: string): Promise<FollowUp | null> {
  const [row] = await db
    .select(COLUMNS)
    .from(followUps)
    .where(and(eq(followUps.agencyId, agencyId), eq(followUps.id, id)));
  return row ?? null;
}

/** The insert of a new row; batch it with its audit entry. */
export const insertFollowUp = (db: Db, row: typeof followUps.$inferInsert) => db.insert(followUps).values(row);

/** The update of a row's fields (stamped `updatedAt`); batch it with its audit entry. */
export const updateFollowUp = (
  db: Db,
  agencyId: string,
  id: string,
  fields: Partial<Pick<FollowUp, "action" | "due" | "responsible" | "status" | "note">>,
) =>
  db
    .update(followUps)
    .set({ ...fields, updatedAt: Date.now() })
    .where(and(eq(followUps.agencyId, agencyId), eq(followUps.id, id)));

/** The delete of a row; batch it with its audit entry. */
export const deleteFollowUp = (db: Db, agencyId: string, id: string) =>
  db.delete(followUps).where(and(eq(followUps.agencyId, agencyId), eq(followUps.id, id)));
