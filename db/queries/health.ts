/** What GET /health asks of the database: that it answers, and that it takes a write. */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

/** The cheapest call that reaches the database. */
export const pingDatabase = (db: Db) => db.run(sql`select 1`);

/** A one-row write that proves the database can store (health_probe holds a single row). */
export const probeWrite = (db: Db, now: number) =>
  db.run(
    sql`INSERT INTO health_probe (id, checked_at) VALUES (1, ${now}) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`,
  );
