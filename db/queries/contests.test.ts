import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AGENCY, OFFICER_NIPS, rating, testApp } from "../../worker/test-app.ts";
import { agencies, auditLog, contests, ratingRollups, ratings } from "../schema.ts";
import { contestOfAgency, contestRating, decideContest } from "./contests.ts";
import { rebuildRollups } from "./rollups.ts";

describe("decideContest", () => {
  it("when two deciders read the contest open, the first decision stands and the second changes nothing", async () => {
    const t = await testApp();
    const officerId = await t.officerId(OFFICER_NIPS[0]);
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
    const [stored] = await t.storeAt([rating({ overall: 1 })]);
    // A widget rating names no officer; this one is attributed as a ticket would.
    await t.db.update(ratings).set({ officerId }).where(eq(ratings.id, stored.id));
    await rebuildRollups(t.db, agency.id);
    const made = await contestRating(t.db, officerId, stored.id, { reason: "abusive", note: "" }, "usr_officer");
    if (!made.ok) throw new Error(made.code);
    const rollups = () => t.db.select().from(ratingRollups).orderBy(asc(ratingRollups.officerId));
    const before = await rollups();

    // Both read it open, as two requests at the same moment would; the keep is written first.
    const seenByKeeper = (await contestOfAgency(t.db, agency.id, made.value.contest.id))!;
    const seenByExcluder = (await contestOfAgency(t.db, agency.id, made.value.contest.id))!;
    expect(await decideContest(t.db, seenByKeeper, agency.id, "keep", "Komentar wajar", "usr_a")).toBe(true);
    expect(await decideContest(t.db, seenByExcluder, agency.id, "exclude", "Kasar", "usr_b")).toBe(false);

    const [contest] = await t.db.select().from(contests).where(eq(contests.id, made.value.contest.id));
    expect(contest).toMatchObject({ decision: "kept", decisionNote: "Komentar wajar", decidedBy: "usr_a" });
    const [row] = await t.db.select().from(ratings).where(eq(ratings.id, stored.id));
    expect(row).toMatchObject({ flags: [], counted: true });
    expect(await rollups()).toEqual(before);
    const log = await t.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(log.map((a) => [a.action, a.actorUserId])).toEqual([
      ["rating.contest", "usr_officer"],
      ["contest.decide", "usr_a"],
    ]);
  });
});
