/** The daily sums every score reads (docs/scoring.md). */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";

/** The metrics a rollup sums: the face, each element, and the officer indicator's value. */
export const METRICS = ["overall", ...ELEMENT_IDS, "officer"] as const;
/** A summed metric of the rollups. */
export type Metric = (typeof METRICS)[number];

const metricColumns = Object.fromEntries(
  METRICS.flatMap((m) => [
    [`${m}N`, integer(`${m}_n`).notNull().default(0)],
    [`${m}Sum`, real(`${m}_sum`).notNull().default(0)],
    [`${m}Sq`, real(`${m}_sq`).notNull().default(0)],
  ]),
) as Record<`${Metric}${"N" | "Sum" | "Sq"}`, ReturnType<typeof integer> | ReturnType<typeof real>>;

/**
 * Daily sums per agency, service, counter and officer, written in the same
 * transaction as the ratings they count, so a score for any period reads days,
 * not ratings. '' stands for "no counter" or "no officer" (NULLs never conflict).
 */
export const ratingRollups = sqliteTable(
  "rating_rollups",
  {
    agencyId: text("agency_id").notNull(),
    serviceId: text("service_id").notNull(),
    counterId: text("counter_id").notNull(),
    officerId: text("officer_id").notNull(),
    day: text("day").notNull(),
    /** Counted ratings that answered at least one of the 9 elements: the SKM's respondents. */
    respondents: integer("respondents").notNull().default(0),
    /** Every counted rating, face-only taps included (taps = ratings − respondents). */
    ratings: integer("ratings").notNull().default(0),
    /** How many counted ratings chose each face, 1 to 4 (the spread an officer sees). */
    face1: integer("face_1").notNull().default(0),
    face2: integer("face_2").notNull().default(0),
    face3: integer("face_3").notNull().default(0),
    face4: integer("face_4").notNull().default(0),
    ...metricColumns,
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.day, t.serviceId, t.counterId, t.officerId] }),
    index("rollups_officer_day").on(t.officerId, t.day),
  ],
);
