/**
 * Citizens' reasons and possible levies (GET /agencies/{slug}/report/reasons, and the comments'
 * reason filter): counts equal a hand count over a seeded set, under the report's rules (only
 * counted ratings; a self-issued ticket's rating counts for the unit, never its officer), and only
 * the agency's admins and supervisors (and its region's admin) may read them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import {
  AGENCY,
  OFFICER_NIPS,
  ORIGIN,
  OTHER_ADMIN_EMAIL,
  rating,
  STORES,
  type TestApp,
  testApp,
} from "../../test-app.ts";

const YEAR = new Date().getUTCFullYear();
const PERIOD = `from=${YEAR}-01-01&to=2099-12-31`;
const REASONS_PATH = `/api/v1/agencies/${AGENCY}/report/reasons?${PERIOD}`;
const COMMENTS_PATH = `/api/v1/agencies/${AGENCY}/comments?${PERIOD}`;
const LEVY_COMMENT = "Diminta uang Rp50.000 untuk percepatan";
const ZERO = { antrian: 0, petugas: 0, persyaratan: 0, biaya: 0, "belum-selesai": 0, sarana: 0, lainnya: 0 };

describe.each(STORES)("reasons and possible levies, ratings stored through the %s", (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
  });

  /** Kiosk ratings at a counter, one a minute from now (so none is a rapid repeat). */
  const atCounter = async (device: string, items: Record<string, unknown>[]) => {
    const start = Date.now() + 1_000;
    const sent = items.map((fields, i) =>
      rating({ channel: "kiosk", createdAt: new Date(start + i * 60_000).toISOString(), ...fields }),
    );
    const res = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: sent } });
    expect((await res.json()).results.map((r: { status: string }) => r.status)).toEqual(sent.map(() => "accepted"));
    return sent.map((r) => r.id);
  };

  /** The seeded set, whose counts the tests below hold to a hand count. */
  async function seed() {
    const loket1 = await t.staffAllDay("loket-1", OFFICER_NIPS[0], admin);
    await atCounter(loket1, [
      { overall: 1, reasons: ["antrian", "biaya"] },
      { overall: 2, reasons: ["antrian"], comment: "Antrian lama sekali" },
      // A code sent twice counts once; the comment makes it a levy too.
      { overall: 2, reasons: ["petugas", "petugas"], comment: LEVY_COMMENT },
      { overall: 4, comment: "Gratis, tidak dipungut biaya" },
      { overall: 1, reasons: ["lainnya", "kode-asing"] },
    ]);
    const loket4 = await t.staffAllDay("loket-4", OFFICER_NIPS[1], admin);
    const [, , excluded] = await atCounter(loket4, [
      { overall: 2, reasons: ["biaya"] },
      { overall: 2, reasons: ["antrian"] },
      { overall: 1, reasons: ["persyaratan"] },
    ]);
    const out = await t.call("POST", `/api/v1/agencies/${AGENCY}/ratings/${excluded}/exclude`, { token: admin });
    expect(out.status).toBe(200);
    const widget = await t.call("POST", "/api/v1/ratings", {
      headers: { origin: ORIGIN },
      body: {
        ratings: [
          rating({ service: "kartu-keluarga", overall: 2, reasons: ["sarana"], comment: "Ruang tunggu panas" }),
          rating({ service: "kartu-keluarga", overall: 3, comment: "Petugas minta 50rb biar cepat" }),
        ],
      },
    });
    expect(widget.status).toBe(200);
    // A ticket the officer of loket-1 made for themself: the unit counts it, the officer does not.
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const ticket = await t.call("POST", "/api/v1/tickets", { token: officer, body: { service: "ktp-el" } });
    const qr = await t.call("POST", "/api/v1/ratings", {
      headers: { "x-test-ip": "198.51.100.7" },
      body: {
        ratings: [rating({ channel: "qr", ticket: (await ticket.json()).ticket, overall: 1, reasons: ["biaya"] })],
      },
    });
    expect((await qr.json()).results[0].status).toBe("accepted");
    // Last year: outside the period.
    await t.storeAt([rating({ reasons: ["antrian"], overall: 1, createdAt: `${YEAR - 1}-03-10T03:00:00Z` })]);
  }

  it("counts each reason over the counted ratings, overall and by service, counter and officer, as a hand count", async () => {
    await seed();
    const res = await t.call("GET", REASONS_PATH, { token: admin });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.timezone).toBe("Asia/Jakarta");
    // Counted ratings with a reason: 4 at loket-1, 2 at loket-4 (the third excluded), 1 widget, 1 self-issued ticket.
    expect(body.total).toEqual({
      ratings: 8,
      counts: { ...ZERO, antrian: 3, biaya: 3, petugas: 1, lainnya: 1, sarana: 1 },
      unlisted: 1,
      levies: 5,
    });
    const row = (list: { name: string }[], name: string) => list.find((r) => r.name === name);
    expect(row(body.byService, "KTP Elektronik")).toMatchObject({
      service: "ktp-el",
      ratings: 7,
      counts: { ...ZERO, antrian: 3, biaya: 3, petugas: 1, lainnya: 1 },
      levies: 4,
    });
    expect(row(body.byService, "Kartu Keluarga")).toMatchObject({
      ratings: 1,
      counts: { ...ZERO, sarana: 1 },
      levies: 1,
    });
    expect(body.byCounter.map((c: { counter: string }) => c.counter)).toEqual(["loket-1", "loket-4"]);
    expect(body.byCounter[0]).toMatchObject({
      ratings: 4,
      counts: { ...ZERO, antrian: 2, biaya: 1, petugas: 1, lainnya: 1 },
      unlisted: 1,
      levies: 2,
    });
    expect(body.byCounter[1]).toMatchObject({ ratings: 2, counts: { ...ZERO, antrian: 1, biaya: 1 }, levies: 1 });
    const [first, second] = [await t.officerId(OFFICER_NIPS[0]), await t.officerId(OFFICER_NIPS[1])];
    const officer = (id: string) => body.byOfficer.find((o: { officer: string }) => o.officer === id);
    // The self-issued ticket's "Diminta biaya" is not the officer's: loket-1's four only.
    expect(officer(first)).toMatchObject({
      ratings: 4,
      counts: { ...ZERO, antrian: 2, biaya: 1, petugas: 1, lainnya: 1 },
    });
    expect(officer(second)).toMatchObject({ ratings: 2, counts: { ...ZERO, antrian: 1, biaya: 1 }, levies: 1 });
    expect(body.byOfficer).toHaveLength(2);
    // The list names the officer on every levy, the self-issued one included, newest first.
    expect(body.levies).toHaveLength(5);
    const times = body.levies.map((l: { createdAt: string }) => Date.parse(l.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.levies).toContainEqual(
      expect.objectContaining({
        comment: LEVY_COMMENT,
        counter: "Loket 1",
        service: "KTP Elektronik",
        reasons: ["petugas"],
      }),
    );
    expect(body.levies.filter((l: { comment: string | null }) => l.comment === "Gratis, tidak dipungut biaya")).toEqual(
      [],
    );
    const selfIssued = body.levies.find(
      (l: { counter: string | null; reasons: string[] }) => !l.counter && l.reasons.includes("biaya"),
    );
    expect(selfIssued?.officer).toBeTruthy();
  });

  it("filters comments by a reason and by possible levy, each comment with its reasons", async () => {
    await seed();
    const comments = async (query: string) => {
      const res = await t.call("GET", `${COMMENTS_PATH}&${query}`, { token: admin });
      expect(res.status).toBe(200);
      return (await res.json()).comments as { comment: string; reasons: string[] | null; possibleLevy: boolean }[];
    };
    expect((await comments("reason=antrian")).map((c) => c.comment)).toEqual(["Antrian lama sekali"]);
    expect((await comments("reason=sarana"))[0]).toMatchObject({ reasons: ["sarana"], possibleLevy: false });
    const levies = await comments("reason=possible-levy");
    expect(levies.map((c) => c.comment).sort()).toEqual([LEVY_COMMENT, "Petugas minta 50rb biar cepat"].sort());
    expect(levies.every((c) => c.possibleLevy)).toBe(true);
    expect(await comments("reason=possible-levy&page=2")).toEqual([]);
    const all = await comments("face=4");
    expect(all).toEqual([expect.objectContaining({ comment: "Gratis, tidak dipungut biaya", possibleLevy: false })]);
  });
});

describe("who may read the reasons and possible levies", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp();
  });

  it("lets the agency's admin and supervisor and its region's admin read them", async () => {
    for (const email of [undefined, DEMO_SUPERVISOR_EMAIL, DEMO_REGIONAL_EMAIL]) {
      const token = await t.login(email ? { email } : undefined);
      expect((await t.call("GET", REASONS_PATH, { token })).status).toBe(200);
    }
  });

  it("refuses an officer, another agency's admin and nobody", async () => {
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    expect((await t.call("GET", REASONS_PATH, { token: officer })).status).toBe(403);
    const other = await t.login({ email: OTHER_ADMIN_EMAIL });
    const refused = await t.call("GET", REASONS_PATH, { token: other });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect((await t.call("GET", REASONS_PATH)).status).toBe(401);
  });

  it("answers bad input with a 4xx JSON error", async () => {
    const token = await t.login();
    for (const path of [
      `/api/v1/agencies/${AGENCY}/report/reasons?period=2026-13`,
      `/api/v1/agencies/${AGENCY}/report/reasons?from=2026-12-01&to=2026-11-01`,
      `/api/v1/agencies/${AGENCY}/comments?reason=bribes`,
      `/api/v1/agencies/${AGENCY}/comments?reason=${"x".repeat(300)}`,
    ]) {
      const res = await t.call("GET", path, { token });
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code, path).toBeTruthy();
    }
    expect((await t.call("GET", "/api/v1/agencies/no-such-agency/report/reasons", { token })).status).toBe(404);
  });
});
