/**
 * What an ingest call reads before deciding on each rating: the ratings already
 * stored under its ids, the agencies, services and tickets it names, and for
 * kiosk taps the counters, the duties that cover them, the device's
 * neighbouring taps (for `rapid_repeat`) and the visits they may rate. Plain SQL statements, run together
 * by whichever driver stores the call (db/queries/ingest.ts): this runs for
 * every group commit, so neither a round trip per table nor a query builder is
 * worth its cost here (`npm run bench`).
 */
import type { InStatement } from "@libsql/client";
import type { Timezone } from "../../core/period.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import { RAPID_REPEAT_MS } from "../../core/rating-time.ts";
import { JOIN_LOOKBACK_MS, type JoinableVisit } from "../../core/visit-join.ts";
import type { SqlRow } from "../embedded.ts";
import type { Channel } from "../schema.ts";
import type { IngestItem } from "./ingest.ts";

/** The distinct defined values of a list. */
export const unique = <T>(values: (T | undefined | null)[]) => [
  ...new Set(values.filter((v): v is T => v !== undefined && v !== null)),
];

/** An agency as ingest needs it. */
export interface AgencyRow {
  id: string;
  slug: string;
  timezone: Timezone;
  embedOrigins: string[];
}
/** A counter's service hours (for `outside_hours`). */
export interface CounterHoursRow {
  id: string;
  opensAt: string;
  closesAt: string;
  /** When it was archived, or null: its tablets' taps made since are refused, those made before kept. */
  archivedAt: number | null;
}
/** A ticket a rating names. */
interface TicketRow {
  id: string;
  agencyId: string;
  serviceId: string;
  counterId: string | null;
  officerId: string | null;
  expiresAt: number;
  usedAt: number | null;
  /** Who made it: `self` (the rated officer) vouches for nothing. */
  source: string;
  /** The visit it was made for, and that visit's officer and counter once the visit arrived. */
  visitId: string | null;
  visitOfficerId: string | null;
  visitCounterId: string | null;
}
/** A duty at a sender's counter that may cover a tap (for attribution). */
interface DutyRow {
  counterId: string;
  officerId: string;
  startedAt: number;
  endedAt: number | null;
}
/** A rating already stored under an id the call sends again. */
export interface StoredRating {
  id: string;
  agencyId: string;
  serviceId: string;
  ticketId: string | null;
  channel: Channel;
  overall: number | null;
  receivedAt: number;
  counted: boolean;
  /** Whether it carries more than a face: answers, reasons, a comment or the profile. */
  more: boolean;
}

/** Everything the rows of one call need to know. */
export interface IngestContext {
  stored: Map<string, StoredRating>;
  agencies: Map<string, AgencyRow>;
  /** By `${agencyId}/${slug}`, archived ones included (with when: taps made before it still count). */
  services: Map<string, { id: string; archivedAt: number | null }>;
  tickets: Map<string, TicketRow>;
  counters: Map<string, CounterHoursRow>;
  /** Duties of the senders' counters that overlap the taps, by counter id. */
  duties: Map<string, DutyRow[]>;
  /** Kiosk taps stored before or sent now, per device, oldest first. */
  taps: Map<string, { id: string; createdAt: number }[]>;
  /** Counted visits of the senders' counters begun around the taps, by counter id (core/visit-join.ts). */
  visits: Map<string, JoinableVisit[]>;
}

/** A statement over a list of values, bound as one JSON array (one SQL text whatever the count). */
const over = (sql: string, values: unknown[], ...args: (string | number)[]): InStatement => ({
  sql,
  args: [...args, JSON.stringify(values)],
});
const IN = "IN (SELECT value FROM json_each(?))";
/** Whether a stored rating carries more than a face: answers, reasons, a comment or the profile (SQL). */
export const MORE_THAN_A_FACE = `(${["comment", "reasons", "respondent", ...ELEMENT_IDS].map((c) => `${c} IS NOT NULL`).join(" OR ")})`;

const text = (row: SqlRow, column: string) => row[column] as string;
const maybe = (row: SqlRow, column: string) => (row[column] ?? null) as string | null;
const num = (row: SqlRow, column: string) => Number(row[column]);
const maybeNum = (row: SqlRow, column: string) => (row[column] === null ? null : Number(row[column]));

/** The reads one call needs, and how their rows become its IngestContext. */
export interface ContextQuery {
  statements: InStatement[];
  /** The IngestContext from each statement's rows, in order. */
  parse: (answers: SqlRow[][]) => IngestContext;
}

/** What to read, in one transaction for the whole call, for everything the rows need. */
export function contextQuery(items: IngestItem[]): ContextQuery {
  const context: IngestContext = {
    stored: new Map(),
    agencies: new Map(),
    services: new Map(),
    tickets: new Map(),
    counters: new Map(),
    duties: new Map(),
    taps: new Map(),
    visits: new Map(),
  };
  if (items.length === 0) return { statements: [], parse: () => context };
  const slugs = unique(items.map((i) => i.input.agency));
  const kiosk = items.filter((i) => i.input.channel === "kiosk" && i.sender.device);
  const times = kiosk.map((i) => Date.parse(i.input.createdAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const counterIds = unique(kiosk.map((i) => i.sender.device?.counterId));
  const deviceIds = unique(kiosk.map((i) => i.sender.device?.id));
  const ticketIds = unique(items.map((i) => i.input.ticket));
  const statements = [
    over(
      `SELECT id, agency_id, service_id, ticket_id, channel, overall, received_at, counted, ${MORE_THAN_A_FACE} AS more FROM ratings WHERE id ${IN}`,
      unique(items.map((i) => i.input.id)),
    ),
    over(
      `SELECT a.id, a.slug, a.timezone, a.embed_origins, s.id AS service_id, s.slug AS service_slug, s.archived_at FROM agencies a
       LEFT JOIN services s ON s.agency_id = a.id WHERE a.slug ${IN}`,
      slugs,
    ),
    ...(kiosk.length === 0
      ? []
      : [
          over(`SELECT id, opens_at, closes_at, archived_at FROM counters WHERE id ${IN}`, counterIds),
          // Open duties, and those ended after the first tap: each an index range (duties_counter_end).
          {
            sql: `SELECT counter_id, officer_id, started_at, ended_at FROM duties INDEXED BY duties_counter_end
              WHERE ended_at IS NULL AND started_at <= ? AND counter_id ${IN}
              UNION ALL SELECT counter_id, officer_id, started_at, ended_at FROM duties INDEXED BY duties_counter_end
              WHERE ended_at > ? AND started_at <= ? AND counter_id ${IN}`,
            args: [last, JSON.stringify(counterIds), first, last, JSON.stringify(counterIds)],
          },
          over(
            `SELECT id, device_id, created_at FROM ratings WHERE created_at BETWEEN ? AND ? AND device_id ${IN}`,
            deviceIds,
            first - RAPID_REPEAT_MS,
            last,
          ),
          over(
            `SELECT id, counter_id, started_at, finished_at FROM visits INDEXED BY visits_counter_started
             WHERE started_at BETWEEN ? AND ? AND counted = 1 AND counter_id ${IN}`,
            counterIds,
            first - JOIN_LOOKBACK_MS,
            last,
          ),
        ]),
    ...(ticketIds.length === 0
      ? []
      : [
          over(
            `SELECT t.id, t.agency_id, t.service_id, t.counter_id, t.officer_id, t.expires_at, t.used_at, t.source,
               t.visit_id, v.officer_id AS visit_officer_id, v.counter_id AS visit_counter_id
             FROM tickets t LEFT JOIN visits v ON v.agency_id = t.agency_id AND v.id = t.visit_id WHERE t.id ${IN}`,
            ticketIds,
          ),
        ]),
  ];
  return { statements, parse: (answers) => parseContext(context, answers, kiosk, ticketIds.length > 0) };
}

/** Fills `context` from the rows of contextQuery's statements. */
function parseContext(
  context: IngestContext,
  answers: SqlRow[][],
  kiosk: IngestItem[],
  withTickets: boolean,
): IngestContext {
  const [stored, agencies] = answers;
  const [counters, duties, taps, visits] = kiosk.length ? answers.slice(2, 6) : [];
  const tickets = withTickets ? answers[answers.length - 1] : undefined;

  for (const r of stored) {
    context.stored.set(text(r, "id"), {
      id: text(r, "id"),
      agencyId: text(r, "agency_id"),
      serviceId: text(r, "service_id"),
      ticketId: maybe(r, "ticket_id"),
      channel: text(r, "channel") as Channel,
      overall: maybeNum(r, "overall"),
      receivedAt: num(r, "received_at"),
      counted: Boolean(r.counted),
      more: Boolean(r.more),
    });
  }
  for (const r of agencies) {
    const slug = text(r, "slug");
    if (!context.agencies.has(slug)) {
      context.agencies.set(slug, {
        id: text(r, "id"),
        slug,
        timezone: text(r, "timezone") as Timezone,
        embedOrigins: JSON.parse(text(r, "embed_origins")) as string[],
      });
    }
    if (r.service_id !== null)
      context.services.set(`${text(r, "id")}/${text(r, "service_slug")}`, {
        id: text(r, "service_id"),
        archivedAt: maybeNum(r, "archived_at"),
      });
  }
  for (const r of tickets ?? []) {
    context.tickets.set(text(r, "id"), {
      id: text(r, "id"),
      agencyId: text(r, "agency_id"),
      serviceId: text(r, "service_id"),
      counterId: maybe(r, "counter_id"),
      officerId: maybe(r, "officer_id"),
      expiresAt: num(r, "expires_at"),
      usedAt: maybeNum(r, "used_at"),
      source: text(r, "source"),
      visitId: maybe(r, "visit_id"),
      visitOfficerId: maybe(r, "visit_officer_id"),
      visitCounterId: maybe(r, "visit_counter_id"),
    });
  }
  if (kiosk.length === 0) return context;

  for (const r of counters) {
    context.counters.set(text(r, "id"), {
      id: text(r, "id"),
      opensAt: text(r, "opens_at"),
      closesAt: text(r, "closes_at"),
      archivedAt: maybeNum(r, "archived_at"),
    });
  }
  for (const r of duties) {
    const duty = {
      counterId: text(r, "counter_id"),
      officerId: text(r, "officer_id"),
      startedAt: num(r, "started_at"),
      endedAt: maybeNum(r, "ended_at"),
    };
    context.duties.set(duty.counterId, [...(context.duties.get(duty.counterId) ?? []), duty]);
  }
  for (const r of visits) {
    const counterId = text(r, "counter_id");
    const visit = { id: text(r, "id"), startedAt: num(r, "started_at"), finishedAt: maybeNum(r, "finished_at") };
    context.visits.set(counterId, [...(context.visits.get(counterId) ?? []), visit]);
  }
  const sent = kiosk.map((i) => ({
    id: i.input.id,
    deviceId: i.sender.device?.id ?? null,
    createdAt: Date.parse(i.input.createdAt),
  }));
  const before = taps.map((r) => ({
    id: text(r, "id"),
    deviceId: maybe(r, "device_id"),
    createdAt: num(r, "created_at"),
  }));
  for (const tap of [...before, ...sent]) {
    if (!tap.deviceId) continue;
    const list = context.taps.get(tap.deviceId);
    if (list) list.push(tap);
    else context.taps.set(tap.deviceId, [tap]);
  }
  for (const list of context.taps.values()) list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return context;
}
