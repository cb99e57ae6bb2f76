/**
 * Suara on Cloudflare Workers: the same app, a remote libSQL (Turso / sqld)
 * through `@libsql/client/web`, the built front ends from Workers Static
 * Assets, and the comment retention purge on a Cron Trigger. Migrations are
 * applied before deploy (`npm run deploy`), since a Worker cannot read them.
 */
import type { Db } from "../db/client.ts";
import { endOverdueDuties } from "../db/queries/duties.ts";
import { purgeExpiredComments } from "../db/queries/retention.ts";
import { openWebDatabase, webDatabaseProblem } from "../db/web.ts";

/** The daily Cron Trigger (wrangler.toml) that also purges comments past their retention. */
const PURGE_CRON = "17 19 * * *";

import { alertTimer } from "./alerts.ts";
import { type App, createApp } from "./app.ts";
import type { AppSettings } from "./env.ts";
import { databaseNotConfigured } from "./errors.ts";
import { consoleLog } from "./log.ts";
import { appSettings, DEFAULT_SETTINGS, SettingsError } from "./settings.ts";
import { withSite } from "./site.ts";

/** The Worker's bindings (wrangler.toml and `wrangler secret put`). */
export interface WorkerBindings {
  /** Missing or unusable: the pages are still served; the API and /health answer 503 `database_not_configured`. */
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  SUARA_SHRINKAGE_K?: string;
  SUARA_MIN_OFFICER_N?: string;
  SUARA_WIDGET_QUOTA?: string;
  SUARA_PUBLIC_URL?: string;
  SUARA_DB_TIMEOUT_MS?: string;
  ASSETS: { fetch: (request: Request | URL) => Promise<Response> };
}

/** What the API says of a LIBSQL_URL the client refuses (the client's reason is in the log). */
const URL_UNUSABLE =
  "LIBSQL_URL cannot be used: the API is unavailable until it is set to the database's libsql://, https:// or wss:// URL (the Worker's log says why).";

/** Each LIBSQL_URL's verdict in this isolate (null: usable), so a request costs no client to check it. */
const urlVerdicts = new Map<string, string | null>();

/**
 * Why the bindings name no usable database, in words for the API's callers (and the log), or null.
 * Checked without connecting: the client's own parse of the URL, once per isolate and URL.
 */
function databaseProblem(env: WorkerBindings): string | null {
  const url = env.LIBSQL_URL?.trim();
  if (!url) {
    return "LIBSQL_URL is not set: the API is unavailable until the Worker is given its database's URL (wrangler.toml or `wrangler secret put LIBSQL_URL`).";
  }
  const key = `${url} ${env.LIBSQL_AUTH_TOKEN ?? ""}`;
  if (!urlVerdicts.has(key)) {
    const error = webDatabaseProblem({ url, authToken: env.LIBSQL_AUTH_TOKEN });
    // The client's reason goes to the log only: a URL may carry a token in its query.
    if (error) console.error(`LIBSQL_URL cannot be used: ${error.message}`);
    urlVerdicts.set(key, error && URL_UNUSABLE);
  }
  return urlVerdicts.get(key) ?? null;
}

/**
 * A database handle for one request or cron run: no client outlives it (docs/design.md, "Runtimes"),
 * and none is made until a query needs it. Every call has a deadline, so a database that hangs gives
 * 503s, not stuck requests. Bindings without a usable LIBSQL_URL throw a 503 that says so.
 */
function databaseFor(env: WorkerBindings, { dbTimeoutMs }: Pick<AppSettings, "dbTimeoutMs"> = DEFAULT_SETTINGS): Db {
  // The app's log says it for each route, once every 10 s (worker/middleware/observe.ts).
  const problem = databaseProblem(env);
  if (problem) throw databaseNotConfigured(problem);
  const url = (env.LIBSQL_URL ?? "").trim();
  return openWebDatabase({ url, authToken: env.LIBSQL_AUTH_TOKEN, timeoutMs: dbTimeoutMs }, (error) => {
    console.error(`LIBSQL_URL cannot be used: ${error.message}`);
    return databaseNotConfigured(URL_UNUSABLE);
  });
}

/** A static asset with headers the app may still add to (the binding's are immutable). */
async function asset(env: WorkerBindings, request: Request | URL): Promise<Response> {
  const response = await env.ASSETS.fetch(request);
  return new Response(response.body, response);
}

/** JSON lines on the console, which Workers Logs read as structured events. */
const log = consoleLog();

/** The app holds settings only, never a client, so one per isolate is fine. */
let app: App | undefined;

function appFor(env: WorkerBindings): App {
  if (app) return app;
  const settings = appSettings(env as unknown as Record<string, unknown>, { production: true });
  app = withSite(
    createApp({
      db: (c) => databaseFor(c.env as WorkerBindings, settings),
      clientIp: (c) => c.req.header("cf-connecting-ip"),
      settings,
      log,
    }),
    {
      serve: (c) => asset(c.env as WorkerBindings, c.req.raw),
      file: (path) => (c) => asset(c.env as WorkerBindings, new URL(path, c.req.url)),
    },
  );
  return app;
}

/** Bindings with values the app cannot take answer every request with this, and say why in the log. */
function misconfigured(error: SettingsError): Response {
  log.error(
    { problems: error.problems },
    "The Worker's settings are invalid; every request answers 500 until they are fixed.",
  );
  const body = { error: { code: "misconfigured", message: "The server's settings are invalid; see its log." } };
  return Response.json(body, { status: 500 });
}

export default {
  fetch: (request: Request, env: WorkerBindings, ctx: unknown) => {
    try {
      return appFor(env).fetch(request, env, ctx as never);
    } catch (error) {
      if (error instanceof SettingsError) return misconfigured(error);
      throw error;
    }
  },
  scheduled: async (event: { cron?: string }, env: WorkerBindings) => {
    // Read first: the Cron's database calls have SUARA_DB_TIMEOUT_MS like requests (a fixed 4 s failed the purge).
    const settings = appSettings(env as unknown as Record<string, unknown>, { production: true });
    const db = databaseFor(env, settings);
    // Every few minutes: duties left open an hour after their counter closed end by themselves.
    const ended = await endOverdueDuties(db, Date.now());
    if (ended > 0) log.info({ ended }, `Ended ${ended} duties left open after their counters closed.`);
    // Webhook deliveries due (their retries) every run; the weeks' bands once an hour (docs/design.md, "Alerts").
    const alerts = await alertTimer(db, {
      checkBands: new Date().getUTCMinutes() < 5,
      minN: settings.minOfficerN,
      k: settings.shrinkageK,
    });
    if (alerts.fired + alerts.tried > 0) log.info(alerts, `${alerts.fired} new alerts; ${alerts.tried} webhook tries.`);
    if (event.cron !== PURGE_CRON) return;
    const purged = await purgeExpiredComments(db, Date.now());
    log.info({ purged }, `Purged ${purged} comments past their retention.`);
  },
};
