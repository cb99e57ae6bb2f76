/**
 * The Suara HTTP app, the same on Node and Workers. The entry points give it a
 * way to get the database for a request and to know the client's IP; the app
 * holds no connection of its own.
 */
import type { Context } from "hono";
import { cors } from "hono/cors";
import type { Db } from "../db/client.ts";
import { isRegisteredOrigin } from "../db/queries/agencies.ts";
import { type Background, createAlertChecks, mayAlertOf, runInBackground } from "./alerts.ts";
import { DeviceCache } from "./device-cache.ts";
import type { DeviceKeys } from "./device-keys.ts";
import { DeviceSignatures } from "./device-signature.ts";
import type { AppEnv, AppSettings } from "./env.ts";
import { handleError, handleNotFound } from "./errors.ts";
import { directIngest, type Ingest } from "./ingest-queue.ts";
import { consoleLog, type Log } from "./log.ts";
import { type Metrics, metricsUnavailable } from "./metrics.ts";
import { apiHeaders } from "./middleware/api-headers.ts";
import { auth } from "./middleware/auth.ts";
import { limitBody } from "./middleware/body-limit.ts";
import { observe } from "./middleware/observe.ts";
import { sameOrigin } from "./middleware/same-origin.ts";
import { BEARER_DESCRIPTION, router } from "./openapi.ts";
import { createPublicPageRoutes } from "./public-page-route.ts";
import { forgetPublicResults, PublicResultsCache } from "./public-results.ts";
import { agenciesRoutes } from "./routes/agencies.ts";
import { createAuthRoutes } from "./routes/auth.ts";
import { createCounterDutyRoutes } from "./routes/counters/duty.ts";
import { createDevicesRoutes } from "./routes/devices.ts";
import { createHealthRoutes } from "./routes/health.ts";
import { myCommentsRoutes, myFeedbackRoutes } from "./routes/me/answers.ts";
import { myIndicatorsRoutes } from "./routes/me/indicators.ts";
import { myRatingsRoutes } from "./routes/me/ratings.ts";
import { meRoutes } from "./routes/me.ts";
import { publicRoutes } from "./routes/public.ts";
import { createRatingsRoutes } from "./routes/ratings.ts";
import { ticketsRoutes } from "./routes/tickets.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { clientVisits, type StoreVisits } from "./visit-store.ts";

/** What an entry point tells the app. */
export interface AppOptions {
  /** The database for a request (Workers build it from bindings; Node passes its one handle). */
  db: (c: Context<AppEnv>) => Db | Promise<Db>;
  /** How ratings are stored for a request (default: one transaction per call on the request's database). */
  ingest?: (c: Context<AppEnv>) => Ingest;
  /** How visits are stored for a request (default: two batches on the request's database, worker/visit-store.ts). */
  visits?: (c: Context<AppEnv>) => StoreVisits;
  /** The client's IP for a request (Node: the socket's, or through trusted proxies; Workers: cf-connecting-ip). */
  clientIp?: (c: Context<AppEnv>) => string | undefined;
  settings?: Partial<AppSettings>;
  /** Where this server can be opened on the office network (worker/lan.ts), for the tablets page; default none. */
  lanUrls?: () => string[];
  /** How tablets' signatures are verified (default WebCrypto, which every runtime has; Node passes node:crypto's). */
  deviceKeys?: DeviceKeys;
  /** Where GET /metrics reads from and requests are counted (Node passes prom-client's; none: /metrics is a 404). */
  metrics?: Metrics;
  /** Where 5xx answers and database failures are logged (default: JSON lines on the console). */
  log?: Log;
  /** Whether the public results page is sent gzipped by the app itself (Node; Cloudflare compresses on Workers). */
  gzipPages?: boolean;
  /** Runs work a request must not wait for, such as checking its ratings for alerts (default: worker/alerts.ts's). */
  background?: Background;
}

/** Largest body of any API request but POST /ratings: every management form fits many times over. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Whether a request is answered from the database: the API and /health. The kiosk,
 * dashboard, widget scripts, hosted rating page and docs page are served while the
 * database is down (docs/design.md, "Reliability"), so an outage never breaks the agency
 * sites that embed the widget.
 */
export const needsDatabase = (path: string) =>
  path === "/health" || (path.startsWith("/api/") && path !== "/api/v1/docs");

/** The path of POST /agencies/{slug}/visits, which bounds its own body. */
const VISITS_PATH = /^\/api\/v1\/agencies\/[^/]+\/visits$/;

/** Builds the app. */
export function createApp({
  db,
  ingest,
  visits,
  clientIp = () => undefined,
  settings = {},
  deviceKeys,
  lanUrls = () => [],
  metrics,
  log = consoleLog(),
  gzipPages = false,
  background = runInBackground,
}: AppOptions) {
  const resolved: AppSettings = { ...DEFAULT_SETTINGS, ...settings };
  const deviceCache = new DeviceCache();
  const signatures = new DeviceSignatures({ keys: deviceKeys });
  const publicResults = new PublicResultsCache();
  const checkAlerts = createAlertChecks({ log });
  // Each router serves the paths under its mount point; the folders of routes/ follow these paths.
  const api = router()
    .route("/agencies", agenciesRoutes)
    .route("/public", publicRoutes)
    .route(
      "/ratings",
      createRatingsRoutes({
        widgetQuota: resolved.widgetQuota,
        onResults: metrics && ((results) => metrics.ratings(results)),
        // Checked after the answer, never inside the ingest transaction (docs/design.md, "Alerts").
        afterCommit: (c, inputs, results) => {
          const ids = mayAlertOf(inputs, results);
          if (ids.length) background(c, checkAlerts(c.get("db"), ids));
        },
      }),
    )
    .route("/devices", createDevicesRoutes())
    .route("/counters/:counter/duty", createCounterDutyRoutes())
    .route("/tickets", ticketsRoutes)
    .route("/auth", createAuthRoutes({ signInsPerIp: resolved.signInsPerIp }))
    .route("/me", meRoutes)
    .route("/me/ratings", myRatingsRoutes)
    .route("/me/comments", myCommentsRoutes)
    .route("/me/feedback", myFeedbackRoutes)
    .route("/me/indicators", myIndicatorsRoutes);

  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Suara API",
      version: "1.0.0",
      description:
        "Citizen satisfaction ratings (SKM, PermenPANRB 14/2017) and per-officer feedback. Errors are always " +
        '{"error": {"code", "message", "details"?}}. Each operation lists who may call it.',
    },
    servers: [{ url: "/api/v1" }],
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: BEARER_DESCRIPTION,
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "integrationKey", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description:
      "An agency's integration key for its queue system, sent as `Authorization: Bearer key_…`. Made by the agency's admins (shown once, revocable); it may only make rating tickets for the officer on duty at a counter.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "suara_session",
    description:
      "The dashboard's HttpOnly session cookie. A change (POST, PUT, PATCH, DELETE) made with it must come from Suara's own pages (Origin of this host or Sec-Fetch-Site: same-origin), else 403 `cross_origin_request`; bearer tokens are not checked.",
  });

  const app = router();
  app.onError(handleError);
  app.notFound(handleNotFound);
  // The public results page, answered from memory before anything else runs: a flood of visitors costs
  // a lookup and a copy of bytes each; the database is asked only for an agency it does not keep.
  app.route("/publik", createPublicPageRoutes({ db, cache: publicResults, gzip: gzipPages }));
  app.use("*", observe({ metrics, log }));
  // Before the database is asked for: metrics matter most while it is down.
  app.get("/metrics", metrics ? metrics.handler : metricsUnavailable);
  app.use("*", async function context(c, next) {
    c.set("settings", resolved);
    c.set("deviceCache", deviceCache);
    c.set("publicResults", publicResults);
    // No header is believed here: each entry point says where its address comes from.
    c.set("clientIp", clientIp(c) ?? "unknown");
    c.set("lanUrls", lanUrls);
    // Pages, widget scripts and docs never wait on the database: only the API and /health get it.
    if (needsDatabase(c.req.path)) {
      c.set("db", await db(c));
      c.set("ingest", ingest ? ingest(c) : directIngest(c.get("db")));
      c.set("visits", visits ? visits(c) : clientVisits(c.get("db")));
    }
    await next();
  });
  // The docs page is a page (worker/site.ts gives it its own CSP), not an API answer.
  app.use("/api/*", async function apiSecurityHeaders(c, next) {
    return c.req.path === "/api/v1/docs" ? next() : apiHeaders(c, next);
  });
  // Public reads may be fetched from any page; ratings only from registered embed origins (checked again per agency).
  app.use("/api/v1/public/*", cors({ origin: "*" }));
  app.use("/api/v1/agencies/:slug/form", cors({ origin: "*" }));
  const ratingsPreflight = cors({
    // Hono asks even without an Origin header; only a browser's cross-origin call needs the lookup.
    origin: async (origin, c) => (origin && (await isRegisteredOrigin(c.get("db"), origin)) ? origin : null),
    allowMethods: ["POST"],
    allowHeaders: ["Content-Type"],
    maxAge: 600,
  });
  // The POST itself sets its CORS headers before the handler answers: Hono's cors adds Vary after it,
  // which makes node-server rebuild every answer as a streaming web Response (`npm run bench`).
  app.use("/api/v1/ratings", async function ratingsCors(c, next) {
    if (c.req.method === "OPTIONS") return ratingsPreflight(c, next);
    const origin = c.req.header("origin");
    c.header("Vary", "Origin");
    if (origin && (await isRegisteredOrigin(c.get("db"), origin))) c.header("Access-Control-Allow-Origin", origin);
    return next();
  });
  // Every body is bounded before anything reads it; the ratings route sets its own (larger for kiosk syncs).
  const apiBody = limitBody(MAX_BODY_BYTES, "A request body");
  // Visits set their own too (500 of a queue system's busy hour, or a chunk of an imported day log).
  app.use("/api/*", async function limitBody(c, next) {
    return c.req.path === "/api/v1/ratings" || VISITS_PATH.test(c.req.path) ? next() : apiBody(c, next);
  });
  app.use("/api/*", auth({ signatures }));
  // CSRF: changes made with the session cookie must come from our own pages.
  app.use("/api/*", sameOrigin());
  // A changed RTL row shows on the public page at once on this instance (its progress is public).
  app.use("/api/v1/agencies/:slug/follow-ups/*", forgetPublicResults());
  app.route("/health", createHealthRoutes());
  app.route("/api/v1", api);

  return app;
}

/** The app's type, for typed clients. */
export type App = ReturnType<typeof createApp>;
