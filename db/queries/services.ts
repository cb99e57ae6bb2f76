/** Services of an agency (jenis layanan): listed, created, renamed and archived, every change audited. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { services } from "../schema.ts";
import { auditInsert } from "./audit.ts";

/** What a service is made or changed with. */
export interface ServiceFields {
  slug: string;
  name: string;
}

/** An agency's services by name, archived ones included. */
export const listServices = (db: Db, agencyId: string) =>
  db.select().from(services).where(eq(services.agencyId, agencyId)).orderBy(asc(services.name));

const ofAgency = (agencyId: string, id: string) => and(eq(services.id, id), eq(services.agencyId, agencyId));

/** One service of an agency, or undefined. */
export async function serviceOfAgency(db: Db, agencyId: string, id: string) {
  const [row] = await db.select().from(services).where(ofAgency(agencyId, id));
  return row;
}

/** Creates a service, audited; returns it as stored. */
export async function createService(
  db: Db,
  row: ServiceFields & { id: string; agencyId: string },
  actorUserId: string,
) {
  const [[created]] = await db.batch([
    db.insert(services).values(row).returning(),
    auditInsert(db, { actorUserId, agencyId: row.agencyId, action: "service.create", target: row.id, details: row }),
  ]);
  return created;
}

/** Changes a service's name or slug, audited. */
export async function updateService(
  db: Db,
  agencyId: string,
  id: string,
  changes: Partial<ServiceFields>,
  actorUserId: string,
) {
  await db.batch([
    db.update(services).set(changes).where(ofAgency(agencyId, id)),
    auditInsert(db, { actorUserId, agencyId, action: "service.update", target: id, details: changes }),
  ]);
}

/** Archives a service (it leaves the forms, its ratings stay), audited. */
export async function archiveService(db: Db, agencyId: string, id: string, archivedAt: number, actorUserId: string) {
  await db.batch([
    db.update(services).set({ archivedAt }).where(ofAgency(agencyId, id)),
    auditInsert(db, { actorUserId, agencyId, action: "service.archive", target: id }),
  ]);
}
