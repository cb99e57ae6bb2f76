/**
 * Alerts (docs/design.md, "Alerts"): an agency's rule settings (a row only once an admin changed
 * a rule; core/alerts.ts has the defaults), the events the rules found (each once, by its key),
 * each reader's notification of one, the agency's webhook and every delivery and try.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ALERT_RULES } from "../../core/alerts.ts";
import { users } from "./accounts.ts";
import { agencyRef } from "./agencies.ts";
import { createdNow } from "./columns.ts";

/** An agency's setting of one rule, stored once an admin changes it. */
export const alertRules = sqliteTable(
  "alert_rules",
  {
    agencyId: agencyRef(),
    rule: text("rule", { enum: ALERT_RULES }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    /** low_faces: N low faces… */
    count: integer("count"),
    /** …within M minutes. */
    minutes: integer("minutes"),
    /** The account that changed it; no foreign key, as in audit_log. */
    updatedBy: text("updated_by"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.rule] })],
);

/** Something a rule found, once: the key (core/alerts.ts alertKey) is unique per agency. */
export const alertEvents = sqliteTable(
  "alert_events",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    rule: text("rule", { enum: ALERT_RULES }).notNull(),
    key: text("key").notNull(),
    at: integer("at").notNull(),
    /** The officer it is about, if any: they are never told of their own ratings. */
    officerId: text("officer_id"),
    /** What the notification and the webhook say (AlertSubject in core/alert-contract.ts). */
    subject: text("subject", { mode: "json" }).notNull(),
  },
  (t) => [uniqueIndex("alert_events_key").on(t.agencyId, t.key)],
);

/** One reader's notification of an event, with whether they have read it. */
export const notifications = sqliteTable(
  "notifications",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => alertEvents.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agencyId: agencyRef(),
    at: integer("at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index("notifications_user").on(t.userId, t.at),
    // The header's bell asks for the unread count every few seconds: only unread rows are in this index.
    index("notifications_unread").on(t.userId, t.agencyId).where(sql`${t.readAt} IS NULL`),
  ],
);

/** An agency's webhook: where events are posted, and the secret they are signed with (sent back never). */
export const webhooks = sqliteTable("webhooks", {
  agencyId: agencyRef().primaryKey(),
  url: text("url").notNull(),
  /** Kept as given: the server signs with it, so it cannot be hashed. */
  secret: text("secret").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at").notNull(),
});

/** One event's delivery to the webhook: pending (with the next try's time), delivered, or given up. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    eventId: text("event_id")
      .notNull()
      .references(() => alertEvents.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The exact JSON sent, so every try signs the same bytes. */
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    tries: integer("tries").notNull().default(0),
    /** When the next try is due; null once delivered or given up. */
    nextAt: integer("next_at"),
    createdAt: createdNow(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event").on(t.eventId),
    index("webhook_deliveries_due").on(t.nextAt),
    index("webhook_deliveries_agency").on(t.agencyId, t.createdAt),
    check("webhook_deliveries_status", sql.raw(`status in ('pending', 'delivered', 'failed')`)),
  ],
);

/** Each try of a delivery: when, the receiver's status code or the error, and when the next comes. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    nextAt: integer("next_at"),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.at)],
);
