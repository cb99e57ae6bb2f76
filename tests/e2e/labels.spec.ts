/**
 * Labels that cannot be misread (issue 19, item 6) and the evidence page on one
 * A4 sheet (item 9): "Resmi" only beside the sample's adequacy, the quick index
 * with its own n, times in the agency's zone with its name, the population the
 * minimum sample is for, no score of an officer below the minimum n anywhere on
 * their pages, and the printed evidence in the reader's language with its print
 * date and signatures.
 */
import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { ADMIN, AGENCY, adminApi, expectAccessible, pdfPages } from "./helpers.ts";

const OFFICER_NIP = "198803122010012004";
const id = (value: number, digits = 2) =>
  new Intl.NumberFormat("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const whole = (value: number) => new Intl.NumberFormat("id-ID").format(value);

async function signIn(page: Page, identity: string, path = "/dashboard/") {
  await page.goto(path);
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** The whole page, at the viewport's size, to look at. */
async function screenshot(page: Page, name: string) {
  mkdirSync("test-results/screens", { recursive: true });
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png`, fullPage: true });
}

/** The whole page as printed (print media), to look at. */
async function printShot(page: Page, name: string) {
  mkdirSync("test-results/screens", { recursive: true });
  await page.emulateMedia({ media: "print" });
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  await page.emulateMedia({ media: null });
}

// A reader whose browser is in New York: the agency's times must still be Tebing Tinggi's (WIB).
test.use({ timezoneId: "America/New_York" });

test("the overview calls the IKM official only beside an adequate sample, and says which population it assumes", async ({
  page,
  request,
}) => {
  const admin = await adminApi(request);
  await signIn(page, ADMIN.email);
  await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
  const period = new URL(page.url()).searchParams.get("period");
  const semester = await admin.json(`/agencies/${AGENCY}/report${period ? `?period=${period}` : ""}`);
  const card = page.getByRole("region", { name: /^IKM/ });
  // The demo's semester reaches 384: official, and said why.
  expect(semester.sampleSize.shortfall).toBe(0);
  await expect(card.getByText(/^(✓ )?(Belum )?resmi/i)).toHaveText(
    `✓ Resmi: semua 9 unsur terjawab dan sampel cukup (${whole(semester.respondents)} dari minimal 384 responden)`,
  );
  // The quick index with its own n, apart from the face-only taps; every count with its unit.
  await expect(card.getByText(`Indeks cepat dari ${whole(semester.quick.n)} wajah`)).toBeVisible();
  await expect(card.getByText(`${whole(semester.taps)} sentuhan`, { exact: true })).toBeVisible();
  await expect(card.getByText(`${whole(semester.respondents)} responden`, { exact: true })).toBeVisible();
  await screenshot(page, "labels-overview-official");

  // A week is short of 384: no "Resmi", and how many are missing.
  const from = new Date(Date.now() - 86_400_000 * 9).toISOString().slice(0, 10);
  const to = new Date(Date.now() - 86_400_000 * 3).toISOString().slice(0, 10);
  const week = await admin.json(`/agencies/${AGENCY}/report?from=${from}&to=${to}`);
  expect(week.ikm).not.toBeNull();
  expect(week.sampleSize.shortfall).toBeGreaterThan(0);
  expect(week.respondents).toBeGreaterThanOrEqual(10);
  await page.goto(`/dashboard/a/${AGENCY}?from=${from}&to=${to}`);
  await expect(card.getByText(/^(✓ )?(Belum )?resmi/i)).toHaveText(
    `Belum resmi: kurang ${whole(week.sampleSize.shortfall)} responden (terkumpul ${whole(week.respondents)} dari minimal 384)`,
  );
  await expect(card.getByText(/^✓/)).toHaveCount(0);
  // 384 is said to assume a large or unknown population, with the way to state it.
  await expect(card.getByText(/^Minimal 384 responden mengandaikan/)).toBeVisible();
  await card.getByRole("link", { name: "Isi jumlah penerima layanan" }).click();
  await expect(page).toHaveURL(/#sample-population$/);
  await expectAccessible(page);
  await screenshot(page, "labels-overview-short");

  // A range's number is this view's own (never kept): 10 service users need 10 by the table, so now it is official.
  const sample = page.getByRole("region", { name: /^Kecukupan sampel/ });
  await expect(sample.getByText("Untuk rentang tanggal, angka ini hanya berlaku pada tampilan ini")).toBeVisible();
  await page.getByLabel("Jumlah penerima layanan pada periode").fill("10");
  await sample.getByRole("button", { name: "Terapkan" }).click();
  await expect(card.getByText(/^(✓ )?(Belum )?resmi/i)).toHaveText(
    `✓ Resmi: semua 9 unsur terjawab dan sampel cukup (${whole(week.respondents)} dari minimal 10 responden)`,
  );
  await expect(
    card.getByText("Minimal untuk 10 penerima layanan pada periode, menurut tabel Krejcie & Morgan."),
  ).toBeVisible();
  await expectAccessible(page);
  // The printed report of the same view reads the same number.
  await page.getByRole("link", { name: "Laporan SKM" }).click();
  await expect(page.getByRole("heading", { name: "Laporan Survei Kepuasan Masyarakat" })).toBeVisible();
  await expect(page.getByText(/^✓ Resmi/)).toBeVisible();
  await expect(page.getByText(/^Sampel minimal 10 responden/)).toBeVisible();
  // A week's population does not stand for the semester's: there 384 is assumed again, and said.
  await page.goto(`/dashboard/a/${AGENCY}`);
  await expect(card.getByText(/^Minimal 384 responden mengandaikan/)).toBeVisible();
  await expect(page.getByLabel("Jumlah penerima layanan pada periode")).toHaveValue("");
});

test("the semester's population is the agency's: saved by its admin, read on another computer and in the printed report", async ({
  page,
  browser,
  request,
}) => {
  const admin = await adminApi(request);
  const { user } = await admin.json("/me");
  await signIn(page, ADMIN.email);
  await expect(page.getByRole("heading", { name: /^IKM Semester/ })).toBeVisible();
  const period = new URL(page.url()).searchParams.get("period");
  const semester = await admin.json(`/agencies/${AGENCY}/report${period ? `?period=${period}` : ""}`);
  const sample = page.getByRole("region", { name: /^Kecukupan sampel/ });
  await expect(sample.getByText(/^Sampel minimal 384 responden/)).toBeVisible();
  // 1,000 service users need 278 by the table.
  await sample.getByLabel("Jumlah penerima layanan pada periode").fill("1000");
  await sample.getByRole("button", { name: "Simpan" }).click();
  await expect(sample.getByRole("status")).toHaveText(/^Jumlah penerima layanan Semester .+ disimpan\.$/);
  await expect(sample.getByText(/^Sampel minimal 278 responden/)).toBeVisible();
  const statedLine = new RegExp(
    `^Minimal untuk 1\\.000 penerima layanan pada periode, menurut tabel Krejcie & Morgan\\. Dinyatakan oleh ${user.name}, .+ WIB\\.$`,
  );
  await expect(sample.getByText(statedLine)).toBeVisible();
  await expect(sample.getByLabel("Jumlah penerima layanan pada periode")).toHaveValue("1000");
  await expectAccessible(page);
  await sample.scrollIntoViewIfNeeded();
  await sample.screenshot({ path: `test-results/screens/population-admin-${page.viewportSize()!.width}.png` });

  // Another computer (a new browser, nothing of this one's storage): the supervisor reads the same number, with no field.
  const elsewhere = await browser.newContext({ timezoneId: "Asia/Makassar", viewport: page.viewportSize()! });
  const other = await elsewhere.newPage();
  await signIn(other, "supervisor@demo.suara.id", `/dashboard/a/${AGENCY}${period ? `?period=${period}` : ""}`);
  const theirs = other.getByRole("region", { name: /^Kecukupan sampel/ });
  await expect(theirs.getByText(statedLine)).toBeVisible();
  await expect(theirs.getByText(/^Sampel minimal 278 responden/)).toBeVisible();
  await expect(other.getByLabel("Jumlah penerima layanan pada periode")).toHaveCount(0);
  await expect(other.getByRole("region", { name: /^IKM/ }).getByText(/^✓ Resmi/)).toHaveText(
    `✓ Resmi: semua 9 unsur terjawab dan sampel cukup (${whole(semester.respondents)} dari minimal 278 responden)`,
  );
  await expectAccessible(other);
  await theirs.scrollIntoViewIfNeeded();
  await theirs.screenshot({ path: `test-results/screens/population-reader-${page.viewportSize()!.width}.png` });
  // The printed report there says the same, with who stated it.
  await other.getByRole("link", { name: "Laporan SKM" }).click();
  await expect(other.getByRole("heading", { name: "Laporan Survei Kepuasan Masyarakat" })).toBeVisible();
  await expect(other.getByText(/^Sampel minimal 278 responden/)).toBeVisible();
  await expect(other.getByText(statedLine)).toBeVisible();
  await printShot(other, "population-printed");
  await elsewhere.close();

  // Withdrawn: 384 is assumed again, and the audit log says who stated and who removed it.
  page.once("dialog", (dialog) => dialog.accept());
  await sample.getByRole("button", { name: /^Hapus jumlah penerima layanan Semester/ }).click();
  await expect(sample.getByText(/^Sampel minimal 384 responden/)).toBeVisible();
  await expect(sample.getByLabel("Jumlah penerima layanan pada periode")).toHaveValue("");
  await page.goto(`/dashboard/a/${AGENCY}/manage/audit?action=population`);
  await expect(page.getByRole("rowheader", { name: "Jumlah penerima layanan dihapus" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /: 1\.000 penerima layanan$/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("comment times are the agency's, with its zone's name, whatever the reader's browser zone", async ({
  page,
  request,
}) => {
  const admin = await adminApi(request);
  await signIn(page, ADMIN.email, `/dashboard/a/${AGENCY}/comments`);
  await expect(page.getByRole("heading", { name: "Komentar warga" })).toBeVisible();
  const period = new URL(page.url()).searchParams.get("period");
  const { comments } = await admin.json(`/agencies/${AGENCY}/comments${period ? `?period=${period}` : ""}`);
  expect(comments.length).toBeGreaterThan(0);
  const wib = new Intl.DateTimeFormat("id-ID", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Jakarta",
  }).format(new Date(comments[0].createdAt));
  const first = page.locator(".comments li").first();
  await expect(first).toContainText(`${wib} WIB`);
  // Every time on the page names its zone.
  for (const line of await page.locator(".comments li .muted").allTextContents()) expect(line).toMatch(/\d WIB ·/);
  await expectAccessible(page);
  await screenshot(page, "labels-comments");
});

test("an officer below the minimum n sees no score of theirs anywhere: headline, figures, trend, evidence", async ({
  page,
  request,
}) => {
  // One working day (the demo serves Monday to Friday): far fewer than 30 ratings.
  const day = pastWorkday();
  const query = `from=${day}&to=${day}`;
  const login = await request.post("/api/v1/auth/login", { data: { nip: OFFICER_NIP, password: E2E.password } });
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const s = await (await request.get(`/api/v1/me/score?${query}`, { headers })).json();
  expect(s.enough).toBe(false);
  expect(s.n).toBeGreaterThan(0);
  // The API still has the scores; the pages must not print them.
  const scores = [s.index, s.fair, ...(s.ci95 ?? []), s.elements.kompetensi.score, s.elements.perilaku.score]
    .concat(s.trend.flatMap((m: { fair: number | null; index: number | null }) => [m.fair, m.index]))
    .filter((v): v is number => typeof v === "number")
    .map((v) => id(v));
  expect(scores.length).toBeGreaterThan(0);
  await signIn(page, OFFICER_NIP, `/dashboard/me?${query}`);
  await expect(page.getByText(`Data belum cukup: ${s.n} dari minimal 30 penilaian`)).toBeVisible();
  await expect(page.getByText(/^Skor adil per bulan: .*data belum cukup/)).toBeVisible();
  const shown = await page.locator("main").innerText();
  for (const value of scores) expect(shown, `score ${value} printed`).not.toContain(value);
  await expect(page.getByText("tidak ditampilkan: data belum cukup").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "labels-officer-below-min");

  await page.goto(`/dashboard/me/evidence?${query}`);
  await expect(page.getByRole("heading", { name: "Bukti dukung: Berorientasi Pelayanan" })).toBeVisible();
  const evidence = await page.locator("main").innerText();
  for (const value of scores) expect(evidence, `score ${value} printed`).not.toContain(value);
});

test("the officers tab speaks of officers, not 'Anda', and prints no score below the minimum", async ({ page }) => {
  const day = pastWorkday();
  await signIn(page, ADMIN.email, `/dashboard/a/${AGENCY}/officers?from=${day}&to=${day}`);
  await expect(page.getByRole("heading", { name: "Indikator per petugas" })).toBeVisible();
  await expect(page.getByText(/^Skor adil menggabungkan penilaian seorang petugas/)).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(/\bAnda\b/);
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.allInnerTexts()) {
    expect(row).toContain("data belum cukup");
    expect(row).not.toMatch(/\d,\d\d/);
  }
  await expectAccessible(page);
});

for (const lang of ["id", "en"] as const) {
  test(`the evidence page prints on one A4 page in ${lang}, with print date, period and signatures`, async ({
    page,
  }) => {
    await signIn(page, OFFICER_NIP, "/dashboard/me");
    // The trend chart's first and last month labels whole (they were cut: "Nov 202"), to look at.
    const trend = page.getByRole("region", { name: "Tren bulanan" });
    await expect(trend.locator(".chart canvas").first()).toBeVisible();
    mkdirSync("test-results/screens", { recursive: true });
    await trend.screenshot({ path: `test-results/screens/labels-trend-${page.viewportSize()!.width}.png` });
    await page.goto("/dashboard/me/evidence");
    await expect(page.getByRole("heading", { name: "Bukti dukung: Berorientasi Pelayanan" })).toBeVisible();
    if (lang === "en") {
      await page.getByRole("button", { name: "Switch to English" }).click();
      await expect(page.getByRole("heading", { name: "Evidence: Service orientation" })).toBeVisible();
    }
    await expect(page.locator(".comments li").first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, `labels-evidence-${lang}`);
    await printShot(page, `labels-evidence-print-${lang}`);
    const pages = await pdfPages(await page.pdf({ format: "A4" }));
    expect(pages).toHaveLength(1);
    // pdf.js splits ligatures ("O ffi cer"): compare without spaces.
    const printed = pages[0].replace(/\s+/g, "");
    const has = (words: string) => expect(printed).toContain(words.replace(/\s+/g, ""));
    if (lang === "id") {
      expect(printed).toMatch(/Dicetak\d{1,2}\w{3}\d{4},\d\d\.\d\dWIB/);
      for (const words of [
        "Petugas yang dinilai",
        "Atasan langsung",
        "Tanda tangan",
        "Kompetensi Pelaksana / Perilaku Pelaksana",
      ])
        has(words);
      has("Periode Semester");
      // The method note in Indonesian, the interval's method too.
      has("Rentang: rentang skor Wilson 95% atas (rata-rata − 1) / 3");
      expect(printed).not.toMatch(/Wilsonscoreinterval|mappedback/);
    } else {
      expect(printed).toMatch(/Printed\d{1,2}\w{3}\d{4},\d\d:\d\dWIB/);
      for (const words of ["Officer rated", "Direct superior", "Signature", "Staff competence / Staff conduct"])
        has(words);
      has("Period Semester");
      expect(printed).not.toMatch(/Kompetensi\/Perilaku|Dicetak|Tandatangan|Atasanlangsung|Metode/);
    }
    expect(printed).toContain(OFFICER_NIP);
  });
}

/** A weekday at least three days back: the demo's counters serve Monday to Friday, so it has ratings. */
function pastWorkday(): string {
  const day = new Date(Date.now() - 86_400_000 * 3);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
