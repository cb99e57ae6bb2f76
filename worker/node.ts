/**
 * `npm start`: Suara on Node. Opens the embedded libSQL file (or LIBSQL_URL),
 * applies migrations, seeds the demo agency into an empty database, and serves
 * the API and the built front ends on one port.
 */
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { randomString } from "../core/ids.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { purgeExpiredComments } from "../db/queries/retention.ts";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_AGENCY,
  DEMO_OFFICERS,
  DEMO_REGIONAL_EMAIL,
  DEMO_SUPERVISOR_EMAIL,
  isEmpty,
  seedDemo,
} from "../db/seed.ts";
import { createApp } from "./app.ts";
import { createIngestQueue } from "./ingest-queue.ts";
import { withSite } from "./site.ts";

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? "127.0.0.1";
const dist = env.SUARA_DIST ?? "./dist";
const production = env.NODE_ENV === "production";
const baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

const db = await openDatabase({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN, syncUrl: env.LIBSQL_SYNC_URL });
await migrateDatabase(db);

let demo: { password: string; pin: string; generated: boolean } | null = null;
const empty = await isEmpty(db);
if (!production && env.SUARA_DEMO !== "0" && empty) {
  const password = env.SUARA_DEMO_PASSWORD ?? randomString(12);
  const pin = env.SUARA_DEMO_PIN ?? String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, "0");
  if (!/^\d{6}$/.test(pin)) throw new Error("SUARA_DEMO_PIN must be 6 digits.");
  // Suara's own pages (the widget demo) are always trusted; this is the agency's own site, as an example.
  const seeded = await seedDemo(db, { password, pin, origins: ["https://disdukcapil.tebingtinggikota.go.id"] });
  demo = { password, pin, generated: !env.SUARA_DEMO_PASSWORD || !env.SUARA_DEMO_PIN };
  console.log(`Seeded the demo agency "${DEMO_AGENCY}" with ${seeded.ratings} ratings.`);
}

const ingestQueue = createIngestQueue(db);
const app = withSite(
  createApp({
    db: () => db,
    ingest: () => ingestQueue,
    clientIp: (c) => getConnInfo(c).remote.address,
    settings: {
      shrinkageK: Number(env.SUARA_SHRINKAGE_K ?? 20),
      minOfficerN: Number(env.SUARA_MIN_OFFICER_N ?? 30),
      secureCookies: env.SUARA_SECURE_COOKIES ? env.SUARA_SECURE_COOKIES === "1" : production,
    },
  }),
  { serve: serveStatic({ root: dist }), file: (path) => serveStatic({ path: join(dist, path) }) },
);

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`Suara is serving on ${baseUrl}`);
  console.log(`  kiosk     ${baseUrl}/kiosk/`);
  console.log(`  dashboard ${baseUrl}/dashboard/`);
  console.log(`  widget    ${baseUrl}/widget/`);
  console.log(`  API       ${baseUrl}/api/v1/openapi.json`);
  if (demo) {
    console.log(
      `Demo sign-in (password for every account${demo.generated ? ", generated for this database" : ""}): ${demo.password}`,
    );
    console.log(`  agency admin   ${DEMO_ADMIN_EMAIL}`);
    console.log(`  supervisor     ${DEMO_SUPERVISOR_EMAIL}`);
    console.log(`  regional admin ${DEMO_REGIONAL_EMAIL}`);
    console.log(
      `  officer        NIP ${DEMO_OFFICERS[0].nip} (${DEMO_OFFICERS[0].name}); kiosk PIN of every officer: ${demo.pin}`,
    );
  } else if (empty) {
    console.log("The database has no agency yet: a regional admin creates agencies (POST /api/v1/agencies).");
    console.log("If there is none, create one with:");
    console.log('  SUARA_ADMIN_PASSWORD=… npm run admin:create -- --email … --name "…" --region "…"');
  } else if (!production && env.SUARA_DEMO !== "0") {
    console.log("The demo accounts' password was printed when this database was first seeded.");
    console.log("To choose it, delete the database and start with SUARA_DEMO_PASSWORD and SUARA_DEMO_PIN set.");
  }
});

server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} on ${host} is already in use: stop the other server or start with PORT=<another port>.`
      : `The server could not start: ${error.message}`,
  );
  process.exit(1);
});

// Comments past each agency's retention are purged at start and every six hours.
const purge = () =>
  purgeExpiredComments(db, Date.now()).then(
    (n) => n > 0 && console.log(`Purged ${n} comments past their retention.`),
    (error) => console.error("comment purge failed:", error),
  );
void purge();
const purgeTimer = setInterval(purge, 6 * 3_600_000);
purgeTimer.unref();

const stop = () => {
  clearInterval(purgeTimer);
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
