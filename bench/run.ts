/**
 * `npm run bench`: builds, then measures Suara against the budgets of docs/design.md ("Performance budgets"), prints a
 * Markdown table and writes the same to bench/results.json (README.md's table
 * is copied from that file). Medians and ratios: the machine is noisy, so read
 * trends, not single digits.
 */

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { PURGE_BATCH } from "../db/queries/retention.ts";
import { startServer } from "../tests/server.ts";
import { bundleSizes } from "./bundles.ts";
import { exportCosts } from "./export.ts";
import { indicatorCosts } from "./indicators.ts";
import { ingestRates } from "./ingest.ts";
import { publicPageRate } from "./public-page.ts";
import { remoteIngestRates } from "./remote.ts";
import { reportCosts } from "./reports.ts";
import { visitRates } from "./visits.ts";
import { describeCpu, workerCpuCosts } from "./worker.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const password = "bench-demo-password";
const KB = 1024;

/** One measured line: what, the value in words, and its budget with the verdict (or null). */
interface Result {
  measure: string;
  result: string;
  budget: string | null;
  ok: boolean | null;
}
const results: Result[] = [];
const add = (measure: string, result: string, budget: string | null = null, ok: boolean | null = null) =>
  results.push({ measure, result, budget, ok });
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

// The sizes are of what this checkout builds, never of an older dist/ left behind.
execFileSync("npm", ["run", "build"], { stdio: "ignore" });
for (const bundle of bundleSizes()) {
  add(
    `${bundle.name}, gzipped`,
    kb(bundle.bytes),
    bundle.budget ? `≤ ${kb(bundle.budget)}` : null,
    bundle.budget ? bundle.bytes <= bundle.budget : null,
  );
}

// The Workers build, as `npm test` makes it (Workers' free plan takes 3 MB compressed).
execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", "dist-worker"], {
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  stdio: "ignore",
});
const worker = gzipSync(readFileSync("dist-worker/index.js"), { level: 9 }).length;
add(
  "Cloudflare Worker (worker/index.ts), gzipped",
  kb(worker),
  "≤ 3 MB (the free plan's size limit; see Scaling for CPU)",
  worker <= 3 * KB * KB,
);

/** The server's peak resident memory so far (VmHWM), from /proc. */
const peakRss = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) * KB : 0;
};

const server = await startServer(Number(process.env.BENCH_PORT ?? 8797), { password });
let embedded: Awaited<ReturnType<typeof ingestRates>>;
try {
  embedded = await ingestRates(server, password, seconds);
  const { health, single, batch } = embedded;
  const ratio = single.rps / health.rps;
  add(`GET /health (autocannon -c 50, ${seconds} s)`, `${Math.round(health.rps)} req/s`);
  add("POST /api/v1/ratings, 1 rating per request (-c 50)", `${Math.round(single.rps)} req/s`);
  add("single-rating POST rate ÷ GET /health rate", `${(ratio * 100).toFixed(0)}%`, "≥ 50%", ratio >= 0.5);
  add("single-rating POST latency, p50 / p99", `${single.p50} ms / ${single.p99} ms`);
  add(
    "POST /api/v1/ratings, 500-rating kiosk syncs (-c 4), median of 3",
    `${Math.round(batch.ratingsPerSecond)} ratings/s (${batch.runs.map((r) => Math.round(r)).join(", ")})`,
    "≥ 20,000",
    batch.ratingsPerSecond >= 20_000,
  );
  add("server peak RSS during the ingest runs", `${Math.round(peakRss(server.pid) / KB / KB)} MB`);
  const failed = single.non2xx + single.errors + batch.non2xx + batch.errors;
  if (failed > 0) add("failed requests during the ingest runs", String(failed), "0", false);
  // The public results page of a published period, kept in memory (docs/design.md, "Publications").
  const publik = await publicPageRate(server, seconds);
  const pageRatio = publik.page / publik.health;
  add(`GET /publik/{slug}, a cached published period (-c 50, median of 3)`, `${Math.round(publik.page)} req/s`);
  add(
    "public page rate ÷ GET /health rate (same runs, alternating)",
    `${pageRatio.toFixed(2)}× (/health ${Math.round(publik.health)} req/s)`,
    "≥ 2×",
    pageRatio >= 2,
  );
  if (publik.failed > 0) add("failed requests during the public page runs", String(publik.failed), "0", false);
  // A queue system's batches (docs/design.md, "Performance budgets").
  const queue = await visitRates(server, password, seconds);
  add(
    "POST /api/v1/agencies/{slug}/visits, 500-visit batches (-c 4), median of 3",
    `${Math.round(queue.visitsPerSecond)} visits/s (${queue.runs.map((r) => Math.round(r)).join(", ")})`,
    "≥ 20,000",
    queue.visitsPerSecond >= 20_000,
  );
  if (queue.failed > 0) add("failed requests during the visits runs", String(queue.failed), "0", false);
} finally {
  await server.stop();
}

// The same on a remote libSQL (Node → the Hrana stand-in for sqld in its own process), as ratios to the embedded runs.
{
  const remote = await remoteIngestRates(Number(process.env.BENCH_PORT ?? 8797) + 1, password, seconds);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}× the embedded file`;
  add(
    "Node → remote libSQL (Hrana): POST /api/v1/ratings, 1 rating per request (-c 50)",
    `${Math.round(remote.single.rps)} req/s, ${ratio(remote.single.rps, embedded.single.rps)}; p50 ${remote.single.p50} ms`,
  );
  add(
    "Node → remote libSQL (Hrana): 500-rating kiosk syncs (-c 4), median of 3",
    `${Math.round(remote.batch.ratingsPerSecond)} ratings/s, ${ratio(remote.batch.ratingsPerSecond, embedded.batch.ratingsPerSecond)}`,
  );
  const failed = remote.single.non2xx + remote.single.errors + remote.batch.non2xx + remote.batch.errors;
  if (failed > 0) add("failed requests during the remote ingest runs", String(failed), "0", false);
}

const costs = await reportCosts();
const [small, large] = costs;
// Ten million more only when a million built fast enough for ten to build in about a minute.
if (large.buildSeconds * 10 <= 60) costs.push(...(await reportCosts([10_000_000], 10)));
for (const c of costs) {
  const label = c.size.toLocaleString("en");
  const within = (ms: number, base: number) => (c === small ? null : ms <= 2 * base);
  const budget = c === small ? null : "≤ 2× the 10,000 figure";
  add(
    `agency report, ${label} ratings (median)`,
    `${c.reportMs.toFixed(2)} ms${c === small ? "" : ` (${(c.reportMs / small.reportMs).toFixed(2)}×)`}`,
    budget,
    within(c.reportMs, small.reportMs),
  );
  add(
    `officer score, ${label} ratings (median)`,
    `${c.scoreMs.toFixed(2)} ms${c === small ? "" : ` (${(c.scoreMs / small.scoreMs).toFixed(2)}×)`}`,
    budget,
    within(c.scoreMs, small.scoreMs),
  );
}
add(
  "database file per 1,000,000 ratings (embedded libSQL, with rollups and indexes)",
  `${Math.round(large.bytes / KB / KB)} MB; built in ${large.buildSeconds.toFixed(0)} s`,
);
if (costs.length === 2) {
  add(
    "10,000,000-rating report",
    `not built: 1,000,000 took ${large.buildSeconds.toFixed(0)} s, so 10× would pass a minute`,
  );
}
// One page of the ratings CSV export, and the comment purge (issue 22): pages seek an index, no sort of the period.
const [fewExport, manyExport] = await exportCosts();
add(
  `ratings CSV export, one 2,000-rating page, 10,000 ratings in a month (median)`,
  `${fewExport.pageMs.toFixed(1)} ms`,
);
add(
  `ratings CSV export, one 2,000-rating page, 1,000,000 ratings in a month (median)`,
  `${manyExport.pageMs.toFixed(1)} ms (${(manyExport.pageMs / fewExport.pageMs).toFixed(2)}×)`,
  "≤ 2× the 10,000 figure",
  manyExport.pageMs <= 2 * fewExport.pageMs,
);
add(
  `comment purge, ${manyExport.purged.toLocaleString("en")} expired comments at 1,000,000 ratings`,
  `${(manyExport.purgeMs / 1000).toFixed(1)} s; ${manyExport.purgeBatchMs.toFixed(1)} ms a batch of ${PURGE_BATCH}`,
);
// An officer's volume and speed (issue 21): GET /me/indicators' query over visit rollups.
const [fewVisits, manyVisits] = await indicatorCosts();
add(`officer indicators, 10,000 visits (median)`, `${fewVisits.officerMs.toFixed(2)} ms`);
add(
  `officer indicators, 1,000,000 visits (median)`,
  `${manyVisits.officerMs.toFixed(2)} ms (${(manyVisits.officerMs / fewVisits.officerMs).toFixed(2)}×); built in ${manyVisits.buildSeconds.toFixed(0)} s`,
  "≤ 2× the 10,000 figure",
  manyVisits.officerMs <= 2 * fewVisits.officerMs,
);

// The Worker's CPU per request in workerd against a remote libSQL, beside the Workers plans' limits (bench/worker.ts).
for (const r of await workerCpuCosts()) add(`Worker in workerd: ${r.route}`, describeCpu(r));

const date = new Date().toISOString().slice(0, 10);
writeFileSync("bench/results.json", `${JSON.stringify({ date, node: process.version, seconds, results }, null, 2)}\n`);
console.log(`\nSuara benchmark, ${date}, Node ${process.version} (also in bench/results.json)\n`);
console.log("| measure | result | budget (docs/design.md) |\n|---|---|---|");
for (const r of results) {
  console.log(`| ${r.measure} | ${r.result} | ${r.budget ? `${r.budget} ${r.ok ? "✓" : "✗ misses it"}` : "—"} |`);
}
