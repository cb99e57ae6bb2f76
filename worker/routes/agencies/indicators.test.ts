/**
 * Volume and speed through the API (docs/scoring.md, "Volume and speed"): percentiles equal a
 * direct nearest-rank computation on random visits, the response rate, the minimum n, and who
 * may not read whose.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AgencyIndicators, Indicator, OfficerIndicators } from "../../../core/indicator-contract.ts";
import { MIN_VISITS, roundedMinutes, serviceSeconds, type VisitTimes, waitSeconds } from "../../../core/visits.ts";
import { agencies, counters, officers, services } from "../../../db/schema.ts";
import { prng } from "../../../db/seed.ts";
import { insertVisits, visitRow } from "../../../db/seed-visits.ts";
import { AGENCY_PATH, OFFICER_NIPS, OTHER_AGENCY, STORES, type TestApp, testApp } from "../../test-app.ts";

/** The nearest-rank percentile of exact times in seconds, rounded up as an indicator shows it; null without any. */
function direct(seconds: number[], p: number): number | null {
  if (seconds.length === 0) return null;
  const sorted = [...seconds].sort((a, b) => a - b);
  return roundedMinutes(sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]);
}

/** What the figures of a set of visits must be, computed straight from their times. */
function expected(rows: Visit[]): Indicator {
  const counted = rows.filter((r) => !r.flagged);
  const waits = counted.map((r) => waitSeconds(r.times)).filter((s): s is number => s !== null);
  const servings = counted.map((r) => serviceSeconds(r.times)).filter((s): s is number => s !== null);
  const enough = counted.length >= MIN_VISITS;
  const time = (s: number[]) => {
    const ok = s.length >= MIN_VISITS;
    return { n: s.length, enough: ok, median: ok ? direct(s, 50) : null, p90: ok ? direct(s, 90) : null };
  };
  const rated = counted.filter((r) => r.rated).length;
  return {
    visits: counted.length,
    rated,
    flagged: rows.length - counted.length,
    enough,
    responseRate: enough ? rated / counted.length : null,
    waitTime: time(waits),
    serviceTime: time(servings),
  };
}

interface Visit {
  service: string;
  counter: string;
  officer: string;
  times: VisitTimes;
  rated: boolean;
  flagged: boolean;
}

/** A November 2026 day's instant in WIB: 08:00 local plus `minutes`. */
const at = (day: number, minutes: number) => Date.UTC(2026, 10, day, 1, 0) + minutes * 60_000;

describe.each(STORES)("indicators (%s store)", (store) => {
  let t: TestApp;
  let admin: string;
  let officerToken: string;
  let ids: { agency: string; services: Map<string, string>; counters: Map<string, string>; officers: string[] };
  const made: Visit[] = [];

  beforeAll(async () => {
    t = await testApp({ store });
    admin = await t.login();
    officerToken = await t.login({ nip: OFFICER_NIPS[0] });
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, "disdukcapil-tebingtinggi"));
    const serviceRows = await t.db.select().from(services).where(eq(services.agencyId, agency.id));
    const counterRows = await t.db.select().from(counters).where(eq(counters.agencyId, agency.id));
    ids = {
      agency: agency.id,
      services: new Map(serviceRows.map((s) => [s.slug, s.id])),
      counters: new Map(counterRows.map((c) => [c.code, c.id])),
      officers: await Promise.all(OFFICER_NIPS.slice(0, 3).map((nip) => t.officerId(nip))),
    };
    // Random visits: two services of different speeds, two counters, three officers (the third below the
    // minimum), a few implausible ones, some without a taken time, some rated.
    const random = prng(21);
    const plan: [officer: number, count: number][] = [
      [0, 140],
      [1, 90],
      [2, MIN_VISITS - 5],
    ];
    for (const [officer, count] of plan) {
      for (let i = 0; i < count; i++) {
        const service = random() < 0.6 ? "ktp-el" : "akta-kelahiran";
        const slow = service === "akta-kelahiran" ? 3 : 1;
        const served = at(2 + Math.floor(random() * 25), Math.floor(random() * 400));
        const times: VisitTimes = {
          takenAt: random() < 0.1 ? null : served - Math.floor(random() * 2400 * slow) * 1000 - 60_000,
          calledAt: served - 30_000,
          servedAt: served,
          finishedAt: served + Math.floor(random() * 900 * slow) * 1000,
        };
        const flagged = random() < 0.05;
        if (flagged) times.finishedAt = served - 120_000;
        made.push({
          service,
          counter: random() < 0.5 ? "loket-1" : "loket-4",
          officer: ids.officers[officer],
          times,
          rated: random() < 0.4,
          flagged,
        });
      }
    }
    await insertVisits(
      t.db,
      ids.agency,
      made.map((v, i) =>
        visitRow(
          {
            agencyId: ids.agency,
            id: `v-${i}`,
            serviceId: ids.services.get(v.service)!,
            counterId: ids.counters.get(v.counter)!,
            officerId: v.officer,
            times: v.times,
            rating: v.rated ? { id: `r-${i}`, at: (v.times.finishedAt ?? 0) + 30_000 } : null,
          },
          { opensAt: "00:00", closesAt: "00:00" },
          "Asia/Jakarta",
        ),
      ),
    );
  });

  it("gives each service's percentiles as a direct nearest-rank computation on the exact seconds", async () => {
    const res = await t.call("GET", `${AGENCY_PATH}/indicators?period=2026-11`, { token: admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as AgencyIndicators;
    for (const service of ["ktp-el", "akta-kelahiran"]) {
      const { service: _slug, name: _name, ...figures } = body.byService.find((s) => s.service === service)!;
      expect(figures).toEqual(expected(made.filter((v) => v.service === service)));
    }
    expect(body.volume).toEqual((({ waitTime: _w, serviceTime: _s, ...volume }) => volume)(expected(made)));
    // A counter's figures per service stand beside the agency's for that service.
    const counter = body.byCounter.find((c) => c.counter === "loket-4")!;
    const ktp = counter.services.find((s) => s.service === "ktp-el")!;
    expect(ktp.own).toEqual(expected(made.filter((v) => v.counter === "loket-4" && v.service === "ktp-el")));
    expect(ktp.agency).toEqual(expected(made.filter((v) => v.service === "ktp-el")));
    expect(body.minVisits).toBe(MIN_VISITS);
  });

  it("gives an officer their own per service beside the agency's, the same for them and their readers", async () => {
    const mine = await t.call("GET", "/api/v1/me/indicators?period=2026-11", { token: officerToken });
    expect(mine.status).toBe(200);
    const own = (await mine.json()) as OfficerIndicators;
    const theirs = await t.call("GET", `${AGENCY_PATH}/officers/${ids.officers[0]}/indicators?period=2026-11`, {
      token: admin,
    });
    expect(await theirs.json()).toEqual(own);
    const visits = made.filter((v) => v.officer === ids.officers[0]);
    expect(own.officer).toMatchObject({ id: ids.officers[0], nip: OFFICER_NIPS[0] });
    for (const row of own.services) {
      expect(row.own).toEqual(expected(visits.filter((v) => v.service === row.service)));
      expect(row.agency).toEqual(expected(made.filter((v) => v.service === row.service)));
    }
    expect(own.volume.responseRate).toBeCloseTo(
      visits.filter((v) => v.rated && !v.flagged).length / visits.filter((v) => !v.flagged).length,
    );
    expect(own.satisfaction).toEqual({ n: 0, index: null, ci95: null, fair: null, band: null, enough: false });
  });

  it("withholds rates and percentiles below the minimum, keeping each n", async () => {
    const few = await t.login({ nip: OFFICER_NIPS[2] });
    const body = (await (
      await t.call("GET", "/api/v1/me/indicators?period=2026-11", { token: few })
    ).json()) as OfficerIndicators;
    const visits = made.filter((v) => v.officer === ids.officers[2] && !v.flagged);
    expect(body.volume).toMatchObject({ visits: visits.length, enough: false, responseRate: null });
    for (const row of body.services) {
      expect(row.own).toMatchObject({ enough: false, responseRate: null });
      expect(row.own.waitTime).toMatchObject({ enough: false, median: null, p90: null, n: expect.any(Number) });
      expect(row.own.serviceTime.n).toBeGreaterThan(0);
    }
    // A period without visits: zeros, never an error.
    const empty = await t.call("GET", "/api/v1/me/indicators?period=2025-11", { token: few });
    expect(((await empty.json()) as OfficerIndicators).volume).toEqual({
      visits: 0,
      rated: 0,
      flagged: 0,
      enough: false,
      responseRate: null,
    });
  });

  it("lists officers with their satisfaction from the report, and no order across services", async () => {
    const body = (await (
      await t.call("GET", `${AGENCY_PATH}/indicators?from=2026-11-01&to=2026-11-30`, { token: admin })
    ).json()) as AgencyIndicators;
    expect(body.byOfficer.map((o) => o.name)).toEqual(
      [...body.byOfficer.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
    );
    expect(body.byOfficer).toHaveLength(3);
    for (const o of body.byOfficer) expect(o.satisfaction).toBeNull();
  });

  it("gives the same figures as CSV for people: words, `;` in Bahasa Indonesia, empty below the minimum", async () => {
    const res = await t.call("GET", `${AGENCY_PATH}/indicators.csv?period=2026-11`, { token: admin });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, ...lines] = new TextDecoder().decode(bytes.slice(3)).trim().split("\n");
    expect(head).toMatch(/^Tingkat;Nama;Layanan;Kunjungan dilayani;Dinilai;Tingkat respons \(%\);/);
    const all = expected(made);
    expect(lines[0]).toBe(
      `Instansi;;Semua layanan;${all.visits};${all.rated};${Math.round(all.responseRate! * 100)};;;;;;;${all.flagged};;;`,
    );
    const ktp = expected(made.filter((v) => v.service === "ktp-el"));
    expect(lines).toContain(
      [
        "Layanan",
        "",
        "KTP Elektronik",
        ktp.visits,
        ktp.rated,
        Math.round(ktp.responseRate! * 100),
        ktp.waitTime.n,
        ktp.waitTime.median,
        ktp.waitTime.p90,
        ktp.serviceTime.n,
        ktp.serviceTime.median,
        ktp.serviceTime.p90,
        ktp.flagged,
        "",
        "",
        "",
      ].join(";"),
    );
    const [few] = await t.db.select({ name: officers.name }).from(officers).where(eq(officers.id, ids.officers[2]));
    const fewRow = lines.find((l) => l.startsWith(`Petugas;${few.name};Semua layanan;`))!;
    expect(fewRow).toMatch(/;;\d+;0;;data belum cukup$/);
    const en = await (
      await t.call("GET", `${AGENCY_PATH}/indicators.csv?period=2026-11&lang=en`, { token: admin })
    ).text();
    expect(en.replace(/^\uFEFF/, "").split("\n")[0]).toMatch(
      /^Level,Name,Service,Visits served,Rated,Response rate \(%\),/,
    );
    expect((await t.call("GET", `${AGENCY_PATH}/indicators.csv?period=2026-11`, { token: officerToken })).status).toBe(
      403,
    );
  });

  it("lets no officer read a colleague's, nor anyone another agency's, and refuses a bad period", async () => {
    const colleague = `${AGENCY_PATH}/officers/${ids.officers[1]}/indicators?period=2026-11`;
    expect((await t.call("GET", colleague, { token: officerToken })).status).toBe(403);
    expect((await t.call("GET", `${AGENCY_PATH}/indicators?period=2026-11`, { token: officerToken })).status).toBe(403);
    const otherAdmin = await t.login({ email: "admin@jayapura.test" });
    expect((await t.call("GET", colleague, { token: otherAdmin })).status).toBe(403);
    // An officer of another agency is not this agency's: 404, not their figures.
    const [stranger] = await t.db
      .select({ id: officers.id })
      .from(officers)
      .innerJoin(agencies, and(eq(agencies.id, officers.agencyId), eq(agencies.slug, OTHER_AGENCY)));
    expect((await t.call("GET", `${AGENCY_PATH}/officers/${stranger.id}/indicators`, { token: admin })).status).toBe(
      404,
    );
    const bad = await t.call("GET", "/api/v1/me/indicators?period=2026-13", { token: officerToken });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_period" } });
  });
});
