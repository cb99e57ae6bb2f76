/** Column pieces more than one table uses. Times are integer milliseconds since the epoch. */
import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** The database's clock in milliseconds, for a column's default. */
export const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** When a row was made, set by the database. */
export const createdNow = () => integer("created_at").notNull().default(now);
