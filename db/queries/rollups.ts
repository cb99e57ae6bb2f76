/**
 * Daily rollups: written from freshly inserted ratings in the same transaction,
 * read by every score and report so their cost follows days, not ratings.
 */
import type { InStatement } from "@libsql/client";
import { and, between, eq, type SQL, sql } from "drizzle-orm";
import { ELEMENT_IDS, type ElementId } from "../../core/questionnaire.ts";
import { addStat, emptyStat, OFFICER_ELEMENTS, type Stat } from "../../core/scoring.ts";
import type { Db } from "../client.ts";
import { METRICS, type Metric, ratingRollups } from "../schema.ts";

/**
 * core/scoring.ts's officerValue in SQL: the face, or the answers to the officer
 * elements summed ÷ how many were answered (NULL when none was: SQLite's x / 0 is
 * NULL). rollups.test.ts holds the two equal.
 */
const OFFICER_VALUE_SQL = `coalesce(overall, (${OFFICER_ELEMENTS.map((e) => `coalesce(${e}, 0)`).join(" + ")}) / (0.0 + ${OFFICER_ELEMENTS.map((e) => `(${e} IS NOT NULL)`).join(" + ")}))`;

/** The value a rating gives each metric: an element's answer, the face, the officer's value. */
const METRIC_VALUE: Record<Metric, string> = {
  ...(Object.fromEntries(ELEMENT_IDS.map((e) => [e, e])) as Record<ElementId, string>),
  overall: "overall",
  officer: OFFICER_VALUE_SQL,
};

const KEY = "agency_id, day, service_id, counter_id, officer_id";
const METRIC_COLUMNS = METRICS.flatMap((m) => [`${m}_n`, `${m}_sum`, `${m}_sq`]);
const METRIC_SELECT = METRICS.flatMap((m) => {
  const v = METRIC_VALUE[m];
  return [`count(${v})`, `total(${v})`, `total((${v}) * (${v}))`];
});
/** An SKM respondent answered at least one of the 9 elements (docs/scoring.md, "Respondents and taps"); a face alone is a tap. */
export const ANSWERED_ANY = `(coalesce(${ELEMENT_IDS.join(", ")}) IS NOT NULL)`;
const FACE_COLUMNS = ["face_1", "face_2", "face_3", "face_4"];
const COUNT_COLUMNS = ["respondents", "ratings", ...FACE_COLUMNS, ...METRIC_COLUMNS];
/** What a group of ratings adds to each of COUNT_COLUMNS. */
const SUMS = [
  `total(${ANSWERED_ANY})`,
  "count(*)",
  ...[1, 2, 3, 4].map((face) => `total(overall = ${face})`),
  ...METRIC_SELECT,
];
/**
 * The officer a rating counts for in the rollups: none ('') when the officer made its ticket
 * for themself (`self_issued`): the unit's figures count it, the officer's n, fair score and band
 * never do (docs/design.md, "Who vouches"). The rating itself keeps its officer, to be shown apart.
 */
const ROLLUP_OFFICER = `CASE WHEN instr(flags, '"self_issued"') THEN '' ELSE coalesce(officer_id, '') END`;
/** The upsert's head; `sign` "-" takes ratings out of the rollups instead of adding them. */
const upsertHead = (sign: "" | "-") => `INSERT INTO rating_rollups (${KEY}, ${COUNT_COLUMNS.join(", ")})
   SELECT agency_id, day, service_id, coalesce(counter_id, ''), ${ROLLUP_OFFICER}, ${SUMS.map((e) => (sign ? `-${e}` : e)).join(", ")}
   FROM ratings WHERE counted = 1 AND `;
const UPSERT_HEAD = upsertHead("");
const UPSERT_TAIL = ` GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (${KEY}) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`;

/**
 * The statement (raw, for the ingest batch) that adds the ratings the INSERT just
 * before it stored to the rollups. A multi-row INSERT gives its new rows the
 * consecutive rowids up to last_insert_rowid(), changes() of them, so they are
 * read back as one short range of the table instead of one index lookup per id;
 * `batch` keeps any other row out. A rating that was already stored keeps its
 * old batch id and is skipped by the INSERT, so a resent one never counts twice.
 * It must run right after that INSERT, on the same connection (in one batch).
 */
export function rollupInsertedRatings(batch: string): InStatement {
  return {
    sql: `${UPSERT_HEAD}rowid > last_insert_rowid() - changes() AND rowid <= last_insert_rowid() AND batch = ?${UPSERT_TAIL}`,
    args: [batch],
  };
}

/**
 * The statement that takes one counted rating's contribution out of the rollups
 * (the same sums, subtracted). Run it before the rating stops being counted.
 */
export const rollupRemovedRating = (id: string): InStatement => ({
  sql: `${upsertHead("-")}id = ?${UPSERT_TAIL}`,
  args: [id],
});

/** The statement that adds one rating's contribution to the rollups (run it once the rating counts). */
export const rollupAddedRating = (id: string): InStatement => ({
  sql: `${UPSERT_HEAD}id = ?${UPSERT_TAIL}`,
  args: [id],
});

/** Recomputes an agency's rollups from its ratings (after a bulk load, or a change of flags). */
export async function rebuildRollups(db: Db, agencyId: string) {
  await db.batch([
    db.delete(ratingRollups).where(eq(ratingRollups.agencyId, agencyId)),
    db.run(sql`${sql.raw(UPSERT_HEAD)}agency_id = ${agencyId}${sql.raw(UPSERT_TAIL)}`),
  ]);
}

/** Sums of one group of rollups: respondents, all ratings and a Stat per metric. */
export interface RollupSums {
  /** Ratings that answered at least one element (the SKM sample). */
  respondents: number;
  /** Every counted rating, face-only taps included. */
  ratings: number;
  /** How many chose each face, 1 to 4. */
  faces: [number, number, number, number];
  stats: Record<Metric, Stat>;
}

/** A group of rollups by the dimensions asked for. */
export interface RollupGroup extends RollupSums {
  serviceId: string;
  counterId: string;
  officerId: string;
  month: string;
}

/** Every count column summed under its own name (`sum(face_1) AS face_1`), so a row is read by name. */
const SUM_SELECT = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(", "));

function toSums(row: Record<string, unknown>): RollupSums {
  const count = (column: string) => Number(row[column] ?? 0);
  const stats = {} as Record<Metric, Stat>;
  for (const m of METRICS) stats[m] = { n: count(`${m}_n`), sum: count(`${m}_sum`), sumSq: count(`${m}_sq`) };
  const faces = FACE_COLUMNS.map(count) as RollupSums["faces"];
  return { respondents: count("respondents"), ratings: count("ratings"), faces, stats };
}

/** Which rollups to read: an agency or an officer, over an inclusive range of local days. */
export interface RollupFilter {
  agencyId?: string;
  officerId?: string;
  from: string;
  to: string;
}

/** Dimensions to group by. */
export type GroupBy = "service" | "counter" | "officer" | "month";

const GROUP_COLUMNS: Record<GroupBy, string> = {
  service: "service_id",
  counter: "counter_id",
  officer: "officer_id",
  month: "substr(day, 1, 7)",
};

/** Reads summed rollups for a filter, grouped by the given dimensions (none: one total). */
export async function readRollups(db: Db, filter: RollupFilter, groupBy: GroupBy[] = []): Promise<RollupGroup[]> {
  const where: SQL[] = [between(ratingRollups.day, filter.from, filter.to)];
  if (filter.agencyId) where.push(eq(ratingRollups.agencyId, filter.agencyId));
  if (filter.officerId) where.push(eq(ratingRollups.officerId, filter.officerId));
  const dims = groupBy.map((g) => `${GROUP_COLUMNS[g]} AS g_${g}`);
  const select = dims.length ? sql`${sql.raw(dims.join(", "))}, ${SUM_SELECT}` : SUM_SELECT;
  const group = groupBy.length ? sql` GROUP BY ${sql.raw(groupBy.map((g) => GROUP_COLUMNS[g]).join(", "))}` : sql``;
  const rows = await db.all<Record<string, unknown>>(
    sql`SELECT ${select} FROM rating_rollups WHERE ${and(...where)}${group}`,
  );
  return rows.map((row) => ({
    serviceId: String(row.g_service ?? ""),
    counterId: String(row.g_counter ?? ""),
    officerId: String(row.g_officer ?? ""),
    month: String(row.g_month ?? ""),
    ...toSums(row),
  }));
}

/** Empty sums, to add groups into. */
export function emptySums(): RollupSums {
  return {
    respondents: 0,
    ratings: 0,
    faces: [0, 0, 0, 0],
    stats: Object.fromEntries(METRICS.map((m) => [m, emptyStat()])) as Record<Metric, Stat>,
  };
}

/** Adds b into a (mutating a). */
export function addSums(a: RollupSums, b: RollupSums): RollupSums {
  a.respondents += b.respondents;
  a.ratings += b.ratings;
  for (let i = 0; i < 4; i++) a.faces[i] += b.faces[i];
  for (const m of METRICS) addStat(a.stats[m], b.stats[m]);
  return a;
}
