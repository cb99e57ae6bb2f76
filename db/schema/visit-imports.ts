/**
 * How an agency's queue-machine logs are read (core/visit-log.ts LogMapping), kept by the import so
 * the next day's log of the same machine needs no mapping: which column holds which field (by its
 * header) and which service or counter each of the file's values stands for.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { LogMapping } from "../../core/visit-log.ts";
import { agencyRef } from "./agencies.ts";
import { now } from "./columns.ts";

/** One mapping per agency, replaced whole by each save. */
export const visitImportMappings = sqliteTable("visit_import_mappings", {
  agencyId: agencyRef().primaryKey(),
  mapping: text("mapping", { mode: "json" }).$type<LogMapping>().notNull(),
  /** The account that saved it; no foreign key, as in audit_log: a deleted account leaves its mapping. */
  savedBy: text("saved_by"),
  savedAt: integer("saved_at").notNull().default(now),
});
