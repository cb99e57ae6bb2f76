/** Single-use rating tickets (QR codes on receipts and queue slips). */
import { eq, type SQL, sql } from "drizzle-orm";
import { newToken } from "../../core/ids.ts";
import type { Db } from "../client.ts";
import { agencies, counters, officers, services, type TicketSource, tickets } from "../schema.ts";

/** How long a ticket lives unless asked otherwise: a citizen rates the same day. */
export const DEFAULT_TICKET_TTL_MINUTES = 24 * 60;

/** What a ticket is for and who made it. */
export interface TicketFields {
  agencyId: string;
  serviceId: string;
  counterId: string | null;
  officerId: string | null;
  source: TicketSource;
  /** The device, integration key or account that made it. */
  issuer: string;
  /** The visit it is for (a queue slip), if any. */
  visitId?: string | null;
}

/**
 * The plausible pace of service (README, "The officer indicator: who vouches"): however a ticket is made, one officer,
 * one counter, or one issuer of tickets that name neither, gets at most `max` tickets in any
 * `windowMs`. A counter serves a citizen in minutes, not seconds.
 */
export const TICKET_PACE = [
  { windowMs: 5 * 60_000, max: 10 },
  { windowMs: 3_600_000, max: 60 },
] as const;
const PACE_WINDOW_MS = Math.max(...TICKET_PACE.map((p) => p.windowMs));

/** The columns whose recent tickets a new one is paced against: its officer, its counter, or else its issuer. */
function paceScopes(fields: TicketFields): SQL[] {
  const scopes: SQL[] = [];
  if (fields.officerId) scopes.push(sql`officer_id = ${fields.officerId}`);
  if (fields.counterId) scopes.push(sql`counter_id = ${fields.counterId}`);
  // A queue slip's ticket, printed when the number is taken, names nobody yet: the office prints
  // hundreds an hour, each for its own visit, so the pace holds per visit (reprints).
  if (scopes.length === 0 && fields.visitId)
    scopes.push(sql`agency_id = ${fields.agencyId} AND visit_id = ${fields.visitId}`);
  if (scopes.length === 0) scopes.push(sql`issuer = ${fields.issuer}`);
  return scopes;
}

/**
 * Issues a ticket if it keeps the pace, with `also` (its audit entry, the key's last use)
 * in the same transaction: each of those statements must be guarded by the `issued`
 * condition it is given, so it writes only if the ticket was issued. The pace is checked by the INSERT
 * itself, so tickets requested at once cannot all slip past it. Returns the ticket, or the
 * seconds to wait.
 */
export async function issueTicket(
  db: Db,
  fields: TicketFields,
  now: number,
  ttlMinutes = DEFAULT_TICKET_TTL_MINUTES,
  also: (issued: SQL) => SQL[] = () => [],
): Promise<{ id: string; expiresAt: number } | { wait: number }> {
  const id = newToken("t");
  const expiresAt = now + ttlMinutes * 60_000;
  const keepsPace = TICKET_PACE.flatMap(({ windowMs, max }) =>
    paceScopes(fields).map(
      (scope) => sql`(SELECT count(*) FROM tickets WHERE ${scope} AND created_at > ${now - windowMs}) < ${max}`,
    ),
  );
  const issued = sql`EXISTS (SELECT 1 FROM tickets WHERE id = ${id})`;
  const [inserted] = await db.batch([
    db.all<{
      id: string;
    }>(sql`INSERT INTO tickets (id, agency_id, service_id, counter_id, officer_id, created_at, expires_at, source, issuer, visit_id)
      SELECT ${id}, ${fields.agencyId}, ${fields.serviceId}, ${fields.counterId}, ${fields.officerId}, ${now}, ${expiresAt}, ${fields.source}, ${fields.issuer}, ${fields.visitId ?? null}
      WHERE ${sql.join(keepsPace, sql` AND `)} RETURNING id`),
    ...also(issued).map((statement) => db.run(statement)),
  ]);
  if (inserted.length > 0) return { id, expiresAt };
  return { wait: await paceWait(db, fields, now) };
}

/** Seconds until one more ticket keeps the pace for these fields. */
async function paceWait(db: Db, fields: TicketFields, now: number): Promise<number> {
  let wait = 1;
  for (const scope of paceScopes(fields)) {
    const rows = await db.all<{ created_at: number }>(
      sql`SELECT created_at FROM tickets WHERE ${scope} AND created_at > ${now - PACE_WINDOW_MS} ORDER BY created_at DESC`,
    );
    for (const { windowMs, max } of TICKET_PACE) {
      const recent = rows.filter((r) => r.created_at > now - windowMs);
      // The max-th newest must leave the window before another fits.
      if (recent.length >= max) wait = Math.max(wait, Math.ceil((recent[max - 1].created_at + windowMs - now) / 1000));
    }
  }
  return wait;
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
