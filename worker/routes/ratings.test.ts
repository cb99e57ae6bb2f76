import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rebuildRollups } from "../../db/queries/rollups.ts";
import { agencies, devices, ratingRollups, ratings } from "../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, ORIGIN, PIN, rating, STORES, testApp } from "../test-app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;

const widget = { headers: { origin: ORIGIN } };
const post = (body: unknown, options: { token?: string; headers?: Record<string, string> } = widget) =>
  t.call("POST", "/api/v1/ratings", { body, ...options });
const stored = async () => (await t.db.select({ n: count() }).from(ratings))[0].n;
/** Every counted rating in the rollups (face-only taps included). */
const counted = async () =>
  (await t.db.select({ n: ratingRollups.ratings }).from(ratingRollups)).reduce((a, r) => a + r.n, 0);
/** The status and error code of each result of a 200 answer. */
const outcomes = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()).results as { status: string; error?: { code: string } }[]).map(
    (r) => r.error?.code ?? r.status,
  );
};

describe.each(STORES)("ratings stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
  });

  describe("POST /api/v1/ratings", () => {
    it("stores a batch once: resending the same ids answers duplicate and adds no row", async () => {
      const batch = { ratings: [rating(), rating({ overall: 2 }), rating({ overall: 3 })] };
      const first = await post(batch);
      expect(first.status).toBe(200);
      expect((await first.json()).results.map((r: { status: string }) => r.status)).toEqual([
        "accepted",
        "accepted",
        "accepted",
      ]);
      const second = await post(batch);
      expect((await second.json()).results.map((r: { status: string }) => r.status)).toEqual([
        "duplicate",
        "duplicate",
        "duplicate",
      ]);
      expect(await stored()).toBe(3);
      expect(await counted()).toBe(3);
    });

    it("counts an id repeated inside one batch once", async () => {
      const one = rating();
      const res = await post({ ratings: [one, one] });
      expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(["accepted", "duplicate"]);
      expect(await stored()).toBe(1);
    });

    it("masks personal data in comments before storing them", async () => {
      await post({ ratings: [rating({ comment: "NIK saya 1271012345670001, WA 081234567890" })] });
      const [row] = await t.db.select({ comment: ratings.comment }).from(ratings);
      expect(row.comment).toBe("NIK saya [NIK], WA [nomor telepon]");
    });
  });

  describe("kiosk attribution", () => {
    const at = (iso: string) => new Date(iso).toISOString();

    it("goes to the officer whose duty covered the tap, even when synced after the duty ended", async () => {
      const device = await t.pairDevice("loket-1");
      const nip = OFFICER_NIPS[1];
      const checkIn = await t.call("POST", "/api/v1/counters/loket-1/duty", { token: device, body: { nip, pin: PIN } });
      expect(checkIn.status).toBe(200);
      const during = rating({ channel: "kiosk", createdAt: at(new Date().toISOString()) });
      await new Promise((r) => setTimeout(r, 20));
      const checkOut = await t.call("DELETE", "/api/v1/counters/loket-1/duty", { token: device, body: { pin: PIN } });
      expect(checkOut.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      const after = rating({ channel: "kiosk", createdAt: new Date(Date.now() + 1).toISOString() });

      // Both sync only now, after the duty ended.
      const res = await post({ ratings: [during, after] }, { token: device });
      expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted"]);
      const rows = await t.db.select({ id: ratings.id, officerId: ratings.officerId }).from(ratings);
      const officer = await t.officerId(nip);
      expect(rows.find((r) => r.id === during.id)?.officerId).toBe(officer);
      expect(rows.find((r) => r.id === after.id)?.officerId).toBeNull();
    });

    it("flags taps on one device faster than a person can be served, and leaves them out of scores", async () => {
      const device = await t.pairDevice("loket-2");
      const now = Date.now();
      const taps = [0, 2_000, 60_000].map((ms) =>
        rating({ channel: "kiosk", createdAt: new Date(now - 120_000 + ms).toISOString() }),
      );
      await post({ ratings: taps }, { token: device });
      const rows = await t.db.select({ id: ratings.id, flags: ratings.flags, counted: ratings.counted }).from(ratings);
      const byId = (id: string) => rows.find((r) => r.id === id)!;
      expect(byId(taps[0].id)).toMatchObject({ flags: expect.not.arrayContaining(["rapid_repeat"]), counted: true });
      expect(byId(taps[1].id)).toMatchObject({ flags: expect.arrayContaining(["rapid_repeat"]), counted: false });
      expect(byId(taps[2].id).counted).toBe(true);
      expect(await stored()).toBe(3);
      expect(await counted()).toBe(2);
    });

    it("refuses kiosk ratings without a device token, per item, with 200 (a queue would retry a 4xx forever)", async () => {
      const res = await post({ ratings: [rating({ channel: "kiosk" })] }, {});
      expect(await outcomes(res)).toEqual(["device_required"]);
    });

    it("refuses a revoked device's token", async () => {
      const admin = await t.login();
      const device = await t.pairDevice("loket-3", admin);
      // Used once, so the token sits in the device cache when it is revoked.
      expect((await t.call("GET", "/api/v1/counters/loket-3/duty", { token: device })).status).toBe(200);
      const list = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/devices`, { token: admin })).json();
      await t.call("DELETE", `/api/v1/agencies/${AGENCY}/devices/${list.devices[0].id}`, { token: admin });
      const res = await post({ ratings: [rating({ channel: "kiosk" })] }, { token: device });
      expect(res.status).toBe(401);
      expect(await stored()).toBe(0);
    });
  });

  describe("widget and QR channels", () => {
    it("accepts widget ratings only from the agency's registered origins", async () => {
      const res = await post({ ratings: [rating()] }, { headers: { origin: "https://evil.example" } });
      expect(await outcomes(res)).toEqual(["origin_not_allowed"]);
      expect(await stored()).toBe(0);
    });

    it("answers a CORS preflight only for registered origins", async () => {
      const preflight = (origin: string) =>
        t.app.request("/api/v1/ratings", {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "POST" },
        });
      expect((await preflight(ORIGIN)).headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
      // The POST itself: readable by the registered page only, and never cached across origins.
      const from = async (origin: string) => (await post({ ratings: [rating()] }, { headers: { origin } })).headers;
      expect((await from(ORIGIN)).get("access-control-allow-origin")).toBe(ORIGIN);
      expect((await from(ORIGIN)).get("vary")).toMatch(/origin/i);
      expect((await from("https://evil.example")).get("access-control-allow-origin")).toBeNull();
    });

    it("attributes a QR rating to the ticket's officer, once", async () => {
      const officerToken = await t.login({ nip: OFFICER_NIPS[2] });
      const issued = await t.call("POST", "/api/v1/tickets", {
        token: officerToken,
        body: { service: "kartu-keluarga" },
      });
      const { ticket, url } = await issued.json();
      expect(url).toMatch(/\/r\/t_/);
      const described = await (await t.call("GET", `/api/v1/tickets/${ticket}`)).json();
      expect(described).toMatchObject({ status: "open", service: { slug: "kartu-keluarga" } });

      const first = rating({ channel: "qr", service: "kartu-keluarga", ticket });
      expect((await post({ ratings: [first] }, {})).status).toBe(200);
      const [row] = await t.db.select().from(ratings).where(eq(ratings.id, first.id));
      expect(row.officerId).toBe(await t.officerId(OFFICER_NIPS[2]));

      const again = await post({ ratings: [rating({ channel: "qr", service: "kartu-keluarga", ticket })] }, {});
      expect(await outcomes(again)).toEqual(["ticket_used"]);
      expect((await (await t.call("GET", `/api/v1/tickets/${ticket}`)).json()).status).toBe("used");
      // Resending the first rating is still a harmless duplicate.
      expect((await (await post({ ratings: [first] }, {})).json()).results[0].status).toBe("duplicate");
    });

    it("cannot name an officer without a ticket", async () => {
      const res = await post({ ratings: [rating({ officer: "off_anyone" })] });
      expect(res.status).toBe(400);
      expect(await stored()).toBe(0);
    });

    it("keeps nothing a bot leaves in the honeypot, yet answers as if it did", async () => {
      const res = await post({ ratings: [rating({ honeypot: "http://spam.example" })] });
      expect((await res.json()).results[0].status).toBe("accepted");
      expect(await stored()).toBe(0);
    });
  });

  describe("bad input gets a 4xx with the error shape and changes nothing", () => {
    const huge = "x".repeat(1001);
    const cases: [string, () => unknown, number, string][] = [
      ["malformed JSON", () => '{"ratings": [', 400, "malformed_json"],
      ["a body that is not an object", () => "[1,2,3]", 400, "invalid_request"],
      ["no ratings", () => ({ ratings: [] }), 400, "invalid_request"],
      ["an unknown top-level field", () => ({ ratings: [rating()], extra: 1 }), 400, "invalid_request"],
      ["an unknown rating field", () => ({ ratings: [rating({ nik: "1271012345670001" })] }), 400, "invalid_request"],
      ["an answer out of range", () => ({ ratings: [rating({ answers: { waktu: 5 } })] }), 400, "invalid_request"],
      ["a face of 0", () => ({ ratings: [rating({ overall: 0 })] }), 400, "invalid_request"],
      ["an unknown element", () => ({ ratings: [rating({ answers: { kecepatan: 3 } })] }), 400, "invalid_request"],
      [
        "a rating with neither face nor answers",
        () => ({ ratings: [rating({ overall: undefined })] }),
        400,
        "invalid_request",
      ],
      [
        "a browser's batch of 501",
        () => ({ ratings: Array.from({ length: 501 }, () => rating()) }),
        413,
        "payload_too_large",
      ],
      ["a huge comment", () => ({ ratings: [rating({ comment: huge })] }), 400, "invalid_request"],
      ["a non-UUID id", () => ({ ratings: [rating({ id: "abc" })] }), 400, "invalid_request"],
      ["a date that is not a date", () => ({ ratings: [rating({ createdAt: "yesterday" })] }), 400, "invalid_request"],
      [
        "more ratings than a caller without a device token may send",
        () => ({ ratings: Array.from({ length: 6 }, () => rating()) }),
        400,
        "too_many_ratings",
      ],
    ];

    it.each(cases)("%s", async (_name, body, status, code) => {
      const kept = rating();
      await post({ ratings: [kept] });
      const before = await stored();
      const res = await post(body());
      expect(res.status).toBe(status);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      expect(typeof json.error.message).toBe("string");
      expect(await stored()).toBe(before);
      expect(await counted()).toBe(before);
    });

    it("answers 200 with a status per item even when every item is rejected", async () => {
      const res = await post({ ratings: [rating({ agency: "no-such-agency" }), rating({ service: "paspor" })] });
      expect(await outcomes(res)).toEqual(["unknown_agency", "unknown_service"]);
      expect(await stored()).toBe(0);
    });

    it("refuses a body over 2 MB from a device, and over 32 KB from anyone else, with 413", async () => {
      const device = await t.pairDevice("loket-1");
      const big = await post(`{"ratings":[${'"x",'.repeat(600_000)}"x"]}`, { token: device });
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toBe("payload_too_large");
      const browser = await post(`{"ratings":[${'"x",'.repeat(10_000)}"x"]}`);
      expect(browser.status).toBe(413);
      const tooMany = await post(
        { ratings: Array.from({ length: 501 }, () => rating({ channel: "kiosk" })) },
        { token: device },
      );
      expect(tooMany.status).toBe(400);
      expect((await tooMany.json()).error.code).toBe("invalid_request");
    });

    it("accepts the good ratings of a mixed batch and says why the others were rejected", async () => {
      const good = rating();
      const res = await post({ ratings: [good, rating({ service: "paspor" })] });
      expect(res.status).toBe(200);
      const { results } = await res.json();
      expect(results[0]).toEqual({ id: good.id, status: "accepted" });
      expect(results[1]).toMatchObject({ status: "rejected", error: { code: "unknown_service" } });
      expect(await stored()).toBe(1);
    });
  });

  describe("ratings nobody can stuff or backdate", () => {
    const day = 86_400_000;

    it("holds a forged-Origin flood from one IP to that IP's hourly quota per agency", async () => {
      const flood = { origin: ORIGIN, "x-test-ip": "203.0.113.9" };
      const answers = [];
      // 100 requests of 5: the 500 ratings a single request used to carry.
      for (let i = 0; i < 100; i++) {
        answers.push(
          await post({ ratings: Array.from({ length: 5 }, () => rating({ overall: 1 })) }, { headers: flood }),
        );
      }
      expect(answers.filter((r) => r.status === 200)).toHaveLength(6);
      const limited = answers.find((r) => r.status === 429)!;
      expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await limited.json()).error.code).toBe("rate_limited");
      expect(await stored()).toBe(30);
      // Another address (another office) still gets through.
      const other = await post({ ratings: [rating()] }, { headers: { origin: ORIGIN, "x-test-ip": "198.51.100.7" } });
      expect(await outcomes(other)).toEqual(["accepted"]);
    });

    it("times widget ratings by the server: a rating dated 2021 or next year lands today", async () => {
      const old = rating({ createdAt: "2021-03-01T02:00:00Z" });
      const future = rating({ createdAt: new Date(Date.now() + 400 * day).toISOString() });
      const close = rating({ createdAt: new Date(Date.now() - 60_000).toISOString() });
      expect(await outcomes(await post({ ratings: [old, future, close] }))).toEqual([
        "accepted",
        "accepted",
        "accepted",
      ]);
      const rows = await t.db.select({ id: ratings.id, createdAt: ratings.createdAt }).from(ratings);
      for (const row of rows) expect(Math.abs(row.createdAt - Date.now())).toBeLessThan(5 * 60_000);
      // Within a few minutes of the server clock, the client's time stands.
      expect(rows.find((r) => r.id === close.id)?.createdAt).toBe(Date.parse(close.createdAt));
    });

    it("times ticket ratings by the server", async () => {
      const officer = await t.login({ nip: OFFICER_NIPS[2] });
      const { ticket } = await (
        await t.call("POST", "/api/v1/tickets", { token: officer, body: { service: "ktp-el" } })
      ).json();
      const backdated = rating({ channel: "qr", ticket, createdAt: "2021-03-01T02:00:00Z" });
      expect(await outcomes(await post({ ratings: [backdated] }, {}))).toEqual(["accepted"]);
      const [row] = await t.db.select({ day: ratings.day, createdAt: ratings.createdAt }).from(ratings);
      expect(row.day).not.toMatch(/^2021/);
      expect(Math.abs(row.createdAt - Date.now())).toBeLessThan(5 * 60_000);
    });

    it("keeps a device's offline taps within 30 days of pairing, and refuses older or earlier ones", async () => {
      const device = await t.pairDevice("loket-1");
      // The tablet was paired 40 days ago and has been offline since.
      await t.db.update(devices).set({ pairedAt: Date.now() - 40 * day });
      const at = (ms: number) => new Date(Date.now() - ms).toISOString();
      const taps = [
        rating({ channel: "kiosk", createdAt: at(29 * day) }),
        rating({ channel: "kiosk", createdAt: at(31 * day) }),
        rating({ channel: "kiosk", createdAt: at(41 * day) }),
      ];
      expect(await outcomes(await post({ ratings: taps }, { token: device }))).toEqual([
        "accepted",
        "too_old",
        "before_pairing",
      ]);
      const [row] = await t.db.select({ createdAt: ratings.createdAt }).from(ratings);
      expect(row.createdAt).toBe(Date.parse(taps[0].createdAt));
    });

    it("refuses a device's tap dated before its pairing", async () => {
      const device = await t.pairDevice("loket-1");
      const before = rating({ channel: "kiosk", createdAt: new Date(Date.now() - 3_600_000).toISOString() });
      expect(await outcomes(await post({ ratings: [before] }, { token: device }))).toEqual(["before_pairing"]);
      expect(await stored()).toBe(0);
    });

    it("re-times a device's tap from the future to the server clock and flags it", async () => {
      const device = await t.pairDevice("loket-1");
      const ahead = rating({ channel: "kiosk", createdAt: new Date(Date.now() + 365 * day).toISOString() });
      const slightly = rating({ channel: "kiosk", createdAt: new Date(Date.now() + 60_000).toISOString() });
      expect(await outcomes(await post({ ratings: [ahead, slightly] }, { token: device }))).toEqual([
        "accepted",
        "accepted",
      ]);
      const rows = await t.db.select().from(ratings);
      const aheadRow = rows.find((r) => r.id === ahead.id)!;
      expect(aheadRow.flags).toContain("clock_skew");
      expect(Math.abs(aheadRow.createdAt - Date.now())).toBeLessThan(60_000);
      expect(rows.find((r) => r.id === slightly.id)?.flags).not.toContain("clock_skew");
    });
  });

  describe("revocation", () => {
    it("refuses a revoked device at once, even when a request looks it up while the revocation commits", async () => {
      const admin = await t.login();
      const device = await t.pairDevice("loket-3", admin);
      const list = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/devices`, { token: admin })).json();
      const duty = () => t.call("GET", "/api/v1/counters/loket-3/duty", { token: device });
      // Another writer holds the lock, so the revocation waits to commit while the tablet keeps calling.
      const release = await t.holdWriteLock();
      const revoking = t.call("DELETE", `/api/v1/agencies/${AGENCY}/devices/${list.devices[0].id}`, { token: admin });
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect((await duty()).status).toBe(200);
      await release();
      expect((await revoking).status).toBe(200);
      expect((await duty()).status).toBe(401);
    });
  });

  describe("completing a widget or QR rating by its id", () => {
    const ALL = {
      persyaratan: 4,
      prosedur: 3,
      waktu: 3,
      biaya: 4,
      produk: 3,
      kompetensi: 4,
      perilaku: 4,
      pengaduan: 3,
      sarana: 3,
    };
    const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const report = async () => {
      const admin = await t.login();
      const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/report?from=${today()}&to=${today()}`, {
        token: admin,
      });
      return res.json();
    };
    const rollupRows = () => t.db.select().from(ratingRollups).orderBy(ratingRollups.day);

    it("adds the survey, reasons, comment and profile to the same respondent, once, and the rollups follow", async () => {
      const before = await report();
      const face = rating({ overall: 2 });
      expect(await outcomes(await post({ ratings: [face] }))).toEqual(["accepted"]);
      expect((await report()).taps).toBe(before.taps + 1);
      const full = {
        ...face,
        answers: ALL,
        reasons: ["antrian"],
        comment: "Lama sekali. Hubungi 0812-3456-7890",
        respondent: { gender: "P" },
      };
      expect(await outcomes(await post({ ratings: [full] }))).toEqual(["completed"]);
      const after = await report();
      // One citizen: the face-only tap became an SKM respondent, not a second one.
      expect(after.taps).toBe(before.taps);
      expect(after.respondents).toBe(before.respondents + 1);
      expect(after.elements.persyaratan.n).toBe(before.elements.persyaratan.n + 1);
      const [row] = await t.db.select().from(ratings).where(eq(ratings.id, face.id));
      expect(row).toMatchObject({ overall: 2, kompetensi: 4, reasons: ["antrian"], respondent: { gender: "P" } });
      expect(row.comment).not.toContain("3456");
      // Once: a second completion changes nothing.
      expect(await outcomes(await post({ ratings: [{ ...full, answers: { ...ALL, waktu: 1 } }] }))).toEqual([
        "duplicate",
      ]);
      expect((await t.db.select().from(ratings).where(eq(ratings.id, face.id)))[0].waktu).toBe(3);
      expect(await report()).toEqual(after);
      // The rollups equal a recount from the ratings table.
      const kept = await rollupRows();
      const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
      await rebuildRollups(t.db, agency.id);
      expect(await rollupRows()).toEqual(kept);
    });

    it("refuses to change a rating from elsewhere, with another face, too late, or from a tablet", async () => {
      const face = rating({ overall: 3 });
      await post({ ratings: [face] });
      const more = { ...face, comment: "Bagus" };
      const other = { headers: { origin: "https://evil.example" } };
      expect(await outcomes(await post({ ratings: [more] }, other))).toEqual(["duplicate"]);
      expect(await outcomes(await post({ ratings: [{ ...more, overall: 1 }] }))).toEqual(["duplicate"]);
      expect(await outcomes(await post({ ratings: [{ ...more, service: "kartu-keluarga" }] }))).toEqual(["duplicate"]);
      await t.db
        .update(ratings)
        .set({ receivedAt: Date.now() - 3 * 3_600_000 })
        .where(eq(ratings.id, face.id));
      expect(await outcomes(await post({ ratings: [more] }))).toEqual(["duplicate"]);
      expect((await t.db.select().from(ratings).where(eq(ratings.id, face.id)))[0].comment).toBeNull();

      const token = await t.pairDevice("loket-1");
      const tap = rating({ channel: "kiosk" });
      await post({ ratings: [tap] }, { token });
      expect(await outcomes(await post({ ratings: [{ ...tap, comment: "Bagus" }] }, { token }))).toEqual(["duplicate"]);
    });

    it("gives a completion's place in the hourly quota back", async () => {
      const t2 = await testApp({ settings: { widgetQuota: 2 } });
      const send = (body: unknown) =>
        t2.call("POST", "/api/v1/ratings", { body, headers: { origin: ORIGIN, "x-test-ip": "10.0.0.9" } });
      const face = rating();
      expect((await send({ ratings: [face] })).status).toBe(200);
      expect(await outcomes(await send({ ratings: [{ ...face, comment: "Cepat" }] }))).toEqual(["completed"]);
      expect(await outcomes(await send({ ratings: [rating()] }))).toEqual(["accepted"]);
      expect((await send({ ratings: [rating()] })).status).toBe(429);
    });
  });
});

describe("GET /api/v1/agencies/:slug/form", () => {
  beforeEach(async () => {
    t = await testApp();
  });

  it("tells an embedding page whether its origin may send ratings, before anyone taps", async () => {
    const form = async (headers: Record<string, string>) =>
      (await t.call("GET", `/api/v1/agencies/${AGENCY}/form`, { headers })).json();
    expect((await form({ origin: ORIGIN })).originAllowed).toBe(true);
    expect((await form({ origin: "https://evil.example" })).originAllowed).toBe(false);
    expect((await form({})).originAllowed).toBeNull();
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/form`, { headers: { origin: ORIGIN } });
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe.each(STORES)("service hours through the %s", (store) => {
  it("flag a tap outside hours that run across midnight, and none inside them or in a day's last minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const t = await testApp({ store });
      const admin = await t.login();
      const counterId = async (code: string) =>
        (await (await t.call("GET", `/api/v1/agencies/${AGENCY}/counters`, { token: admin })).json()).counters.find(
          (c: { code: string }) => c.code === code,
        ).id;
      const hours = async (code: string, opensAt: string, closesAt: string) => {
        const res = await t.call("PATCH", `/api/v1/agencies/${AGENCY}/counters/${await counterId(code)}`, {
          token: admin,
          body: { opensAt, closesAt },
        });
        expect(res.status).toBe(200);
      };
      // 2026-11-16 16:00 UTC is 23:00 in Tebing Tinggi (WIB).
      vi.setSystemTime(new Date("2026-11-16T16:00:00Z"));
      await hours("loket-1", "22:00", "06:00");
      await hours("loket-2", "08:00", "00:00");
      const night = await t.pairDevice("loket-1");
      const late = await t.pairDevice("loket-2");
      const tap = async (device: string, at: string) => {
        vi.setSystemTime(new Date(at));
        const made = rating({ channel: "kiosk", createdAt: at });
        const res = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: [made] } });
        expect((await res.json()).results[0].status).toBe("accepted");
        const [row] = await t.db.select({ flags: ratings.flags }).from(ratings).where(eq(ratings.id, made.id));
        return row.flags;
      };
      expect(await tap(night, "2026-11-16T16:30:00Z")).toEqual([]); // 23:30
      expect(await tap(night, "2026-11-16T22:30:00Z")).toEqual([]); // 05:30 the next day
      expect(await tap(night, "2026-11-17T05:00:00Z")).toEqual(["outside_hours"]); // 12:00
      expect(await tap(late, "2026-11-17T16:59:30Z")).toEqual([]); // 23:59:30, the day's last minute
      expect(await tap(late, "2026-11-17T17:30:00Z")).toEqual(["outside_hours"]); // 00:30
    } finally {
      vi.useRealTimers();
    }
  });
});
