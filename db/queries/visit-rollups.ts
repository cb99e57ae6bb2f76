/**
 * Daily visit rollups: written from freshly inserted visits in the same transaction, read by every
 * indicator so its cost follows days, not visits. A day's row counts its times per bucket of
 * core/visits.ts TIME_BUCKETS, so percentiles are read from summed histograms.
 */
import type { InStatement } from "@libsql/client";
import { and, between, eq, type SQL, sql } from "drizzle-orm";
import { TIME_BUCKETS } from "../../core/visits.ts";
import type { Db } from "../client.ts";
import { visitRollups } from "../schema.ts";

const KEY = "agency_id, day, service_id, counter_id, officer_id";
const BUCKETS = TIME_BUCKETS.map((_, i) => i);
const WAIT_COLUMNS = BUCKETS.map((i) => `w_${i}`);
const SERVICE_COLUMNS = BUCKETS.map((i) => `s_${i}`);
const COUNT_COLUMNS = ["visits", "rated", "flagged", ...WAIT_COLUMNS, ...SERVICE_COLUMNS];
/** What a group of visits adds to each of COUNT_COLUMNS: flagged visits only to `flagged`. */
const SUMS = [
  "total(counted)",
  "total(counted AND rating_id IS NOT NULL)",
  "total(NOT counted)",
  ...BUCKETS.map((i) => `total(counted AND wait_bucket = ${i})`),
  ...BUCKETS.map((i) => `total(counted AND service_bucket = ${i})`),
];
const upsertHead = (from: string) => `INSERT INTO visit_rollups (${KEY}, ${COUNT_COLUMNS.join(", ")})
   SELECT agency_id, day, service_id, coalesce(counter_id, ''), coalesce(officer_id, ''), ${SUMS.join(", ")}
   ${from} WHERE `;
const UPSERT_HEAD = upsertHead("FROM visits");
const UPSERT_TAIL = ` GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (${KEY}) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`;

const IN = "IN (SELECT value FROM json_each(?))";
/**
 * Some visits of one agency by id (a JSON array, then the agency), looked up one by one. Written as
 * `visits WHERE agency_id = ? AND id IN (…) GROUP BY day, …`, SQLite walks the agency's whole day
 * index to spare itself a sort: a cost that grew with the table (`npm run bench`).
 */
const BY_IDS = "FROM json_each(?) AS j CROSS JOIN visits ON visits.agency_id = ? AND visits.id = j.value";

/** A new visit as its rollup needs it. */
export interface NewVisit {
  id: string;
  day: string;
  serviceId: string;
  counterId: string | null;
  officerId: string | null;
  counted: boolean;
  waitBucket: number | null;
  serviceBucket: number | null;
}

/**
 * The statements that add a call's new visits (`batch`) to the rollups, in the same transaction as
 * their INSERT. The sums are made here, from the rows sent, naming only the histogram columns they
 * touch: summing 138 columns in SQL costs more than storing the visits. They apply only when every
 * one of the rows was stored by this call; when a concurrent resend stored some first, the second
 * statement sums, in SQL, exactly the rows this call stored instead. Either way each visit counts once.
 */
export function rollupNewVisits(agencyId: string, rows: NewVisit[], batch: string): InStatement[] {
  const groups = new Map<string, { key: string[]; counts: Map<string, number> }>();
  for (const row of rows) {
    const key = [row.day, row.serviceId, row.counterId ?? "", row.officerId ?? ""];
    const id = key.join("\u0000");
    const group = groups.get(id) ?? { key, counts: new Map<string, number>() };
    groups.set(id, group);
    const add = (column: string) => group.counts.set(column, (group.counts.get(column) ?? 0) + 1);
    if (!row.counted) {
      add("flagged");
      continue;
    }
    add("visits");
    if (row.waitBucket !== null) add(`w_${row.waitBucket}`);
    if (row.serviceBucket !== null) add(`s_${row.serviceBucket}`);
  }
  const columns = COUNT_COLUMNS.filter((c) => [...groups.values()].some((g) => g.counts.has(c)));
  const ids = JSON.stringify(rows.map((r) => r.id));
  const stored = `(SELECT count(*) FROM visits WHERE agency_id = ? AND id ${IN} AND batch = ?)`;
  const marks = `(${["?", "?", "?", "?", "?", ...columns.map(() => "?")].join(", ")})`;
  return [
    {
      sql: `INSERT INTO visit_rollups (${KEY}, ${columns.join(", ")})
        SELECT * FROM (VALUES ${[...groups.values()].map(() => marks).join(", ")}) WHERE ${stored} = ?
        ON CONFLICT (${KEY}) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`,
      args: [
        ...[...groups.values()].flatMap((g) => [agencyId, ...g.key, ...columns.map((c) => g.counts.get(c) ?? 0)]),
        agencyId,
        ids,
        batch,
        rows.length,
      ],
    },
    {
      sql: `${upsertHead(BY_IDS)}${stored} < ? AND visits.batch = ?${UPSERT_TAIL}`,
      args: [ids, agencyId, agencyId, ids, batch, rows.length, batch],
    },
  ];
}

/**
 * The ratings of the visit being updated, from its own index entries. Named, because SQLite would
 * otherwise walk the agency's ratings in time order (ratings_agency_time) to spare the sort of the
 * visit's one or two ratings, a cost that grows with the table; INDEXED BY also makes the statement
 * fail, not slow down, should that index ever go.
 */
const OF_THE_VISIT = `FROM ratings r INDEXED BY ratings_visit
  WHERE r.agency_id = visits.agency_id AND r.visit_id = visits.id`;

/**
 * Marks a visit call's new visits rated that a counted rating joined (the first one, by its time), and
 * adds them to their rollups' `rated`: a visit of this batch was unrated when inserted, so each is
 * counted once, however many ratings it has.
 */
export function rateNewVisits(agencyId: string, ids: string[], batch: string, now: number): InStatement[] {
  const json = JSON.stringify(ids);
  return [
    {
      sql: `UPDATE visits SET rating_id = (SELECT r.id ${OF_THE_VISIT} AND r.counted = 1 ORDER BY r.created_at, r.id LIMIT 1),
          rated_at = ?
        WHERE agency_id = ? AND id ${IN} AND batch = ? AND counted = 1 AND rating_id IS NULL
        AND EXISTS (SELECT 1 FROM ratings r WHERE r.agency_id = visits.agency_id AND r.visit_id = visits.id AND r.counted = 1)`,
      args: [now, agencyId, json, batch],
    },
    {
      sql: `INSERT INTO visit_rollups (agency_id, day, service_id, counter_id, officer_id, rated)
        SELECT agency_id, day, service_id, coalesce(counter_id, ''), coalesce(officer_id, ''), count(*) ${BY_IDS}
        WHERE visits.batch = ? AND rating_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (agency_id, day, service_id, counter_id, officer_id) DO UPDATE SET rated = rated + excluded.rated`,
      args: [json, agencyId, batch],
    },
  ];
}

/**
 * The same from the ratings' side: marks rated the visits that the call's newly stored ratings
 * (`ids`, of `batch`) joined, when no counted rating had, and adds each once to its rollup's `rated`.
 * A rating stored before under one of these ids keeps its old batch and changes nothing.
 */
export function rateVisitsOfRatings(ids: string[], batch: string, now: number): InStatement[] {
  const json = JSON.stringify(ids);
  const joined = `FROM ratings r JOIN visits v ON v.agency_id = r.agency_id AND v.id = r.visit_id
    WHERE r.id ${IN} AND r.batch = ? AND r.counted = 1`;
  return [
    {
      sql: `UPDATE visits SET rating_id = (SELECT r.id ${OF_THE_VISIT} AND r.id ${IN} AND r.batch = ?
          AND r.counted = 1 ORDER BY r.created_at, r.id LIMIT 1),
          rated_at = ?
        WHERE rating_id IS NULL AND counted = 1 AND rowid IN (SELECT v.rowid ${joined})`,
      args: [json, batch, now, json, batch],
    },
    {
      sql: `INSERT INTO visit_rollups (agency_id, day, service_id, counter_id, officer_id, rated)
        SELECT v.agency_id, v.day, v.service_id, coalesce(v.counter_id, ''), coalesce(v.officer_id, ''), count(*)
        ${joined} AND v.rating_id = r.id GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (agency_id, day, service_id, counter_id, officer_id) DO UPDATE SET rated = rated + excluded.rated`,
      args: [json, batch],
    },
  ];
}

/** Recomputes an agency's visit rollups from its visits (after a bulk load). */
export async function rebuildVisitRollups(db: Db, agencyId: string) {
  await db.batch([
    db.delete(visitRollups).where(eq(visitRollups.agencyId, agencyId)),
    db.run(sql`${sql.raw(UPSERT_HEAD)}agency_id = ${agencyId}${sql.raw(UPSERT_TAIL)}`),
  ]);
}

/** Sums of one group of visit rollups. */
export interface VisitSums {
  /** Counted visits. */
  visits: number;
  /** Counted visits a rating joined. */
  rated: number;
  /** Visits flagged implausible: kept, left out of the other figures. */
  flagged: number;
  /** Waiting times per TIME_BUCKETS bucket (their sum: the visits whose waiting time is known). */
  wait: number[];
  /** Service times per TIME_BUCKETS bucket. */
  service: number[];
}

/** A group of visit rollups by the dimensions asked for ('' for a dimension not grouped by). */
export interface VisitGroup extends VisitSums {
  serviceId: string;
  counterId: string;
  officerId: string;
  month: string;
  day: string;
}

/** Which visit rollups to read: an agency, officer, counter or service, over an inclusive range of local days. */
export interface VisitFilter {
  agencyId?: string;
  officerId?: string;
  counterId?: string;
  serviceId?: string;
  from: string;
  to: string;
}

/** Dimensions to group by. */
export type VisitGroupBy = "service" | "counter" | "officer" | "month" | "day";

const GROUP_COLUMNS: Record<VisitGroupBy, string> = {
  service: "service_id",
  counter: "counter_id",
  officer: "officer_id",
  month: "substr(day, 1, 7)",
  day: "day",
};

const SUM_SELECT = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(", "));

function toSums(row: Record<string, unknown>): VisitSums {
  const count = (column: string) => Number(row[column] ?? 0);
  return {
    visits: count("visits"),
    rated: count("rated"),
    flagged: count("flagged"),
    wait: WAIT_COLUMNS.map(count),
    service: SERVICE_COLUMNS.map(count),
  };
}

/** Reads summed visit rollups for a filter, grouped by the given dimensions (none: one total). */
export async function readVisitRollups(
  db: Db,
  filter: VisitFilter,
  groupBy: VisitGroupBy[] = [],
): Promise<VisitGroup[]> {
  const where: SQL[] = [between(visitRollups.day, filter.from, filter.to)];
  if (filter.agencyId) where.push(eq(visitRollups.agencyId, filter.agencyId));
  if (filter.officerId) where.push(eq(visitRollups.officerId, filter.officerId));
  if (filter.counterId) where.push(eq(visitRollups.counterId, filter.counterId));
  if (filter.serviceId) where.push(eq(visitRollups.serviceId, filter.serviceId));
  const dims = groupBy.map((g) => `${GROUP_COLUMNS[g]} AS g_${g}`);
  const select = dims.length ? sql`${sql.raw(dims.join(", "))}, ${SUM_SELECT}` : SUM_SELECT;
  const group = groupBy.length ? sql` GROUP BY ${sql.raw(groupBy.map((g) => GROUP_COLUMNS[g]).join(", "))}` : sql``;
  const rows = await db.all<Record<string, unknown>>(
    sql`SELECT ${select} FROM visit_rollups WHERE ${and(...where)}${group}`,
  );
  return rows.map((row) => ({
    serviceId: String(row.g_service ?? ""),
    counterId: String(row.g_counter ?? ""),
    officerId: String(row.g_officer ?? ""),
    month: String(row.g_month ?? ""),
    day: String(row.g_day ?? ""),
    ...toSums(row),
  }));
}

/** Empty sums, to add groups into. */
export const emptyVisitSums = (): VisitSums => ({
  visits: 0,
  rated: 0,
  flagged: 0,
  wait: BUCKETS.map(() => 0),
  service: BUCKETS.map(() => 0),
});

/** Adds b into a (mutating a). */
export function addVisitSums(a: VisitSums, b: VisitSums): VisitSums {
  a.visits += b.visits;
  a.rated += b.rated;
  a.flagged += b.flagged;
  for (const i of BUCKETS) {
    a.wait[i] += b.wait[i];
    a.service[i] += b.service[i];
  }
  return a;
}
