/**
 * The service users an agency states for a period, for the Krejcie–Morgan sample size
 * (docs/scoring.md, "Sample size"): kept by the server so every reader and the printed report
 * use one number, with who stated it and when.
 */
import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { POPULATION_MAX } from "../../core/scoring.ts";
import { agencyRef } from "./agencies.ts";
import { now } from "./columns.ts";

/** One stated population per agency and named period (`2026-11`, `2026-Q4`, `2026-S2`, `2026`). */
export const agencyPopulations = sqliteTable(
  "agency_populations",
  {
    agencyId: agencyRef(),
    /** A named period as the report takes it; a from/to range is never stored (the report asks per view). */
    period: text("period").notNull(),
    population: integer("population").notNull(),
    /** The account that stated it; no foreign key, as in audit_log: a deleted account leaves its statement. */
    statedBy: text("stated_by"),
    statedAt: integer("stated_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.period] }),
    check("agency_populations_range", sql.raw(`population between 1 and ${POPULATION_MAX}`)),
  ],
);
