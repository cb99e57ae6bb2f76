/**
 * The dashboard's reading half as its users meet it: an officer on a phone
 * reading their own score, an admin at a desk reading, downloading and printing
 * the SKM report, and a regional admin comparing agencies.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { ELEMENTS } from "../../core/questionnaire.ts";
import { E2E } from "../../playwright.config.ts";
import { ADMIN, AGENCY, expectAccessible, pdfPages, screenshot } from "./helpers.ts";

const OFFICER = { nip: "198803122010012004", name: "Siti Rahmawati, S.Kom" };
const COLLEAGUE = "Budi Santoso";
const two = (value: number) =>
  new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
const four = (value: number) =>
  new Intl.NumberFormat("id-ID", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(value);

async function signIn(page: Page, identity: string, path = "/dashboard/") {
  await page.goto(path);
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

test.describe("an officer on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("reads their own score for last semester, and nothing of a colleague's", async ({ page, request }) => {
    await signIn(page, OFFICER.nip);
    await expect(page.getByRole("heading", { name: /^Nilai saya, Semester/ })).toBeVisible();
    const now = new Date();
    const lastSemester = now.getMonth() < 6 ? `${now.getFullYear() - 1}-S2` : `${now.getFullYear()}-S1`;
    await page.getByLabel("Periode").selectOption(lastSemester);
    await expect(page).toHaveURL(new RegExp(`period=${lastSemester}`));
    await expect(page.getByRole("heading", { name: /^Nilai saya, Semester I{1,2} \d{4}$/ })).toBeVisible();
    await expect(page.getByText("Penilaian diterima")).toBeVisible();
    await expect(page.getByText("Rentang keyakinan 95%")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tren bulanan" })).toBeVisible();
    await expect(page.locator(".chart canvas").first()).toBeVisible();
    await expect(page.getByText(/^Skor adil per bulan:/)).toBeVisible();
    // The numbers are the officer's own, as the API gives them.
    const login = await request.post("/api/v1/auth/login", { data: { nip: OFFICER.nip, password: E2E.password } });
    const token = (await login.json()).token;
    const period = new URL(page.url()).searchParams.get("period");
    const score = await (
      await request.get(`/api/v1/me/score?period=${period}`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    // Every count with its unit: "404 penilaian".
    const ratings = `${new Intl.NumberFormat("id-ID").format(score.n)} penilaian`;
    await expect(page.getByText(ratings, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`${two(score.ci95[0])} – ${two(score.ci95[1])}`).first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "dashboard-officer");
    // No sideways scrolling at 390 px: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.content()).not.toContain(COLLEAGUE);
    // A colleague's data stays out of reach through the API too.
    const report = await request.get(`/api/v1/agencies/${AGENCY}/report`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.status()).toBe(403);
    await page.getByRole("link", { name: "Bukti dukung" }).click();
    await expect(page.getByRole("heading", { name: "Bukti dukung: Berorientasi Pelayanan" })).toBeVisible();
    await expect(page.getByText(OFFICER.nip, { exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("an admin at a desk", { tag: "@once" }, () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("reads the overview as the report endpoint gives it, downloads the CSV and prints the SKM report", async ({
    page,
    request,
  }) => {
    await signIn(page, ADMIN.email);
    await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
    const period = new URL(page.url()).searchParams.get("period");
    const api = await request.post("/api/v1/auth/login", { data: ADMIN });
    const headers = { authorization: `Bearer ${(await api.json()).token}` };
    // The page shows this semester unless told otherwise, as the API does.
    const query = period ? `?period=${period}` : "";
    const report = await (await request.get(`/api/v1/agencies/${AGENCY}/report${query}`, { headers })).json();
    expect(report.ikm).not.toBeNull();
    const card = page.getByRole("region", { name: /^IKM/ });
    await expect(card.getByText(two(report.ikm.value), { exact: true })).toBeVisible();
    await expect(card.getByText(`${report.ikm.mutu} · ${report.ikm.kinerja}`).first()).toBeVisible();
    await expect(card.getByText("IKM = Σ NRR × 1/9 × 25 (PermenPANRB 14/2017)")).toBeVisible();
    const elements = page.getByRole("region", { name: "Nilai per unsur" });
    for (const [i, element] of ELEMENTS.entries()) {
      const row = elements.getByRole("row", { name: new RegExp(`^U${i + 1}\\. `) });
      await expect(row).toContainText(four(report.elements[element.id].nrr));
      await expect(row).toContainText(two(report.elements[element.id].score));
    }
    await expect(
      page.getByText(`${new Intl.NumberFormat("id-ID").format(report.respondents)}`, { exact: true }).first(),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "dashboard-overview");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    // For people: Indonesian headers, the agency's zone, `;` as an Indonesian-locale Excel expects.
    expect(csv.replace(/^\uFEFF/, "").split("\n")[0]).toMatch(/^ID penilaian;Waktu \(WIB\);/);
    expect(csv.trim().split("\n").length).toBeGreaterThan(report.respondents);

    for (const tab of ["Petugas", "Penilaian bertanda", "Komentar"]) {
      await page.getByRole("link", { name: tab, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("status")).toHaveCount(0);
      await expectAccessible(page);
    }
    await page.getByRole("link", { name: "Laporan SKM" }).click();
    await expect(page.getByRole("heading", { name: "Laporan Survei Kepuasan Masyarakat" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Profil responden" })).toBeVisible();
    await expect(page.getByRole("caption").first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "dashboard-report");
    const printed = (await pdfPages(await page.pdf({ format: "A4" }))).join("\n");
    expect(printed).toContain(two(report.ikm.value));
    expect(printed).toContain(report.ikm.kinerja);
    expect(printed).toContain("1/9 × 25 (PermenPANRB 14/2017)");
    for (const element of ELEMENTS) expect(printed).toContain(four(report.elements[element.id].nrr));
  });
});

test.describe("a regional admin", { tag: "@once" }, () => {
  test("sees every agency of the region with its IKM, and opens one", async ({ page }) => {
    await signIn(page, "regional@demo.suara.id");
    await expect(page.getByRole("heading", { name: "Instansi di wilayah Sumatera Utara" })).toBeVisible();
    const row = page.getByRole("row", { name: /Dinas Kependudukan dan Pencatatan Sipil Kota Tebing Tinggi/ });
    await expect(row).toContainText(/\d+,\d{2}/);
    await expectAccessible(page);
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
  });
});

test("a reversed date range is refused in words before the API is asked, and an API refusal never shows its code", async ({
  page,
}) => {
  await signIn(page, ADMIN.email);
  await page.getByLabel("Periode", { exact: true }).selectOption("range");
  await page.getByLabel("Dari", { exact: true }).fill("2026-11-30");
  await page.getByLabel("Sampai", { exact: true }).fill("2026-11-01");
  const before = page.url();
  await page.getByLabel("Sampai", { exact: true }).press("Enter");
  // The one alert saying anything (forms keep an empty alert ready to speak their problems).
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Tanggal akhir harus sama dengan atau sesudah tanggal awal.",
  );
  expect(page.url()).toBe(before);
  await expectAccessible(page);
  // The same range typed into the address: the API's refusal is worded, with no code.
  await page.goto(`/dashboard/a/${AGENCY}?from=2026-11-30&to=2026-11-01`);
  await expect(page.getByText(/^Periode tidak dapat dibaca/)).toBeVisible();
  await expect(page.getByText("invalid_period")).toHaveCount(0);
  // Asking again unchanged cannot help, so there is no "Coba lagi".
  await expect(page.getByRole("button", { name: "Coba lagi" })).toHaveCount(0);
});

test("after signing in and on every new page the focus is on the content, and a skip link leads there", async ({
  page,
}) => {
  await signIn(page, ADMIN.email);
  await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
  await expect(page.getByRole("main")).toBeFocused();
  await page.getByRole("link", { name: "Petugas", exact: true }).click();
  await expect(page.getByRole("main")).toBeFocused();
  const skip = page.getByRole("link", { name: "Langsung ke isi halaman" });
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expectAccessible(page);
});

test("a session that ends sends the reader to sign in and back to the same page", async ({ page, context }) => {
  await signIn(page, OFFICER.nip, "/dashboard/me/evidence");
  await expect(page.getByRole("heading", { name: "Bukti dukung: Berorientasi Pelayanan" })).toBeVisible();
  await context.clearCookies();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Masuk ke Suara" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("NIP atau e-mail").fill(OFFICER.nip);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: "Bukti dukung: Berorientasi Pelayanan" })).toBeVisible();
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`screens at ${viewport.width}×${viewport.height}`, { tag: "@once" }, () => {
    test.use({ viewport });

    test("the officer page, the overview and the printed report", async ({ page }) => {
      await signIn(page, OFFICER.nip);
      await expect(page.getByRole("heading", { name: "Tren bulanan" })).toBeVisible();
      await screenshot(page, "screen-officer");
      await page.getByRole("button", { name: "Keluar" }).click();
      await signIn(page, ADMIN.email);
      await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Nilai per unsur" })).toBeVisible();
      await screenshot(page, "screen-overview");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.getByRole("link", { name: "Laporan SKM" }).click();
      await expect(page.getByRole("heading", { name: "Profil responden" })).toBeVisible();
      await page.emulateMedia({ media: "print" });
      await screenshot(page, "screen-report-print");
    });
  });
}
