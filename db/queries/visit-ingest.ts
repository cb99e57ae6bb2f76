/**
 * Storing visits (docs/scoring.md, "Volume and speed"): idempotent by the sender's id within the
 * agency, attributed to the officer on duty at the counter when the visit was served (unless the
 * sender names one), flagged where implausible (kept, left out of the indicators), added to the
 * rollups in the same transaction, and joined to the ratings that came before it: kiosk taps at its
 * counter during it (core/visit-join.ts) and ratings from a ticket made for it. One batch of reads,
 * then one of writes (on the embedded file, one synchronous transaction); a concurrent resend loses
 * the INSERT's conflict and is told `duplicate`.
 */
import type { InStatement, InValue } from "@libsql/client";
import type { VisitInput, VisitResult } from "../../core/visit-contract.ts";
import { type JoinableVisit, visitOfTap } from "../../core/visit-join.ts";
import { visitInstant, visitMeasures } from "../../core/visits.ts";
import type { Db } from "../client.ts";
import type { EmbeddedFile, SqlRow } from "../embedded.ts";
import type { VisitSource, visits } from "../schema.ts";
import { rollupAddedRating, rollupRemovedRating } from "./rollups.ts";
import { parseVisitContext, timesOf, type VisitAgency, type VisitContext, visitReads } from "./visit-context.ts";
import { rateNewVisits, rollupNewVisits } from "./visit-rollups.ts";

/** Who sends the visits, as the HTTP layer established it. */
export interface VisitSender {
  source: VisitSource;
  /** The integration key, device or account. */
  issuer: string;
  /** A tablet's own counter: it sends visits of that counter only, and names no officer. */
  deviceCounterId: string | null;
}

/** A tablet's clock may run this far ahead of the server's before a visit is refused as from the future. */
const FUTURE_ALLOWANCE_MS = 5 * 60_000;

type Row = typeof visits.$inferInsert;
type Rejection = { code: string; message: string };
const reject = (code: string, message: string): Rejection => ({ code, message });

/** Builds the row for one new visit, or says why it is refused. */
function toRow(
  input: VisitInput,
  agency: VisitAgency,
  sender: VisitSender,
  context: VisitContext,
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
  return {
    agencyId: agency.id,
    id: input.id,
    serviceId: service.id,
    counterId,
    officerId,
    officerNamed: Boolean(input.officer),
    queueNumber: input.queueNumber ?? null,
    ...times,
    ...visitMeasures(times, hours, agency.timezone),
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
function joins(rows: Row[], context: VisitContext): InStatement[] {
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

/** What one call decided before writing: the statements that store it, and its results once they ran. */
interface Decision {
  writes: InStatement[];
  /** Every visit's result, from the writes' rows (the INSERT's, first, names the visits it stored). */
  settle: (written: SqlRow[][]) => VisitResult[];
}

/** Decides each visit's fate from what was read, and the statements that store the accepted ones. */
function decide(
  agency: VisitAgency,
  sender: VisitSender,
  inputs: VisitInput[],
  context: VisitContext,
  now: number,
  batch: string,
): Decision {
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
  if (rows.length === 0) return { writes: [], settle: () => results };

  const stored = rows.map((r) => r.row);
  const joined = joins(stored, context);
  const mayBeRated = joined.length > 0 || context.ticketRatings.length > 0;
  const writes = [
    insertStatement(stored),
    ...rollupNewVisits(
      agency.id,
      stored.map((r) => ({
        ...r,
        counterId: r.counterId ?? null,
        officerId: r.officerId ?? null,
        waitBucket: r.waitBucket ?? null,
        serviceBucket: r.serviceBucket ?? null,
      })),
      batch,
    ),
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
  const settle = ([inserted]: SqlRow[][]) => {
    const insertedIds = new Set(inserted.map((r) => r.id as string));
    for (const { row, index } of rows) {
      // Lost a race with a concurrent resend of the same id: stored once, by the other call.
      results[index] = insertedIds.has(row.id)
        ? { id: row.id, status: "accepted", ...(row.flags?.length ? { flags: row.flags } : {}) }
        : { id: row.id, status: "duplicate" };
    }
    return results;
  };
  return { writes, settle };
}

/**
 * Stores already schema-valid visits of one agency through @libsql/client (Workers, a remote
 * database) and says, per item and in order, whether each was accepted (with its flags), duplicated
 * one stored before (or earlier in the call), or was rejected and why. Rejected items store nothing;
 * accepted ones are durable when this resolves. The reads are one batch and the writes another.
 */
export async function ingestVisits(
  db: Db,
  agency: VisitAgency,
  sender: VisitSender,
  inputs: VisitInput[],
  now: number,
  batch: string,
): Promise<VisitResult[]> {
  const read = await db.$client.batch(visitReads(agency, inputs), "read");
  const context = parseVisitContext(read.map((answer) => answer.rows));
  const decided = decide(agency, sender, inputs, context, now, batch);
  const written = decided.writes.length ? await db.$client.batch(decided.writes, "write") : [];
  return decided.settle(written.map((answer) => answer.rows));
}

/**
 * The same on the embedded file's own connection (Node): reads and writes in one synchronous
 * transaction, as ratings are stored (db/queries/ingest.ts). Throws SQLITE_BUSY, having done
 * nothing, while another process holds the write lock.
 */
export function ingestVisitsSync(
  file: EmbeddedFile,
  agency: VisitAgency,
  sender: VisitSender,
  inputs: VisitInput[],
  now: number,
  batch: string,
): VisitResult[] {
  return file.write((run) => {
    const context = parseVisitContext(run(visitReads(agency, inputs)));
    const decided = decide(agency, sender, inputs, context, now, batch);
    return decided.settle(decided.writes.length ? run(decided.writes) : []);
  });
}
