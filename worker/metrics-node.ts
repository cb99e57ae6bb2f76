/**
 * The Node server's metrics, in Prometheus' text format through prom-client:
 * requests by route pattern and status, their latency, ratings by outcome,
 * group-commit sizes, database failures, and Node's own process metrics.
 * Readable from this machine (the socket's own loopback address, with no
 * proxy's forwarding header) or with `Authorization: Bearer <SUARA_METRICS_TOKEN>`.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import proxyAddr from "proxy-addr";
import type { RatingResult } from "../core/contract.ts";
import type { AppEnv } from "./env.ts";
import { DATABASE_ERROR_KINDS, type DatabaseErrorKind, forbidden } from "./errors.ts";
import type { Metrics } from "./metrics.ts";

/** Options of the Node metrics. */
export interface NodeMetricsOptions {
  /** SUARA_METRICS_TOKEN: a scraper on another machine sends it as a bearer token. */
  token?: string;
  /** The address of the socket a request came in on (never a forwarded one). */
  peerAddress: (c: Context<AppEnv>) => string | undefined;
}

/**
 * Latency buckets in seconds: most answers take a millisecond or two, a rating waits
 * for its group commit, and 4 s is the database deadline after which a 503 goes out.
 */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Ratings per group commit: one lone rating up to the queue's 1,000 (worker/ingest-queue.ts). */
const COMMIT_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** Headers a proxy adds: a request through a proxy on this machine comes from loopback but is not this machine's. */
const FORWARDED = ["x-forwarded-for", "forwarded", "x-real-ip"];

/** Methods kept as their own label; anything else a client invents is counted as OTHER. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const isLoopback = proxyAddr.compile("loopback");
const digest = (text: string) => createHash("sha256").update(text).digest();

/** The value of `key` in `map`, made by `make` the first time. */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * One method and route's requests as plain numbers: prom-client's own `inc` and
 * `observe` hash their labels into a string and make a closure on every call
 * (2–3 µs a request here, measured), so the hot path only adds to these and
 * prom-client reads them when /metrics is scraped.
 */
interface RouteSeries {
  labels: { method: string; route: string };
  byStatus: Map<number, { labels: { method: string; route: string; status: string }; count: number }>;
  /** Requests per latency bucket (not cumulative); the last is above every bound. */
  buckets: number[];
  seconds: number;
  count: number;
}

type LatencyLabel = "method" | "route" | "le";
const HELP = "Time from a request's arrival to its answer, by method and route pattern.";

/** A prom-client histogram whose counts are kept in `RouteSeries` and read at scrape time. */
class LatencyHistogram extends Histogram<LatencyLabel> {
  constructor(
    registry: Registry,
    private readonly series: () => Iterable<RouteSeries>,
  ) {
    super({
      name: "suara_http_request_duration_seconds",
      help: HELP,
      labelNames: ["method", "route"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  override async get(): ReturnType<Histogram<LatencyLabel>["get"]> {
    const name = "suara_http_request_duration_seconds";
    const values: { value: number; labels: Partial<Record<LatencyLabel, string | number>>; metricName: string }[] = [];
    for (const one of this.series()) {
      let below = 0;
      LATENCY_BUCKETS.forEach((le, i) => {
        below += one.buckets[i];
        values.push({ value: below, labels: { ...one.labels, le }, metricName: `${name}_bucket` });
      });
      values.push({ value: one.count, labels: { ...one.labels, le: "+Inf" }, metricName: `${name}_bucket` });
      values.push({ value: one.seconds, labels: one.labels, metricName: `${name}_sum` });
      values.push({ value: one.count, labels: one.labels, metricName: `${name}_count` });
    }
    // The shape prom-client's own histogram gives its registry. Its typings declare `type` as an enum
    // that prom-client 15 does not export at run time; the value is the string "histogram".
    const type = "histogram" as unknown as Awaited<ReturnType<Histogram["get"]>>["type"];
    return { name, help: HELP, type, values, aggregator: "sum" as const, collect: () => {} };
  }

  /** What the registry reads for the text format (prom-client's own histogram has it too). */
  getForPromString() {
    return this.get();
  }
}

/** The metrics store of the Node server (one registry per call; tests make their own). */
export function createNodeMetrics({ token, peerAddress }: NodeMetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Series by method, then route pattern; made once each, so counting a request allocates nothing.
  const series = new Map<string, Map<string, RouteSeries>>();
  const allSeries = function* () {
    for (const byRoute of series.values()) yield* byRoute.values();
  };
  const seriesOf = (method: string, route: string): RouteSeries =>
    cached(
      cached(series, method, () => new Map()),
      route,
      () => ({
        labels: { method, route },
        byStatus: new Map(),
        buckets: new Array(LATENCY_BUCKETS.length + 1).fill(0),
        seconds: 0,
        count: 0,
      }),
    );
  new Counter({
    name: "suara_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status ((site) is every page and asset).",
    labelNames: ["method", "route", "status"],
    registers: [registry],
    collect() {
      this.reset();
      for (const one of allSeries()) for (const { labels, count } of one.byStatus.values()) this.inc(labels, count);
    },
  });
  new LatencyHistogram(registry, allSeries);
  // Ratings by outcome and code, counted the same way: plain numbers, read at scrape time.
  const outcomes = new Map<string, Map<string, { labels: { outcome: string; code: string }; count: number }>>();
  const outcomeOf = (outcome: string, code: string) =>
    cached(
      cached(outcomes, outcome, () => new Map()),
      code,
      () => ({ labels: { outcome, code }, count: 0 }),
    );
  new Counter({
    name: "suara_ratings_total",
    help: "Ratings submitted, by outcome (accepted, duplicate, completed, rejected) and, when rejected, its code.",
    labelNames: ["outcome", "code"],
    registers: [registry],
    collect() {
      this.reset();
      for (const byCode of outcomes.values()) for (const { labels, count } of byCode.values()) this.inc(labels, count);
    },
  });
  const commits = new Histogram({
    name: "suara_ingest_commit_ratings",
    help: "Ratings stored per group commit (one transaction) of the ingest queue.",
    buckets: COMMIT_BUCKETS,
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: "suara_database_errors_total",
    help: "Requests the database failed (answered 503), by kind: timeout, busy, storage, unreachable.",
    labelNames: ["kind"],
    registers: [registry],
  });
  // Every kind and plain outcome from the start, at 0: rate() and alerts need a series before its first event.
  for (const kind of DATABASE_ERROR_KINDS) databaseErrors.inc({ kind }, 0);
  for (const outcome of ["accepted", "duplicate", "completed"]) outcomeOf(outcome, "");

  const expected = token ? digest(`Bearer ${token}`) : null;
  /** This machine's own scraper, or anyone with the token; an Authorization header must be right. */
  const mayRead = (c: Context<AppEnv>) => {
    const authorization = c.req.header("authorization");
    // Compared as digests: equal lengths, and time that says nothing about the token.
    if (authorization !== undefined) return expected !== null && timingSafeEqual(digest(authorization), expected);
    const address = peerAddress(c);
    return address !== undefined && isLoopback(address, 0) && FORWARDED.every((h) => c.req.header(h) === undefined);
  };

  return {
    handler: async (c) => {
      // 403, not 404: the address is documented, so hiding it protects nothing, and a scraper
      // set up wrong is told why instead of being sent looking for a mistyped path.
      if (!mayRead(c)) {
        throw forbidden(
          "Metrics are read from this machine itself (not through a proxy) or with Authorization: Bearer <SUARA_METRICS_TOKEN>.",
        );
      }
      return c.body(await registry.metrics(), 200, {
        "Content-Type": registry.contentType,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
    },
    request(method, route, status, seconds) {
      const one = seriesOf(METHODS.has(method) ? method : "OTHER", route);
      cached(one.byStatus, status, () => ({ labels: { ...one.labels, status: String(status) }, count: 0 })).count++;
      let bucket = 0;
      while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]) bucket++;
      one.buckets[bucket]++;
      one.seconds += seconds;
      one.count++;
    },
    ratings(results: readonly RatingResult[]) {
      for (const result of results) outcomeOf(result.status, result.error?.code ?? "").count++;
    },
    commit(size) {
      commits.observe(size);
    },
    databaseError(kind: DatabaseErrorKind) {
      databaseErrors.inc({ kind });
    },
  };
}
