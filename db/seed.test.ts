/** The demo's history: officers' answers in its oldest semester, and its past semester published. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { currentSemester, parsePeriod } from "../core/period.ts";
import { MIN_VISITS } from "../core/visits.ts";
import { migrateDatabase, openDatabase } from "./node.ts";
import { agencyIndicators } from "./queries/indicators.ts";
import { commentReplies, officerFeedback, officers, publications, ratings, users, visits } from "./schema.ts";
import { DEMO_OFFICERS, seedDemo } from "./seed.ts";

const dir = mkdtempSync(join(tmpdir(), "suara-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo's history", () => {
  it("has the first officer's reply to their oldest comment and read feedback for that semester, none of today's", async () => {
    const db = await openDatabase({ url: `file:${join(dir, "demo.db")}` });
    await migrateDatabase(db);
    const now = Date.parse("2026-11-30T03:00:00Z");
    await seedDemo(db, { password: "demo-password-1", pin: "135790", origins: [], now, weeks: 30 });
    const [officer] = await db.select().from(officers).where(eq(officers.nip, DEMO_OFFICERS[0].nip));
    const [reply] = await db
      .select({ by: users.officerId, comment: ratings.comment, at: ratings.createdAt })
      .from(commentReplies)
      .innerJoin(ratings, eq(ratings.id, commentReplies.ratingId))
      .innerJoin(users, eq(users.id, commentReplies.createdBy));
    expect(reply).toMatchObject({ by: officer.id, comment: expect.any(String) });
    const feedback = await db.select().from(officerFeedback);
    expect(feedback).toEqual([
      expect.objectContaining({
        officerId: officer.id,
        period: currentSemester(reply.at, "Asia/Jakarta"),
        acknowledgedAt: expect.any(Number),
      }),
    ]);
    expect(feedback[0].period).not.toBe(currentSemester(now, "Asia/Jakarta"));
  });
});

describe("seedDemo", () => {
  it.each([
    ["2026-11-30T03:00:00Z", "2026-S1"],
    ["2027-03-15T03:00:00Z", "2026-S2"],
  ])("seeded on %s publishes %s, by its admin, with an IKM", async (at, period) => {
    const db = await openDatabase({ url: `file:${join(dir, `${period}.db`)}` });
    await migrateDatabase(db);
    await seedDemo(db, { password: "seed-password-1", pin: "246810", origins: [], now: Date.parse(at) });
    const rows = await db.select().from(publications);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period, supersededAt: null, publishedBy: expect.stringMatching(/^usr/) });
    expect(rows[0].snapshot.ikm?.value).toBeGreaterThan(25);
    expect(rows[0].snapshot.respondents).toBeGreaterThan(100);
    // The demo's plan for that semester was written before it was published: the snapshot holds it.
    expect(rows[0].snapshot.followUps).toHaveLength(3);
  });
});

describe("the demo's queue log", () => {
  it("gives the specs' officer enough visits, one officer fewer than the minimum, a rate of 30–60% and a handful flagged", async () => {
    const db = await openDatabase({ url: `file:${join(dir, "queue.db")}` });
    await migrateDatabase(db);
    const now = Date.parse("2026-11-30T03:00:00Z");
    const seeded = await seedDemo(db, { password: "seed-password-1", pin: "246810", origins: [], now });
    const period = parsePeriod(currentSemester(now, "Asia/Jakarta"))!;
    const [agencyId] = (await db.select({ id: officers.agencyId }).from(officers).limit(1)).map((o) => o.id);
    const figures = await agencyIndicators(db, agencyId, period);
    const byNip = (nip: string) =>
      figures.byOfficer.find((o) => o.name === DEMO_OFFICERS.find((d) => d.nip === nip)?.name)!;
    expect(byNip(DEMO_OFFICERS[0].nip).volume).toMatchObject({ enough: true, visits: expect.any(Number) });
    expect(byNip(DEMO_OFFICERS[0].nip).volume.visits).toBeGreaterThanOrEqual(MIN_VISITS);
    expect(byNip(DEMO_OFFICERS[5].nip).volume).toMatchObject({ enough: false, responseRate: null });
    expect(byNip(DEMO_OFFICERS[5].nip).volume.visits).toBeGreaterThan(0);
    expect(figures.volume.responseRate).toBeGreaterThan(0.3);
    expect(figures.volume.responseRate).toBeLessThan(0.6);
    expect(figures.volume.flagged).toBeGreaterThan(0);
    expect(figures.volume.flagged).toBeLessThan(figures.volume.visits / 100);
    // Each rated visit is the visit of a demo rating, and that rating names it.
    const rated = await db
      .select({ id: visits.id, ratingId: visits.ratingId, ratedAt: visits.ratedAt })
      .from(visits)
      .where(isNotNull(visits.ratingId));
    const joined = await db
      .select({ id: ratings.id, visitId: ratings.visitId, createdAt: ratings.createdAt })
      .from(ratings)
      .where(isNotNull(ratings.visitId));
    expect(new Map(joined.map((r) => [r.visitId, [r.id, r.createdAt]]))).toEqual(
      new Map(rated.map((v) => [v.id, [v.ratingId, v.ratedAt]])),
    );
    expect(seeded.visits).toBeGreaterThan(seeded.ratings);
  });
});
