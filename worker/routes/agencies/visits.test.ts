import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, visits } from "../../../db/schema.ts";
import {
  at,
  counterId,
  day,
  dutyAt,
  integrationKey,
  sendVisits,
  visitResults,
  visitsPath,
  visitTotals,
} from "../../../tests/visit-fixture.ts";
import { AGENCY_PATH, OFFICER_NIPS, OTHER_AGENCY, STORES, testApp } from "../../test-app.ts";

describe.each(STORES)("visits (%s store)", (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: string;
  let key: string;
  const send = (token: string, list: Record<string, unknown>[]) => sendVisits(t, token, list);
  const results = visitResults;
  const duty = (code: string, nip: string, from: string, to: string | null) => dutyAt(t, code, nip, from, to);
  const totals = () => visitTotals(t);

  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
    key = await integrationKey(t, admin);
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
    // Shown to the agency's readers, the latest first, with why; never to an officer.
    const flagged = await t.call("GET", `${AGENCY_PATH}/flagged/visits?period=${day.slice(0, 7)}`, { token: admin });
    const listed = (await flagged.json()).visits as { id: string; flags: string[]; counter: string }[];
    expect(listed.map((v) => [v.id, v.flags])).toEqual([
      ["F4", ["outside_hours"]],
      ["F1", ["finished_before_served"]],
      ["F2", ["out_of_order"]],
      ["F3", ["longer_than_day"]],
    ]);
    expect(listed[0].counter).toBe("Loket 1");
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    expect((await t.call("GET", `${AGENCY_PATH}/flagged/visits`, { token: officer })).status).toBe(403);
  });

  it("refuses per visit what it cannot place, storing none of those", async () => {
    const sent = await results(
      await send(key, [
        { id: "R1", service: "paspor", counter: "loket-1", servedAt: at("10:00") },
        { id: "R2", service: "ktp-el", counter: "loket-9", servedAt: at("10:00") },
        { id: "R3", service: "ktp-el", counter: "loket-1", servedAt: at("10:00"), officer: "199901012020011999" },
        { id: "R4", service: "ktp-el", servedAt: new Date(Date.now() + 3_600_000).toISOString() },
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
    expect(fromTablet).toMatchObject({ source: "device", counterId: await counterId(t, "loket-2") });

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
    // Bounded before it is parsed: a megabyte is several full batches.
    const huge = await t.call("POST", visitsPath, { token: key, body: { visits: many, pad: "x".repeat(1024 * 1024) } });
    expect([huge.status, (await huge.json()).error.code]).toEqual([413, "payload_too_large"]);
    expect(await t.db.select().from(visits)).toEqual([]);
    expect((await results(await send(key, many.slice(0, 500)))).every((r) => r.status === "accepted")).toBe(true);
  });
});
