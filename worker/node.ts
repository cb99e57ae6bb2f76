/**
 * `npm start`: Suara on Node. Checks its settings, starts serving at once, and
 * opens the embedded libSQL file (or LIBSQL_URL), applies migrations and seeds
 * the demo agency into an empty database, holding the database's set-up lock
 * (db/lock.ts) so that several servers on one database take turns. While the database cannot be reached
 * every API call answers 503 and the server keeps trying; it never exits for it.
 * Pages never wait on the database. If its file is deleted or replaced while it
 * serves, the API answers 503 until an operator puts it back and restarts
 * (db/file-identity.ts): the server never makes a new file while it runs.
 */
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { madePassword, madePin } from "../core/secrets.ts";
import type { Db } from "../db/client.ts";
import { type EmbeddedFile, embeddedPath, openEmbedded } from "../db/embedded.ts";
import type { FileChange } from "../db/file-identity.ts";
import { DEFAULT_DATABASE_URL, openDatabase, setUpDatabase } from "../db/node.ts";
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
import { alertTimer } from "./alerts.ts";
import { createApp } from "./app.ts";
import { clientAddress } from "./client-ip.ts";
import { capSockets, serverOptions } from "./connections.ts";
import { nodeCryptoKeys } from "./device-keys-node.ts";
import { databaseUnavailable, describeError } from "./errors.ts";
import { createIngestQueue, type Ingest } from "./ingest-queue.ts";
import { isEveryInterface, lanUrls } from "./lan.ts";
import { createNodeLog } from "./log-node.ts";
import { createNodeMetrics } from "./metrics-node.ts";
import { type NodeSettings, nodeSettings, SettingsError } from "./settings.ts";
import { withSite } from "./site.ts";
import { clientVisits, fileVisits, type StoreVisits } from "./visit-store.ts";

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
let ready: { db: Db; ingest: Ingest; visits: StoreVisits; file: EmbeddedFile | null } | null = null;

const app = withSite(
  createApp({
    db: () => {
      if (!ready) throw databaseUnavailable("The database is not reachable yet; the server keeps trying.");
      return ready.db;
    },
    ingest: () => ready!.ingest,
    visits: () => ready!.visits,
    clientIp: (c) => clientAddress(getConnInfo(c).remote.address, c.req.header("x-forwarded-for"), settings.trustProxy),
    settings: settings.app,
    deviceKeys: nodeCryptoKeys,
    lanUrls: () => (isEveryInterface(host) ? lanUrls(port) : []),
    metrics,
    log,
    gzipPages: true,
  }),
  { serve: serveStatic({ root: dist }), file: (path) => serveStatic({ path: join(dist, path) }) },
);

const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions }, () => {
  // Bound to every interface, http://0.0.0.0 opens nothing: name this machine and its network addresses.
  const everywhere = isEveryInterface(host);
  const shown = everywhere ? `http://localhost:${port}` : baseUrl;
  log.info(`Suara is serving on ${shown}`);
  log.info(`  kiosk     ${shown}/kiosk/`);
  log.info(`  dashboard ${shown}/dashboard/`);
  log.info(`  widget    ${shown}/widget/`);
  log.info(`  API       ${shown}/api/v1/docs`);
  if (everywhere) {
    const lan = lanUrls(port);
    log.info(`On the office network: ${lan.length ? lan.join(", ") : "no network address found"}`);
    log.info(
      settings.app.publicUrl
        ? `Tablets open ${settings.app.publicUrl}/kiosk/ (SUARA_PUBLIC_URL).`
        : "Tablets need HTTPS (a secure context) to pair and to work offline: put a TLS proxy in front and set " +
            'SUARA_PUBLIC_URL (docs/operations.md, "Run it in an office").',
    );
  }
  void connect();
});

// Idle and slow sockets are closed quickly, and a flood of them cannot shut out real callers (worker/connections.ts).
capSockets(server as Server);

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
      // Every call fails once the file at the path is no longer the one opened (db/file-identity.ts).
      const afterCall = () => ready?.file?.identity.assertSame();
      db = await openDatabase({ url, authToken: settings.authToken, timeoutMs, afterCall });
      // One server at a time migrates and seeds (db/lock.ts): the second to start finds both done,
      // instead of failing on the first's tables or demo agency and answering 503 until it retries.
      const fresh = await setUpDatabase(db, seedIfEmpty, {
        holder: `Suara server ${hostname()} pid ${process.pid} port ${port}`,
        onWait: waitingForSetUp,
      });
      if (fresh) warnNewDatabase(url);
      // Ratings and visits are stored on the embedded file's own synchronous connection (db/embedded.ts).
      const file = openEmbedded(url, (change) => fileLost(change, file!));
      const onCommit = (size: number) => metrics.commit(size);
      const visits = file ? fileVisits(file, timeoutMs) : clientVisits(db);
      ready = { db, ingest: createIngestQueue(db, { file, timeoutMs, onCommit }), visits, file };
      if (file) watchFile(file);
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

/** Says who holds the set-up lock this server waits for (another server or `npm run db:migrate` migrating or seeding). */
function waitingForSetUp(holder: string, expiresAt: number): void {
  log.info(
    { event: "set_up_lock_wait", holder },
    `Waiting for ${holder} to finish migrating or seeding the database (its lock expires ${new Date(expiresAt).toISOString()} unless renewed).`,
  );
}

/** A new database where one may have been lost: said loudly, so a restart never hides data loss. */
function warnNewDatabase(url: string): void {
  const path = embeddedPath(url);
  // Copies a server made of a lost file, and files a restore set aside, lie beside it.
  const beside = path
    ? readdirSync(dirname(path))
        .filter((name) => name.startsWith(`${basename(path)}.`) && /\.(rescued|replaced)-[\dTZ-]+$/.test(name))
        .map((name) => join(dirname(path), name))
    : [];
  log.warn(
    { event: "database_created" },
    [
      `NOTICE: ${path ? `the database file ${path} did not exist (or was empty) and was created` : `the database at ${url} was empty and was set up`} just now, empty.`,
      "  If this server stored ratings before, they are not in it: stop the server and restore the latest backup",
      '  (npm run restore -- <backup>; docs/operations.md, "Backups"), or put the right file back, then start the server again.',
      ...(beside.length > 0 ? [`  Earlier databases found beside it: ${beside.join(", ")}`] : []),
    ]
      .map((line) => line.trim())
      .join(" "),
  );
}

/** How often the database file's identity is checked when nothing else touches it (every call and commit also does). */
const FILE_CHECK_MS = 2_000;

let fileTimer: ReturnType<typeof setInterval> | undefined;

/** Notices a deleted or replaced database file even while no request comes, so /health and the log say so in seconds. */
function watchFile(file: EmbeddedFile): void {
  fileTimer = setInterval(() => file.identity.check(), FILE_CHECK_MS);
  fileTimer.unref();
}

/**
 * The database file was deleted or replaced under the server: from now on every API
 * call answers 503 (database_file_lost) and nothing is acknowledged. The connection
 * still has the old file open, so what it held is copied out beside the path, and the
 * log tells the operator what happened and what to do. The server never makes a new
 * file while it runs (that would hide the loss behind an empty, freshly seeded one).
 */
function fileLost(change: FileChange, file: EmbeddedFile): void {
  const path = file.identity.path;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const name = `${basename(path)}.rescued-${stamp}`;
  // Beside the file, or (when its whole folder was deleted) in the folder the server was started from.
  let saved = "";
  for (const folder of [dirname(path), process.cwd()]) {
    try {
      file.copyTo(join(folder, name));
      saved = `Everything the old file held was copied to ${join(folder, name)}.`;
      break;
    } catch (error) {
      saved = `Copying what the old file held failed (${describeError(error)}); while this server runs it is still open as one of /proc/${process.pid}/fd/* ("${path} (deleted)"): copy it from there before stopping the server.`;
    }
  }
  let walNote = "";
  try {
    const movedTo = file.setAsideLog(`.old-${stamp}`);
    if (movedTo)
      walNote = `  Its write-ahead log was moved to ${movedTo}, so it is not read into the next file put at the path.`;
  } catch (error) {
    walNote = `  Moving its write-ahead log ${path}-wal aside failed (${describeError(error)}): delete ${path}-wal before starting the server on another file.`;
  }
  log.error(
    { event: `database_file_${change}` },
    [
      `DATABASE FILE ${change.toUpperCase()}: ${path} was ${change === "deleted" ? "deleted" : "replaced by another file"} while the server was using it.`,
      "  The API now answers 503 (database_file_lost) and stores nothing: it would be lost at the next start.",
      `  ${saved}`,
      ...(walNote ? [walNote] : []),
      change === "deleted"
        ? `  To go on: stop the server, put the database back at ${path} (the copy above, or the latest backup with npm run restore -- <backup>), and start it again.`
        : `  If the new file was put there on purpose (a restore), restart the server to use it; otherwise stop the server, put the right database back at ${path} (the copy above, or npm run restore -- <backup>), and start it again.`,
    ]
      .map((line) => line.trim())
      .join(" "),
  );
}

/** Seeds the demo agency into an empty database (never in production) and says how to sign in. */
async function seedIfEmpty(db: Db): Promise<void> {
  const empty = await isEmpty(db);
  if (empty && settings.demo) {
    const password = settings.demoPassword ?? madePassword();
    const pin = settings.demoPin ?? madePin();
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
let alertTimerId: ReturnType<typeof setInterval> | undefined;

/**
 * Comments past each agency's retention are purged at start and every six hours; duties
 * left open an hour after their counter closed end at start and every minute; webhook
 * deliveries due are tried every minute and the weeks' bands checked every 15 (docs/design.md, "Alerts").
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
  let minutes = 0;
  const alerts = () =>
    alertTimer(db, {
      checkBands: minutes++ % 15 === 0,
      minN: settings.app.minOfficerN,
      k: settings.app.shrinkageK,
    }).catch((error) =>
      log.error(
        { error: describeError(error) },
        "Checking alerts or sending webhooks failed; it runs again in a minute.",
      ),
    );
  void alerts();
  alertTimerId = setInterval(alerts, 60_000);
  alertTimerId.unref();
}

const stop = () => {
  clearInterval(purgeTimer);
  clearInterval(dutyTimer);
  clearInterval(alertTimerId);
  clearInterval(fileTimer);
  server.close(() => {
    ready?.db.$client.close();
    ready?.file?.close();
    process.exit(0);
  });
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
