/**
 * Officers answer (issue 20, item 4): an officer's reply to a comment about them, and a
 * supervisor's or admin's feedback to an officer for a period (umpan balik berkelanjutan,
 * PermenPANRB 6/2022), which the officer acknowledges. Read by the officer, their agency's
 * supervisors and admins and its regional admin; never public (docs/design.md, "Officers answer").
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agencyRef, officers } from "./agencies.ts";
import { ratings } from "./ratings.ts";

/** The officer a row is about. */
const officerRef = () =>
  text("officer_id")
    .notNull()
    .references(() => officers.id);

/** An officer's reply to the comment of a rating attributed to them: one per rating, not edited once sent. */
export const commentReplies = sqliteTable("comment_replies", {
  id: text("id").primaryKey(),
  agencyId: agencyRef(),
  officerId: officerRef(),
  ratingId: text("rating_id")
    .notNull()
    .unique()
    .references(() => ratings.id),
  /** Masked like comments (core/privacy.ts) before storage. */
  text: text("text").notNull(),
  /** The account that wrote it; no foreign key, as in audit_log. */
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Feedback to an officer for a named period, and when the officer acknowledged reading it. */
export const officerFeedback = sqliteTable(
  "officer_feedback",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    officerId: officerRef(),
    /** The named period it is about (`2026-S2`, `2026-Q4`, `2026-11`, `2026`). */
    period: text("period").notNull(),
    /** Masked like comments (core/privacy.ts) before storage. */
    text: text("text").notNull(),
    /** The supervisor's or admin's account; no foreign key, as in audit_log. */
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    /** When the officer said they read it (once); null until then. */
    acknowledgedAt: integer("acknowledged_at"),
  },
  (t) => [index("officer_feedback_officer_period").on(t.officerId, t.period)],
);
