import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { officerValue } from "../../core/scoring.ts";
import { rating, testApp } from "../../worker/test-app.ts";
import { agencies } from "../schema.ts";
import { readRollups } from "./rollups.ts";

describe("the officer's value in the rollups", () => {
  it("is core's officerValue for every face and officer-element answer, each missing or 1–4", async () => {
    const t = await testApp();
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, "disdukcapil-tebingtinggi"));
    const choices = [null, 1, 2, 3, 4];
    const answered = choices.flatMap((overall) =>
      choices.flatMap((kompetensi) => choices.map((perilaku) => ({ overall, kompetensi, perilaku }))),
    );
    await t.storeAt(
      answered.map(({ overall, kompetensi, perilaku }) =>
        rating({
          overall,
          answers: Object.fromEntries(Object.entries({ kompetensi, perilaku }).filter(([, v]) => v !== null)),
          createdAt: "2020-01-15T03:00:00.000Z",
        }),
      ),
    );
    const [total] = await readRollups(t.db, { agencyId: agency.id, from: "2020-01-15", to: "2020-01-15" });
    const values = answered.map(officerValue).filter((v) => v !== null);
    expect(values.length).toBe(124);
    expect(total.stats.officer).toEqual({
      n: values.length,
      sum: values.reduce((a, v) => a + v, 0),
      sumSq: values.reduce((a, v) => a + v * v, 0),
    });
  });
});
