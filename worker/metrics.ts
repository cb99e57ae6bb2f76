/**
 * What the app reports to a metrics store, and how a request is named in it.
 * The store itself (prom-client, worker/metrics-node.ts) is given by the Node
 * entry, like `deviceKeys`: worker/app.ts never imports it, so the Workers
 * bundle stays free of it and answers /metrics with a 404 that says why.
 */
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { RatingResult } from "../core/contract.ts";
import type { AppEnv } from "./env.ts";
import type { DatabaseErrorKind } from "./errors.ts";

/** A metrics store the app counts into; every call must be cheap (it runs on every request). */
export interface Metrics {
  /** Answers GET /metrics, deciding itself who may read it. */
  handler: (c: Context<AppEnv>) => Response | Promise<Response>;
  /** One answered request: its method, route pattern (`routeOf`), status and time in seconds. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** What became of the ratings of one POST /ratings. */
  ratings(results: readonly RatingResult[]): void;
  /** One group commit of the ingest queue, with how many ratings it stored. */
  commit(size: number): void;
  /** One request the database failed (it was answered 503). */
  databaseError(kind: DatabaseErrorKind): void;
}

/** GET /metrics where no store is given (Workers: use Cloudflare's own analytics there). */
export const metricsUnavailable = (c: Context) =>
  c.json(
    {
      error: {
        code: "not_found",
        message: "Metrics are served by the Node server only; on Workers read Cloudflare's analytics.",
      },
    },
    404,
  );

/** The label of every page, asset and redirect: the site is one line, not one per file. */
export const SITE_ROUTE = "(site)";
/** The label of an API path no route has. */
export const UNMATCHED_ROUTE = "(unmatched)";

/** Route patterns by the path they were registered with: a few dozen strings, made once. */
const labels = new Map<string, string>();

function labelOf(pattern: string, path: string): string {
  if (pattern === "*" || pattern === "/*") return path.startsWith("/api/") ? UNMATCHED_ROUTE : SITE_ROUTE;
  let label = labels.get(pattern);
  if (label === undefined) {
    const api = pattern.startsWith("/api/") && pattern !== "/api/v1/docs";
    label = api || pattern === "/health" || pattern === "/metrics" ? pattern : SITE_ROUTE;
    labels.set(pattern, label);
  }
  return label;
}

/**
 * The route pattern a request was answered for (`/api/v1/agencies/:slug/report`), never
 * its raw path, so the metrics' series stay a bounded set. A request refused by a
 * middleware (401, 413, 429) is named after the route it was headed for.
 */
export function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== "ALL") return labelOf(answered.path, c.req.path);
  for (const route of routes) if (route.method !== "ALL") return labelOf(route.path, c.req.path);
  return c.req.path.startsWith("/api/") ? UNMATCHED_ROUTE : SITE_ROUTE;
}
