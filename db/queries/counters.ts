/** The services given at counters: what a kiosk asks about and which service a face-only tap records. */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../client.ts";
import { counterServices, services } from "../schema.ts";

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
): Promise<{ statements: BatchItem<"sqlite">[] } | { unknown: string[] }> {
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
