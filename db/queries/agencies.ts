/** Reading agencies and what a rating form needs to know about one. */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencies, counters, services } from "../schema.ts";
import { servicesOfCounters } from "./counters.ts";

/** The agency with a slug, or undefined. */
export async function agencyBySlug(db: Db, slug: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return agency;
}

/** The agency's active services and counters (each with the slugs of its services), in a stable order. */
export async function formParts(db: Db, agencyId: string) {
  const [serviceRows, counterRows] = await Promise.all([
    db
      .select({ slug: services.slug, name: services.name })
      .from(services)
      .where(and(eq(services.agencyId, agencyId), isNull(services.archivedAt)))
      .orderBy(asc(services.name)),
    db
      .select({
        id: counters.id,
        code: counters.code,
        name: counters.name,
        opensAt: counters.opensAt,
        closesAt: counters.closesAt,
      })
      .from(counters)
      .where(and(eq(counters.agencyId, agencyId), isNull(counters.archivedAt)))
      .orderBy(asc(counters.code)),
  ]);
  const given = await servicesOfCounters(
    db,
    agencyId,
    counterRows.map((c) => c.id),
  );
  return {
    services: serviceRows,
    counters: counterRows.map(({ id, ...counter }) => ({
      ...counter,
      services: (given.get(id) ?? []).map((s) => s.slug),
    })),
  };
}

/** Whether any agency lists an origin for its widget (for CORS preflights, which carry no agency). */
export async function isRegisteredOrigin(db: Db, origin: string): Promise<boolean> {
  const rows = await db.select({ origins: agencies.embedOrigins }).from(agencies);
  return rows.some((r) => r.origins.includes(origin));
}

/** An agency's active counter with a code, or undefined. */
export async function counterByCode(db: Db, agencyId: string, code: string) {
  const [counter] = await db
    .select()
    .from(counters)
    .where(and(eq(counters.agencyId, agencyId), eq(counters.code, code), isNull(counters.archivedAt)));
  return counter;
}

/** An agency's active service with a slug, or undefined. */
export async function serviceBySlug(db: Db, agencyId: string, slug: string) {
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.agencyId, agencyId), eq(services.slug, slug), isNull(services.archivedAt)));
  return service;
}

/** The update that makes `origins` the only ones whose pages may embed the agency's widget. */
export const setEmbedOrigins = (db: Db, agencyId: string, origins: string[]) =>
  db.update(agencies).set({ embedOrigins: origins }).where(eq(agencies.id, agencyId));

/** An agency's slug, name and timezone by id, or undefined. */
export async function agencyName(db: Db, id: string) {
  const [row] = await db
    .select({ slug: agencies.slug, name: agencies.name, timezone: agencies.timezone })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row;
}

/** The agencies of a region by name. */
export const agenciesOfRegion = (db: Db, region: string) =>
  db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      timezone: agencies.timezone,
      region: agencies.region,
    })
    .from(agencies)
    .where(eq(agencies.region, region))
    .orderBy(asc(agencies.name));

/** The insert of a new agency. */
export const insertAgency = (db: Db, row: typeof agencies.$inferInsert) => db.insert(agencies).values(row);
