/** The demo seed publishes its past semester, so the public page and the badge have a period to show. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./node.ts";
import { publications } from "./schema.ts";
import { seedDemo } from "./seed.ts";

const dir = mkdtempSync(join(tmpdir(), "suara-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  });
});
