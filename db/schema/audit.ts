/** What the server records about itself: the audit log of every admin change, and the health probe. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { now } from "./columns.ts";

/** Every admin change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull().default(now),
    actorUserId: text("actor_user_id"),
    agencyId: text("agency_id"),
    action: text("action").notNull(),
    target: text("target").notNull(),
    details: text("details", { mode: "json" }),
  },
  (t) => [index("audit_agency_at").on(t.agencyId, t.at)],
);

/** One row that GET /health rewrites now and then, to know the database still takes writes (disk full, read-only). */
export const healthProbe = sqliteTable("health_probe", {
  id: integer("id").primaryKey(),
  checkedAt: integer("checked_at").notNull(),
});
