/**
 * Published SKM results (docs/design.md, "Publications"): an agency's admin freezes a named
 * period's figures, and the public reads only these snapshots, never live numbers. A correction
 * is a new row of the same period; the one it replaces stays, marked superseded.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { PublicationSnapshot } from "../../core/publication-contract.ts";
import { agencyRef } from "./agencies.ts";

/** One publication of a named period: its frozen figures, who published it and when. */
export const publications = sqliteTable(
  "publications",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    /** The named SKM period (`2026-S2`, `2026-Q4`, `2026-11`, `2026`); a from/to range is never published. */
    period: text("period").notNull(),
    /** The figures as they stood when published (core/publication-contract.ts, PublicationSnapshot). */
    snapshot: text("snapshot", { mode: "json" }).$type<PublicationSnapshot>().notNull(),
    /** The account that published it; no foreign key, as in audit_log: a deleted account leaves its publication. */
    publishedBy: text("published_by"),
    publishedAt: integer("published_at").notNull(),
    /** When a correction replaced it, and which publication did; null while it is the period's current one. */
    supersededAt: integer("superseded_at"),
    supersededBy: text("superseded_by"),
  },
  (t) => [
    index("publications_agency").on(t.agencyId, t.publishedAt),
    // One current publication per period: two admins publishing at once cannot leave two.
    uniqueIndex("publications_current").on(t.agencyId, t.period).where(sql`superseded_at is null`),
  ],
);
