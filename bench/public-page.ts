/**
 * The public results page against GET /health on one Node server, for its budget in
 * docs/design.md, "Performance budgets": the demo agency's page, whose published past semester the
 * app keeps in memory, and /health, which asks the database; the two runs alternate three times
 * and their medians compare.
 */
import autocannon from "autocannon";
import { DEMO_AGENCY } from "../db/seed.ts";
import type { SpawnedServer as BenchServer } from "../tests/server.ts";

/** Requests per second of one autocannon run of a GET, and its failures. */
async function rps(url: string, seconds: number) {
  // As browsers and proxies ask: gzip accepted (the page is kept gzipped; /health's answer is a few bytes).
  const result = await autocannon({ url, connections: 50, duration: seconds, headers: { "accept-encoding": "gzip" } });
  return { rps: result.requests.average, failed: result.errors + result.non2xx };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The page's and /health's median rates over three alternating runs of `seconds` each, and the failed requests. */
export async function publicPageRate(server: BenchServer, seconds = 10) {
  const page = `${server.url}/publik/${DEMO_AGENCY}`;
  const first = await fetch(page);
  if (!first.ok || !(await first.text()).includes("<h2")) throw new Error(`no published page at ${page}`);
  const health: number[] = [];
  const pages: number[] = [];
  let failed = 0;
  for (let run = 0; run < 3; run++) {
    const h = await rps(`${server.url}/health`, seconds);
    const p = await rps(page, seconds);
    health.push(h.rps);
    pages.push(p.rps);
    failed += h.failed + p.failed;
  }
  return { health: median(health), page: median(pages), failed };
}
