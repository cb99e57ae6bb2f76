/**
 * Counters of an agency (loket) and the services given at each: what a kiosk asks about and
 * which service a face-only tap records. Every change is audited.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db, Statement } from "../client.ts";
import { counterServices, counters, devices, duties, services } from "../schema.ts";
import { type AuditEntry, auditInsert } from "./audit.ts";
import { revokeDevices } from "./devices.ts";

/** A service as a kiosk shows it. */
export interface CounterService {
  slug: string;
  name: string;
}

/**
 * The active services of each counter, in the counter's order. A counter with
 * none set gives every active service of the agency (the kiosk then asks which).
 */
export async function servicesOfCounters(
  db: Db,
  agencyId: string,
  counterIds: string[],
): Promise<Map<string, CounterService[]>> {
  const [set, all] = await Promise.all([
    counterIds.length
      ? db
          .select({ counterId: counterServices.counterId, slug: services.slug, name: services.name })
          .from(counterServices)
          .innerJoin(services, eq(services.id, counterServices.serviceId))
          .where(and(inArray(counterServices.counterId, counterIds), isNull(services.archivedAt)))
          .orderBy(asc(counterServices.position))
      : [],
    db
      .select({ slug: services.slug, name: services.name })
      .from(services)
      .where(and(eq(services.agencyId, agencyId), isNull(services.archivedAt)))
      .orderBy(asc(services.name)),
  ]);
  const out = new Map<string, CounterService[]>();
  for (const id of counterIds) {
    const own = set.filter((row) => row.counterId === id).map(({ slug, name }) => ({ slug, name }));
    out.set(id, own.length ? own : all);
  }
  return out;
}

/**
 * The statements that make `slugs` the services of a counter, in that order, or the
 * slugs that name no active service of the agency.
 */
export async function setCounterServices(
  db: Db,
  agencyId: string,
  counterId: string,
  slugs: string[],
): Promise<{ statements: Statement[] } | { unknown: string[] }> {
  const rows = slugs.length
    ? await db
        .select({ id: services.id, slug: services.slug })
        .from(services)
        .where(and(eq(services.agencyId, agencyId), inArray(services.slug, slugs), isNull(services.archivedAt)))
    : [];
  const unknown = slugs.filter((slug) => !rows.some((r) => r.slug === slug));
  if (unknown.length) return { unknown };
  const ordered = [...new Set(slugs)].map((slug, position) => ({
    counterId,
    serviceId: rows.find((r) => r.slug === slug)!.id,
    position,
  }));
  return {
    statements: [
      db.delete(counterServices).where(eq(counterServices.counterId, counterId)),
      ...(ordered.length ? [db.insert(counterServices).values(ordered)] : []),
    ],
  };
}

/** A counter as stored. */
export type CounterRecord = typeof counters.$inferSelect;

/** An agency's counters by code, archived ones included. */
export const listCounters = (db: Db, agencyId: string) =>
  db.select().from(counters).where(eq(counters.agencyId, agencyId)).orderBy(asc(counters.code));

const ofAgency = (agencyId: string, id: string) => and(eq(counters.id, id), eq(counters.agencyId, agencyId));

/** One counter of an agency, or undefined. */
export async function counterOfAgency(db: Db, agencyId: string, id: string): Promise<CounterRecord | undefined> {
  const [row] = await db.select().from(counters).where(ofAgency(agencyId, id));
  return row;
}

/** Who makes a change to a counter, for the audit log. */
type Actor = Pick<AuditEntry, "actorUserId" | "agencyId">;

/** Creates a counter with the statements that set its services, audited with `details`. */
export async function createCounter(
  db: Db,
  row: typeof counters.$inferInsert & { id: string },
  given: Statement[],
  actor: Actor,
  details: unknown,
) {
  await db.batch([
    db.insert(counters).values(row),
    ...given,
    auditInsert(db, { ...actor, action: "counter.create", target: row.id, details }),
  ]);
}

/** Changes a counter (and, with `given`, its services), audited with `details`. */
export async function updateCounter(
  db: Db,
  id: string,
  changes: Partial<typeof counters.$inferInsert>,
  given: Statement[],
  actor: Actor & { agencyId: string },
  details: unknown,
) {
  await db.batch([
    db.update(counters).set(changes).where(ofAgency(actor.agencyId, id)),
    ...given,
    auditInsert(db, { ...actor, action: "counter.update", target: id, details }),
  ]);
}

/**
 * Archives a counter: from `archivedAt` on it takes no new rating and nobody serves there, so its
 * open duty ends and the pairing codes not yet used stop working, in the same batch, audited.
 * Its paired tablets keep their tokens to deliver what they kept from before the archive and
 * start nothing new (docs/design.md, "Archiving"); the audit entry names them.
 */
export async function archiveCounter(
  db: Db,
  id: string,
  archivedAt: number,
  now: number,
  actor: Actor & { agencyId: string },
): Promise<void> {
  const retired = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.counterId, id), isNull(devices.revokedAt), isNotNull(devices.pairedAt)));
  await db.batch([
    db.update(counters).set({ archivedAt }).where(ofAgency(actor.agencyId, id)),
    revokeDevices(db, and(eq(devices.counterId, id), isNull(devices.pairedAt)), now),
    db
      .update(duties)
      .set({ endedAt: now })
      .where(and(eq(duties.counterId, id), isNull(duties.endedAt))),
    auditInsert(db, {
      ...actor,
      action: "counter.archive",
      target: id,
      details: { retiredDevices: retired.map((d) => d.id) },
    }),
  ]);
}
