import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { localDay } from "../../../core/period.ts";
import { ELEMENT_IDS } from "../../../core/questionnaire.ts";
import { DEMO_REGIONAL_EMAIL } from "../../../db/seed.ts";
import { AGENCY, OFFICER_NIPS, PIN, rating, testApp } from "../../test-app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const WORKED_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115];

/** 29 respondents whose element totals are the published worked example's. */
function workedExample(createdAt: string) {
  return Array.from({ length: 29 }, (_, person) =>
    rating({
      overall: undefined,
      createdAt,
      answers: Object.fromEntries(
        ELEMENT_IDS.map((id, i) => {
          const base = Math.floor(WORKED_TOTALS[i] / 29);
          const high = WORKED_TOTALS[i] - base * 29;
          return [id, person < high ? base + 1 : base];
        }),
      ),
    }),
  );
}

/** Stores ratings at their own createdAt (the server times widget ratings by its clock). */
const store = (ratings: Record<string, unknown>[]) => t.storeAt(ratings);

describe("GET /api/v1/agencies/:slug/report", () => {
  it("shows the worked example's IKM 91.48, mutu A, Sangat Baik, and 90.56 by the 0.11 method", async () => {
    await store(workedExample("2026-03-10T03:00:00Z"));
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-S1`, { token: await t.login() });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.respondents).toBe(29);
    expect(report.ikm).toMatchObject({ value: 91.48, mutu: "A", value011: 90.56 });
    expect(report.ikm.method).toMatch(/Σ NRR × 1\/9 × 25.*PermenPANRB 14\/2017/);
    expect(report.ikm.value011Method).toMatch(/for comparison only/);
    expect(report.ikm.kinerja).toBe("Sangat Baik");
    expect(report.elements.biaya).toEqual({ n: 29, nrr: 4, score: 100 });
    expect(report.elements.persyaratan.score).toBe(90.52);
    expect(report.elements.persyaratan.nrr).toBe(3.6207);
    expect(report.byService).toEqual([expect.objectContaining({ service: "ktp-el", respondents: 29 })]);
    expect(report.sampleSize).toMatchObject({ required: 384, respondents: 29, shortfall: 355 });
  });

  it("leaves the worked example out of a period it does not fall in, cut in the agency's timezone", async () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Tebing Tinggi (WIB): semester 2.
    await store(workedExample("2026-06-30T17:30:00Z"));
    const token = await t.login();
    const s1 = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-S1`, { token })).json();
    const s2 = await (await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-S2`, { token })).json();
    expect(s1.respondents).toBe(0);
    expect(s1.ikm).toBeNull();
    expect(s2.respondents).toBe(29);
  });

  it("averages elements answered by different numbers of respondents per element", async () => {
    const createdAt = "2026-02-02T02:00:00Z";
    const full = (value: number) => Object.fromEntries(ELEMENT_IDS.map((id) => [id, value]));
    await store([
      rating({ overall: undefined, createdAt, answers: full(4) }),
      rating({ overall: undefined, createdAt, answers: full(2) }),
      rating({ overall: undefined, createdAt, answers: { waktu: 1 } }),
    ]);
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-02`, { token: await t.login() })
    ).json();
    expect(report.elements.waktu).toEqual({ n: 3, nrr: 2.3333, score: 58.33 });
    expect(report.elements.persyaratan).toEqual({ n: 2, nrr: 3, score: 75 });
    // (8 × 3 + 7/3) / 9 × 25 = 73.15: each element over its own respondents, not over 3.
    expect(report.ikm.value).toBe(73.15);
    expect(report.ikm.mutu).toBe("C");
  });

  it("says which elements are missing instead of inventing an IKM", async () => {
    await store([rating({ createdAt: "2026-02-02T02:00:00Z", answers: { waktu: 3 } })]);
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-02`, { token: await t.login() })
    ).json();
    expect(report.ikm).toBeNull();
    expect(report.missingElements).toHaveLength(8);
    expect(report.quick).toEqual({ n: 1, index: 100, band: "A" });
  });

  it("reports each officer's indicator and the officer sees the same numbers on /me/score", async () => {
    // Two officers with different means, so the fair score's pull toward the unit mean shows.
    const serve = async (counter: string, nip: string, faces: (i: number) => number) => {
      const device = await t.pairDevice(counter);
      await t.call("POST", `/api/v1/counters/${counter}/duty`, { token: device, body: { nip, pin: PIN } });
      const start = Date.now() - 3_600_000;
      const taps = Array.from({ length: 6 }, (_, i) =>
        rating({
          channel: "kiosk",
          overall: faces(i),
          createdAt: new Date(start + i * 60_000 + 3_600_000).toISOString(),
        }),
      );
      const sync = await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: taps } });
      expect((await sync.json()).results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
    };
    await serve("loket-1", OFFICER_NIPS[0], (i) => (i < 3 ? 4 : 3));
    await serve("loket-2", OFFICER_NIPS[1], () => 2);
    // The trend's months are the agency's (WIB): from 17:00 UTC on a month's last day it is already the next.
    const month = localDay(Date.now(), "Asia/Jakarta").slice(0, 7);
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?from=2020-01-01&to=2099-12-31`, { token: await t.login() })
    ).json();
    const rowOf = async (nip: string) => {
      const id = await t.officerId(nip);
      return report.byOfficer.find((r: { officer: string }) => r.officer === id);
    };
    // Unit mean 2.75 (12 ratings credited to officers), k = 20: (6·3.5 + 20·2.75) / 26 × 25 and (6·2 + 20·2.75) / 26 × 25.
    expect(await rowOf(OFFICER_NIPS[0])).toMatchObject({ n: 6, index: 87.5, fair: 73.08, enough: false, band: null });
    expect(await rowOf(OFFICER_NIPS[1])).toMatchObject({ n: 6, index: 50, fair: 64.42, enough: false, band: null });
    const officer = await t.login({ nip: OFFICER_NIPS[0] });
    const mine = await (
      await t.call("GET", "/api/v1/me/score?from=2020-01-01&to=2099-12-31", { token: officer })
    ).json();
    expect(mine).toMatchObject({ n: 6, index: 87.5, enough: false, faces: [0, 0, 3, 3] });
    expect(mine.elements.kompetensi).toEqual({ n: 0, nrr: null, score: null });
    expect(mine.intervalMethod).toMatch(/Wilson/);
    expect(mine.trend.map((m: { month: string }) => m.month)).toContain(month);
  });

  it("shrinks each month of an officer's trend toward that month's unit mean, so a month reads the same in every view", async () => {
    // October: the unit's officers average 3 (4 and 2); November: 2 (3 and 1). A month shrunk toward the
    // semester's mean (2.5) would read differently in the semester's trend than in its own month's view.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const serve = async (counter: string, nip: string, face: number) => {
        const device = await t.pairDevice(counter);
        await t.call("POST", `/api/v1/counters/${counter}/duty`, { token: device, body: { nip, pin: PIN } });
        const taps = Array.from({ length: 4 }, (_, i) =>
          rating({ channel: "kiosk", overall: face, createdAt: new Date(Date.now() + (i + 1) * 60_000).toISOString() }),
        );
        vi.setSystemTime(Date.now() + 10 * 60_000);
        await t.call("POST", "/api/v1/ratings", { token: device, body: { ratings: taps } });
      };
      vi.setSystemTime(new Date("2026-10-14T02:00:00Z"));
      await serve("loket-1", OFFICER_NIPS[0], 4);
      await serve("loket-2", OFFICER_NIPS[1], 2);
      vi.setSystemTime(new Date("2026-11-16T02:00:00Z"));
      await serve("loket-3", OFFICER_NIPS[0], 3);
      await serve("loket-4", OFFICER_NIPS[1], 1);
      const officer = await t.login({ nip: OFFICER_NIPS[0] });
      const score = async (period: string) =>
        (await t.call("GET", `/api/v1/me/score?period=${period}`, { token: officer })).json();
      const [semester, november, october] = [await score("2026-S2"), await score("2026-11"), await score("2026-10")];
      expect(semester.trend.map((m: { month: string }) => m.month)).toEqual(["2026-10", "2026-11"]);
      expect(semester.trend[1].fair).toBe(november.fair);
      expect(semester.trend[0].fair).toBe(october.fair);
      // November: (4·3 + 20·2) / 24 × 25 = 54.17; toward the semester's 2.5 it would be 56.25.
      expect(november.fair).toBe(54.17);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts as respondents only those who answered an element, and face-only taps apart", async () => {
    const createdAt = "2026-02-02T02:00:00Z";
    await store([
      rating({ createdAt, overall: 4 }),
      rating({ createdAt, overall: 3 }),
      rating({ createdAt, overall: 2, answers: { waktu: 2 } }),
      rating({ createdAt, overall: undefined, answers: { biaya: 4 } }),
    ]);
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-02`, { token: await t.login() })
    ).json();
    expect(report).toMatchObject({ respondents: 2, taps: 2, quick: { n: 3, index: 75 } });
    expect(report.sampleSize.respondents).toBe(2);
    expect(report.byService[0]).toMatchObject({ respondents: 2, taps: 2 });
  });

  it("states the Krejcie–Morgan size for a population the table lists", async () => {
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-02&population=100000`, {
        token: await t.login(),
      })
    ).json();
    expect(report.sampleSize).toMatchObject({ population: 100_000, required: 384, respondents: 0, shortfall: 384 });
  });

  it("follows the period month by month: respondents, quick index and IKM", async () => {
    await store(workedExample("2026-03-10T03:00:00Z"));
    await store([rating({ createdAt: "2026-04-02T02:00:00Z", overall: 2 })]);
    const report = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-S1`, { token: await t.login() })
    ).json();
    expect(report.trend.map((m: { month: string }) => m.month)).toEqual(["2026-03", "2026-04"]);
    expect(report.trend[0]).toMatchObject({ respondents: 29, taps: 0, ikm: { value: 91.48 } });
    expect(report.trend[1]).toMatchObject({ respondents: 0, taps: 1, quick: { n: 1, index: 50 }, ikm: null });
  });

  it("summarises the respondent profile of the SKM respondents for the printed report", async () => {
    const createdAt = "2026-02-02T02:00:00Z";
    await store([
      rating({ createdAt, answers: { waktu: 3 }, respondent: { gender: "P", age: 34, education: "SMA" } }),
      rating({ createdAt, answers: { waktu: 4 }, respondent: { gender: "L", age: 61, occupation: "Swasta" } }),
      rating({ createdAt, respondent: { gender: "L" } }),
    ]);
    const profile = await (
      await t.call("GET", `/api/v1/agencies/${AGENCY}/report/profile?period=2026-02`, { token: await t.login() })
    ).json();
    // The face-only rating is no SKM respondent: its profile is not counted.
    expect(profile).toMatchObject({
      respondents: 2,
      gender: { P: 1, L: 1 },
      age: { "30–39": 1, "≥ 60": 1 },
      education: { SMA: 1, "-": 1 },
      occupation: { Swasta: 1, "-": 1 },
    });
  });

  it("rejects a period that is not one", async () => {
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/report?period=2026-S3`, { token: await t.login() });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_period");
  });
});

describe("GET /api/v1/public/agencies/:slug/ikm", () => {
  it("answers the published unit's aggregate without any officer data, never the live figures", async () => {
    await store(workedExample("2026-03-10T03:00:00Z"));
    const unpublished = await t.call("GET", `/api/v1/public/agencies/${AGENCY}/ikm?period=2026`);
    expect((await unpublished.json()).error.code).toBe("not_published");
    const token = await t.login();
    expect(
      (await t.call("POST", `/api/v1/agencies/${AGENCY}/publications`, { token, body: { period: "2026" } })).status,
    ).toBe(200);
    const res = await t.call("GET", `/api/v1/public/agencies/${AGENCY}/ikm?period=2026`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ikm.value).toBe(91.48);
    expect(JSON.stringify(body)).not.toMatch(/officer|nip/i);
  });
});

describe("GET /api/v1/agencies/:slug/ratings.csv", () => {
  it("exports one row per rating and keeps formulas from running in spreadsheets", async () => {
    await store([
      rating({ createdAt: "2026-02-02T02:00:00Z", comment: '=HYPERLINK("x")' }),
      rating({ createdAt: "2026-02-03T02:00:00Z" }),
    ]);
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/ratings.csv?from=2026-02-01&to=2026-02-28&format=raw`, {
      token: await t.login(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    // UTF-8 with a byte-order mark, so Excel reads it right (text() drops the mark).
    expect([...new Uint8Array(await res.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^id,created_at,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("GET /api/v1/agencies/:slug/ratings.csv for people", () => {
  const read = async (query: string, delimiter: string) => {
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/ratings.csv?from=2026-02-01&to=2026-02-28${query}`, {
      token: await t.login(),
    });
    expect(res.status).toBe(200);
    return parse(await res.text(), { delimiter }) as string[][];
  };

  it("speaks Bahasa Indonesia by default: words for codes, WIB times, the profile in columns, `;` for Excel", async () => {
    await store([
      rating({
        createdAt: "2026-02-02T01:06:11Z",
        overall: 2,
        reasons: ["biaya", "antrian"],
        respondent: { gender: "P", age: 34, education: "D4/S1", occupation: "Wirausaha" },
      }),
    ]);
    const [columns, cells] = await read("", ";");
    const at = (name: string) => cells[columns.indexOf(name)];
    expect(columns.slice(0, 3)).toEqual(["ID penilaian", "Waktu (WIB)", "Diterima (WIB)"]);
    expect(columns).toContain("U1 Persyaratan");
    // 01:06 UTC is 08:06 in Tebing Tinggi (WIB).
    expect(at("Waktu (WIB)")).toBe("2026-02-02 08:06:11");
    expect(at("Saluran")).toBe("Situs web");
    expect(at("Wajah (1–4)")).toBe("2");
    expect(at("Kepuasan")).toBe("Kurang puas");
    expect(at("Alasan")).toBe("Diminta biaya, Antrean terlalu lama");
    expect([at("Jenis kelamin"), at("Usia"), at("Pendidikan"), at("Pekerjaan")]).toEqual([
      "Perempuan",
      "34",
      "D4/S1",
      "Wirausaha",
    ]);
    expect(at("Dihitung")).toBe("Ya");
    expect(cells.join(" ")).not.toMatch(/\bwidget\b|"gender"|T01:06|biaya,antrian/);
  });

  it("speaks English with lang=en, comma-separated", async () => {
    await store([rating({ createdAt: "2026-02-02T01:06:11Z", overall: 4 })]);
    const [columns, cells] = await read("&lang=en", ",");
    expect(columns.slice(0, 2)).toEqual(["Rating ID", "Time (WIB)"]);
    expect(cells[columns.indexOf("Satisfaction")]).toBe("Very satisfied");
    expect(cells[columns.indexOf("Channel")]).toBe("Website");
  });

  it("refuses a format or language it does not know, in words", async () => {
    const res = await t.call("GET", `/api/v1/agencies/${AGENCY}/ratings.csv?period=2026-02&lang=fr`, {
      token: await t.login(),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_request");
  });
});

describe("GET /api/v1/agencies (regional admins)", () => {
  it("lists every agency of the region with its IKM for the period", async () => {
    await store(workedExample("2026-03-10T03:00:00Z"));
    const regional = await t.login({ email: DEMO_REGIONAL_EMAIL });
    const res = await t.call("GET", "/api/v1/agencies?period=2026-S1", { token: regional });
    expect(res.status).toBe(200);
    const { agencies } = await res.json();
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({
      slug: AGENCY,
      figures: { period: { label: "2026-S1" }, respondents: 29, ikm: { value: 91.48, mutu: "A" } },
    });
  });
});
