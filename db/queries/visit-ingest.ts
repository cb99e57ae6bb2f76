/**
 * Storing visits (docs/scoring.md, "Volume and speed"): idempotent by the sender's id within the
 * agency, attributed to the officer on duty at the counter when the visit was served (unless the
 * sender names one), flagged where implausible (kept, left out of the indicators), added to the
 * rollups in the same transaction, and joined to the ratings that came before it: kiosk taps at its
 * counter during it (core/visit-join.ts) and ratings from a ticket made for it. One batch of reads,
 * then one of writes; a concurrent resend loses the INSERT's conflict and is told `duplicate`.
 */
import type { InStatement, InValue } from "@libsql/client";
import { localDay, type Timezone } from "../../core/period.ts";
import type { VisitInput, VisitResult } from "../../core/visit-contract.ts";
import {
  JOIN_LOOKBACK_MS,
  type JoinableVisit,
  OPEN_VISIT_MS,
  TAP_GRACE_MS,
  visitOfTap,
} from "../../core/visit-join.ts";
import {
  serviceSeconds,
  timeBucket,
  type VisitTimes,
  visitFlags,
  visitInstant,
  waitSeconds,
} from "../../core/visits.ts";
import type { Db } from "../client.ts";
import type { SqlRow } from "../embedded.ts";
import type { VisitSource, visits } from "../schema.ts";
import { unique } from "./ingest-context.ts";
import { rollupAddedRating, rollupRemovedRating } from "./rollups.ts";
import { rateNewVisits, rollupInsertedVisits } from "./visit-rollups.ts";

/** Who sends the visits, as the HTTP layer established it. */
export interface VisitSender {
  source: VisitSource;
  /** The integration key, device or account. */
  issuer: string;
  /** A tablet's own counter: it sends visits of that counter only, and names no officer. */
  deviceCounterId: string | null;
}

/** The agency the visits are for. */
export interface VisitAgency {
  id: string;
  timezone: Timezone;
}

/** A tablet's clock may run this far ahead of the server's before a visit is refused as from the future. */
const FUTURE_ALLOWANCE_MS = 5 * 60_000;

type Row = typeof visits.$inferInsert;
type Rejection = { code: string; message: string };
const reject = (code: string, message: string): Rejection => ({ code, message });

const IN = "IN (SELECT value FROM json_each(?))";
const text = (row: SqlRow, column: string) => row[column] as string;
const maybe = (row: SqlRow, column: string) => (row[column] ?? null) as string | null;
const num = (row: SqlRow, column: string) => Number(row[column]);
const maybeNum = (row: SqlRow, column: string) => (row[column] === null ? null : Number(row[column]));

interface CounterRow {
  id: string;
  code: string;
  opensAt: string;
  closesAt: string;
  archivedAt: number | null;
}
interface Context {
  stored: Set<string>;
  services: Map<string, { id: string; archivedAt: number | null }>;
  counters: Map<string, CounterRow>;
  officers: Map<string, string>;
  duties: { counterId: string; officerId: string; startedAt: number; endedAt: number | null }[];
  /** Counted visits stored before, by counter: the kiosk join reads them beside the new ones. */
  visitsAt: Map<string, JoinableVisit[]>;
  /** Kiosk taps at the call's counters not joined to a visit yet. */
  taps: { id: string; counterId: string; createdAt: number }[];
  /** Ratings from tickets made for the call's visits. */
  ticketRatings: { id: string; visitId: string; officerId: string | null }[];
}

const timesOf = (v: VisitInput): VisitTimes => ({
  takenAt: v.takenAt ? Date.parse(v.takenAt) : null,
  calledAt: v.calledAt ? Date.parse(v.calledAt) : null,
  servedAt: v.servedAt ? Date.parse(v.servedAt) : null,
  finishedAt: v.finishedAt ? Date.parse(v.finishedAt) : null,
});

/** The reads one call needs, in one transaction. */
function reads(agency: VisitAgency, inputs: VisitInput[]): InStatement[] {
  const ids = JSON.stringify(unique(inputs.map((v) => v.id)));
  const codes = JSON.stringify(unique(inputs.map((v) => v.counter)));
  const instants = inputs.map((v) => visitInstant(timesOf(v))).filter((t): t is number => t !== null);
  const ends = inputs.flatMap((v) => {
    const t = timesOf(v);
    return [t.finishedAt, t.servedAt, t.calledAt].filter((x): x is number => x !== null);
  });
  const first = Math.min(...instants);
  const last = Math.max(...instants, ...ends);
  const counterIds = `SELECT id FROM counters WHERE agency_id = ? AND code ${IN}`;
  return [
    { sql: `SELECT id FROM visits WHERE agency_id = ? AND id ${IN}`, args: [agency.id, ids] },
    { sql: "SELECT id, slug, archived_at FROM services WHERE agency_id = ?", args: [agency.id] },
    { sql: "SELECT id, code, opens_at, closes_at, archived_at FROM counters WHERE agency_id = ?", args: [agency.id] },
    {
      sql: `SELECT id, nip FROM officers WHERE agency_id = ? AND nip ${IN}`,
      args: [agency.id, JSON.stringify(unique(inputs.map((v) => v.officer)))],
    },
    {
      sql: `SELECT counter_id, officer_id, started_at, ended_at FROM duties
        WHERE counter_id IN (${counterIds}) AND started_at <= ? AND (ended_at IS NULL OR ended_at > ?)`,
      args: [agency.id, codes, last, first],
    },
    {
      sql: `SELECT id, counter_id, started_at, finished_at FROM visits INDEXED BY visits_counter_started
        WHERE counter_id IN (${counterIds}) AND started_at BETWEEN ? AND ? AND counted = 1`,
      args: [agency.id, codes, first - JOIN_LOOKBACK_MS, last + OPEN_VISIT_MS],
    },
    {
      sql: `SELECT r.id, d.counter_id, r.created_at FROM ratings r INDEXED BY ratings_device_time
        JOIN devices d ON d.id = r.device_id
        WHERE r.device_id IN (SELECT id FROM devices WHERE counter_id IN (${counterIds}))
        AND r.created_at BETWEEN ? AND ? AND r.visit_id IS NULL AND r.counted = 1`,
      args: [agency.id, codes, first, last + Math.max(TAP_GRACE_MS, OPEN_VISIT_MS)],
    },
    {
      sql: `SELECT id, visit_id, officer_id FROM ratings WHERE agency_id = ? AND visit_id ${IN}`,
      args: [agency.id, ids],
    },
  ];
}

function parse(answers: SqlRow[][]): Context {
  const [stored, services, counters, officers, duties, visitsAt, taps, ticketRatings] = answers;
  const context: Context = {
    stored: new Set(stored.map((r) => text(r, "id"))),
    services: new Map(
      services.map((r) => [text(r, "slug"), { id: text(r, "id"), archivedAt: maybeNum(r, "archived_at") }]),
    ),
    counters: new Map(
      counters.map((r) => [
        text(r, "code"),
        {
          id: text(r, "id"),
          code: text(r, "code"),
          opensAt: text(r, "opens_at"),
          closesAt: text(r, "closes_at"),
          archivedAt: maybeNum(r, "archived_at"),
        },
      ]),
    ),
    officers: new Map(officers.map((r) => [text(r, "nip"), text(r, "id")])),
    duties: duties.map((r) => ({
      counterId: text(r, "counter_id"),
      officerId: text(r, "officer_id"),
      startedAt: num(r, "started_at"),
      endedAt: maybeNum(r, "ended_at"),
    })),
    visitsAt: new Map(),
    taps: taps.map((r) => ({ id: text(r, "id"), counterId: text(r, "counter_id"), createdAt: num(r, "created_at") })),
    ticketRatings: ticketRatings.map((r) => ({
      id: text(r, "id"),
      visitId: text(r, "visit_id"),
      officerId: maybe(r, "officer_id"),
    })),
  };
  for (const r of visitsAt) {
    const counterId = text(r, "counter_id");
    const visit = { id: text(r, "id"), startedAt: num(r, "started_at"), finishedAt: maybeNum(r, "finished_at") };
    context.visitsAt.set(counterId, [...(context.visitsAt.get(counterId) ?? []), visit]);
  }
  return context;
}

/** Builds the row for one new visit, or says why it is refused. */
function toRow(
  input: VisitInput,
  agency: VisitAgency,
  sender: VisitSender,
  context: Context,
  now: number,
  batch: string,
): Row | Rejection {
  const service = context.services.get(input.service);
  if (!service) return reject("unknown_service", `This agency has no service "${input.service}".`);
  const times = timesOf(input);
  const instant = visitInstant(times)!;
  if (Math.max(...Object.values(times).filter((t): t is number => t !== null)) > now + FUTURE_ALLOWANCE_MS) {
    return reject(
      "in_future",
      "A time of this visit is later than the server's clock; send visits once they happened.",
    );
  }
  if (service.archivedAt !== null && instant >= service.archivedAt) {
    return reject("unknown_service", `Service "${input.service}" was archived before this visit.`);
  }
  const counter = input.counter ? context.counters.get(input.counter) : undefined;
  if (input.counter && !counter) return reject("unknown_counter", `This agency has no counter "${input.counter}".`);
  let counterId = counter?.id ?? null;
  if (sender.deviceCounterId) {
    if (counter && counter.id !== sender.deviceCounterId) {
      return reject("wrong_counter", "A tablet sends the visits of its own counter only.");
    }
    if (input.officer) return reject("officer_not_allowed", "A tablet names no officer: the duty at its counter does.");
    counterId = sender.deviceCounterId;
  }
  const hours = [...context.counters.values()].find((c) => c.id === counterId) ?? null;
  if (hours?.archivedAt != null && instant >= hours.archivedAt) {
    return reject("counter_archived", "This counter was archived before this visit.");
  }
  let officerId: string | null = null;
  if (input.officer) {
    officerId = context.officers.get(input.officer) ?? null;
    if (!officerId) return reject("unknown_officer", "No officer of this agency has this NIP.");
  } else if (counterId) {
    const duty = context.duties.find(
      (d) => d.counterId === counterId && d.startedAt <= instant && (d.endedAt === null || d.endedAt > instant),
    );
    officerId = duty?.officerId ?? null;
  }
  const flags = visitFlags(times, hours, agency.timezone);
  const wait = waitSeconds(times);
  const service_ = serviceSeconds(times);
  return {
    agencyId: agency.id,
    id: input.id,
    serviceId: service.id,
    counterId,
    officerId,
    officerNamed: Boolean(input.officer),
    queueNumber: input.queueNumber ?? null,
    ...times,
    startedAt: times.servedAt ?? times.calledAt,
    waitBucket: wait === null ? null : timeBucket(wait),
    serviceBucket: service_ === null ? null : timeBucket(service_),
    day: localDay(instant, agency.timezone),
    flags,
    counted: flags.length === 0,
    source: sender.source,
    issuer: sender.issuer,
    receivedAt: now,
    batch,
  };
}

/** The visits columns a row fills, in insert order. */
const COLUMNS = [
  ["agency_id", "agencyId"],
  ["id", "id"],
  ["service_id", "serviceId"],
  ["counter_id", "counterId"],
  ["officer_id", "officerId"],
  ["officer_named", "officerNamed"],
  ["queue_number", "queueNumber"],
  ["taken_at", "takenAt"],
  ["called_at", "calledAt"],
  ["served_at", "servedAt"],
  ["finished_at", "finishedAt"],
  ["started_at", "startedAt"],
  ["wait_bucket", "waitBucket"],
  ["service_bucket", "serviceBucket"],
  ["day", "day"],
  ["flags", "flags"],
  ["counted", "counted"],
  ["source", "source"],
  ["issuer", "issuer"],
  ["received_at", "receivedAt"],
  ["batch", "batch"],
] satisfies (readonly [string, keyof Row])[];

/** One multi-row INSERT that skips ids already stored and returns the ids it inserted. */
function insertStatement(rows: Row[]): InStatement {
  const args: InValue[] = [];
  for (const row of rows) {
    for (const [, key] of COLUMNS) {
      const value = row[key];
      args.push(
        value === undefined || value === null
          ? null
          : typeof value === "boolean"
            ? Number(value)
            : typeof value === "object"
              ? JSON.stringify(value)
              : value,
      );
    }
  }
  const marks = `(${COLUMNS.map(() => "?").join(", ")})`;
  return {
    sql: `INSERT INTO visits (${COLUMNS.map(([c]) => c).join(", ")}) VALUES ${rows.map(() => marks).join(", ")} ON CONFLICT DO NOTHING RETURNING id`,
    args,
  };
}

/**
 * The joins of ratings that came before their visit: a kiosk tap the rule of core/visit-join.ts
 * gives to a new visit, and a ticket rating without an officer takes the visit's (its rollups move
 * with it: out as it was, in as it is). Each update checks again that nothing joined meanwhile.
 */
function joins(rows: Row[], context: Context): InStatement[] {
  const statements: InStatement[] = [];
  const fresh = rows.filter((r) => r.counted && r.counterId && r.startedAt != null);
  if (fresh.length && context.taps.length) {
    const freshIds = new Set(fresh.map((r) => r.id));
    const atCounter = new Map<string, JoinableVisit[]>();
    for (const r of fresh) {
      const list = atCounter.get(r.counterId!) ?? [...(context.visitsAt.get(r.counterId!) ?? [])];
      list.push({ id: r.id, startedAt: r.startedAt!, finishedAt: r.finishedAt ?? null });
      atCounter.set(r.counterId!, list);
    }
    for (const tap of context.taps) {
      const visits = atCounter.get(tap.counterId);
      const visitId = visits && visitOfTap(tap.createdAt, visits);
      if (visitId && freshIds.has(visitId)) {
        statements.push({
          sql: "UPDATE ratings SET visit_id = ? WHERE id = ? AND visit_id IS NULL",
          args: [visitId, tap.id],
        });
      }
    }
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const rating of context.ticketRatings) {
    const visit = byId.get(rating.visitId);
    if (!visit?.officerId || rating.officerId !== null) continue;
    statements.push(
      rollupRemovedRating(rating.id),
      {
        sql: "UPDATE ratings SET officer_id = ?, counter_id = coalesce(counter_id, ?) WHERE id = ? AND officer_id IS NULL",
        args: [visit.officerId, visit.counterId ?? null, rating.id],
      },
      rollupAddedRating(rating.id),
    );
  }
  return statements;
}

/**
 * Stores already schema-valid visits of one agency and says, per item and in order, whether each
 * was accepted (with its flags), duplicated one stored before (or earlier in the call), or was
 * rejected and why. Rejected items store nothing; accepted ones are durable when this resolves.
 */
export async function ingestVisits(
  db: Db,
  agency: VisitAgency,
  sender: VisitSender,
  inputs: VisitInput[],
  now: number,
  batch: string,
): Promise<VisitResult[]> {
  const context = parse((await db.$client.batch(reads(agency, inputs), "read")).map((answer) => answer.rows));
  const results: VisitResult[] = new Array(inputs.length);
  const seen = new Set(context.stored);
  const rows: { row: Row; index: number }[] = [];
  inputs.forEach((input, index) => {
    if (seen.has(input.id)) {
      results[index] = { id: input.id, status: "duplicate" };
      return;
    }
    seen.add(input.id);
    const row = toRow(input, agency, sender, context, now, batch);
    if ("code" in row) results[index] = { id: input.id, status: "rejected", error: row };
    else rows.push({ row, index });
  });
  if (rows.length === 0) return results;

  const stored = rows.map((r) => r.row);
  const joined = joins(stored, context);
  const mayBeRated = joined.length > 0 || context.ticketRatings.length > 0;
  const writes = [
    insertStatement(stored),
    rollupInsertedVisits(batch),
    ...joined,
    ...(mayBeRated
      ? rateNewVisits(
          agency.id,
          stored.map((r) => r.id),
          batch,
          now,
        )
      : []),
  ];
  const [inserted] = (await db.$client.batch(writes, "write")).map((answer) => answer.rows);
  const insertedIds = new Set(inserted.map((r) => r.id as string));
  for (const { row, index } of rows) {
    // Lost a race with a concurrent resend of the same id: stored once, by the other call.
    results[index] = insertedIds.has(row.id)
      ? { id: row.id, status: "accepted", ...(row.flags?.length ? { flags: row.flags } : {}) }
      : { id: row.id, status: "duplicate" };
  }
  return results;
}
