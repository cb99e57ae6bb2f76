/**
 * GET /metrics: what it counts after some requests (by route pattern, never a raw
 * path), ratings by outcome, group-commit sizes and database failures, through
 * both ways of storing ratings; who may read it; and Workers' 404.
 */
import { describe, expect, it } from "vitest";
import type { Metrics } from "./metrics.ts";
import { createNodeMetrics } from "./metrics-node.ts";
import { AGENCY, ORIGIN, rating, STORES, testApp } from "./test-app.ts";

const TOKEN = "scrape-token-0123456789";
const LOOPBACK = { "x-test-ip": "127.0.0.1" };

/** A store that reads the caller's socket address from x-test-ip, as tests name callers. */
const metricsStore = (token?: string): Metrics =>
  createNodeMetrics({ token, peerAddress: (c) => c.req.header("x-test-ip") });

/** The value of one sample line (`name{labels}`) in a scrape, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(STORES)("GET /metrics after some requests (%s store)", (store) => {
  it("counts requests by route pattern and status, ratings by outcome and each group commit's size", async () => {
    const t = await testApp({ store, metrics: metricsStore() });
    const widget = { headers: { origin: ORIGIN } };
    expect((await t.call("GET", "/health")).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await t.call("GET", `/api/v1/agencies/${AGENCY}/form`)).status).toBe(200);
    expect((await t.call("GET", "/api/v1/agencies/no-such-agency/form")).status).toBe(404);
    expect((await t.call("GET", "/api/v1/no/such/route")).status).toBe(404);
    expect((await t.call("GET", "/dashboard/some/page.js")).status).toBe(404);
    expect((await t.call("GET", `/api/v1/agencies/${AGENCY}/report`)).status).toBe(401);

    // One at a time, so each POST is its own group commit: sizes 1, 1, 1 and 3.
    const first = rating();
    const sent = [[first], [first], [rating({ service: "no-such-service" })], [rating(), rating(), rating()]];
    for (const ratings of sent)
      expect((await t.call("POST", "/api/v1/ratings", { body: { ratings }, ...widget })).status).toBe(200);

    const res = await t.call("GET", "/metrics", { headers: LOOPBACK });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const requests = (labels: string) => sample(text, `suara_http_requests_total{${labels}}`);
    expect(requests('method="GET",route="/health",status="200"')).toBe(1);
    expect(requests('method="GET",route="/api/v1/agencies/:slug/form",status="200"')).toBe(2);
    expect(requests('method="GET",route="/api/v1/agencies/:slug/form",status="404"')).toBe(1);
    expect(requests('method="GET",route="(unmatched)",status="404"')).toBe(1);
    expect(requests('method="GET",route="(site)",status="404"')).toBe(1);
    // Refused by a middleware, counted under the route it was headed for.
    expect(requests('method="GET",route="/api/v1/agencies/:slug/report",status="401"')).toBe(1);
    expect(requests('method="POST",route="/api/v1/ratings",status="200"')).toBe(4);
    // No raw path, id or slug becomes a label.
    expect(text).not.toMatch(/no-such-agency|no\/such\/route|some\/page|route="[^"]*dukcapil/);

    const latency = (suffix: string, labels: string) =>
      sample(text, `suara_http_request_duration_seconds_${suffix}{${labels}}`);
    expect(latency("count", 'method="GET",route="/api/v1/agencies/:slug/form"')).toBe(3);
    expect(latency("bucket", 'method="GET",route="/api/v1/agencies/:slug/form",le="+Inf"')).toBe(3);
    expect(latency("bucket", 'method="GET",route="/api/v1/agencies/:slug/form",le="10"')).toBe(3);
    // Cumulative, as Prometheus reads buckets: each at least the one below it.
    const buckets = text
      .split("\n")
      .filter((l) => l.startsWith('suara_http_request_duration_seconds_bucket{method="GET",route="/health",'))
      .map((l) => Number(l.split(" ")[1]));
    expect(buckets).toHaveLength(14);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(1);
    expect(latency("sum", 'method="GET",route="/api/v1/agencies/:slug/form"')).toBeGreaterThan(0);

    const ratings = (labels: string) => sample(text, `suara_ratings_total{${labels}}`);
    expect(ratings('outcome="accepted",code=""')).toBe(4);
    expect(ratings('outcome="duplicate",code=""')).toBe(1);
    expect(ratings('outcome="rejected",code="unknown_service"')).toBe(1);

    expect(sample(text, "suara_ingest_commit_ratings_count")).toBe(4);
    expect(sample(text, "suara_ingest_commit_ratings_sum")).toBe(6);
    expect(sample(text, 'suara_ingest_commit_ratings_bucket{le="1"}')).toBe(3);
    expect(sample(text, 'suara_ingest_commit_ratings_bucket{le="2"}')).toBe(3);
    expect(sample(text, 'suara_ingest_commit_ratings_bucket{le="5"}')).toBe(4);

    // Node's own process metrics come along.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it("counts a request the database failed, by kind", async () => {
    const t = await testApp({ store, metrics: metricsStore() });
    const release = await t.holdWriteLock();
    try {
      const res = await t.call("POST", "/api/v1/ratings", {
        body: { ratings: [rating()] },
        headers: { origin: ORIGIN },
      });
      expect(res.status).toBe(503);
    } finally {
      await release();
    }
    const text = await (await t.call("GET", "/metrics", { headers: LOOPBACK })).text();
    expect(sample(text, 'suara_database_errors_total{kind="busy"}')).toBe(1);
    expect(sample(text, 'suara_database_errors_total{kind="timeout"}')).toBe(0);
    expect(sample(text, 'suara_http_requests_total{method="POST",route="/api/v1/ratings",status="503"}')).toBe(1);
    // Nothing was committed, so no group commit was counted.
    expect(sample(text, "suara_ingest_commit_ratings_count")).toBe(0);
  });
});

describe("who may read GET /metrics", () => {
  const read = async (headers: Record<string, string>, token?: string) => {
    const t = await testApp({ metrics: metricsStore(token) });
    return t.call("GET", "/metrics", { headers });
  };

  it("answers this machine's own scraper: a loopback socket with no proxy's header", async () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.53"]) {
      expect((await read({ "x-test-ip": ip })).status, ip).toBe(200);
    }
  });

  it("refuses a request a proxy on this machine passed on, and other machines without the token", async () => {
    for (const header of ["x-forwarded-for", "forwarded", "x-real-ip"]) {
      const res = await read({ ...LOOPBACK, [header]: header === "forwarded" ? "for=127.0.0.1" : "127.0.0.1" });
      expect(res.status, header).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    for (const ip of ["192.168.1.20", "10.0.0.7", "::ffff:192.168.1.20", "fe80::1"]) {
      expect((await read({ "x-test-ip": ip }, TOKEN)).status, ip).toBe(403);
    }
    // No address known (a runtime that cannot tell): not this machine.
    expect((await read({})).status).toBe(403);
  });

  it("answers anyone with the token, and refuses a wrong or unset one even from loopback", async () => {
    const other = { "x-test-ip": "192.168.1.20", "x-forwarded-for": "203.0.113.9" };
    expect((await read({ ...other, authorization: `Bearer ${TOKEN}` }, TOKEN)).status).toBe(200);
    expect((await read({ ...other, authorization: `Bearer ${TOKEN}x` }, TOKEN)).status).toBe(403);
    expect((await read({ ...other, authorization: TOKEN }, TOKEN)).status).toBe(403);
    expect((await read({ ...LOOPBACK, authorization: "Bearer wrong-token-0123456789" }, TOKEN)).status).toBe(403);
    expect((await read({ ...LOOPBACK, authorization: `Bearer ${TOKEN}` })).status).toBe(403);
  });

  it("is a 404 that says why where no metrics store is given (Workers)", async () => {
    const t = await testApp();
    const res = await t.call("GET", "/metrics", { headers: LOOPBACK });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/Node server/),
    });
  });
});
