/**
 * `npm run bench`: measures Suara against the budgets of DESIGN.md and prints
 * a Markdown table (README.md keeps the latest). Medians and ratios, one run:
 * the machine is noisy, so read trends, not single digits.
 */

import { startServer } from "../tests/server.ts";
import { bundleSizes } from "./bundles.ts";
import { ingestRates } from "./ingest.ts";
import { reportCosts } from "./reports.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const password = "bench-demo-password";
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? "✓" : "✗ misses it");

const rows: string[] = [];
for (const bundle of bundleSizes()) {
  rows.push(
    `| ${bundle.name}, gzipped | ${kb(bundle.bytes)} | ${bundle.budget ? `≤ ${kb(bundle.budget)} ${verdict(bundle.bytes <= bundle.budget)}` : "—"} |`,
  );
}

const server = await startServer(8797, { password });
try {
  const { health, single, batch } = await ingestRates(server, password, seconds);
  const ratio = single.rps / health.rps;
  rows.push(`| GET /health (autocannon -c 50, ${seconds} s) | ${Math.round(health.rps)} req/s | — |`);
  rows.push(
    `| POST /api/v1/ratings, 1 rating per request (-c 50) | ${Math.round(single.rps)} req/s | — |`,
    `| single-rating POST rate ÷ GET /health rate | ${(ratio * 100).toFixed(0)}% | ≥ 50% ${verdict(ratio >= 0.5)} |`,
    `| POST /api/v1/ratings, 500-rating kiosk syncs (-c 4) | ${Math.round(batch.ratingsPerSecond)} ratings/s | ≥ 20,000 ${verdict(batch.ratingsPerSecond >= 20_000)} |`,
  );
  const failed = single.non2xx + single.errors + batch.non2xx + batch.errors;
  if (failed > 0) rows.push(`| failed requests during the ingest runs | ${failed} | 0 ✗ misses it |`);
} finally {
  await server.stop();
}

const [small, large] = await reportCosts();
rows.push(
  `| agency report, ${small.size.toLocaleString("en")} ratings (median) | ${small.reportMs.toFixed(2)} ms | — |`,
  `| agency report, ${large.size.toLocaleString("en")} ratings (median) | ${large.reportMs.toFixed(2)} ms | ≤ 2× ${verdict(large.reportMs <= 2 * small.reportMs)} (${(large.reportMs / small.reportMs).toFixed(2)}×) |`,
  `| officer score, ${small.size.toLocaleString("en")} ratings (median) | ${small.scoreMs.toFixed(2)} ms | — |`,
  `| officer score, ${large.size.toLocaleString("en")} ratings (median) | ${large.scoreMs.toFixed(2)} ms | ≤ 2× ${verdict(large.scoreMs <= 2 * small.scoreMs)} (${(large.scoreMs / small.scoreMs).toFixed(2)}×) |`,
);

console.log(`\nSuara benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
console.log("| measure | result | budget (DESIGN.md) |\n|---|---|---|");
console.log(rows.join("\n"));
