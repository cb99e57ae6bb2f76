/**
 * Storing citizens' ratings: idempotent by the client's id, attributed to the
 * officer on duty (kiosk) or named by a ticket (QR, widget), flagged where
 * something looks off, and added to the rollups in the same transaction.
 * One call may carry ratings from many senders, so concurrent requests can
 * share one transaction (group commit, see worker/ingest-queue.ts).
 */
import type { InStatement, InValue } from "@libsql/client";
import type { RatingInput, RatingResult } from "../../core/contract.ts";
import { withinHours } from "../../core/hours.ts";
import { localDay, TIMEZONES, type Timezone } from "../../core/period.ts";
import { maskComment } from "../../core/privacy.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import {
  aheadOfServer,
  deviceTimeRefusal,
  mayComplete,
  rapidRepeat,
  serverCheckedTime,
} from "../../core/rating-time.ts";
import { visitOfTap } from "../../core/visit-join.ts";
import type { Db } from "../client.ts";
import type { EmbeddedFile, SqlRow } from "../embedded.ts";
import type { Flag, ratings } from "../schema.ts";
import {
  type CounterHoursRow,
  contextQuery,
  type IngestContext,
  MORE_THAN_A_FACE,
  type StoredRating,
  unique,
} from "./ingest-context.ts";
import { rollupAddedRating, rollupInsertedRatings, rollupRemovedRating } from "./rollups.ts";
import { rateVisitsOfRatings } from "./visit-rollups.ts";

/** Who sent a rating, as the HTTP layer established it. */
export interface Sender {
  /** The paired kiosk device that sent it, if any. */
  device: { id: string; agencyId: string; counterId: string; pairedAt: number } | null;
  /** The Origin header of a browser call, if any. */
  origin: string | null;
  /**
   * Whether that Origin names Suara itself (its poster and QR pages): trusted for any agency as a
   * registered origin is, no more (a script can forge it as it can forge a registered one).
   */
  ownSite?: boolean;
}

/** Whether a widget rating's sender may rate this agency: Suara's own pages, or an origin the agency registered. */
const originAllowed = (agency: { embedOrigins: string[] }, sender: Sender) =>
  sender.ownSite === true || agency.embedOrigins.includes(sender.origin ?? "");

/** One rating and who sent it. */
export interface IngestItem {
  input: RatingInput;
  sender: Sender;
}

type Row = typeof ratings.$inferInsert;
type Rejection = { code: string; message: string };
const reject = (code: string, message: string): Rejection => ({ code, message });

/**
 * Stores already schema-valid ratings through @libsql/client (Workers, a remote
 * database) and says, per item and in order, whether each was accepted,
 * duplicated one stored before (or earlier in the call), completed a face-only
 * rating, or was rejected and why. Rejected items store nothing; accepted ones
 * are durable when this resolves. `batch` is a fresh id for this call, `now` the
 * server clock. The reads are one batch and the writes another.
 */
export async function ingestRatings(db: Db, items: IngestItem[], now: number, batch: string): Promise<RatingResult[]> {
  const query = contextQuery(items);
  const read = query.statements.length ? await db.$client.batch(query.statements, "read") : [];
  const decided = decide(items, query.parse(read.map((answer) => answer.rows)), now, batch);
  const written = decided.writes.length ? await db.$client.batch(decided.writes, "write") : [];
  return decided.settle(written.map((answer) => answer.rows));
}

/**
 * The same on the embedded file's own connection (Node): reads and writes in one
 * synchronous transaction, so nothing can change between what it read and what
 * it writes. Throws SQLITE_BUSY, having done nothing, while another process holds
 * the write lock.
 */
export function ingestRatingsSync(file: EmbeddedFile, items: IngestItem[], now: number, batch: string): RatingResult[] {
  return file.write((run) => {
    const query = contextQuery(items);
    const decided = decide(items, query.parse(run(query.statements)), now, batch);
    return decided.settle(run(decided.writes));
  });
}

/** What one call decided before writing: the statements that store it, and its results once they ran. */
interface Decision {
  writes: InStatement[];
  /** Every item's result, from the writes' rows (the INSERT's, first, names the rows it stored). */
  settle: (written: SqlRow[][]) => RatingResult[];
}

/** Decides each item's fate from what was read, and the statements that store the accepted ones. */
function decide(items: IngestItem[], context: IngestContext, now: number, batch: string): Decision {
  const results: RatingResult[] = new Array(items.length);
  const seen = new Set(context.stored.keys());
  const fresh: { item: IngestItem; index: number }[] = [];
  const again: { item: IngestItem; index: number }[] = [];
  items.forEach((item, index) => {
    if (!seen.has(item.input.id)) fresh.push({ item, index });
    else if (context.stored.has(item.input.id) && adds(item.input)) again.push({ item, index });
    else results[index] = { id: item.input.id, status: "duplicate" };
    seen.add(item.input.id);
  });

  const completions: InStatement[] = [];
  for (const { item, index } of again) {
    const done = completion(item, context.stored.get(item.input.id)!, context, now);
    results[index] = { id: item.input.id, status: done ? "completed" : "duplicate" };
    if (done) completions.push(...done);
  }
  const rows: { row: Row; index: number }[] = [];
  for (const { item, index } of fresh) {
    const row = toRow(item, context, now, batch);
    if ("code" in row) {
      results[index] = { id: item.input.id, status: "rejected", error: row };
    } else if (item.input.honeypot) {
      // A bot filled the hidden field: tell it what it hopes to hear, keep nothing.
      results[index] = { id: item.input.id, status: "accepted" };
    } else {
      rows.push({ row, index });
    }
  }
  if (rows.length === 0) return { writes: completions, settle: () => results };

  const usedTickets = unique(rows.map((r) => r.row.ticketId));
  const rating = rows.filter((r) => r.row.visitId).map((r) => r.row.id);
  // Raw statements on the hot path: drizzle's builder costs more than SQLite for 500-row inserts.
  // (A tablet's last-seen time comes from its status report after each sync, not from here.)
  const writes = [
    insertStatement(rows.map((r) => r.row)),
    rollupInsertedRatings(batch),
    ...(usedTickets.length
      ? [
          {
            sql: "UPDATE tickets SET used_at = ? WHERE id IN (SELECT value FROM json_each(?))",
            args: [now, JSON.stringify(usedTickets)],
          },
        ]
      : []),
    // Ratings that joined a visit mark it rated, once (db/queries/visit-rollups.ts).
    ...(rating.length ? rateVisitsOfRatings(rating, batch, now) : []),
    ...completions,
  ];
  return {
    writes,
    settle: ([inserted]) => {
      const insertedIds = new Set(inserted.map((r) => r.id as string));
      for (const { row, index } of rows) {
        // Lost a race with a concurrent resend of the same id (or ticket): stored once, by the other call.
        results[index] = { id: row.id, status: insertedIds.has(row.id) ? "accepted" : "duplicate" };
      }
      return results;
    },
  };
}

/** The condition a completion's update checks again inside the transaction. */
const STILL_FACE_ONLY = `NOT ${MORE_THAN_A_FACE}`;

/** Whether a submitted rating carries more than a face: answers, reasons, a comment or the profile. */
const adds = (input: RatingInput) =>
  Object.keys(input.answers ?? {}).length > 0 ||
  Boolean(input.reasons?.length) ||
  Boolean(input.comment?.trim()) ||
  Object.keys(input.respondent ?? {}).length > 0;

/**
 * The statements that complete a face-only widget or QR rating with what its
 * citizen added afterwards (the survey, reasons, a comment, the profile), or null
 * when this resend is only a duplicate. The same id, agency, service, channel and
 * face, from the same registered origin or ticket, within COMPLETE_WITHIN_MS (core/rating-time.ts), once:
 * a rating that already has more than a face is never changed. Its rollups move in
 * the same transaction: out as it was, in as it is (a no-op pair when a concurrent
 * completion got there first, since the update then matches nothing).
 */
function completion(
  { input, sender }: IngestItem,
  row: StoredRating,
  context: IngestContext,
  now: number,
): InStatement[] | null {
  const agency = context.agencies.get(input.agency);
  const service = agency && context.services.get(`${agency.id}/${input.service}`);
  if (!agency || !service || agency.id !== row.agencyId || service.id !== row.serviceId) return null;
  if (row.channel === "kiosk" || row.channel !== input.channel || row.overall !== (input.overall ?? null)) return null;
  if (!mayComplete(row.receivedAt, now) || row.more) return null;
  if (row.channel === "widget" && !originAllowed(agency, sender)) return null;
  if (row.channel === "qr" && input.ticket !== row.ticketId) return null;
  const answers = ELEMENT_IDS.map((e) => input.answers?.[e] ?? null);
  const respondent = input.respondent && Object.keys(input.respondent).length ? JSON.stringify(input.respondent) : null;
  const update: InStatement = {
    sql: `UPDATE ratings SET ${ELEMENT_IDS.map((e) => `${e} = ?`).join(", ")}, reasons = ?, comment = ?, respondent = ? WHERE id = ? AND ${STILL_FACE_ONLY}`,
    args: [
      ...answers,
      input.reasons?.length ? JSON.stringify(input.reasons) : null,
      input.comment?.trim() ? maskComment(input.comment.trim()) : null,
      respondent,
      input.id,
    ],
  };
  return row.counted ? [rollupRemovedRating(input.id), update, rollupAddedRating(input.id)] : [update];
}

/** The ratings columns a row fills, in insert order. */
const COLUMNS = [
  ["id", "id"],
  ["agency_id", "agencyId"],
  ["service_id", "serviceId"],
  ["counter_id", "counterId"],
  ["officer_id", "officerId"],
  ["device_id", "deviceId"],
  ["ticket_id", "ticketId"],
  ["visit_id", "visitId"],
  ["channel", "channel"],
  ["overall", "overall"],
  ...ELEMENT_IDS.map((e) => [e, e] as const),
  ["reasons", "reasons"],
  ["comment", "comment"],
  ["respondent", "respondent"],
  ["locale", "locale"],
  ["created_at", "createdAt"],
  ["received_at", "receivedAt"],
  ["day", "day"],
  ["flags", "flags"],
  ["counted", "counted"],
  ["batch", "batch"],
] satisfies (readonly [string, keyof Row])[];

/**
 * One multi-row INSERT that skips ids already stored and returns the ids it
 * inserted. It names only the columns some row fills: a kiosk tap leaves 13 of
 * the 28 empty, and binding a value costs more than SQLite's writing it.
 */
function insertStatement(rows: Row[]): InStatement {
  const columns = COLUMNS.filter(([, key]) => rows.some((row) => row[key] !== undefined && row[key] !== null));
  const args: InValue[] = [];
  for (const row of rows) {
    for (const [, key] of columns) {
      const value = row[key];
      // Both drivers send booleans as 1 and 0; JSON columns go as text.
      args.push(
        value === undefined || value === null ? null : typeof value === "object" ? JSON.stringify(value) : value,
      );
    }
  }
  const marks = `(${columns.map(() => "?").join(", ")})`;
  return {
    sql: `INSERT INTO ratings (${columns.map(([column]) => column).join(", ")}) VALUES ${rows.map(() => marks).join(", ")} ON CONFLICT DO NOTHING RETURNING id`,
    args,
  };
}

/** Builds the row for one new rating, or says why it is refused. */
function toRow({ input, sender }: IngestItem, context: IngestContext, now: number, batch: string): Row | Rejection {
  const agency = context.agencies.get(input.agency);
  if (!agency) return reject("unknown_agency", `No agency has the slug "${input.agency}".`);
  const service = context.services.get(`${agency.id}/${input.service}`);
  if (!service) return reject("unknown_service", `Agency "${input.agency}" has no service "${input.service}".`);
  const flags: Flag[] = [];
  let createdAt = Date.parse(input.createdAt);
  let counterId: string | null = null;
  let officerId: string | null = null;
  let deviceId: string | null = null;
  let ticketId: string | null = null;
  let visitId: string | null = null;

  if (input.channel === "kiosk") {
    const device = sender.device;
    if (!device) return reject("device_required", "Kiosk ratings must be sent with a paired device's token.");
    if (device.agencyId !== agency.id) return reject("wrong_agency", "This device belongs to another agency.");
    if (input.ticket) return reject("invalid_ticket", "Kiosk ratings do not carry tickets.");
    // A device's clock is trusted within limits (core/rating-time.ts).
    const refusal = deviceTimeRefusal(createdAt, device.pairedAt, now);
    if (refusal === "before_pairing") {
      return reject("before_pairing", "This rating is dated before the device was paired.");
    }
    if (refusal === "too_old") {
      return reject("too_old", "This rating is more than 30 days old; devices deliver ratings within 30 days.");
    }
    if (aheadOfServer(createdAt, now)) {
      // A tablet whose clock runs ahead: keep the citizen's tap, timed by the server.
      flags.push("clock_skew");
      createdAt = now;
    }
    deviceId = device.id;
    counterId = device.counterId;
    // Attribution by the time of the tap, not of the sync (docs/design.md, "Channels and attribution").
    const duty = context.duties
      .get(counterId)
      ?.find((d) => d.startedAt <= createdAt && (d.endedAt === null || d.endedAt > createdAt));
    officerId = duty?.officerId ?? null;
    const taps = context.taps.get(device.id) ?? [];
    const previous = taps[taps.findIndex((t) => t.id === input.id) - 1];
    if (previous && rapidRepeat(previous.createdAt, createdAt)) flags.push("rapid_repeat");
    const counter = context.counters.get(counterId);
    // An archived counter takes no new ratings; a tap its tablet made before the archive (offline
    // meanwhile, within the time limits above) is a service that happened and is kept.
    if (counter?.archivedAt != null && createdAt >= counter.archivedAt) {
      return reject(
        "counter_archived",
        `This tablet's counter was archived at ${new Date(counter.archivedAt).toISOString()}; it takes no ratings made since.`,
      );
    }
    if (counter && outsideHours(createdAt, agency.timezone, counter)) flags.push("outside_hours");
    // The visit its counter was serving then, if one at a time (core/visit-join.ts); a repeat rates none.
    if (!flags.includes("rapid_repeat")) visitId = visitOfTap(createdAt, context.visits.get(counterId) ?? []);
  } else {
    // Widget and ticket ratings are timed by the server: a client clock can not move them into another period.
    createdAt = serverCheckedTime(createdAt, now);
    if (input.channel === "widget" && !originAllowed(agency, sender)) {
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
      if (ticket.expiresAt <= now) return reject("ticket_expired", "This ticket has expired.");
      if (ticket.serviceId !== service.id) return reject("ticket_mismatch", "This ticket is for another service.");
      ticketId = ticket.id;
      // A ticket made for a visit (a queue slip) rates that visit; made before anyone served it, it
      // names no officer, and the visit's, once it arrived, is the one who served (the sender vouches).
      counterId = ticket.counterId ?? ticket.visitCounterId;
      officerId = ticket.officerId ?? ticket.visitOfficerId;
      // Nobody but the rated officer vouches that this service happened (docs/design.md, "Who vouches"):
      // the unit counts it, the officer's own indicator never does (db/queries/rollups.ts), and it
      // rates no visit, or an officer could raise their own response rate with tickets of their visits.
      if (ticket.source === "self" && officerId) flags.push("self_issued");
      else visitId = ticket.visitId;
    }
  }
  // An archived service takes no new ratings; a tap made before the archive (a tablet that was
  // offline, within the time limits above) is a service that happened and is kept.
  if (service.archivedAt !== null && createdAt >= service.archivedAt) {
    return reject(
      "unknown_service",
      `Service "${input.service}" was archived at ${new Date(service.archivedAt).toISOString()}; it takes no ratings made since.`,
    );
  }
  const comment = input.comment?.trim() ? maskComment(input.comment.trim()) : null;
  return {
    id: input.id,
    agencyId: agency.id,
    serviceId: service.id,
    counterId,
    officerId,
    deviceId,
    ticketId,
    visitId,
    channel: input.channel,
    overall: input.overall ?? null,
    ...Object.fromEntries(ELEMENT_IDS.map((e) => [e, input.answers?.[e] ?? null])),
    reasons: input.reasons?.length ? input.reasons : null,
    comment,
    respondent: input.respondent && Object.keys(input.respondent).length ? input.respondent : null,
    locale: input.locale ?? "id",
    createdAt,
    receivedAt: now,
    day: localDay(createdAt, agency.timezone),
    flags,
    counted: !flags.includes("rapid_repeat"),
    batch,
  };
}

/** Whether an instant falls outside a counter's local service hours (core/hours.ts: to and across midnight too). */
function outsideHours(instant: number, timezone: Timezone, counter: CounterHoursRow): boolean {
  const local = new Date(instant + TIMEZONES[timezone] * 3_600_000).toISOString().slice(11, 16);
  return !withinHours(local, counter.opensAt, counter.closesAt);
}
