/**
 * `npm run admin:create -- --email E --name N --region R`: creates a regional
 * admin on LIBSQL_URL (how a production database gets its first user; demo
 * data is never created there). The password is read from SUARA_ADMIN_PASSWORD.
 */
import { parseArgs } from "node:util";
import { newId } from "../core/ids.ts";
import { hashSecret } from "../core/password.ts";
import { migrateDatabase, openDatabase } from "./node.ts";
import { users } from "./schema.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, region: { type: "string" } },
});
const password = process.env.SUARA_ADMIN_PASSWORD ?? "";
if (!values.email || !values.name || !values.region || password.length < 10) {
  console.error(
    'Usage: SUARA_ADMIN_PASSWORD=… npm run admin:create -- --email admin@prov.go.id --name "Nama" --region "Sumatera Utara"\n' +
      "The password needs at least 10 characters; the region must match the agencies' region.",
  );
  process.exit(2);
}
const db = await openDatabase({
  url: process.env.LIBSQL_URL,
  authToken: process.env.LIBSQL_AUTH_TOKEN,
  timeoutMs: 60_000,
});
await migrateDatabase(db);
await db.insert(users).values({
  id: newId("usr"),
  email: values.email.toLowerCase(),
  name: values.name,
  role: "regional_admin",
  region: values.region,
  passwordHash: await hashSecret(password),
});
console.log(`Created regional admin ${values.email} for ${values.region}.`);
db.$client.close();
