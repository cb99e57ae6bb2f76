/**
 * Publishing a period's results: the snapshot is frozen (ratings added afterwards change the live
 * report, never the published figures), a correction supersedes and keeps the old one visible, the
 * public reads only current snapshots (404 `not_published` otherwise) with no officer data, and
 * only the agency's own admins publish. Through both ways of storing ratings.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { currentSemester } from "../../../core/period.ts";
import { ELEMENT_IDS } from "../../../core/questionnaire.ts";
import { agencies, auditLog, followUps } from "../../../db/schema.ts";
import { DEMO_OFFICERS, DEMO_REGIONAL_EMAIL, DEMO_SUPERVISOR_EMAIL } from "../../../db/seed.ts";
import type { TestApp } from "../../test-app.ts";
import { AGENCY, AGENCY_PATH, ORIGIN, OTHER_ADMIN_EMAIL, rating, STORES, testApp } from "../../test-app.ts";

/** The semester the server's clock is in: widget ratings are timed by it. */
const PERIOD = currentSemester(Date.now(), "Asia/Jakarta");
const PUBLIC = `/api/v1/public/agencies/${AGENCY}`;

let t: TestApp;
let admin: string;
let ip = 0;

/** Sends full SKM answers (every element `answer`) through the widget, five a request as a browser may. */
async function rate(n: number, answer: number) {
  for (let sent = 0; sent < n; sent += 5) {
    const batch = Array.from({ length: Math.min(5, n - sent) }, () =>
      rating({ answers: Object.fromEntries(ELEMENT_IDS.map((e) => [e, answer])) }),
    );
    const res = await t.call("POST", "/api/v1/ratings", {
      body: { ratings: batch },
      headers: { origin: ORIGIN, "x-test-ip": `10.0.0.${++ip}` },
    });
    expect((await res.json()).results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
  }
}

const publish = (token: string, period: unknown = PERIOD) =>
  t.call("POST", `${AGENCY_PATH}/publications`, { token, body: { period } });

/** Adds an RTL row to the period directly (the RTL editor is its own route), returning its id. */
async function followUp(fields: Partial<typeof followUps.$inferInsert> = {}) {
  const [agency] = await t.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, AGENCY));
  const id = newId("rtl");
  await t.db.insert(followUps).values({
    id,
    agencyId: agency.id,
    period: PERIOD,
    element: "waktu",
    action: "Menambah loket pada jam sibuk",
    due: "2027-Q1",
    responsible: "Kepala Seksi Pelayanan",
    ...fields,
  });
  return id;
}

describe.each(STORES)("publications, ratings stored through the %s", (store) => {
  beforeEach(async () => {
    t = await testApp({ store });
    admin = await t.login();
  });

  it("freezes the figures: ratings added afterwards change the live report, not the published snapshot", async () => {
    await rate(10, 4);
    const res = await publish(admin);
    expect(res.status, await res.clone().text()).toBe(200);
    const { publication } = await res.json();
    expect(publication).toMatchObject({
      period: { label: PERIOD },
      current: true,
      supersededAt: null,
      respondents: 10,
      ikm: { value: 100, mutu: "A" },
      publishedBy: "Admin Disdukcapil",
    });
    await rate(10, 1);
    const live = await (await t.call("GET", `${AGENCY_PATH}/report?period=${PERIOD}`, { token: admin })).json();
    expect(live.respondents).toBe(20);
    expect(live.ikm.value).toBe(62.5);
    const published = await t.call("GET", `${PUBLIC}/ikm?period=${PERIOD}`);
    expect(published.status).toBe(200);
    const body = await published.json();
    expect(body).toMatchObject({
      agency: { slug: AGENCY },
      publication: publication.id,
      publishedAt: publication.publishedAt,
      respondents: 10,
      ikm: { value: 100, mutu: "A", kinerja: "Sangat Baik" },
      standing: "sampleShort",
      sampleSize: { population: null, required: 384, respondents: 10, shortfall: 374 },
      method: expect.stringMatching(/PermenPANRB 14\/2017/),
    });
    expect(body.elements.waktu).toEqual({ n: 10, nrr: 4, score: 100 });
    expect(body.byService).toEqual([expect.objectContaining({ service: "ktp-el", respondents: 10 })]);
    // Without period=, the latest published period; the same snapshot.
    expect((await (await t.call("GET", `${PUBLIC}/ikm`)).json()).publication).toBe(publication.id);
  });

  it("a correction is a new publication: the old one stays listed, superseded, with when and by which", async () => {
    await rate(5, 4);
    const first = (await (await publish(admin)).json()).publication;
    await rate(5, 2);
    const second = (await (await publish(admin)).json()).publication;
    expect(second.id).not.toBe(first.id);
    const list = await (await t.call("GET", `${PUBLIC}/publications`)).json();
    expect(list.publications.map((p: { id: string }) => p.id)).toEqual([second.id, first.id]);
    expect(list.publications[0]).toMatchObject({ current: true, supersededAt: null, respondents: 10 });
    expect(list.publications[1]).toMatchObject({
      current: false,
      supersededAt: second.publishedAt,
      supersededBy: second.id,
      respondents: 5,
    });
    // The public figure is the correction's; the dashboard lists both, with who published them.
    expect((await (await t.call("GET", `${PUBLIC}/ikm?period=${PERIOD}`)).json()).ikm.value).toBe(75);
    const own = await (await t.call("GET", `${AGENCY_PATH}/publications`, { token: admin })).json();
    expect(own.publications).toMatchObject([
      { id: second.id, current: true, publishedBy: "Admin Disdukcapil" },
      { id: first.id, current: false, publishedBy: "Admin Disdukcapil" },
    ]);
    // Each publishing is audited: the second names the one it superseded.
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, "publication.publish"));
    expect(audited.map((a) => a.details)).toEqual([
      { period: PERIOD, ikm: 100, respondents: 5, followUps: 0, supersedes: null },
      { period: PERIOD, ikm: 75, respondents: 10, followUps: 0, supersedes: first.id },
    ]);
  });

  it("freezes the period's RTL and shows each row's status as it is now", async () => {
    await rate(5, 3);
    const id = await followUp();
    await publish(admin);
    await t.db
      .update(followUps)
      .set({ status: "in_progress", note: "Loket 5 dibuka Januari" })
      .where(eq(followUps.id, id));
    // Rows written after publishing are not part of the published plan.
    await followUp({ element: "biaya", action: "Ditulis sesudah terbit" });
    const body = await (await t.call("GET", `${PUBLIC}/ikm?period=${PERIOD}`)).json();
    expect(body.followUps).toEqual([
      {
        id,
        element: "waktu",
        action: "Menambah loket pada jam sibuk",
        due: "2027-Q1",
        responsible: "Kepala Seksi Pelayanan",
        status: "planned",
        note: null,
        current: { status: "in_progress", note: "Loket 5 dibuka Januari" },
      },
    ]);
  });
});

describe("publishing: who may, and what is refused", () => {
  beforeEach(async () => {
    t = await testApp();
    admin = await t.login();
    await rate(5, 3);
  });

  it("refuses everyone but the agency's own admins (officer, supervisor, regional admin, other agency, nobody, device)", async () => {
    const device = await t.pairDevice("loket-1", admin);
    const refused: [string, string | undefined, number][] = [
      ["officer", await t.login({ nip: DEMO_OFFICERS[0].nip }), 403],
      ["supervisor", await t.login({ email: DEMO_SUPERVISOR_EMAIL }), 403],
      ["regional admin", await t.login({ email: DEMO_REGIONAL_EMAIL }), 403],
      ["another agency's admin", await t.login({ email: OTHER_ADMIN_EMAIL }), 403],
      ["nobody", undefined, 401],
      ["a paired tablet", device, 403],
    ];
    for (const [who, token, status] of refused) {
      const res = await publish(token as string);
      expect(res.status, who).toBe(status);
    }
    expect((await t.call("GET", `${PUBLIC}/ikm?period=${PERIOD}`)).status).toBe(404);
    expect((await publish(admin)).status).toBe(200);
  });

  it.each([
    ["a range", `2026-01-01..2026-06-30`],
    ["no period", "2026-S3"],
    ["a number", 2026],
    ["nothing", undefined],
  ])("refuses %s as the period with a 400", async (_, period) => {
    const res = await t.call("POST", `${AGENCY_PATH}/publications`, {
      token: admin,
      body: period === undefined ? {} : { period },
    });
    expect(res.status).toBe(400);
    expect(["invalid_period", "invalid_request"]).toContain((await res.json()).error.code);
  });

  it("refuses a period without an IKM (no ratings, or not every element answered) with 409 ikm_incomplete", async () => {
    const empty = await publish(admin, "2025-S1");
    expect(empty.status).toBe(409);
    expect((await empty.json()).error).toMatchObject({
      code: "ikm_incomplete",
      details: { missingElements: [...ELEMENT_IDS] },
    });
    expect((await t.call("GET", `${PUBLIC}/publications`)).status).toBe(200);
    expect((await (await t.call("GET", `${PUBLIC}/publications`)).json()).publications).toEqual([]);
  });
});

describe("the public routes", () => {
  beforeEach(async () => {
    t = await testApp();
    admin = await t.login();
  });

  it("answer 404 not_published for a period never published, and before anything is", async () => {
    for (const path of [`${PUBLIC}/ikm`, `${PUBLIC}/ikm?period=2026-Q4`]) {
      const res = await t.call("GET", path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_published");
    }
    await rate(5, 4);
    await publish(admin);
    const other = await t.call("GET", `${PUBLIC}/ikm?period=2025`);
    expect((await other.json()).error.code).toBe("not_published");
    expect((await t.call("GET", `${PUBLIC}/ikm?period=2026-S9`)).status).toBe(400);
    expect((await t.call("GET", `${PUBLIC}/ikm?from=2026-01-01&to=2026-02-01`)).status).toBe(400);
  });

  it("carry no officer data: no officer's name, NIP or figures in any public answer or the page", async () => {
    await t.staffAllDay();
    await rate(5, 4);
    await followUp();
    await publish(admin);
    const answers = [
      await (await t.call("GET", `${PUBLIC}/ikm?period=${PERIOD}`)).text(),
      await (await t.call("GET", `${PUBLIC}/publications`)).text(),
      await (await t.call("GET", `/publik/${AGENCY}`)).text(),
    ];
    for (const text of answers) {
      expect(text).not.toMatch(/byOfficer|byCounter|"officer"|nip/i);
      for (const officer of DEMO_OFFICERS) {
        expect(text).not.toContain(officer.nip);
        expect(text).not.toContain(officer.name);
      }
      expect(text).not.toContain("Admin Disdukcapil");
    }
  });

  it("show nothing of an agency whose published flag is off, not even that it published", async () => {
    await rate(5, 4);
    await publish(admin);
    await t.db.update(agencies).set({ published: false }).where(eq(agencies.slug, AGENCY));
    for (const path of [
      `${PUBLIC}/publications`,
      `${PUBLIC}/ikm`,
      `${PUBLIC}/ikm?period=${PERIOD}`,
      `/publik/${AGENCY}`,
    ]) {
      const res = await t.call("GET", path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code, path).toBe("not_found");
    }
  });

  it("answer a copy the caller already holds with 304, and say how long proxies may keep it", async () => {
    await rate(5, 4);
    await publish(admin);
    const res = await t.call("GET", `${PUBLIC}/ikm`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = res.headers.get("etag") as string;
    expect(etag).toMatch(/^"[0-9a-f]{8}"$/);
    expect((await t.call("GET", `${PUBLIC}/ikm`, { headers: { "if-none-match": etag } })).status).toBe(304);
  });
});
