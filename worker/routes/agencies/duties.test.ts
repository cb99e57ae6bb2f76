import { eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { localDay, startOfLocalDay } from "../../../core/period.ts";
import { autoEndOf, endDuty, endOverdueDuties } from "../../../db/queries/duties.ts";
import { auditLog, counters, duties } from "../../../db/schema.ts";
import { DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, PIN, testApp } from "../../test-app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const board = `/api/v1/agencies/${AGENCY}/duties`;
const HOUR = 3_600_000;

describe("the duty board", () => {
  it("shows who serves where, since when and from where; a supervisor ends a forgotten duty with a reason", async () => {
    const device = await t.pairDevice("loket-3");
    await t.call("POST", "/api/v1/counters/loket-3/duty", { token: device, body: { nip: OFFICER_NIPS[2], pin: PIN } });
    const supervisor = await t.login({ email: DEMO_SUPERVISOR_EMAIL });
    const read = async () => (await (await t.call("GET", board, { token: supervisor })).json()).counters;
    const before = await read();
    expect(before.map((c: { code: string }) => c.code)).toEqual(["loket-1", "loket-2", "loket-3", "loket-4"]);
    const loket3 = before.find((c: { code: string }) => c.code === "loket-3");
    expect(loket3.duty).toMatchObject({ officer: { name: "Dewi Lestari Nasution" }, startedVia: "tablet" });
    expect(before.find((c: { code: string }) => c.code === "loket-1").duty).toBeNull();

    const noReason = await t.call("POST", `${board}/${loket3.duty.id}/end`, { token: supervisor, body: {} });
    expect(noReason.status).toBe(400);
    const ended = await t.call("POST", `${board}/${loket3.duty.id}/end`, {
      token: supervisor,
      body: { reason: "Petugas pulang, lupa keluar" },
    });
    expect(ended.status).toBe(200);
    expect((await read()).find((c: { code: string }) => c.code === "loket-3").duty).toBeNull();
    // Ending it again finds no open duty.
    const again = await t.call("POST", `${board}/${loket3.duty.id}/end`, {
      token: supervisor,
      body: { reason: "Petugas pulang, lupa keluar" },
    });
    expect(again.status).toBe(404);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "duty.end"));
    expect(entry.details).toMatchObject({ via: "board", reason: "Petugas pulang, lupa keluar" });
  });
});

describe("ending a duty twice", () => {
  it("records the end once: a duty a concurrent change ended first is not logged again", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const started = await t.call("POST", "/api/v1/counters/loket-2/duty", { token: officer, body: {} });
    const { duty } = await started.json();
    const [loket2] = await t.db.select().from(counters).where(eq(counters.code, "loket-2"));
    const open = { id: duty.id, counterId: loket2.id, officerId: duty.officer.id };
    const actor = { agencyId: loket2.agencyId, userId: null };
    await Promise.all([
      endDuty(t.db, open, Date.now(), "board", actor),
      endDuty(t.db, open, Date.now(), "auto", actor),
    ]);
    const ends = await t.db.select().from(auditLog).where(eq(auditLog.action, "duty.end"));
    expect(ends).toHaveLength(1);
  });
});

describe("a duty left open", () => {
  it("ends an hour after its counter closes, at that time, audited as automatic", async () => {
    const [loket1] = await t.db.select().from(counters).where(eq(counters.code, "loket-1"));
    const today = startOfLocalDay(localDay(Date.now(), "Asia/Jakarta"), "Asia/Jakarta");
    const yesterdayAtNine = today - 24 * HOUR + 9 * HOUR;
    const officer = await t.officerId(OFFICER_NIPS[0]);
    await t.db.insert(duties).values({
      id: "dut_forgotten",
      counterId: loket1.id,
      officerId: officer,
      startedAt: yesterdayAtNine,
      startedVia: "tablet",
    });
    // One started just now stays open whatever the hour: its counter's next closing is ahead.
    const colleague = await t.login({ nip: OFFICER_NIPS[1] });
    await t.call("POST", "/api/v1/counters/loket-2/duty", { token: colleague, body: {} });

    expect(await endOverdueDuties(t.db, Date.now())).toBe(1);
    const [ended] = await t.db.select().from(duties).where(eq(duties.id, "dut_forgotten"));
    // loket-1 closes at 16:00 WIB: the duty ended at 17:00 WIB that day, not when the sweep ran.
    expect(ended).toMatchObject({ endedAt: today - 24 * HOUR + 17 * HOUR, endedVia: "auto" });
    const open = await t.db.select().from(duties).where(isNull(duties.endedAt));
    expect(open).toHaveLength(1);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.target, "dut_forgotten"));
    expect(entry).toMatchObject({ action: "duty.end", actorUserId: null, details: { via: "auto" } });
    expect(await endOverdueDuties(t.db, Date.now())).toBe(0);
  });

  it("is ended before the board shows it", async () => {
    const [loket4] = await t.db.select().from(counters).where(eq(counters.code, "loket-4"));
    await t.db.insert(duties).values({
      id: "dut_old",
      counterId: loket4.id,
      officerId: await t.officerId(OFFICER_NIPS[5]),
      startedAt: Date.now() - 3 * 24 * HOUR,
    });
    const admin = await t.login();
    const shown = (await (await t.call("GET", board, { token: admin })).json()).counters;
    expect(shown.find((c: { code: string }) => c.code === "loket-4").duty).toBeNull();
  });

  it("ends at the first instant an hour past closing at or after its start", () => {
    const day = startOfLocalDay("2026-11-30", "Asia/Makassar");
    const at = (h: number, m = 0) => day + h * HOUR + m * 60_000;
    expect(autoEndOf(at(8), "15:30", "Asia/Makassar")).toBe(at(16, 30));
    // Started after closing but within the hour: ends that day.
    expect(autoEndOf(at(16), "15:30", "Asia/Makassar")).toBe(at(16, 30));
    // Started later in the evening: runs to the next day's.
    expect(autoEndOf(at(18), "15:30", "Asia/Makassar")).toBe(at(24 + 16, 30));
    // Hours across midnight end the next morning; around the clock, a day after the start.
    expect(autoEndOf(at(22), "06:00", "Asia/Makassar", "22:00")).toBe(at(24 + 7));
    expect(autoEndOf(at(8, 30), "08:00", "Asia/Makassar", "08:00")).toBe(at(24 + 8, 30));
  });
});
