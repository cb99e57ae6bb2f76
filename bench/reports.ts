/**
 * Cost of an agency report and an officer score over 10,000 and 1,000,000
 * ratings (docs/design.md, "Performance budgets": the larger may cost at most 2× the smaller, because both
 * read daily rollups, not ratings). Ratings are generated inside SQLite.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { parsePeriod } from "../core/period.ts";
import type { Db } from "../db/client.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { agencyReport, officerScore } from "../db/queries/reports.ts";
import { rebuildRollups } from "../db/queries/rollups.ts";
import { agencies, officers } from "../db/schema.ts";
import { seedDemo } from "../db/seed.ts";

/**
 * Numbers the demo's services, counters and officers 0… in temporary tables s, c and o (k, id), so
 * generated rows can spread over them by arithmetic on their sequence number.
 */
export async function numberDemoSetup(db: Db) {
  await db.batch([
    db.run(sql`CREATE TEMP TABLE s AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM services`),
    db.run(sql`CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM counters`),
    db.run(sql`CREATE TEMP TABLE o AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM officers`),
  ]);
}

/**
 * Fills a fresh database with `count` kiosk ratings spread evenly over the days
 * of 2026, the four services and the four counters, a third with the full questionnaire.
 */
async function databaseWith(
  count: number,
): Promise<{ db: Db; agencyId: string; officer: { id: string; agencyId: string }; dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), "suara-bench-reports-"));
  const file = join(dir, "reports.db");
  const db = await openDatabase({ url: `file:${file}` });
  await migrateDatabase(db);
  await seedDemo(db, { password: "bench-password", pin: "123456", origins: [], weeks: 0 });
  const [agency] = await db.select().from(agencies);
  await numberDemoSetup(db);
  const answer = (salt: number) => sql.raw(`CASE WHEN i % 3 = 0 THEN 1 + (i * ${salt}) % 4 END`);
  await db.run(sql`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count - 1})
    INSERT INTO ratings (id, agency_id, service_id, counter_id, officer_id, channel, overall,
      persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan,
      locale, created_at, received_at, day, flags, counted, batch)
    SELECT 'r' || i, ${agency.id}, s.id, c.id, o.id, 'kiosk', 1 + (i * 7) % 4,
      ${answer(3)}, ${answer(5)}, ${answer(11)}, ${answer(13)}, ${answer(17)}, ${answer(19)}, ${answer(23)}, ${answer(29)}, ${answer(31)},
      'id', (unixepoch(date('2026-01-01', '+' || (i % 365) || ' days')) - 4 * 3600 + i % 28800) * 1000,
      (unixepoch(date('2026-01-01', '+' || (i % 365) || ' days')) - 4 * 3600 + i % 28800) * 1000,
      date('2026-01-01', '+' || (i % 365) || ' days'), '[]', 1, 'bench'
    FROM seq JOIN s ON s.k = (i / 365) % 4 JOIN c ON c.k = (i / 1460) % 4
    -- As in a real office, one officer serves a counter all day: officers rotate by day and counter.
    JOIN o ON o.k = ((i % 365) + (i / 1460) % 4) % 6`);
  await rebuildRollups(db, agency.id);
  const [officer] = await db.select({ id: officers.id, agencyId: officers.agencyId }).from(officers).limit(1);
  return { db, agencyId: agency.id, officer, dir, file };
}

/** Median milliseconds of `runs` calls. */
export async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median report and score times at each size, how long each database took to build, and its size on disk. */
export async function reportCosts(sizes = [10_000, 1_000_000], runs = 30) {
  const period = parsePeriod("2026")!;
  const rows = [];
  for (const size of sizes) {
    const started = performance.now();
    const { db, agencyId, officer, dir, file } = await databaseWith(size);
    const buildSeconds = (performance.now() - started) / 1000;
    const report = await agencyReport(db, agencyId, period);
    const counted = report.respondents + report.taps;
    if (counted !== size) throw new Error(`expected ${size} ratings, the report counts ${counted}`);
    await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    rows.push({
      size,
      buildSeconds,
      bytes: statSync(file).size,
      reportMs: await median(runs, () => agencyReport(db, agencyId, period)),
      scoreMs: await median(runs, () => officerScore(db, officer, period)),
    });
    db.$client.close();
    // The million-rating database is about 300 MB: a run leaves nothing behind in /tmp.
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
