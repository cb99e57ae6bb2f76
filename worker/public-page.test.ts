/**
 * The public results page /publik/{slug}: the published figures, elements and RTL in Bahasa
 * Indonesia or English, people's text escaped, the pages' CSP, and a cached agency served while
 * the database is closed (how "without touching the database" is proven).
 */
import { gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../core/ids.ts";
import { currentSemester } from "../core/period.ts";
import { periodWords } from "../core/period-words.ts";
import { ELEMENT_IDS } from "../core/questionnaire.ts";
import { agencies, followUps } from "../db/schema.ts";
import { createApp } from "./app.ts";
import { AGENCY, AGENCY_PATH, ORIGIN, rating, type TestApp, testApp } from "./test-app.ts";

const PERIOD = currentSemester(Date.now(), "Asia/Jakarta");
let t: TestApp;
let admin: string;

async function publishWith({ agencyName, action }: { agencyName?: string; action?: string } = {}) {
  const [agency] = await t.db.select().from(agencies).where(eq(agencies.slug, AGENCY));
  if (agencyName) await t.db.update(agencies).set({ name: agencyName }).where(eq(agencies.id, agency.id));
  const answers = Object.fromEntries(ELEMENT_IDS.map((e, i) => [e, i % 2 ? 3 : 4]));
  const res = await t.call("POST", "/api/v1/ratings", {
    body: { ratings: [rating({ answers }), rating({ answers })] },
    headers: { origin: ORIGIN },
  });
  expect(res.status).toBe(200);
  await t.db.insert(followUps).values({
    id: newId("rtl"),
    agencyId: agency.id,
    period: PERIOD,
    element: "waktu",
    action: action ?? "Menambah loket pada jam sibuk",
    due: "2027-Q1",
    responsible: "Kepala Seksi Pelayanan",
  });
  const published = await t.call("POST", `${AGENCY_PATH}/publications`, { token: admin, body: { period: PERIOD } });
  expect(published.status, await published.clone().text()).toBe(200);
}

beforeEach(async () => {
  t = await testApp();
  admin = await t.login();
});

describe("GET /publik/:slug", () => {
  it("shows the published periods, IKM, elements and RTL, in Bahasa Indonesia first, under the pages' CSP", async () => {
    await publishWith();
    const res = await t.call("GET", `/publik/${AGENCY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'.*style-src 'self'|style-src 'self'/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const page = await res.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain("Hasil Survei Kepuasan Masyarakat");
    expect(page).toContain(`IKM ${periodWords(PERIOD, "id")}: 88,89`);
    expect(page).toContain("Persyaratan");
    expect(page).toContain("Menambah loket pada jam sibuk");
    expect(page).toContain("Triwulan I 2027");
    expect(page).toContain("Kecukupan sampel");
    expect(page).not.toMatch(/<script|style=/);
    const en = await (await t.call("GET", `/publik/${AGENCY}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Follow-up plan (RTL)");
    expect(en).toContain(`IKM ${periodWords(PERIOD, "en")}: 88.89`);
  });

  it("escapes what people wrote: an agency name and an RTL action that try to run a script", async () => {
    await publishWith({
      agencyName: `Dinas <script>alert("nama")</script>`,
      action: `<img src=x onerror="alert('rtl')">Perbaiki antrean`,
    });
    const page = await (await t.call("GET", `/publik/${AGENCY}`)).text();
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("Dinas &lt;script&gt;alert(&quot;nama&quot;)&lt;/script&gt;");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(&#39;rtl&#39;)&quot;&gt;Perbaiki antrean");
  });

  it("says so when nothing is published yet, and 404s an agency that does not exist", async () => {
    const res = await t.call("GET", `/publik/${AGENCY}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Belum ada hasil survei yang diterbitkan.");
    expect((await t.call("GET", "/publik/tidak-ada")).status).toBe(404);
    expect((await t.call("GET", "/publik/Bad_Slug")).status).toBe(404);
  });

  it("serves a cached agency with the database closed: a flood of visitors never reaches it", async () => {
    await publishWith();
    const warm = await (await t.call("GET", `/publik/${AGENCY}`)).text();
    t.db.$client.close();
    // The API itself now fails (its database is gone); the cached page, badge answer and list do not.
    expect((await t.call("GET", `${AGENCY_PATH}/report?period=${PERIOD}`, { token: admin })).status).toBe(503);
    const res = await t.call("GET", `/publik/${AGENCY}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(warm);
    expect((await t.call("GET", `/api/v1/public/agencies/${AGENCY}/ikm`)).status).toBe(200);
    expect((await t.call("GET", `/api/v1/public/agencies/${AGENCY}/publications`)).status).toBe(200);
  });

  it("sends the page gzipped where the app is told to (Node) and the client accepts it, the same page", async () => {
    await publishWith();
    const app = createApp({ db: () => t.db, gzipPages: true });
    const plain = await app.request(`/publik/${AGENCY}`);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    const zipped = await app.request(`/publik/${AGENCY}`, { headers: { "accept-encoding": "gzip, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("content-security-policy")).toBe(plain.headers.get("content-security-policy"));
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString("utf8")).toBe(await plain.text());
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(await (await app.request(`/publik/${AGENCY}`)).text()) / 3);
    // A client holding the page gets a 304.
    const etag = plain.headers.get("etag") as string;
    expect((await app.request(`/publik/${AGENCY}`, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("serves its stylesheet, with print CSS for one A4 document", async () => {
    const res = await t.call("GET", "/publik/publik.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/css/);
    expect(await res.text()).toMatch(/@media print\{\s*@page\{size:A4/);
  });
});
