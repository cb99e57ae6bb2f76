import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { localDay } from "../../../core/period.ts";
import {
  auditLog,
  counters,
  devices,
  duties,
  ratingRollups,
  ratings,
  visitRollups,
  visits,
} from "../../../db/schema.ts";
import { AGENCY, AGENCY_PATH, OFFICER_NIPS, OTHER_AGENCY, STORES, testApp } from "../../test-app.ts";

const HOUR = 3_600_000;
/** Yesterday in the demo agency's timezone: visits of a day log, all in the past. */
const day = localDay(Date.now() - 24 * HOUR, "Asia/Jakarta");
const at = (hhmm: string) => `${day}T${hhmm}:00+07:00`;
const visitsPath = `${AGENCY_PATH}/visits`;

describe.each(STORES)("visits (%s store)", (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: string;
  let key: string;
  const send = (token: string, list: Record<string, unknown>[]) =>
    t.call("POST", visitsPath, { token, body: { visits: list } });
  const results = async (res: Response) => {
    expect(res.status).toBe(200);
    return (
      (await res.json()) as { results: { id: string; status: string; flags?: string[]; error?: { code: string } }[] }
    ).results;
  };
  const counterId = async (code: string) =>
    (await t.db.select().from(counters).where(eq(counters.code, code))).find((c) => c.code === code)!.id;
  const duty = async (code: string, nip: string, from: string, to: string | null) =>
    t.db.insert(duties).values({
      id: `dut_${code}_${from}`,
      counterId: await counterId(code),
      officerId: await t.officerId(nip),
      startedAt: Date.parse(at(from)),
      endedAt: to === null ? null : Date.parse(at(to)),
      startedVia: "tablet",
    });
  /** The agency's visit rollups summed: counted visits, rated ones and flagged ones. */
  const totals = async () => {
    const [row] = await t.db
      .select({
        visits: sql<number>`coalesce(sum(${visitRollups.visits}), 0)`,
        rated: sql<number>`coalesce(sum(${visitRollups.rated}), 0)`,
        flagged: sql<number>`coalesce(sum(${visitRollups.flagged}), 0)`,
      })
      .from(visitRollups);
    return row;
  };

  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    key = (
      await (
        await t.call("POST", `${AGENCY_PATH}/integration-keys`, { token: admin, body: { name: "Mesin antrian" } })
      ).json()
    ).secret;
  });

  it("gives each visit to the officer on duty when it was served, unless the sender names one", async () => {
    await duty("loket-1", OFFICER_NIPS[0], "08:00", "12:00");
    await duty("loket-1", OFFICER_NIPS[1], "12:00", null);
    const sent = await results(
      await send(key, [
        {
          id: "A001",
          service: "ktp-el",
          counter: "loket-1",
          takenAt: at("09:40"),
          servedAt: at("10:00"),
          finishedAt: at("10:09"),
        },
        {
          id: "A002",
          service: "ktp-el",
          counter: "loket-1",
          takenAt: at("12:40"),
          calledAt: at("13:00"),
          finishedAt: at("13:05"),
        },
        { id: "A003", service: "ktp-el", counter: "loket-1", servedAt: at("10:30"), officer: OFFICER_NIPS[2] },
        { id: "A004", service: "kartu-keluarga", takenAt: at("11:00"), queueNumber: "B004" },
      ]),
    );
    expect(sent.map((r) => r.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    const stored = new Map((await t.db.select().from(visits)).map((v) => [v.id, v]));
    expect(stored.get("A001")!.officerId).toBe(await t.officerId(OFFICER_NIPS[0]));
    expect(stored.get("A002")!.officerId).toBe(await t.officerId(OFFICER_NIPS[1]));
    expect(stored.get("A003")).toMatchObject({ officerId: await t.officerId(OFFICER_NIPS[2]), officerNamed: true });
    expect(stored.get("A004")).toMatchObject({ officerId: null, counterId: null, queueNumber: "B004", day });
    // Waiting 20 minutes and serving 9, counted in their minute buckets.
    expect(stored.get("A001")).toMatchObject({
      waitBucket: 20,
      serviceBucket: 9,
      counted: true,
      source: "integration",
    });
    expect(await totals()).toEqual({ visits: 4, rated: 0, flagged: 0 });
  });

  it("stores a resent visit once, in later calls and within one", async () => {
    const visit = { id: "A001", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), finishedAt: at("10:05") };
    expect((await results(await send(key, [visit, visit]))).map((r) => r.status)).toEqual(["accepted", "duplicate"]);
    expect((await results(await send(key, [{ ...visit, finishedAt: at("10:09") }]))).map((r) => r.status)).toEqual([
      "duplicate",
    ]);
    // Another agency may use the same id: ids are the sender's own, per agency.
    const [stored] = await t.db.select().from(visits);
    expect(stored.finishedAt).toBe(Date.parse(at("10:05")));
    expect(await totals()).toEqual({ visits: 1, rated: 0, flagged: 0 });
  });

  it("keeps each implausible visit, flagged and out of every figure", async () => {
    const sent = await results(
      await send(key, [
        { id: "F1", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), finishedAt: at("09:58") },
        { id: "F2", service: "ktp-el", counter: "loket-1", takenAt: at("10:00"), calledAt: at("09:30") },
        {
          id: "F3",
          service: "ktp-el",
          counter: "loket-1",
          takenAt: at("00:10"),
          servedAt: at("09:00"),
          finishedAt: at("13:00"),
        },
        { id: "F4", service: "ktp-el", counter: "loket-1", servedAt: at("19:00"), finishedAt: at("19:10") },
        { id: "OK", service: "ktp-el", counter: "loket-1", servedAt: at("09:00"), finishedAt: at("09:10") },
      ]),
    );
    expect(sent.map((r) => [r.status, r.flags ?? []])).toEqual([
      ["accepted", ["finished_before_served"]],
      ["accepted", ["out_of_order"]],
      ["accepted", ["longer_than_day"]],
      ["accepted", ["outside_hours"]],
      ["accepted", []],
    ]);
    const stored = await t.db.select({ id: visits.id, counted: visits.counted }).from(visits);
    expect(stored.filter((v) => v.counted).map((v) => v.id)).toEqual(["OK"]);
    expect(await totals()).toEqual({ visits: 1, rated: 0, flagged: 4 });
  });

  it("refuses per visit what it cannot place, storing none of those", async () => {
    const sent = await results(
      await send(key, [
        { id: "R1", service: "paspor", counter: "loket-1", servedAt: at("10:00") },
        { id: "R2", service: "ktp-el", counter: "loket-9", servedAt: at("10:00") },
        { id: "R3", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), officer: "199901012020011999" },
        { id: "R4", service: "ktp-el", servedAt: new Date(Date.now() + HOUR).toISOString() },
        { id: "R5", service: "ktp-el", servedAt: at("10:00") },
      ]),
    );
    expect(sent.map((r) => r.error?.code ?? r.status)).toEqual([
      "unknown_service",
      "unknown_counter",
      "unknown_officer",
      "in_future",
      "accepted",
    ]);
    expect((await t.db.select().from(visits)).map((v) => v.id)).toEqual(["R5"]);
  });

  it("is sent by the agency's key, its tablets for their own counter, and its admins; nobody else", async () => {
    const visit = (id: string) => ({ id, service: "ktp-el", counter: "loket-1", servedAt: at("10:00") });
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const supervisor = await t.login({ email: "supervisor@demo.suara.id" });
    const regional = await t.login({ email: "regional@demo.suara.id" });
    const otherAdmin = await t.login({ email: "admin@jayapura.test" });
    const otherKey = (
      await (
        await t.call("POST", `/api/v1/agencies/${OTHER_AGENCY}/integration-keys`, {
          token: otherAdmin,
          body: { name: "Antrian Jayapura" },
        })
      ).json()
    ).secret;
    const otherTablet = await t.pairDevice("loket-1", otherAdmin, OTHER_AGENCY);
    expect((await t.call("POST", visitsPath, { body: { visits: [visit("N")] } })).status).toBe(401);
    for (const token of [officer, supervisor, regional, otherAdmin, otherKey, otherTablet]) {
      expect((await send(token, [visit("N")])).status).toBe(403);
    }
    expect((await t.db.select().from(visits)).length).toBe(0);

    const tablet = await t.pairDevice("loket-2");
    expect(
      (
        await results(
          await send(tablet, [
            { id: "T1", service: "akta-kelahiran", servedAt: at("10:00") },
            visit("T2"),
            { id: "T3", service: "akta-kelahiran", servedAt: at("10:00"), officer: OFFICER_NIPS[0] },
          ]),
        )
      ).map((r) => r.error?.code ?? r.status),
    ).toEqual(["accepted", "wrong_counter", "officer_not_allowed"]);
    const [fromTablet] = await t.db.select().from(visits);
    expect(fromTablet).toMatchObject({ source: "device", counterId: await counterId("loket-2") });

    expect((await results(await send(admin, [visit("I1")])))[0].status).toBe("accepted");
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "visits.import"));
    expect(audit.details).toEqual({ accepted: 1, duplicate: 0, rejected: 0 });
  });

  it("answers bad input with a 4xx, storing nothing", async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ id: `V${i}`, service: "ktp-el", servedAt: at("10:00") }));
    for (const body of [
      { visits: many },
      { visits: [] },
      { visits: [{ id: "no-time", service: "ktp-el" }] },
      { visits: [{ id: "bad id!", service: "ktp-el", servedAt: at("10:00") }] },
      { visits: [{ id: "x", service: "ktp-el", servedAt: "yesterday" }] },
      "{not json",
    ]) {
      const res = await t.call("POST", visitsPath, { token: key, body });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBeTruthy();
    }
    expect((await results(await send(key, many.slice(0, 500)))).every((r) => r.status === "accepted")).toBe(true);
  });

  describe("joined to ratings", () => {
    let tablet: string;
    const tap = (createdAt: string, id = crypto.randomUUID()) =>
      t.call("POST", "/api/v1/ratings", {
        token: tablet,
        body: { ratings: [{ id, agency: AGENCY, service: "ktp-el", channel: "kiosk", overall: 4, createdAt }] },
      });
    const visitOf = async (ratingId: string) =>
      (await t.db.select({ visitId: ratings.visitId }).from(ratings).where(eq(ratings.id, ratingId)))[0].visitId;

    beforeEach(async () => {
      tablet = await t.pairDevice("loket-1");
      // Paired before the day of the log, so its taps of that day are its own.
      await t.db.update(devices).set({ pairedAt: Date.parse(at("07:00")) });
      await duty("loket-1", OFFICER_NIPS[0], "08:00", null);
    });

    it("joins a kiosk tap to the visit its counter was serving, whichever arrives first, and counts the visit once", async () => {
      const early = crypto.randomUUID();
      await tap(at("10:07"), early);
      await send(key, [
        { id: "V1", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), finishedAt: at("10:06") },
      ]);
      expect(await visitOf(early)).toBe("V1");
      await send(key, [
        { id: "V2", service: "ktp-el", counter: "loket-1", servedAt: at("11:00"), finishedAt: at("11:05") },
      ]);
      const late = crypto.randomUUID();
      const again = crypto.randomUUID();
      await tap(at("11:06"), late);
      await tap(at("11:08"), again);
      expect([await visitOf(late), await visitOf(again)]).toEqual(["V2", "V2"]);
      const [v2] = await t.db.select().from(visits).where(eq(visits.id, "V2"));
      expect(v2.ratingId).toBe(late);
      // A visit nobody rated, and a tap long after any visit, join nothing.
      await send(key, [
        { id: "V3", service: "ktp-el", counter: "loket-1", servedAt: at("12:00"), finishedAt: at("12:05") },
      ]);
      const stray = crypto.randomUUID();
      await tap(at("14:00"), stray);
      expect(await visitOf(stray)).toBeNull();
      expect(await totals()).toEqual({ visits: 3, rated: 2, flagged: 0 });
    });

    it("joins no tap while the counter served two visits at once", async () => {
      await send(key, [
        { id: "P1", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), finishedAt: at("10:30") },
        { id: "P2", service: "ktp-el", counter: "loket-1", servedAt: at("10:10"), finishedAt: at("10:20") },
      ]);
      const during = crypto.randomUUID();
      await tap(at("10:15"), during);
      expect(await visitOf(during)).toBeNull();
      expect(await totals()).toEqual({ visits: 2, rated: 0, flagged: 0 });
    });

    it("rates a visit from a ticket made for it, giving the rating the visit's officer once the visit arrives", async () => {
      const officerId = await t.officerId(OFFICER_NIPS[0]);
      const rateWith = async (ticket: string) =>
        t.call("POST", "/api/v1/ratings", {
          body: {
            ratings: [
              {
                id: crypto.randomUUID(),
                agency: AGENCY,
                service: "ktp-el",
                channel: "qr",
                overall: 3,
                ticket,
                createdAt: new Date().toISOString(),
              },
            ],
          },
        });
      const slip = await (
        await t.call("POST", "/api/v1/tickets", { token: key, body: { service: "ktp-el", visit: "S1" } })
      ).json();
      expect((await (await rateWith(slip.ticket)).json()).results[0].status).toBe("accepted");
      const [before] = await t.db.select().from(ratings).where(eq(ratings.ticketId, slip.ticket));
      expect(before).toMatchObject({ visitId: "S1", officerId: null });
      await send(key, [
        {
          id: "S1",
          service: "ktp-el",
          counter: "loket-1",
          takenAt: at("09:00"),
          servedAt: at("09:30"),
          finishedAt: at("09:40"),
        },
      ]);
      const [after] = await t.db.select().from(ratings).where(eq(ratings.ticketId, slip.ticket));
      expect(after.officerId).toBe(officerId);
      const officerRollup = async () =>
        (
          await t.db
            .select({ n: sql<number>`coalesce(sum(${ratingRollups.ratings}), 0)` })
            .from(ratingRollups)
            .where(eq(ratingRollups.officerId, officerId))
        )[0].n;
      expect(await officerRollup()).toBe(1);

      // The visit first, then its ticket: the rating has the officer at once.
      await send(key, [
        { id: "S2", service: "ktp-el", counter: "loket-1", servedAt: at("10:30"), finishedAt: at("10:40") },
      ]);
      const second = await (
        await t.call("POST", "/api/v1/tickets", { token: key, body: { service: "ktp-el", visit: "S2" } })
      ).json();
      await rateWith(second.ticket);
      const [rated] = await t.db
        .select()
        .from(ratings)
        .where(and(eq(ratings.ticketId, second.ticket)));
      expect(rated).toMatchObject({ visitId: "S2", officerId });
      expect(await officerRollup()).toBe(2);
      expect(await totals()).toEqual({ visits: 2, rated: 2, flagged: 0 });
    });
  });
});
