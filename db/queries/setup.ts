/** What an agency has set up so far: the first-run checklist, ticked from the real data. */
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencies, counters, devices, officers, ratings, services } from "../schema.ts";

/** How many active services, counters, officers and paired tablets an agency has, its origins, and its ratings. */
export async function setupState(db: Db, agencyId: string) {
  const one = (n: { n: number }[]) => n[0]?.n ?? 0;
  const [s, c, o, d, a, r] = await db.batch([
    db
      .select({ n: count() })
      .from(services)
      .where(and(eq(services.agencyId, agencyId), isNull(services.archivedAt))),
    db
      .select({ n: count() })
      .from(counters)
      .where(and(eq(counters.agencyId, agencyId), isNull(counters.archivedAt))),
    db
      .select({ n: count() })
      .from(officers)
      .where(and(eq(officers.agencyId, agencyId), eq(officers.active, true))),
    db
      .select({ n: count() })
      .from(devices)
      .where(and(eq(devices.agencyId, agencyId), isNotNull(devices.pairedAt), isNull(devices.revokedAt))),
    db.select({ origins: agencies.embedOrigins }).from(agencies).where(eq(agencies.id, agencyId)),
    db.select({ n: count() }).from(ratings).where(eq(ratings.agencyId, agencyId)),
  ]);
  return {
    services: one(s),
    counters: one(c),
    officers: one(o),
    tablets: one(d),
    origins: a[0]?.origins.length ?? 0,
    ratings: one(r),
  };
}
