import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../core/period.ts";
import { AGENCY, testApp } from "../../worker/test-app.ts";
import { agencies } from "../schema.ts";
import { exportPage } from "./export.ts";

describe("exportPage", () => {
  it("seeks each page on an index in the export's order, never sorting the period", async () => {
    const t = await testApp();
    const [agency] = await t.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, AGENCY));
    const period = parsePeriod("2026-11")!;
    for (const after of [null, { createdAt: Date.parse("2026-11-10T03:00:00Z"), id: "r-1" }]) {
      const { sql, params } = exportPage(t.db, agency.id, period, after).toSQL();
      const plan = (await t.db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never })).rows.map(
        (row) => row.detail as string,
      );
      // A sort here is a sort of the whole period on every page (3 s a page at 3 million ratings).
      expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
      const search = plan.find((step) => / ratings USING /.test(step));
      expect(search).toMatch(/SEARCH ratings USING INDEX ratings_agency_time \(agency_id=\? AND /);
      // After the first page the cursor is where the search starts, not a filter over the period.
      if (after) expect(search).toMatch(/\(created_at,id\)>\(\?,\?\)/);
    }
  });
});
