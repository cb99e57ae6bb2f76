import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testApp } from "../../worker/test-app.ts";
import { agencies, ratings } from "../schema.ts";
import { purgeExpiredComments } from "./retention.ts";

describe("purgeExpiredComments", () => {
  it("clears comments past the agency's retention and keeps the ratings and newer comments", async () => {
    const t = await testApp();
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, "disdukcapil-tebingtinggi"));
    await t.db.update(agencies).set({ commentRetentionDays: 30 }).where(eq(agencies.id, agency.id));
    const now = Date.parse("2026-11-22T00:00:00Z");
    const day = 86_400_000;
    const post = (createdAt: number, comment: string) =>
      t.storeAt([
        {
          id: crypto.randomUUID(),
          agency: agency.slug,
          service: "ktp-el",
          channel: "widget",
          overall: 3,
          comment,
          createdAt: new Date(createdAt).toISOString(),
        },
      ]);
    await post(now - 31 * day, "lama");
    await post(now - 29 * day, "baru");
    expect(await purgeExpiredComments(t.db, now)).toBe(1);
    const rows = await t.db.select({ comment: ratings.comment, overall: ratings.overall }).from(ratings);
    expect(rows.map((r) => r.comment).sort()).toEqual(["baru", null].sort());
    expect(rows).toHaveLength(2);
  });
});
