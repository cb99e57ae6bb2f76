import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { describe, expect, it } from "vitest";
import { AGENCY, ORIGIN, OTHER_AGENCY, rating, testApp } from "../../worker/test-app.ts";
import { type Db, DRIZZLE_CONFIG } from "../client.ts";
import { agencies, ratings } from "../schema.ts";
import { purgeExpiredComments } from "./retention.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-22T00:00:00Z");

/** The demo agency keeps comments 30 days, the other agency 90; `post` stores a widget rating with a comment. */
async function retentionApp() {
  const t = await testApp();
  await t.db.update(agencies).set({ commentRetentionDays: 30 }).where(eq(agencies.slug, "disdukcapil-tebingtinggi"));
  await t.db
    .update(agencies)
    .set({ commentRetentionDays: 90, embedOrigins: [ORIGIN] })
    .where(eq(agencies.slug, OTHER_AGENCY));
  const post = (agency: string, createdAt: number, comment: string) =>
    t.storeAt([
      {
        id: crypto.randomUUID(),
        agency,
        service: "ktp-el",
        channel: "widget",
        overall: 3,
        comment,
        createdAt: new Date(createdAt).toISOString(),
      },
    ]);
  const comments = async () =>
    (await t.db.select({ comment: ratings.comment }).from(ratings)).map((r) => r.comment).sort();
  // The statements the purge sends, with their arguments, as drizzle's own log sees them.
  const sent: { sql: string; args: unknown[] }[] = [];
  const logged = drizzle(t.db.$client, {
    ...DRIZZLE_CONFIG,
    logger: { logQuery: (sql, args) => void sent.push({ sql, args }) },
  }) as unknown as Db;
  return { t, post, comments, logged, sent };
}

describe("purgeExpiredComments", () => {
  it("clears comments past each agency's retention and keeps the ratings and newer comments", async () => {
    const { t, post, comments } = await retentionApp();
    await post("disdukcapil-tebingtinggi", NOW - 31 * DAY, "lama");
    await post("disdukcapil-tebingtinggi", NOW - 29 * DAY, "baru");
    await post(OTHER_AGENCY, NOW - 31 * DAY, "masih disimpan");
    await post(OTHER_AGENCY, NOW - 91 * DAY, "lama sekali");
    expect(await purgeExpiredComments(t.db, NOW)).toBe(2);
    expect(await comments()).toEqual(["baru", "masih disimpan", null, null].sort());
    expect(await t.db.$count(ratings)).toBe(4);
  });

  it("clears a backlog larger than a batch in several statements, all of it and nothing newer", async () => {
    const { post, comments, logged, sent } = await retentionApp();
    for (let i = 0; i < 10; i++) await post("disdukcapil-tebingtinggi", NOW - (31 + i) * DAY, `lama ${i}`);
    for (let i = 0; i < 3; i++) await post("disdukcapil-tebingtinggi", NOW - (29 - i) * DAY, `baru ${i}`);
    expect(await purgeExpiredComments(logged, NOW, { batchSize: 3 })).toBe(10);
    expect(await comments()).toEqual([...Array(10).fill(null), "baru 0", "baru 1", "baru 2"].sort());
    // 3 + 3 + 3 + 1, each statement its own transaction, and one for the other agency, which had none.
    expect(sent.filter((s) => /^\s*update ratings/i.test(s.sql))).toHaveLength(4 + 1);
    expect(await purgeExpiredComments(logged, NOW, { batchSize: 3 })).toBe(0);
  });

  it("reads the expired comments from an index, not every rating", async () => {
    const { t, post, logged, sent } = await retentionApp();
    await post("disdukcapil-tebingtinggi", NOW - 31 * DAY, "lama");
    await purgeExpiredComments(logged, NOW);
    const updates = sent.filter((s) => /^\s*update ratings/i.test(s.sql));
    expect(updates.length).toBeGreaterThan(0);
    for (const { sql, args } of updates) {
      const plan = (await t.db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never })).rows.map(
        (row) => row.detail as string,
      );
      expect(plan.filter((step) => /SCAN ratings/.test(step))).toEqual([]);
      expect(plan.join("\n")).toMatch(
        /SEARCH ratings USING (COVERING )?INDEX ratings_comment_time \(agency_id=\? AND created_at<\?\)/,
      );
    }
  });

  it("lets a rating be stored and answered between its batches", async () => {
    const { t, logged, sent } = await retentionApp();
    // 300 expired comments: 100 batches of 3.
    await t.db.$client.execute({
      sql: `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < 299)
        INSERT INTO ratings (id, agency_id, service_id, channel, overall, comment, created_at, received_at, day, counted, batch)
        SELECT 'old' || i, agency_id, id, 'widget', 3, 'lama', ?, ?, '2026-10-01', 1, 'test' FROM seq, services
        WHERE slug = 'ktp-el' AND agency_id = (SELECT id FROM agencies WHERE slug = ?)`,
      args: [NOW - 50 * DAY, NOW - 50 * DAY, AGENCY],
    });
    const updates = () => sent.filter((s) => /^\s*update ratings/i.test(s.sql)).length;
    const purge = purgeExpiredComments(logged, NOW, { batchSize: 3 });
    const res = await t.call("POST", "/api/v1/ratings", { body: { ratings: [rating()] }, headers: { origin: ORIGIN } });
    const updatesWhenAnswered = updates();
    expect(await purge).toBe(300);
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe("accepted");
    // Answered while the purge still had batches to run, not after it held everything up.
    expect(updatesWhenAnswered).toBeLessThan(updates() / 2);
  });
});
