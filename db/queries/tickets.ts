/** Single-use rating tickets (QR codes on receipts and queue slips). */
import { eq } from "drizzle-orm";
import { newToken } from "../../core/ids.ts";
import type { Db } from "../client.ts";
import { agencies, counters, officers, services, tickets } from "../schema.ts";

/** How long a ticket lives unless asked otherwise: a citizen rates the same day. */
export const DEFAULT_TICKET_TTL_MINUTES = 24 * 60;

/** Issues a ticket for a service (and optionally the counter and officer who served). */
export async function issueTicket(
  db: Db,
  fields: { agencyId: string; serviceId: string; counterId: string | null; officerId: string | null },
  now: number,
  ttlMinutes = DEFAULT_TICKET_TTL_MINUTES,
) {
  const id = newToken("t");
  const expiresAt = now + ttlMinutes * 60_000;
  await db.insert(tickets).values({ id, ...fields, createdAt: now, expiresAt });
  return { id, expiresAt };
}

/** What a ticket rates, for the hosted rating page; undefined when unknown. */
export async function describeTicket(db: Db, id: string) {
  const [row] = await db
    .select({
      agency: { slug: agencies.slug, name: agencies.name },
      service: { slug: services.slug, name: services.name },
      counter: { code: counters.code, name: counters.name },
      officer: { name: officers.name, position: officers.position, photoUrl: officers.photoUrl },
      expiresAt: tickets.expiresAt,
      usedAt: tickets.usedAt,
    })
    .from(tickets)
    .innerJoin(agencies, eq(agencies.id, tickets.agencyId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .leftJoin(officers, eq(officers.id, tickets.officerId))
    .where(eq(tickets.id, id));
  return row;
}
