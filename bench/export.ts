/**
 * Cost of one page of the ratings CSV export (2,000 ratings) over a month of 10,000 and of
 * 1,000,000 ratings, and of one batch of the comment retention purge at the larger size
 * (issue 22: each page re-sorted the whole period, 3 s a page at 3 million; the purge was one
 * statement over every rating). Ratings are generated inside SQLite.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { parsePeriod } from "../core/period.ts";
import type { Db } from "../db/client.ts";
import { migrateDatabase, openDatabase } from "../db/node.ts";
import { exportPage } from "../db/queries/export.ts";
import { PURGE_BATCH, purgeExpiredComments } from "../db/queries/retention.ts";
import { agencies } from "../db/schema.ts";
import { seedDemo } from "../db/seed.ts";
import { median, numberDemoSetup } from "./reports.ts";

const MONTH = parsePeriod("2026-11")!;

/** A fresh database with `count` kiosk ratings spread over November 2026, one in ten with a comment. */
async function monthOf(count: number): Promise<{ db: Db; agencyId: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "suara-bench-export-"));
  const db = await openDatabase({ url: `file:${join(dir, "export.db")}`, timeoutMs: 60_000 });
  await migrateDatabase(db);
  await seedDemo(db, { password: "bench-password", pin: "123456", origins: [], weeks: 0 });
  const [agency] = await db.select().from(agencies);
  await numberDemoSetup(db);
  // Spread evenly over the month's 30 days (WIB), so a page in its middle has as much before as after.
  const step = Math.floor((30 * 86_400_000) / count);
  await db.run(sql`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count - 1})
    INSERT INTO ratings (id, agency_id, service_id, counter_id, officer_id, channel, overall, comment,
      locale, created_at, received_at, day, flags, counted, batch)
    SELECT 'r' || i, ${agency.id}, s.id, c.id, o.id, 'kiosk', 1 + (i * 7) % 4,
      CASE WHEN i % 10 = 0 THEN 'Antrean lama, petugas ramah' END, 'id',
      ${Date.parse("2026-10-31T17:00:00Z")} + i * ${step}, ${Date.parse("2026-10-31T17:00:00Z")} + i * ${step},
      date((${Date.parse("2026-10-31T17:00:00Z")} + i * ${step}) / 1000 + 7 * 3600, 'unixepoch'), '[]', 1, 'bench'
    FROM seq JOIN s ON s.k = i % 4 JOIN c ON c.k = (i / 4) % 4 JOIN o ON o.k = (i / 16) % 6`);
  return { db, agencyId: agency.id, dir };
}

/** Median time of one export page from the middle of the month at each size, and the purge of its comments. */
export async function exportCosts(sizes = [10_000, 1_000_000], runs = 20) {
  const rows: { size: number; pageMs: number; purged: number; purgeMs: number; purgeBatchMs: number }[] = [];
  for (const size of sizes) {
    const { db, agencyId, dir } = await monthOf(size);
    // The cursor of a page halfway through the export.
    const [middle] = await db.all<{ created_at: number; id: string }>(
      sql`SELECT created_at, id FROM ratings ORDER BY created_at, id LIMIT 1 OFFSET ${Math.floor(size / 2)}`,
    );
    const after = { createdAt: middle.created_at, id: middle.id };
    const page = await exportPage(db, agencyId, MONTH, after);
    if (page.length !== Math.min(2000, size - Math.floor(size / 2) - 1)) throw new Error(`a page of ${page.length}`);
    const pageMs = await median(runs, () => exportPage(db, agencyId, MONTH, after));
    // The month's comments (one rating in ten) are past a day's retention ten days later: the
    // whole backlog is purged, batch after batch; its time over the batches is one batch's.
    await db.run(sql`UPDATE agencies SET comment_retention_days = 1`);
    const started = performance.now();
    const purged = await purgeExpiredComments(db, Date.parse("2026-12-10T00:00:00Z"));
    const purgeMs = performance.now() - started;
    if (purged !== size / 10) throw new Error(`purged ${purged} of ${size / 10} comments`);
    const purgeBatchMs = purgeMs / Math.ceil(purged / PURGE_BATCH);
    rows.push({ size, pageMs, purged, purgeMs, purgeBatchMs });
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
