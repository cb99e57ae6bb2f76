/**
 * The outermost middleware: counts every answer into the metrics (when the
 * runtime gives a store) and logs each 5xx once, with its route pattern,
 * status and error code: never the path, query, headers or body, which carry
 * slugs of people, tokens and comments. With the log at debug it also writes
 * an access line per request (same fields), off by default. A database outage
 * fails every request alike: its lines are written once per route and kind every
 * 10 s, each saying how many like it were left out, so the log stays readable.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { ApiError, apiErrorOf, databaseErrorKind, describeError, isDatabaseFileLost, stackOf } from "../errors.ts";
import type { Log } from "../log.ts";
import { type Metrics, routeOf } from "../metrics.ts";

/** Options of the observing middleware. */
export interface ObserveOptions {
  metrics?: Metrics;
  log: Log;
}

/** How long one route's database failures of one kind are logged as one line. */
export const OUTAGE_LOG_MS = 10_000;

/** Counts and logs each request after it is answered. */
export const observe = ({ metrics, log }: ObserveOptions): MiddlewareHandler<AppEnv> => {
  // Read once: an access line per request is a choice made at start.
  const accessLog = log.isLevelEnabled("debug");
  /** Per route and kind of database failure: until when its lines are left out, and how many were. */
  const outages = new Map<string, { until: number; omitted: number }>();
  return async function observe(c, next) {
    const start = metrics ? performance.now() : 0;
    await next();
    const status = c.res.status;
    // The database's failures are all answered 503: below 500 there is nothing to log.
    if (!metrics && !accessLog && status < 500) return;
    const error = c.error;
    const route = routeOf(c);
    metrics?.request(c.req.method, route, status, (performance.now() - start) / 1000);
    const kind = error === undefined ? null : databaseErrorKind(error);
    if (kind) metrics?.databaseError(kind);
    if (status >= 500) {
      const fields = { route, method: c.req.method, status };
      if (kind) {
        const key = `${route} ${kind}`;
        const now = Date.now();
        const quiet = outages.get(key);
        if (quiet && now < quiet.until) {
          quiet.omitted += 1;
          return;
        }
        outages.set(key, { until: now + OUTAGE_LOG_MS, omitted: 0 });
        const code = apiErrorOf(error)?.code ?? (isDatabaseFileLost(error) ? "database_file_lost" : "unavailable");
        const omitted = quiet?.omitted ? { omitted: quiet.omitted } : {};
        log.error(
          { ...fields, code, kind, error: describeError(error), ...omitted },
          quiet?.omitted
            ? `The database failed a request; it was answered 503 (and ${quiet.omitted} more like it here in the last ${OUTAGE_LOG_MS / 1000} s).`
            : "The database failed a request; it was answered 503.",
        );
      } else if (error instanceof ApiError) {
        log.error({ ...fields, code: error.code }, `A request was answered ${status}.`);
      } else {
        const detail = error === undefined ? {} : { error: describeError(error), stack: stackOf(error) };
        log.error({ ...fields, code: "internal", ...detail }, "A request failed on our side.");
      }
    } else if (accessLog) {
      log.debug({ route, method: c.req.method, status }, "Request answered.");
    }
  };
};
