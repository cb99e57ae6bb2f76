/**
 * `npm run db:migrate`: applies the migrations to LIBSQL_URL (or the embedded
 * file). The Workers deploy runs it first, since a Worker cannot read the
 * migration files; with several Node servers on one database, run it before
 * starting (or upgrading) them. It holds the database's set-up lock
 * (db/lock.ts) while it works, so servers starting meanwhile wait for it
 * instead of migrating at the same time.
 */
import { hostname } from "node:os";
import { migrateDatabase, openDatabase } from "./node.ts";

const db = await openDatabase({
  url: process.env.LIBSQL_URL,
  authToken: process.env.LIBSQL_AUTH_TOKEN,
  timeoutMs: 60_000,
});
await migrateDatabase(db, {
  holder: `npm run db:migrate on ${hostname()} pid ${process.pid}`,
  onWait: (holder, expiresAt) =>
    console.log(
      `Waiting for ${holder} to finish (its lock expires ${new Date(expiresAt).toISOString()} unless renewed).`,
    ),
});
console.log("Migrations applied.");
db.$client.close();
