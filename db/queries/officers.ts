/** Officers (ASN) of an agency as the management screens list and change them; the PIN hash never leaves. */
import { and, asc, eq, getTableColumns, isNotNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencies, officers } from "../schema.ts";

const { pinHash: _, ...columns } = getTableColumns(officers);
/** The columns of an officer that may leave the server: all but the PIN hash, and whether there is one. */
const publicColumns = { ...columns, hasPin: isNotNull(officers.pinHash).mapWith(Boolean) };

const ofAgency = (agencyId: string, id: string) => and(eq(officers.id, id), eq(officers.agencyId, agencyId));

/** An agency's officers by name, inactive ones included. */
export const listOfficers = (db: Db, agencyId: string) =>
  db.select(publicColumns).from(officers).where(eq(officers.agencyId, agencyId)).orderBy(asc(officers.name));

/** One officer of an agency, or undefined. */
export async function officerOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db.select(publicColumns).from(officers).where(ofAgency(agencyId, id));
  return row;
}

/** The insert of a new officer, returning it without its PIN hash. */
export const insertOfficer = (db: Db, row: typeof officers.$inferInsert) =>
  db.insert(officers).values(row).returning(publicColumns);

/** The update of one officer of an agency. */
export const updateOfficer = (
  db: Db,
  agencyId: string,
  id: string,
  changes: Partial<Omit<typeof officers.$inferInsert, "id" | "agencyId">>,
) => db.update(officers).set(changes).where(ofAgency(agencyId, id));

/**
 * The active officer of an agency with this id or NIP (PIN hash included, for the kiosk's check),
 * or undefined: who may check in, be checked in, or end a duty with their PIN.
 */
export async function activeOfficer(db: Db, agencyId: string, by: { id: string } | { nip: string }) {
  const [row] = await db
    .select()
    .from(officers)
    .where(
      and(
        "id" in by ? eq(officers.id, by.id) : eq(officers.nip, by.nip),
        eq(officers.agencyId, agencyId),
        eq(officers.active, true),
      ),
    );
  return row;
}

/** An officer's NIP by id, or undefined. */
export async function officerNip(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ nip: officers.nip }).from(officers).where(eq(officers.id, id));
  return row?.nip;
}

/** The officer of an agency named by id or else by NIP (active or not), or undefined. */
export async function namedOfficerOfAgency(db: Db, agencyId: string, named: { officer?: string; nip?: string }) {
  const [row] = await db
    .select({ id: officers.id, name: officers.name, active: officers.active })
    .from(officers)
    .where(
      and(
        named.officer ? eq(officers.id, named.officer) : eq(officers.nip, named.nip!),
        eq(officers.agencyId, agencyId),
      ),
    );
  return row;
}

/** An officer with their agency, or undefined. */
export async function officerWithAgency(db: Db, id: string) {
  const [row] = await db
    .select({ officer: officers, agency: agencies })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .where(eq(officers.id, id));
  return row;
}
