import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../db/queries/rollups.ts";
import { agencies, auditLog } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, AGENCY_PATH, appWithAdmin, OFFICER_NIPS, rating, type TestApp } from "../../test-app.ts";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  ({ t, admin } = await appWithAdmin());
});

const path = AGENCY_PATH;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const report = async () =>
  (await t.call("GET", `${path}/report?from=${today()}&to=${today()}`, { token: admin })).json();

const rollups = () => t.rollups();

/** Five taps at a counter with an officer on duty, the last two too fast to be real (rapid_repeat). */
async function taps() {
  const device = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
  const start = Date.now();
  const made = [0, 20_000, 40_000, 41_000, 42_000].map((ms, i) =>
    rating({
      channel: "kiosk",
      overall: 1 + (i % 4),
      answers: i === 0 ? { waktu: 2, kompetensi: 3 } : undefined,
      createdAt: new Date(start + ms).toISOString(),
    }),
  );
  const res = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: made } });
  expect(res.status).toBe(200);
  return made;
}

describe("flagged ratings", () => {
  it("are listed with when, where and why, for those who read the agency's reports", async () => {
    const made = await taps();
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const res = await t.call("GET", `${path}/flagged?from=${today()}&to=${today()}`, { token: supervisor });
    expect(res.status).toBe(200);
    const { ratings } = await res.json();
    expect(ratings.map((r: { id: string }) => r.id).sort()).toEqual([made[3].id, made[4].id].sort());
    expect(ratings[0]).toMatchObject({ counter: "loket-1", flags: ["rapid_repeat"], counted: false });
    expect(ratings[0].officer).toBe("Siti Rahmawati, S.Kom");
  });

  it("excluding one changes the report by exactly that rating; including it restores it; both are audited", async () => {
    const made = await taps();
    const before = await report();
    const excluded = await t.call("POST", `${path}/ratings/${made[0].id}/exclude`, { token: admin });
    expect(excluded.status).toBe(200);
    expect((await excluded.json()).rating).toMatchObject({ flags: ["excluded"], counted: false });
    const after = await report();
    expect(after.quick.n).toBe(before.quick.n - 1);
    expect(after.respondents).toBe(before.respondents - 1);
    expect(after.elements.waktu.n).toBe(before.elements.waktu.n - 1);
    expect(after.byOfficer[0].n).toBe(before.byOfficer[0].n - 1);
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const score = await (
      await t.call("GET", `/api/v1/me/score?from=${today()}&to=${today()}`, { token: officer })
    ).json();
    // Faces 2 and 3 still count (the first, a 1, is excluded; 4 and 1 of the rapid repeats never counted).
    expect(score.faces).toEqual([0, 1, 1, 0]);
    // The rollups equal a recount from the ratings table.
    const kept = await rollups();
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
    await rebuildRollups(t.db, agency.id);
    expect(await rollups()).toEqual(kept);

    expect((await t.call("POST", `${path}/ratings/${made[0].id}/include`, { token: admin })).status).toBe(200);
    expect(await report()).toEqual(before);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.target, made[0].id));
    expect(audit.map((a) => a.action)).toEqual(["rating.exclude", "rating.include"]);
  });

  it("including a rapid repeat makes it count, and the rollups still equal a recount", async () => {
    const made = await taps();
    const before = await report();
    expect((await t.call("POST", `${path}/ratings/${made[4].id}/include`, { token: admin })).status).toBe(200);
    expect((await report()).quick.n).toBe(before.quick.n + 1);
    const kept = await rollups();
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
    await rebuildRollups(t.db, agency.id);
    expect(await rollups()).toEqual(kept);
  });

  it("doing it twice changes nothing more, and a supervisor may not do it at all", async () => {
    const made = await taps();
    await t.call("POST", `${path}/ratings/${made[1].id}/exclude`, { token: admin });
    const once = await report();
    expect((await t.call("POST", `${path}/ratings/${made[1].id}/exclude`, { token: admin })).status).toBe(200);
    expect(await report()).toEqual(once);
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const refused = await t.call("POST", `${path}/ratings/${made[2].id}/exclude`, { token: supervisor });
    expect(refused.status).toBe(403);
    expect(await report()).toEqual(once);
    const missing = await t.call("POST", `${path}/ratings/${crypto.randomUUID()}/exclude`, { token: admin });
    expect(missing.status).toBe(404);
  });
});
