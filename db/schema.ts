/**
 * Suara's whole data model (docs/design.md, "Data model"). Times are integer
 * milliseconds since the epoch; local days are YYYY-MM-DD text in the agency's
 * timezone. Ids are opaque text so that no row count leaks through a URL.
 *
 * The tables live in db/schema/ by area; this file is what drizzle-kit (drizzle.config.ts),
 * db/client.ts and every query import.
 */
export * from "./schema/accounts.ts";
export * from "./schema/agencies.ts";
export * from "./schema/alerts.ts";
export * from "./schema/audit.ts";
export * from "./schema/duties.ts";
export * from "./schema/follow-ups.ts";
export * from "./schema/populations.ts";
export * from "./schema/publications.ts";
export * from "./schema/ratings.ts";
export * from "./schema/replies.ts";
export * from "./schema/rollups.ts";
export * from "./schema/visit-imports.ts";
export * from "./schema/visits.ts";
