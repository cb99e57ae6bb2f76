/**
 * `npm run db:migrate`: applies the migrations to LIBSQL_URL (or the embedded
 * file). The Workers deploy runs it first, since a Worker cannot read the
 * migration files.
 */
import { migrateDatabase, openDatabase } from "./node.ts";

const db = await openDatabase({
  url: process.env.LIBSQL_URL,
  authToken: process.env.LIBSQL_AUTH_TOKEN,
  timeoutMs: 60_000,
});
await migrateDatabase(db);
console.log("Migrations applied.");
db.$client.close();
