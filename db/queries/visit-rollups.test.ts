import type { InValue } from "@libsql/client";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { localDay } from "../../core/period.ts";
import type { VisitInput } from "../../core/visit-contract.ts";
import { STORES, testApp } from "../../worker/test-app.ts";
import { agencies, visitRollups, visits } from "../schema.ts";
import { ingestVisits } from "./visit-ingest.ts";
import { rateNewVisits, rateVisitsOfRatings, rebuildVisitRollups, rollupNewVisits } from "./visit-rollups.ts";

const day = localDay(Date.now() - 86_400_000, "Asia/Jakarta");
/** Visits of yesterday at loket-1, served a minute apart, with waits and services of many lengths. */
const log = (from: number, count: number): VisitInput[] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const served = Date.parse(`${day}T08:00:00+07:00`) + i * 60_000;
    return {
      id: `Q${i}`,
      service: i % 3 ? "ktp-el" : "kartu-keluarga",
      counter: "loket-1",
      takenAt: new Date(served - ((i * 7919) % 7200) * 1000).toISOString(),
      servedAt: new Date(served).toISOString(),
      finishedAt: new Date(served + ((i * 104729) % 3000) * 1000).toISOString(),
      ...(i % 17 === 0 ? { finishedAt: new Date(served - 1000).toISOString() } : {}),
    };
  });

describe.each(STORES)("visit rollups (%s store)", (store) => {
  it("equal a recount from the visits, when concurrent resends race for the same ids", async () => {
    const t = await testApp({ store });
    const [agency] = await t.db.select().from(agencies);
    const sender = { source: "integration" as const, issuer: "key", deviceCounterId: null };
    const send = (list: VisitInput[], batch: string) => ingestVisits(t.db, agency, sender, list, Date.now(), batch);
    // The second and third calls read before the first writes: each stores only what nobody stored first.
    const answers = await Promise.all([send(log(0, 200), "b1"), send(log(100, 200), "b2"), send(log(0, 300), "b3")]);
    const accepted = answers
      .flat()
      .filter((r) => r.status === "accepted")
      .map((r) => r.id);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted.length).toBe(300);
    const stored = () =>
      t.db
        .select()
        .from(visitRollups)
        .orderBy(asc(visitRollups.day), asc(visitRollups.serviceId), asc(visitRollups.officerId));
    const written = await stored();
    expect(written.reduce((n, r) => n + r.visits + r.flagged, 0)).toBe(300);
    expect(written.reduce((n, r) => n + r.flagged, 0)).toBe(
      (await t.db.select().from(visits)).filter((v) => !v.counted).length,
    );
    await rebuildVisitRollups(t.db, agency.id);
    expect(await stored()).toEqual(written);
  });
});

describe("visit rollup statements", () => {
  // Written as `visits WHERE agency_id = ? AND id IN (…) GROUP BY day, …`, SQLite chose to walk the
  // agency's whole day index: each call cost more as the table grew (23,000 → 13,000 visits a second).
  it("look the call's visits and their ratings up by id, never walk all of an agency's visits or ratings", async () => {
    const t = await testApp();
    const visit = { id: "x", day, serviceId: "s", counterId: "c", officerId: null, counted: true };
    const statements = [
      ...rollupNewVisits("agency", [{ ...visit, waitBucket: 1, serviceBucket: 2 }], "b"),
      ...rateNewVisits("agency", ["x"], "b", Date.now()),
      ...rateVisitsOfRatings(["x"], "b", Date.now()),
    ] as { sql: string; args: InValue[] }[];
    for (const { sql, args } of statements) {
      const plan = (await t.db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map(
        (row) => row.detail as string,
      );
      expect(plan.filter((step) => / visits (USING INDEX visits_|$)/.test(step))).toEqual([]);
      // A visit's first rating comes from its own ratings (ratings_visit), not from walking the agency's
      // ratings in time order to spare a sort: that cost grew with the table (syncs fell to a third).
      expect(plan.filter((step) => /(SCAN (r|ratings)\b|USING (COVERING )?INDEX ratings_agency_)/.test(step))).toEqual(
        [],
      );
    }
  });
});
