/**
 * Storing citizens' ratings: idempotent by the client's id, attributed to the
 * officer on duty (kiosk) or named by a ticket (QR, widget), flagged where
 * something looks off, and added to the rollups in the same transaction.
 */
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { RatingInput, RatingResult } from "../../core/contract.ts";
import { localDay, TIMEZONES, type Timezone } from "../../core/period.ts";
import { maskComment } from "../../core/privacy.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import type { Db } from "../client.ts";
import { agencies, counters, devices, duties, type Flag, ratings, services, tickets } from "../schema.ts";
import { rollupInsertedRatings } from "./rollups.ts";

/** Two kiosk ratings closer than this cannot both be real services (DESIGN.md: `rapid_repeat`). */
export const RAPID_REPEAT_MS = 15_000;
/** A client clock this far ahead of the server's is flagged `clock_skew`. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Who is submitting, as the HTTP layer established it. */
export interface IngestCaller {
  /** The paired kiosk device making the call, if any. */
  device: { id: string; agencyId: string; counterId: string } | null;
  /** The Origin header of a browser call, if any. */
  origin: string | null;
  /** The server's clock. */
  now: number;
  /** An id for this call (stored with each row it inserts). */
  batch: string;
}

type Row = typeof ratings.$inferInsert;
type Rejection = { code: string; message: string };
const reject = (code: string, message: string): Rejection => ({ code, message });

const ids = <T>(items: T[], pick: (item: T) => string | undefined) => [
  ...new Set(items.map(pick).filter((v): v is string => v !== undefined)),
];

/**
 * Stores a batch of already schema-valid ratings and says, per item, whether it
 * was accepted, was a duplicate of one stored before, or was rejected and why.
 * Rejected items store nothing; accepted ones are durable when this resolves.
 */
export async function ingestRatings(db: Db, inputs: RatingInput[], caller: IngestCaller): Promise<RatingResult[]> {
  const results: RatingResult[] = new Array(inputs.length);
  const existing = new Set(
    (
      await db
        .select({ id: ratings.id })
        .from(ratings)
        .where(
          inArray(
            ratings.id,
            ids(inputs, (r) => r.id),
          ),
        )
    ).map((r) => r.id),
  );
  const seen = new Set<string>();
  const fresh: { input: RatingInput; index: number }[] = [];
  inputs.forEach((input, index) => {
    if (existing.has(input.id) || seen.has(input.id)) results[index] = { id: input.id, status: "duplicate" };
    else fresh.push({ input, index });
    seen.add(input.id);
  });

  const context = await loadContext(
    db,
    fresh.map((f) => f.input),
    caller,
  );
  const rows: { row: Row; index: number }[] = [];
  const usedTickets: string[] = [];
  for (const { input, index } of fresh) {
    const row = toRow(input, context, caller);
    if ("code" in row) {
      results[index] = { id: input.id, status: "rejected", error: row };
    } else if (input.honeypot) {
      // A bot filled the hidden field: tell it what it hopes to hear, keep nothing.
      results[index] = { id: input.id, status: "accepted" };
    } else {
      rows.push({ row, index });
      if (row.ticketId) usedTickets.push(row.ticketId);
    }
  }

  if (rows.length > 0) {
    const [inserted] = await db.batch([
      db
        .insert(ratings)
        .values(rows.map((r) => r.row))
        .onConflictDoNothing()
        .returning({ id: ratings.id }),
      rollupInsertedRatings(
        db,
        caller.batch,
        rows.map((r) => r.row.id),
      ),
      ...(usedTickets.length
        ? [db.update(tickets).set({ usedAt: caller.now }).where(inArray(tickets.id, usedTickets))]
        : []),
      ...(caller.device
        ? [db.update(devices).set({ lastSeenAt: caller.now }).where(eq(devices.id, caller.device.id))]
        : []),
    ]);
    const insertedIds = new Set(inserted.map((r) => r.id));
    for (const { row, index } of rows) {
      // Lost a race with a concurrent resend of the same id (or ticket): stored once, by the other call.
      results[index] = { id: row.id, status: insertedIds.has(row.id) ? "accepted" : "duplicate" };
    }
  }
  return results;
}

type Agency = typeof agencies.$inferSelect;
type Service = typeof services.$inferSelect;
type Counter = typeof counters.$inferSelect;
type Ticket = typeof tickets.$inferSelect;
type Duty = typeof duties.$inferSelect;

interface Context {
  agencies: Map<string, Agency>;
  services: Map<string, Service>;
  tickets: Map<string, Ticket>;
  counter: Counter | undefined;
  duties: Duty[];
  /** Kiosk taps stored before or sent now on the caller's device, oldest first. */
  deviceTaps: { id: string; createdAt: number }[];
}

async function loadContext(db: Db, inputs: RatingInput[], caller: IngestCaller): Promise<Context> {
  const context: Context = {
    agencies: new Map(),
    services: new Map(),
    tickets: new Map(),
    counter: undefined,
    duties: [],
    deviceTaps: [],
  };
  if (inputs.length === 0) return context;
  const agencyRows = await db
    .select()
    .from(agencies)
    .where(
      inArray(
        agencies.slug,
        ids(inputs, (r) => r.agency),
      ),
    );
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
  const ticketIds = ids(inputs, (r) => r.ticket);
  if (ticketIds.length > 0) {
    for (const ticket of await db.select().from(tickets).where(inArray(tickets.id, ticketIds))) {
      context.tickets.set(ticket.id, ticket);
    }
  }
  const device = caller.device;
  const kiosk = inputs.filter((r) => r.channel === "kiosk").map((r) => Date.parse(r.createdAt));
  if (device && kiosk.length > 0) {
    const first = Math.min(...kiosk);
    const last = Math.max(...kiosk);
    [context.counter] = await db.select().from(counters).where(eq(counters.id, device.counterId));
    context.duties = await db
      .select()
      .from(duties)
      .where(
        and(
          eq(duties.counterId, device.counterId),
          lte(duties.startedAt, last),
          or(isNull(duties.endedAt), gt(duties.endedAt, first)),
        ),
      );
    const stored = await db
      .select({ id: ratings.id, createdAt: ratings.createdAt })
      .from(ratings)
      .where(
        and(eq(ratings.deviceId, device.id), sql`${ratings.createdAt} BETWEEN ${first - RAPID_REPEAT_MS} AND ${last}`),
      );
    const sent = inputs
      .filter((r) => r.channel === "kiosk")
      .map((r) => ({ id: r.id, createdAt: Date.parse(r.createdAt) }));
    context.deviceTaps = [...stored, ...sent].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }
  return context;
}

/** Builds the row for one new rating, or says why it is refused. */
function toRow(input: RatingInput, context: Context, caller: IngestCaller): Row | Rejection {
  const agency = context.agencies.get(input.agency);
  if (!agency) return reject("unknown_agency", `No agency has the slug "${input.agency}".`);
  const service = context.services.get(`${agency.id}/${input.service}`);
  if (!service) return reject("unknown_service", `Agency "${input.agency}" has no service "${input.service}".`);
  const createdAt = Date.parse(input.createdAt);
  const flags: Flag[] = [];
  let counterId: string | null = null;
  let officerId: string | null = null;
  let deviceId: string | null = null;
  let ticketId: string | null = null;

  if (input.channel === "kiosk") {
    const device = caller.device;
    if (!device) return reject("device_required", "Kiosk ratings must be sent with a paired device's token.");
    if (device.agencyId !== agency.id) return reject("wrong_agency", "This device belongs to another agency.");
    if (input.ticket) return reject("invalid_ticket", "Kiosk ratings do not carry tickets.");
    deviceId = device.id;
    counterId = device.counterId;
    // Attribution by the time of the tap, not of the sync (DESIGN.md, "Channels and attribution").
    const duty = context.duties.find((d) => d.startedAt <= createdAt && (d.endedAt === null || d.endedAt > createdAt));
    officerId = duty?.officerId ?? null;
    const index = context.deviceTaps.findIndex((t) => t.id === input.id);
    const previous = context.deviceTaps[index - 1];
    if (previous && createdAt - previous.createdAt < RAPID_REPEAT_MS) flags.push("rapid_repeat");
    if (context.counter && outsideHours(createdAt, agency.timezone, context.counter)) flags.push("outside_hours");
  } else {
    if (input.channel === "widget" && !agency.embedOrigins.includes(caller.origin ?? "")) {
      return reject(
        "origin_not_allowed",
        `Widget ratings for "${agency.slug}" are accepted only from the agency's registered origins.`,
      );
    }
    if (input.channel === "qr" && !input.ticket) return reject("ticket_required", "QR ratings need a ticket.");
    if (input.ticket) {
      const ticket = context.tickets.get(input.ticket);
      if (!ticket || ticket.agencyId !== agency.id) return reject("invalid_ticket", "This ticket does not exist.");
      if (ticket.usedAt !== null) return reject("ticket_used", "This ticket has already been used.");
      if (ticket.expiresAt <= caller.now) return reject("ticket_expired", "This ticket has expired.");
      if (ticket.serviceId !== service.id) return reject("ticket_mismatch", "This ticket is for another service.");
      ticketId = ticket.id;
      counterId = ticket.counterId;
      officerId = ticket.officerId;
    }
  }
  if (createdAt - caller.now > CLOCK_SKEW_MS) flags.push("clock_skew");
  const comment = input.comment?.trim() ? maskComment(input.comment.trim()) : null;
  return {
    id: input.id,
    agencyId: agency.id,
    serviceId: service.id,
    counterId,
    officerId,
    deviceId,
    ticketId,
    channel: input.channel,
    overall: input.overall ?? null,
    ...Object.fromEntries(ELEMENT_IDS.map((e) => [e, input.answers?.[e] ?? null])),
    reasons: input.reasons?.length ? input.reasons : null,
    comment,
    respondent: input.respondent && Object.keys(input.respondent).length ? input.respondent : null,
    locale: input.locale ?? "id",
    createdAt,
    receivedAt: caller.now,
    day: localDay(createdAt, agency.timezone),
    flags,
    counted: !flags.includes("rapid_repeat"),
    batch: caller.batch,
  };
}

/** Whether an instant falls outside a counter's local service hours. */
function outsideHours(instant: number, timezone: Timezone, counter: Counter): boolean {
  const local = new Date(instant + TIMEZONES[timezone] * 3_600_000).toISOString().slice(11, 16);
  return local < counter.opensAt || local >= counter.closesAt;
}
