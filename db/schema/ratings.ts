/** Citizens' ratings and officers' contests of them. */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANNELS } from "../../core/channels.ts";
import { CONTEST_DECISIONS, CONTEST_REASONS } from "../../core/contest-reasons.ts";
import type { Flag } from "../../core/flags.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import { agencyRef, officers, servedAt } from "./agencies.ts";
import { devices, tickets } from "./duties.ts";

/** Where a rating came from (core/channels.ts). */
export { CHANNELS, type Channel } from "../../core/channels.ts";

/** Flags on a rating (core/flags.ts says which figures each keeps it out of). */
export { FLAGS, type Flag } from "../../core/flags.ts";

const answerColumns = Object.fromEntries(ELEMENT_IDS.map((id) => [id, integer(id)])) as Record<
  (typeof ELEMENT_IDS)[number],
  ReturnType<typeof integer>
>;

/** Citizens' ratings, one row per response. */
export const ratings = sqliteTable(
  "ratings",
  {
    /** Made by the client (UUID): the idempotency key of a retried sync. */
    id: text("id").primaryKey(),
    ...servedAt(),
    deviceId: text("device_id").references(() => devices.id),
    ticketId: text("ticket_id").references(() => tickets.id),
    /** The visit it rates (its id within the agency): from its ticket, or the visit its counter served at the tap. */
    visitId: text("visit_id"),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    /** The one-tap face, 1–4. */
    overall: integer("overall"),
    ...answerColumns,
    reasons: text("reasons", { mode: "json" }).$type<string[]>(),
    /** Masked before storage; purged after the agency's retention period. */
    comment: text("comment"),
    respondent: text("respondent", { mode: "json" }).$type<Record<string, string | number>>(),
    locale: text("locale").notNull().default("id"),
    /** The client's clock: when the citizen tapped. */
    createdAt: integer("created_at").notNull(),
    /** The server's clock: when it arrived. */
    receivedAt: integer("received_at").notNull(),
    /** Local day of createdAt in the agency's timezone. */
    day: text("day").notNull(),
    flags: text("flags", { mode: "json" }).$type<Flag[]>().notNull().default(sql`'[]'`),
    /** False when a flag (rapid_repeat, excluded) keeps it out of scores. */
    counted: integer("counted", { mode: "boolean" }).notNull(),
    /** The ingest call that stored it; tells a fresh insert from a duplicate. */
    batch: text("batch").notNull(),
  },
  (t) => [
    index("ratings_agency_day").on(t.agencyId, t.day),
    // The CSV export's order: each page seeks to its (created_at, id) cursor and reads on, no sort
    // of the whole period (db/queries/export.ts).
    index("ratings_agency_time").on(t.agencyId, t.createdAt, t.id),
    // The retention purge's: only ratings that still hold a comment, so a run reads the expired ones
    // and nothing else, and a purged rating leaves the index (db/queries/retention.ts).
    index("ratings_comment_time").on(t.agencyId, t.createdAt).where(sql`${t.comment} IS NOT NULL`),
    index("ratings_device_time").on(t.deviceId, t.createdAt),
    index("ratings_officer_day").on(t.officerId, t.day),
    // One rating per ticket, even when two submissions race for it. Partial: the many ratings
    // without a ticket (every kiosk tap) add no entry to it.
    uniqueIndex("ratings_ticket").on(t.ticketId).where(sql`${t.ticketId} IS NOT NULL`),
    // A visit that arrives after its ratings finds them (db/queries/visit-ingest.ts).
    index("ratings_visit").on(t.agencyId, t.visitId).where(sql`${t.visitId} IS NOT NULL`),
  ],
);

/** Why an officer contests a rating, and what a decision makes of it (core/contest-reasons.ts). */
export { CONTEST_DECISIONS, CONTEST_REASONS, type ContestReason } from "../../core/contest-reasons.ts";

/**
 * An officer's right of reply: one contest per rating, decided once by a supervisor or admin
 * (kept, or excluded through the exclude that every admin has).
 */
export const contests = sqliteTable(
  "contests",
  {
    id: text("id").primaryKey(),
    ratingId: text("rating_id")
      .notNull()
      .unique()
      .references(() => ratings.id),
    agencyId: agencyRef(),
    officerId: text("officer_id")
      .notNull()
      .references(() => officers.id),
    reason: text("reason", { enum: CONTEST_REASONS }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    decision: text("decision", { enum: CONTEST_DECISIONS }),
    decisionNote: text("decision_note"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("contests_agency").on(t.agencyId, t.createdAt), index("contests_officer").on(t.officerId)],
);
