import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { devices, ratingRollups, ratings, visits } from "../../../db/schema.ts";
import { at, day, dutyAt, integrationKey, sendVisits, visitTotals } from "../../../tests/visit-fixture.ts";
import { AGENCY, AGENCY_PATH, OFFICER_NIPS, STORES, testApp } from "../../test-app.ts";

describe.each(STORES)("visits joined to ratings (%s store)", (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: string;
  let key: string;
  const send = (token: string, list: Record<string, unknown>[]) => sendVisits(t, token, list);
  const duty = (code: string, nip: string, from: string, to: string | null) => dutyAt(t, code, nip, from, to);
  const totals = () => visitTotals(t);

  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    key = await integrationKey(t, admin);
    tablet = await t.pairDevice("loket-1");
    // Paired before the day of the log, so its taps of that day are its own.
    await t.db.update(devices).set({ pairedAt: Date.parse(at("07:00")) });
    await duty("loket-1", OFFICER_NIPS[0], "08:00", null);
  });

  let tablet: string;
  const tap = (createdAt: string, id = crypto.randomUUID()) =>
    t.call("POST", "/api/v1/ratings", {
      token: tablet,
      body: { ratings: [{ id, agency: AGENCY, service: "ktp-el", channel: "kiosk", overall: 4, createdAt }] },
    });
  const visitOf = async (ratingId: string) =>
    (await t.db.select({ visitId: ratings.visitId }).from(ratings).where(eq(ratings.id, ratingId)))[0].visitId;

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

  it("tells a comment's readers how long its citizen waited and was served", async () => {
    await send(key, [
      {
        id: "W1",
        service: "ktp-el",
        counter: "loket-1",
        takenAt: at("09:10"),
        calledAt: at("09:35"),
        servedAt: at("09:36"),
        finishedAt: at("09:43"),
      },
    ]);
    const id = crypto.randomUUID();
    await t.call("POST", "/api/v1/ratings", {
      token: tablet,
      body: {
        ratings: [
          {
            id,
            agency: AGENCY,
            service: "ktp-el",
            channel: "kiosk",
            overall: 2,
            comment: "Antre lama",
            createdAt: at("09:44"),
          },
        ],
      },
    });
    const comments = await (
      await t.call("GET", `${AGENCY_PATH}/comments?period=${day.slice(0, 7)}`, { token: admin })
    ).json();
    expect(comments.comments.find((c: { id: string }) => c.id === id).visit).toEqual({
      waitMinutes: 25,
      serviceMinutes: 7,
    });
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const mine = await (
      await t.call("GET", `/api/v1/me/comments?period=${day.slice(0, 7)}`, { token: officer })
    ).json();
    expect(mine.comments.map((c: { visit: unknown }) => c.visit)).toEqual([{ waitMinutes: 25, serviceMinutes: 7 }]);
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

    // An officer's ticket for themself rates no visit: their response rate is not theirs to raise.
    await send(key, [
      { id: "S3", service: "ktp-el", counter: "loket-1", servedAt: at("11:30"), finishedAt: at("11:40") },
    ]);
    const own = await t.login({ nip: OFFICER_NIPS[0] });
    const self = await (
      await t.call("POST", "/api/v1/tickets", { token: own, body: { service: "ktp-el", visit: "S3" } })
    ).json();
    await rateWith(self.ticket);
    const [selfRated] = await t.db.select().from(ratings).where(eq(ratings.ticketId, self.ticket));
    expect(selfRated).toMatchObject({ visitId: null, flags: ["self_issued"] });
    expect(await totals()).toEqual({ visits: 3, rated: 2, flagged: 0 });
  });
});
