/**
 * Volume and speed on the pages (issue 21, item 4): the officer page shows visits, service time
 * and response rate with their n (tablet and phone), an officer below the minimum reads "data belum
 * cukup", the evidence page still prints on one A4 sheet, and the overview, the printed report and
 * the indicators CSV show them. Reads the demo's queue log only (db/seed-visits.ts), changes nothing.
 */
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import type { AgencyIndicators, OfficerIndicators } from "../../core/indicator-contract.ts";
import { E2E } from "../../playwright.config.ts";
import { ADMIN, AGENCY, adminApi, expectAccessible, pdfPages, screenshot, signInAt } from "./helpers.ts";

const SITI = "198803122010012004";
/** The demo officer whose queue log holds one day of visits, fewer than the minimum. */
const HENDRA = "198709092011011006";

/** The officer's own indicators from the API, as the page reads them. */
async function mine(request: APIRequestContext, nip: string): Promise<OfficerIndicators> {
  const login = await request.post("/api/v1/auth/login", { data: { nip, password: E2E.password } });
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  return (await request.get("/api/v1/me/indicators", { headers })).json();
}

/** A number as the Indonesian pages write it (1.234). */
const id = (n: number) => new Intl.NumberFormat("id-ID").format(n);

test("the officer page shows visits, response rate and times per service with their n", async ({ page, request }) => {
  const s = await mine(request, SITI);
  expect(s.volume.enough).toBe(true);
  await signInAt(page, SITI, "/dashboard/me");
  const section = page.getByRole("region", { name: "Kunjungan dan kecepatan layanan" });
  await expect(section.getByText(`${id(s.volume.visits)} kunjungan`, { exact: true })).toBeVisible();
  const rate = `${Math.round(s.volume.responseRate! * 100)}%`;
  await expect(
    section.getByText(`${rate} (${id(s.volume.rated)} dari ${id(s.volume.visits)} kunjungan dinilai)`),
  ).toBeVisible();
  await expect(section.getByRole("columnheader", { name: "Waktu layanan (median · 90%)" })).toBeVisible();
  for (const row of s.services) {
    const own = section.getByRole("row", { name: new RegExp(`^${row.name} Anda`) });
    await expect(own).toContainText(`n ${id(row.own.serviceTime.n)}`);
    if (row.own.serviceTime.enough) {
      await expect(own).toContainText(`${row.own.serviceTime.median} menit · ${row.own.serviceTime.p90} menit`);
    }
  }
  await expectAccessible(page);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "indicators-officer");
});

test("an officer with few visits reads 'data belum cukup', not a rate or a time", async ({ page, request }) => {
  const s = await mine(request, HENDRA);
  expect(s.volume).toMatchObject({ enough: false, responseRate: null });
  expect(s.volume.visits).toBeGreaterThan(0);
  await signInAt(page, HENDRA, "/dashboard/me");
  const section = page.getByRole("region", { name: "Kunjungan dan kecepatan layanan" });
  await expect(section.getByText(`Data belum cukup: ${s.volume.visits} dari minimal 30 kunjungan`)).toBeVisible();
  // Their own rows: no rate, no time, each with its n; the agency's rows beside them keep theirs.
  for (const row of s.services) {
    const own = section.getByRole("row", { name: new RegExp(`^${row.name} Anda`) });
    await expect(own).toContainText("data belum cukup");
    await expect(own).toContainText(`n ${row.own.waitTime.n}`);
    await expect(own).not.toContainText("menit");
    await expect(own).not.toContainText("%");
  }
  await expectAccessible(page);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "indicators-officer-few");
});

test("the evidence page carries volume and speed and still prints on one A4 sheet", async ({ page, request }) => {
  const s = await mine(request, SITI);
  await signInAt(page, SITI, "/dashboard/me/evidence");
  await expect(page.getByRole("heading", { name: "Kunjungan dan kecepatan layanan" })).toBeVisible();
  const rate = `${Math.round(s.volume.responseRate! * 100)}%`;
  await expect(page.getByText(`${id(s.volume.visits)} · ${rate}`, { exact: true })).toBeVisible();
  await expect(page.locator(".comments li").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("heading", { name: "Kunjungan dan kecepatan layanan" }).scrollIntoViewIfNeeded();
  await screenshot(page, "indicators-evidence");
  const pages = await pdfPages(await page.pdf({ format: "A4" }));
  expect(pages).toHaveLength(1);
  const printed = pages[0].replace(/\s+/g, "");
  expect(printed).toContain(`Kunjungandilayani·dinilai${id(s.volume.visits)}·${rate}`);
  // Each service's times beside the agency's for the same service.
  for (const row of s.services) {
    const t = row.own.serviceTime;
    const agency = row.agency.serviceTime;
    expect(printed).toContain(`${t.median}·${t.p90}(${agency.median}·${agency.p90})`);
  }
});

test("the overview, the printed report and the CSV show them by service, counter and officer", async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  const r = (await api.json(`/agencies/${AGENCY}/indicators`)) as AgencyIndicators;
  await signInAt(page, ADMIN.email, `/dashboard/a/${AGENCY}`);
  const section = page.getByRole("region", { name: "Kunjungan dan kecepatan layanan" });
  await expect(section.getByRole("heading", { name: "Per layanan", exact: true })).toBeVisible();
  for (const s of r.byService) {
    await expect(section.getByRole("row", { name: new RegExp(`^${s.name} ${id(s.visits)} `) }).first()).toBeVisible();
  }
  // The officer with few visits: by officer, their rate withheld (their times, per service, likewise).
  const few = r.byOfficer.find((o) => !o.volume.enough)!;
  const byOfficer = section
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Kepuasan (skor adil)" }) });
  await expect(
    byOfficer.getByRole("row", { name: new RegExp(`^${few.name} ${few.volume.visits} data belum cukup`) }),
  ).toBeVisible();
  await expectAccessible(page);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "indicators-overview");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh indikator (CSV)" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\n")[0]).toMatch(/^Tingkat;Nama;Layanan;Kunjungan dilayani;/);
  expect(csv).toContain(`Instansi;;Semua layanan;${r.volume.visits};${r.volume.rated};`);

  await page.getByRole("link", { name: "Laporan SKM" }).click();
  const printedSection = page.getByRole("region", { name: "Kunjungan dan kecepatan layanan" });
  await expect(printedSection.getByRole("heading", { name: "Per petugas" })).toBeVisible();
  await expectAccessible(page);
  await printedSection.scrollIntoViewIfNeeded();
  await screenshot(page, "indicators-report");
  const printed = (await pdfPages(await page.pdf({ format: "A4" }))).join("").replace(/\s+/g, "");
  expect(printed).toContain("Kunjungandankecepatanlayanan");
  expect(printed).toContain(`${id(r.volume.visits)}kunjungan`);
});

test("the flagged tab lists the queue's implausible visits with their times and why, in words", async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  const { visits } = await (await api.get(`/agencies/${AGENCY}/flagged/visits?period=2026`)).json();
  expect(visits.length).toBeGreaterThan(0);
  await signInAt(page, ADMIN.email, `/dashboard/a/${AGENCY}/flagged?period=2026`);
  const card = page.getByRole("region", { name: "Kunjungan bertanda" });
  await expect(card.getByText(/tidak dihitung dalam jumlah kunjungan/)).toBeVisible();
  const first = card.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(visits[0].queueNumber);
  await expect(first).toContainText(visits[0].officer);
  await expect(card.getByText(/selesai sebelum dilayani|lebih lama dari satu hari kerja/).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "indicators-flagged-visits");
});
