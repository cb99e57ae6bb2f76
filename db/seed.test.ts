import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { currentSemester } from "../core/period.ts";
import { migrateDatabase, openDatabase } from "./node.ts";
import { commentReplies, officerFeedback, officers, ratings, users } from "./schema.ts";
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
