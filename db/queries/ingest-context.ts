/**
 * What an ingest call reads before deciding on each rating: the agencies,
 * services and tickets it names, and for kiosk taps the counters, the duties
 * that cover them and the device's neighbouring taps (for `rapid_repeat`).
 */
import { and, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { agencies, counters, duties, ratings, services, tickets } from "../schema.ts";
import type { IngestItem } from "./ingest.ts";

/** Two kiosk ratings closer than this cannot both be real services (DESIGN.md: `rapid_repeat`). */
export const RAPID_REPEAT_MS = 15_000;

/** The distinct defined values of a list. */
export const unique = <T>(values: (T | undefined | null)[]) => [
  ...new Set(values.filter((v): v is T => v !== undefined && v !== null)),
];

type Agency = typeof agencies.$inferSelect;
type Service = typeof services.$inferSelect;
/** A counter row. */
export type Counter = typeof counters.$inferSelect;
type Ticket = typeof tickets.$inferSelect;
type Duty = typeof duties.$inferSelect;

/** Everything the rows of one call need to know, read in a few queries. */
export interface Context {
  agencies: Map<string, Agency>;
  /** By `${agencyId}/${slug}`. */
  services: Map<string, Service>;
  tickets: Map<string, Ticket>;
  counters: Map<string, Counter>;
  /** Duties of the senders' counters that overlap the taps, by counter id. */
  duties: Map<string, Duty[]>;
  /** Kiosk taps stored before or sent now, per device, oldest first. */
  taps: Map<string, { id: string; createdAt: number }[]>;
}

/** Reads, in a few queries for the whole call, everything the rows need. */
export async function loadContext(db: Db, items: IngestItem[]): Promise<Context> {
  const context: Context = {
    agencies: new Map(),
    services: new Map(),
    tickets: new Map(),
    counters: new Map(),
    duties: new Map(),
    taps: new Map(),
  };
  if (items.length === 0) return context;
  const agencyRows = await db
    .select()
    .from(agencies)
    .where(inArray(agencies.slug, unique(items.map((i) => i.input.agency))));
  for (const agency of agencyRows) context.agencies.set(agency.slug, agency);
  if (agencyRows.length > 0) {
    const serviceRows = await db
      .select()
      .from(services)
      .where(
        and(
          inArray(
            services.agencyId,
            agencyRows.map((a) => a.id),
          ),
          isNull(services.archivedAt),
        ),
      );
    for (const service of serviceRows) context.services.set(`${service.agencyId}/${service.slug}`, service);
  }
  const ticketIds = unique(items.map((i) => i.input.ticket));
  if (ticketIds.length > 0) {
    for (const ticket of await db.select().from(tickets).where(inArray(tickets.id, ticketIds))) {
      context.tickets.set(ticket.id, ticket);
    }
  }

  const kiosk = items.filter((i) => i.input.channel === "kiosk" && i.sender.device);
  if (kiosk.length === 0) return context;
  const times = kiosk.map((i) => Date.parse(i.input.createdAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const counterIds = unique(kiosk.map((i) => i.sender.device?.counterId));
  const deviceIds = unique(kiosk.map((i) => i.sender.device?.id));
  const [counterRows, dutyRows, storedTaps] = await db.batch([
    db.select().from(counters).where(inArray(counters.id, counterIds)),
    db
      .select()
      .from(duties)
      .where(
        and(
          inArray(duties.counterId, counterIds),
          lte(duties.startedAt, last),
          or(isNull(duties.endedAt), gt(duties.endedAt, first)),
        ),
      ),
    db
      .select({ id: ratings.id, deviceId: ratings.deviceId, createdAt: ratings.createdAt })
      .from(ratings)
      .where(
        and(
          inArray(ratings.deviceId, deviceIds),
          sql`${ratings.createdAt} BETWEEN ${first - RAPID_REPEAT_MS} AND ${last}`,
        ),
      ),
  ]);
  for (const counter of counterRows) context.counters.set(counter.id, counter);
  for (const duty of dutyRows)
    context.duties.set(duty.counterId, [...(context.duties.get(duty.counterId) ?? []), duty]);
  const sent = kiosk.map((i) => ({
    id: i.input.id,
    deviceId: i.sender.device?.id ?? null,
    createdAt: Date.parse(i.input.createdAt),
  }));
  for (const tap of [...storedTaps, ...sent]) {
    if (!tap.deviceId) continue;
    const list = context.taps.get(tap.deviceId);
    if (list) list.push(tap);
    else context.taps.set(tap.deviceId, [tap]);
  }
  for (const list of context.taps.values()) list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return context;
}
