/**
 * Importing a queue machine's day log as an agency admin meets it: a CSV as an Indonesian Excel
 * saves it (semicolons, BOM, CRLF, a date column beside times alone) has its columns guessed from
 * the header row and its unmatched service values mapped by hand; the preview counts the good,
 * flagged and bad rows and says what is wrong with each bad one; the import says what became of
 * every visit. The same file again stores nothing twice ("sudah ada") and needs no mapping, since
 * the mapping is kept; an .xlsx of the next day (date cells) is read with the kept values and the
 * one new value mapped. On its own server (its visits are its own; both sizes run side by side).
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { freePort } from "../node-process.ts";
import { type SpawnedServer, startServer } from "../server.ts";
import { ADMIN, AGENCY, expectAccessible, screenshot } from "./helpers.ts";

const CSV = "tests/fixtures/visits/antrean-2026-11-27.csv";
const XLSX = "tests/fixtures/visits/antrean-2026-11-28.xlsx";

let server: SpawnedServer;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer(await freePort(), { password: E2E.password, pin: E2E.pin });
});
test.afterAll(async () => server?.stop());

/** Signs in as the agency admin and opens the import from the manage navigation. */
async function openImport(page: Page) {
  await page.goto(`${server.url}/dashboard/`);
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/dashboard\/a\//);
  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Impor log antrean" }).click();
  await expect(page).toHaveURL(`${server.url}/dashboard/a/${AGENCY}/manage/visit-import`);
  await expect(page.getByRole("heading", { name: "Impor log antrean", level: 1 })).toBeVisible();
}

/** Chooses a log file and waits until it is read. */
async function choose(page: Page, path: string, rows: number) {
  await page.getByLabel("Berkas log antrean (.xlsx atau CSV)").setInputFiles(path);
  await expect(page.getByText(`${path.split("/").pop()} dibaca: ${rows} baris.`)).toBeVisible();
}

/** The text of a table's rows in a region, each row's cells joined by " | ". */
async function tableRows(page: Page, region: string) {
  const rows = page.getByRole("region", { name: region }).getByRole("row");
  return (await rows.allInnerTexts()).slice(1).map((r) =>
    r
      .split("\t")
      .map((c) => c.trim())
      .join(" | "),
  );
}

/** A screenshot with a region at the top of the screen. */
async function screenshotOf(page: Page, region: string, name: string) {
  await page.getByRole("region", { name: region }).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, name);
}

const counts = (page: Page) => page.getByRole("region", { name: "Pratinjau" }).getByRole("status");
const valueChoice = (page: Page, kind: "Layanan" | "Loket", value: string) =>
  page.getByRole("combobox", { name: `${kind} untuk “${value}”` });

test("an admin imports a CSV queue log: columns guessed, values mapped, a preview with each bad row's problem, then the counts", async ({
  page,
}) => {
  await openImport(page);
  await choose(page, CSV, 6);
  // The columns, guessed from the header row ("No" is a row counter, not the queue number).
  const columns = page.getByRole("region", { name: "Kolom" });
  await expect(columns.getByLabel("Nomor antrean")).toHaveValue("Nomor Antrian");
  await expect(columns.getByLabel("Layanan", { exact: true })).toHaveValue("Layanan");
  await expect(columns.getByLabel("Loket", { exact: true })).toHaveValue("Loket");
  await expect(columns.getByLabel("Tanggal (bila jam ditulis tanpa tanggal)")).toHaveValue("Tanggal");
  await expect(columns.getByLabel("Waktu ambil nomor")).toHaveValue("Jam Ambil");
  await expect(columns.getByLabel("Waktu dipanggil")).toHaveValue("Jam Panggil");
  await expect(columns.getByLabel("Waktu selesai")).toHaveValue("Jam Selesai");
  await expect(columns.getByLabel("ID kunjungan (opsional)")).toHaveValue("");
  // Values matched by code or name; the others wait for the admin, and their rows cannot go yet.
  await expect(valueChoice(page, "Layanan", "KTP-el")).toHaveValue("ktp-el");
  await expect(valueChoice(page, "Loket", "Loket 3")).toHaveValue("loket-3");
  await expect(valueChoice(page, "Layanan", "KK")).toHaveValue("");
  await expect(counts(page)).toHaveText("6 baris: 2 baik, 0 bertanda, 4 bermasalah.");
  expect(await tableRows(page, "Pratinjau")).toContain(
    "5 | ✗ layanan “Akta” belum dipetakan | C001 | Akta | Loket 2 | 27 Nov 2026, 08.25 WIB",
  );
  await valueChoice(page, "Layanan", "KK").selectOption({ label: "Kartu Keluarga" });
  await valueChoice(page, "Layanan", "Akta").selectOption({ label: "Akta Kelahiran" });

  await expect(counts(page)).toHaveText("6 baris: 3 baik, 1 bertanda, 2 bermasalah.");
  expect(await tableRows(page, "Pratinjau")).toEqual([
    "2 | ✓ baik | A001 | KTP-el | Loket 1 | 27 Nov 2026, 08.05 WIB",
    "3 | ✓ baik | A002 | KTP-el | Loket 1 | 27 Nov 2026, 08.16 WIB",
    "4 | ✓ baik | B001 | KK | Loket 3 | 27 Nov 2026, 08.20 WIB",
    "5 | ⚠ selesai sebelum dilayani | C001 | Akta | Loket 2 | 27 Nov 2026, 08.25 WIB",
    "6 | ✗ Waktu ambil nomor “jam 9” tidak dapat dibaca | B002 | KK | Loket 3 | 27 Nov 2026, 09.05 WIB",
    "7 | ✗ baris ganda: sama dengan baris 3 | A002 | KTP-el | Loket 1 | 27 Nov 2026, 08.16 WIB",
  ]);
  await expectAccessible(page);
  await screenshotOf(page, "Layanan dan loket", "visit-import-mapping");
  await screenshotOf(page, "Pratinjau", "visit-import-preview");

  await page.getByRole("button", { name: "Impor 4 kunjungan" }).click();
  await expect(page.getByText("Impor selesai: 4 disimpan, 0 sudah ada, 0 ditolak.")).toBeVisible();
  expect(await tableRows(page, "Hasil impor")).toEqual([
    "2 | ✓ disimpan | A001 | KTP-el | Loket 1",
    "3 | ✓ disimpan | A002 | KTP-el | Loket 1",
    "4 | ✓ disimpan | B001 | KK | Loket 3",
    "5 | ✓ disimpan: selesai sebelum dilayani | C001 | Akta | Loket 2",
  ]);
  await expectAccessible(page);
  await screenshotOf(page, "Hasil impor", "visit-import-results");
});

test("the next visit to the page remembers the mapping, and the same log again stores nothing twice", async ({
  page,
}) => {
  await openImport(page);
  await choose(page, CSV, 6);
  await expect(page.getByText(/^Memakai pemetaan yang disimpan /)).toBeVisible();
  await expect(valueChoice(page, "Layanan", "KK")).toHaveValue("kartu-keluarga");
  await expect(valueChoice(page, "Layanan", "Akta")).toHaveValue("akta-kelahiran");
  await expect(counts(page)).toHaveText("6 baris: 3 baik, 1 bertanda, 2 bermasalah.");
  await page.getByRole("button", { name: "Impor 4 kunjungan" }).click();
  await expect(page.getByText("Impor selesai: 0 disimpan, 4 sudah ada, 0 ditolak.")).toBeVisible();
  expect(await tableRows(page, "Hasil impor")).toContain("2 | = sudah ada | A001 | KTP-el | Loket 1");
});

test("an .xlsx log of the next day: date cells read, kept values used, the new value mapped, then imported", async ({
  page,
}) => {
  await openImport(page);
  await choose(page, XLSX, 4);
  const columns = page.getByRole("region", { name: "Kolom" });
  await expect(columns.getByLabel("Waktu dipanggil")).toHaveValue("Waktu Panggil");
  await expect(columns.getByLabel("Waktu selesai")).toHaveValue("Waktu Selesai");
  await expect(valueChoice(page, "Layanan", "KK")).toHaveValue("kartu-keluarga");
  await expect(counts(page)).toHaveText("4 baris: 2 baik, 1 bertanda, 1 bermasalah.");
  expect(await tableRows(page, "Pratinjau")).toContain(
    "4 | ✗ layanan “Pindah” belum dipetakan | D001 | Pindah | Loket 4 | 28 Nov 2026, 09.00 WIB",
  );
  await valueChoice(page, "Layanan", "Pindah").selectOption({ label: "Pindah Datang" });
  await expect(counts(page)).toHaveText("4 baris: 3 baik, 1 bertanda, 0 bermasalah.");
  expect(await tableRows(page, "Pratinjau")).toContain(
    "5 | ⚠ di luar jam layanan loket | A002 | KTP-el | Loket 1 | 28 Nov 2026, 17.30 WIB",
  );
  await page.getByRole("button", { name: "Impor 4 kunjungan" }).click();
  await expect(page.getByText("Impor selesai: 4 disimpan, 0 sudah ada, 0 ditolak.")).toBeVisible();
  await screenshotOf(page, "Pratinjau", "visit-import-xlsx");
  // In English, every word of the page is English: the counts, the checks, the flags.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("status")).toHaveText(
    "4 rows: 3 good, 1 flagged, 0 with problems.",
  );
  expect(await tableRows(page, "Preview")).toContain(
    "5 | ⚠ outside the counter's hours | A002 | KTP-el | Loket 1 | 28 Nov 2026, 17:30 WIB",
  );
  await expect(page.getByRole("combobox", { name: "Service for “Pindah”" })).toHaveValue("pindah-datang");
});

test("a regional admin is not offered the import, and its address says it is the agency's admins'", async ({
  page,
}) => {
  await page.goto(`${server.url}/dashboard/`);
  await page.getByLabel("NIP atau e-mail").fill("regional@demo.suara.id");
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/dashboard\/region/);
  await page.goto(`${server.url}/dashboard/a/${AGENCY}/manage/visit-import`);
  await expect(page.getByRole("alert")).toHaveText("Hanya admin instansi yang dapat mengimpor log antrean.");
  await expect(page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Layanan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Impor log antrean" })).toHaveCount(0);
  await expect(page.getByLabel("Berkas log antrean (.xlsx atau CSV)")).toHaveCount(0);
});
