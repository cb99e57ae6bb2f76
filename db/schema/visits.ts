/**
 * Visits from the queue system and their daily rollups (docs/scoring.md, "Volume and speed"):
 * volume, waiting and service time and the response rate beside satisfaction.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { TIME_BUCKETS, type VisitFlag } from "../../core/visits.ts";
import { agencyRef, counters, officers, services } from "./agencies.ts";

/** Who sent a visit: a queue system's integration key, a paired tablet, or an admin's import of a day log. */
export const VISIT_SOURCES = ["integration", "device", "import"] as const;
/** Who sent a visit. */
export type VisitSource = (typeof VISIT_SOURCES)[number];

/** One citizen served at a counter. */
export const visits = sqliteTable(
  "visits",
  {
    agencyId: agencyRef(),
    /** Made by the sender, unique within the agency: the idempotency key of a resend. */
    id: text("id").notNull(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    counterId: text("counter_id").references(() => counters.id),
    officerId: text("officer_id").references(() => officers.id),
    /** Whether the sender named the officer (else: the officer on duty when it was served). */
    officerNamed: integer("officer_named", { mode: "boolean" }).notNull().default(false),
    queueNumber: text("queue_number"),
    takenAt: integer("taken_at"),
    calledAt: integer("called_at"),
    servedAt: integer("served_at"),
    finishedAt: integer("finished_at"),
    /** When service began (served, else called): a kiosk tap joins the visit its counter had begun then. */
    startedAt: integer("started_at"),
    /** core/visits.ts timeBucket of the waiting time, null when unknown. */
    waitBucket: integer("wait_bucket"),
    /** core/visits.ts timeBucket of the service time, null when unknown. */
    serviceBucket: integer("service_bucket"),
    /** Local day of core/visits.ts visitInstant in the agency's timezone. */
    day: text("day").notNull(),
    flags: text("flags", { mode: "json" }).$type<VisitFlag[]>().notNull().default(sql`'[]'`),
    /** False when a flag keeps it out of the indicators. */
    counted: integer("counted", { mode: "boolean" }).notNull(),
    source: text("source", { enum: VISIT_SOURCES }).notNull(),
    /** The integration key, device or account that sent it. */
    issuer: text("issuer"),
    /** The first counted rating that joined it, and when (null: not rated). */
    ratingId: text("rating_id"),
    ratedAt: integer("rated_at"),
    receivedAt: integer("received_at").notNull(),
    /** The ingest call that stored it; tells a fresh insert from a duplicate. */
    batch: text("batch").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    index("visits_agency_day").on(t.agencyId, t.day),
    // A kiosk tap joins the visit its counter was serving then (core/visit-join.ts).
    index("visits_counter_started").on(t.counterId, t.startedAt),
    index("visits_officer_day").on(t.officerId, t.day),
  ],
);

/** One count column per TIME_BUCKETS bucket: `w_0…` waiting, `s_0…` service time. */
const bucketColumns = (prefix: "w" | "s") =>
  Object.fromEntries(
    TIME_BUCKETS.map((_, i) => [`${prefix}${i}`, integer(`${prefix}_${i}`).notNull().default(0)]),
  ) as Record<`${typeof prefix}${number}`, ReturnType<typeof integer>>;

/**
 * Daily sums of visits per agency, service, counter and officer, written in the same transaction
 * as the visits, so an indicator for any period reads days, not visits: a day's row holds a
 * histogram of its times, so percentiles need no visit either. '' stands for "no counter" or
 * "no officer".
 */
export const visitRollups = sqliteTable(
  "visit_rollups",
  {
    agencyId: text("agency_id").notNull(),
    serviceId: text("service_id").notNull(),
    counterId: text("counter_id").notNull(),
    officerId: text("officer_id").notNull(),
    day: text("day").notNull(),
    /** Counted visits. */
    visits: integer("visits").notNull().default(0),
    /** Counted visits a rating joined. */
    rated: integer("rated").notNull().default(0),
    /** Visits kept but flagged implausible, left out of the other columns. */
    flagged: integer("flagged").notNull().default(0),
    ...bucketColumns("w"),
    ...bucketColumns("s"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.day, t.serviceId, t.counterId, t.officerId] }),
    index("visit_rollups_officer_day").on(t.officerId, t.day),
  ],
);
