/**
 * Cost of an officer's indicators (GET /me/indicators' visits query, db/queries/indicators.ts)
 * over 10,000 and 1,000,000 visits (docs/design.md, "Performance budgets": the larger may cost at
 * most 2× the smaller, because both read daily visit rollups, not visits). Visits are generated
 * inside SQLite over the days of 2026, the four services, the four counters and the six officers,
 * then the rollups rebuilt once, as a bulk load does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { parsePeriod } from "../core/period.ts";
import type { Db } from "../db/client.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { agencyIndicators, officerIndicators } from "../db/queries/indicators.ts";
import { rebuildVisitRollups } from "../db/queries/visit-rollups.ts";
import { agencies, officers } from "../db/schema.ts";
import { seedDemo } from "../db/seed.ts";
import { median, numberDemoSetup } from "./reports.ts";

/** A fresh database with `count` visits; about 1 in 200 flagged, 2 in 5 rated, 1 in 20 without a waiting time. */
async function databaseWith(count: number): Promise<{ db: Db; agencyId: string; officerId: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "suara-bench-indicators-"));
  const db = await openDatabase({ url: `file:${join(dir, "indicators.db")}` });
  await migrateDatabase(db);
  await seedDemo(db, { password: "bench-password", pin: "123456", origins: [], weeks: 0 });
  const [agency] = await db.select().from(agencies);
  await numberDemoSetup(db);
  // A visit served at 08:00 WIB + (i mod 8 h) on day i mod 365; its buckets spread over the first 45 and 30.
  await db.run(sql`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count - 1})
    INSERT INTO visits (agency_id, id, service_id, counter_id, officer_id, taken_at, called_at, served_at,
      finished_at, started_at, wait_bucket, service_bucket, day, flags, counted, source, rating_id, rated_at,
      received_at, batch)
    SELECT ${agency.id}, 'v' || i, s.id, c.id, o.id, t - 600000, t - 30000, t, t + 420000, t,
      CASE WHEN i % 20 = 0 THEN NULL ELSE (i * 7) % 45 END, (i * 11) % 30,
      date('2026-01-01', '+' || (i % 365) || ' days'),
      CASE WHEN i % 200 = 0 THEN '["finished_before_served"]' ELSE '[]' END, i % 200 <> 0, 'integration',
      CASE WHEN i % 5 < 2 THEN 'r' || i END, CASE WHEN i % 5 < 2 THEN t + 480000 END, t + 500000, 'bench'
    FROM (SELECT i, (unixepoch(date('2026-01-01', '+' || (i % 365) || ' days')) - 7 * 3600 + 8 * 3600 + i % 28800) * 1000 AS t
          FROM seq) JOIN s ON s.k = (i / 365) % 4 JOIN c ON c.k = (i / 1460) % 4
    -- As in a real office, one officer serves a counter all day: officers rotate by day and counter.
    JOIN o ON o.k = ((i % 365) + (i / 1460) % 4) % 6`);
  await rebuildVisitRollups(db, agency.id);
  const [officer] = await db.select({ id: officers.id }).from(officers).limit(1);
  return { db, agencyId: agency.id, officerId: officer.id, dir };
}

/** Median milliseconds of an officer's indicators for 2026 at each size, and how long each database took to build. */
export async function indicatorCosts(sizes = [10_000, 1_000_000], runs = 30) {
  const period = parsePeriod("2026")!;
  const rows = [];
  for (const size of sizes) {
    const started = performance.now();
    const { db, agencyId, officerId, dir } = await databaseWith(size);
    const buildSeconds = (performance.now() - started) / 1000;
    const { volume } = await agencyIndicators(db, agencyId, period);
    if (volume.visits + volume.flagged !== size) {
      throw new Error(`expected ${size} visits, the indicators count ${volume.visits + volume.flagged}`);
    }
    const officer = { id: officerId, agencyId };
    rows.push({ size, buildSeconds, officerMs: await median(runs, () => officerIndicators(db, officer, period)) });
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
