/**
 * `npm start`: Suara on Node. Checks its settings, starts serving at once, and
 * opens the embedded libSQL file (or LIBSQL_URL), applies migrations and seeds
 * the demo agency into an empty database. While the database cannot be reached
 * every API call answers 503 and the server keeps trying; it never exits for it.
 */
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { randomString } from "../core/ids.ts";
import type { Db } from "../db/client.ts";
import { type EmbeddedFile, openEmbedded } from "../db/embedded.ts";
import { DEFAULT_DATABASE_URL, migrateDatabase, openDatabase } from "../db/node.ts";
import { endOverdueDuties } from "../db/queries/duties.ts";
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
import { nodeCryptoKeys } from "./device-keys-node.ts";
import { databaseUnavailable, describeError } from "./errors.ts";
import { createIngestQueue, type Ingest } from "./ingest-queue.ts";
import { createNodeLog } from "./log-node.ts";
import { createNodeMetrics } from "./metrics-node.ts";
import { type NodeSettings, nodeSettings, SettingsError } from "./settings.ts";
import { withSite } from "./site.ts";

/** One JSON line per event on stdout (worker/log-node.ts); its level is set once the settings are read. */
const log = createNodeLog();
let settings: NodeSettings;
try {
  settings = nodeSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  const problems = error.problems.map((p) => `${p.variable}: ${p.message}`).join("; ");
  log.fatal({ problems: error.problems }, `Suara cannot start with these settings: ${problems}.`);
  process.exit(1);
}
log.level = settings.logLevel;
const metrics = createNodeMetrics({ token: settings.metricsToken, peerAddress: (c) => getConnInfo(c).remote.address });
const { port, host, dist } = settings;
const baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
/** How long to wait before trying an unreachable database again. */
const RETRY_MS = 5_000;

/** The database once it is open and migrated, its group-commit queue and that queue's own connection to the file. */
let ready: { db: Db; ingest: Ingest; file: EmbeddedFile | null } | null = null;

const app = withSite(
  createApp({
    db: () => {
      if (!ready) throw databaseUnavailable("The database is not reachable yet; the server keeps trying.");
      return ready.db;
    },
    ingest: () => ready!.ingest,
    clientIp: (c) => getConnInfo(c).remote.address,
    settings: settings.app,
    deviceKeys: nodeCryptoKeys,
    metrics,
    log,
  }),
  { serve: serveStatic({ root: dist }), file: (path) => serveStatic({ path: join(dist, path) }) },
);

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  log.info({ url: baseUrl }, `Suara is serving on ${baseUrl}`);
  log.info({ url: `${baseUrl}/kiosk/` }, `kiosk     ${baseUrl}/kiosk/`);
  log.info({ url: `${baseUrl}/dashboard/` }, `dashboard ${baseUrl}/dashboard/`);
  log.info({ url: `${baseUrl}/widget/` }, `widget    ${baseUrl}/widget/`);
  log.info({ url: `${baseUrl}/api/v1/docs` }, `API       ${baseUrl}/api/v1/docs`);
  void connect();
});

server.on("error", (error: NodeJS.ErrnoException) => {
  log.fatal(
    { code: error.code },
    error.code === "EADDRINUSE"
      ? `Port ${port} on ${host} is already in use: stop the other server or start with PORT=<another port>.`
      : `The server could not start: ${error.message}`,
  );
  process.exit(1);
});

/** Opens, migrates and (first time) seeds the database, retrying until it can. */
async function connect(): Promise<void> {
  let lastProblem = "";
  for (;;) {
    let db: Db | undefined;
    try {
      const timeoutMs = settings.app.dbTimeoutMs;
      const url = settings.databaseUrl ?? DEFAULT_DATABASE_URL;
      db = await openDatabase({ url, authToken: settings.authToken, timeoutMs });
      await migrateDatabase(db);
      await seedIfEmpty(db);
      // Ratings are stored on the embedded file's own synchronous connection (db/embedded.ts).
      const file = openEmbedded(url);
      const onCommit = (size: number) => metrics.commit(size);
      ready = { db, ingest: createIngestQueue(db, { file, timeoutMs, onCommit }), file };
      log.info(lastProblem ? "The database is reachable again; serving." : "The database is reachable; serving.");
      startPurge(db);
      return;
    } catch (error) {
      // A client that could not finish starting is not kept; the next attempt opens a fresh one.
      db?.$client.close();
      const problem = (error as Error).message.split("\n")[0];
      if (problem !== lastProblem)
        log.error({ problem }, `The database cannot be reached (${problem}); retrying every 5 s.`);
      lastProblem = problem;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** Seeds the demo agency into an empty database (never in production) and says how to sign in. */
async function seedIfEmpty(db: Db): Promise<void> {
  const empty = await isEmpty(db);
  if (empty && settings.demo) {
    const password = settings.demoPassword ?? randomString(12);
    const pin = settings.demoPin ?? String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, "0");
    // The agency's own site, and this server's widget demo page (registered like any other origin).
    const origins = ["https://disdukcapil.tebingtinggikota.go.id", baseUrl, `http://localhost:${port}`];
    if (settings.app.publicUrl) origins.push(new URL(settings.app.publicUrl).origin);
    const seeded = await seedDemo(db, { password, pin, origins });
    log.info(`Seeded the demo agency "${DEMO_AGENCY}" with ${seeded.ratings} ratings.`);
    const generated = !settings.demoPassword || !settings.demoPin;
    log.info(
      `Demo sign-in (password for every account${generated ? ", generated for this database" : ""}): ${password}`,
    );
    log.info(`  agency admin   ${DEMO_ADMIN_EMAIL}`);
    log.info(`  supervisor     ${DEMO_SUPERVISOR_EMAIL}`);
    log.info(`  regional admin ${DEMO_REGIONAL_EMAIL}`);
    log.info(
      `  officer        NIP ${DEMO_OFFICERS[0].nip} (${DEMO_OFFICERS[0].name}); kiosk PIN of every officer: ${pin}`,
    );
  } else if (empty) {
    log.info("The database has no agency yet: a regional admin creates agencies (POST /api/v1/agencies).");
    log.info("If there is none, create one with:");
    log.info('  SUARA_ADMIN_PASSWORD=… npm run admin:create -- --email … --name "…" --region "…"');
  } else if (settings.demo) {
    log.info("The demo accounts' password was printed when this database was first seeded.");
    log.info("To choose it, delete the database and start with SUARA_DEMO_PASSWORD and SUARA_DEMO_PIN set.");
  }
}

let purgeTimer: ReturnType<typeof setInterval> | undefined;
let dutyTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Comments past each agency's retention are purged at start and every six hours; duties
 * left open an hour after their counter closed end at start and every minute.
 */
function startPurge(db: Db): void {
  const purge = () =>
    purgeExpiredComments(db, Date.now()).then(
      (n) => n > 0 && log.info({ purged: n }, `Purged ${n} comments past their retention.`),
      (error) => log.error({ error: describeError(error) }, "The comment purge failed; it runs again in six hours."),
    );
  const endDuties = () =>
    endOverdueDuties(db, Date.now()).then(
      (n) => n > 0 && log.info({ ended: n }, `Ended ${n} duties left open after their counters closed.`),
      (error) => log.error({ error: describeError(error) }, "Ending overdue duties failed; it runs again in a minute."),
    );
  void purge();
  void endDuties();
  purgeTimer = setInterval(purge, 6 * 3_600_000);
  purgeTimer.unref();
  dutyTimer = setInterval(endDuties, 60_000);
  dutyTimer.unref();
}

const stop = () => {
  clearInterval(purgeTimer);
  clearInterval(dutyTimer);
  server.close(() => {
    ready?.db.$client.close();
    ready?.file?.close();
    process.exit(0);
  });
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
