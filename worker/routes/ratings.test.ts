import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ratingRollups, ratings } from "../../db/schema.ts";
import { AGENCY, OFFICER_NIPS, ORIGIN, PIN, rating, testApp } from "../test-app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const widget = { headers: { origin: ORIGIN } };
const post = (body: unknown, options: { token?: string; headers?: Record<string, string> } = widget) =>
  t.call("POST", "/api/v1/ratings", { body, ...options });
const stored = async () => (await t.db.select({ n: count() }).from(ratings))[0].n;
const respondents = async () =>
  (await t.db.select({ n: ratingRollups.respondents }).from(ratingRollups)).reduce((a, r) => a + r.n, 0);

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
    expect(await respondents()).toBe(3);
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
    const checkOut = await t.call("DELETE", "/api/v1/counters/loket-1/duty", { token: device });
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
    expect(await respondents()).toBe(2);
  });

  it("refuses kiosk ratings without a device token", async () => {
    const res = await post({ ratings: [rating({ channel: "kiosk" })] }, {});
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("device_required");
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
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("origin_not_allowed");
    expect(await stored()).toBe(0);
  });

  it("accepts widget ratings from Suara's own pages (the demo page) for any agency", async () => {
    const res = await post({ ratings: [rating()] }, { headers: { origin: "http://localhost" } });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it("answers a CORS preflight only for registered origins", async () => {
    const preflight = (origin: string) =>
      t.app.request("/api/v1/ratings", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
    expect((await preflight(ORIGIN)).headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
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
    expect(again.status).toBe(422);
    expect((await again.json()).error.code).toBe("ticket_used");
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
    ["a batch of 501", () => ({ ratings: Array.from({ length: 501 }, () => rating()) }), 400, "invalid_request"],
    ["a huge comment", () => ({ ratings: [rating({ comment: huge })] }), 400, "invalid_request"],
    ["a non-UUID id", () => ({ ratings: [rating({ id: "abc" })] }), 400, "invalid_request"],
    ["a date that is not a date", () => ({ ratings: [rating({ createdAt: "yesterday" })] }), 400, "invalid_request"],
    ["an unknown agency", () => ({ ratings: [rating({ agency: "no-such-agency" })] }), 422, "unknown_agency"],
    ["an unknown service", () => ({ ratings: [rating({ service: "paspor" })] }), 422, "unknown_service"],
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
    expect(await respondents()).toBe(before);
  });

  it("refuses a body over 2 MB with 413", async () => {
    const res = await post(`{"ratings":[${'"x",'.repeat(600_000)}"x"]}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
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
