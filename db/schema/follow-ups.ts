/**
 * The follow-up plan (rencana tindak lanjut, RTL) of an SKM period: for each priority element,
 * what the unit will do, when and by whom, and how far it got (docs/scoring.md, "Follow-up plan").
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { FOLLOW_UP_STATES } from "../../core/follow-up-plan.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import { agencyRef } from "./agencies.ts";
import { createdNow } from "./columns.ts";

/** Where an RTL item stands. */
export const FOLLOW_UP_STATUSES = FOLLOW_UP_STATES;

/** One RTL row: a priority element and what will be done about it. */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    /** The named SKM period the plan answers (`2026-S2`, `2026-Q4`, `2026-11`, `2026`). */
    period: text("period").notNull(),
    /** The element (unsur) it is about. */
    element: text("element", { enum: ELEMENT_IDS }).notNull(),
    /** Program / kegiatan: what will be done. */
    action: text("action").notNull(),
    /** Waktu: a month (`2027-01`) or a quarter (`2027-Q1`). */
    due: text("due").notNull(),
    /** Penanggung jawab: a person or a post, as the agency writes it. */
    responsible: text("responsible").notNull(),
    status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull().default("planned"),
    /** What was done, or why not: shown beside the status. */
    note: text("note"),
    /** The account that wrote it; no foreign key, as in audit_log: a deleted account leaves its plan. */
    createdBy: text("created_by"),
    createdAt: createdNow(),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    index("follow_ups_agency_period").on(t.agencyId, t.period),
    check("follow_ups_status", sql.raw(`status in ('planned', 'in_progress', 'done')`)),
  ],
);
