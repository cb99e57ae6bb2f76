/**
 * Opening the database on Cloudflare Workers: a remote libSQL (Turso / sqld) through
 * `@libsql/client/web`, one handle per request or cron run (no client outlives it).
 */
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { type Db, DRIZZLE_CONFIG } from "./client.ts";
import { fetchWithTimeout, guardClient } from "./guard.ts";

/** A database handle whose every call has a deadline; throws when the URL cannot be used. */
export function openWebDatabase({ url, authToken, timeoutMs }: { url: string; authToken?: string; timeoutMs: number }) {
  return drizzle(
    guardClient(() => createClient({ url, authToken, fetch: fetchWithTimeout(timeoutMs) }), { timeoutMs }),
    DRIZZLE_CONFIG,
  ) as unknown as Db;
}
