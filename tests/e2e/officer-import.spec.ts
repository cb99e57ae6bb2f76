/**
 * The officer import as an admin meets it with the files Excel writes: an Indonesian-locale
 * CSV (semicolons, BOM, CRLF) and an .xlsx each preview every row right (✓, or ✗ and why,
 * a rounded NIP with how to fix it; a PIN only as "ada"); the button counts only the good
 * rows and is really disabled when there are none; after the import the skipped rows are
 * named and the officer list says who has a kiosk PIN.
 */
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, AGENCY, expectAccessible, screenshot } from "./helpers.ts";

const fixture = (name: string) => `tests/fixtures/officers/${name}`;

async function openImport(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/dashboard\/a\//);
  await page.goto(`/dashboard/a/${AGENCY}/manage/officers`);
  return page.getByRole("region", { name: "Impor dari Excel atau CSV" });
}

/** A preview row as expected: line, NIP, PIN as shown, and the check's words (or their pattern). */
type PreviewRow = [string, string, string, string | RegExp];

/** The preview's rows as line, NIP, PIN and check, as they are seen (words only for screen readers left out). */
async function previewRows(page: Page) {
  const rows = page.getByRole("region", { name: "Impor dari Excel atau CSV" }).getByRole("row");
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((trs) =>
    trs.slice(1).map((tr) =>
      [...tr.children].map((cell) => {
        const seen = cell.cloneNode(true) as HTMLElement;
        for (const hidden of seen.querySelectorAll(".visually-hidden")) hidden.remove();
        return (seen.textContent ?? "").trim();
      }),
    ),
  );
  return cells.map(([line, check, nip, , , pin]) => [line, nip, pin, check]);
}

test("an Indonesian Excel CSV and an .xlsx preview every row right; the good rows are imported and the list shows PINs", async ({
  page,
}, info) => {
  test.setTimeout(60_000);
  const card = await openImport(page);
  const file = card.getByLabel("Berkas Excel (.xlsx) atau CSV");
  const check = card.getByRole("button", { name: "Periksa" });

  const ok = "✓ benar";
  const pin = /^✗ PIN terdiri dari 6 angka\. Jika diawali 0/;
  const files: [string, string, PreviewRow[]][] = [
    // Indonesian Excel's "CSV UTF-8": BOM, semicolons, CRLF, a rounded NIP, a PIN that lost its 0, an emptied row.
    [
      "csv",
      "excel-id.csv",
      [
        ["2", "199005152015031001", "ada", ok],
        ["3", "1,99106E+17", "–", /^✗ Excel membulatkan NIP ini .*format kolom NIP sebagai Teks/],
        ["4", "199208202019022002", "ada", pin],
        ["6", "199310102018011003", "–", ok],
      ],
    ],
    // The same staff list as an .xlsx (written by XlsxWriter, as Excel stores it): the NIP kept as a number is told.
    [
      "xlsx",
      "officers.xlsx",
      [
        ["2", "199005152015031001", "ada", ok],
        ["3", "1.99106152017031E+17", "–", /^✗ NIP ini tersimpan sebagai angka, sehingga Excel hanya menyimpan 15/],
        ["4", "199208202019022002", "ada", pin],
        ["6", "199310102018011003", "ada", ok],
      ],
    ],
  ];
  for (const [kind, name, rows] of files) {
    await file.setInputFiles(fixture(name));
    await expect(card.getByText(`${name} dipilih. Tekan Periksa.`)).toBeVisible();
    await check.click();
    await expect(card.getByRole("status").filter({ hasText: "2 dari 4 baris dapat diimpor" })).toBeVisible();
    expect(await previewRows(page)).toEqual(
      rows.map((row) => row.map((cell) => (typeof cell === "string" ? cell : expect.stringMatching(cell)))),
    );
    // No PIN is ever shown back.
    await expect(card).not.toContainText("246810");
    await expect(card.getByRole("button", { name: "Impor 2 petugas" })).toBeEnabled();
    await card.getByRole("table").scrollIntoViewIfNeeded();
    await screenshot(page, `officer-import-${kind}`);
    await expectAccessible(page);
  }

  // Nothing to import: the button says 0 and is really disabled.
  await card.getByLabel(/Atau tempel isi CSV/).fill("NIP;Nama\r\n1,98901E+17;Rudi\r\n");
  await check.click();
  await expect(card.getByRole("status").filter({ hasText: "Tidak ada baris yang dapat diimpor" })).toBeVisible();
  const none = card.getByRole("button", { name: "Impor 0 petugas" });
  await expect(none).toBeDisabled();
  expect(await none.evaluate((b) => getComputedStyle(b).opacity)).toBe("0.5");

  // The import itself, with NIPs of this project's own (both projects share one server).
  const day = info.project.name === "tablet" ? "01" : "02";
  const [withPin, withoutPin] = [`197501${day}2000011001`, `197501${day}2000012002`];
  const csv = `\uFEFFNIP;Nama;Jabatan;PIN\r\n${withPin};Lina Marlina;Operator;${"975310"}\r\n1,97501E+17;Rudi Hartono;Operator;\r\n${withoutPin};Yusuf Maulana, S.E.;Verifikator;\r\n`;
  await file.setInputFiles({ name: "petugas.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await check.click();
  await expect(card.getByRole("status").filter({ hasText: "2 dari 3 baris dapat diimpor" })).toBeVisible();
  // The file's PINs are not shown back, not even as the file's text.
  await expect(card.getByLabel(/Atau tempel isi CSV/)).toHaveValue("");
  await expect(card).not.toContainText("975310");
  // Nothing in the preview's table sticks out of the page on a phone (a hidden word once did, and took the taps).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(page.viewportSize()!.width);
  await card.getByRole("button", { name: "Impor 2 petugas" }).click();
  await expect(card.getByRole("status").filter({ hasText: "2 petugas ditambahkan." })).toBeVisible();
  await expect(card.getByText("1 baris dilewati:")).toBeVisible();
  await expect(card.getByRole("listitem")).toHaveText([/^Baris 3 \(NIP 1,97501E\+17\): Excel membulatkan NIP ini/]);
  await card.getByText("1 baris dilewati:").scrollIntoViewIfNeeded();
  await screenshot(page, "officer-import-skipped");

  const list = page.getByRole("region", { name: "Data petugas" });
  await expect(list.getByRole("columnheader", { name: "PIN kios" })).toBeVisible();
  // Each officer's row, by the NIP of this project's import, says in words whether a PIN is set.
  const rowOf = (nip: string) => list.getByRole("row").filter({ hasText: nip });
  await expect(rowOf(withPin).getByRole("rowheader")).toHaveText("Lina Marlina");
  await expect(rowOf(withPin).getByRole("cell").nth(3)).toHaveText("Ada");
  await expect(rowOf(withoutPin).getByRole("cell").nth(3)).toHaveText("Belum ada");
  await rowOf(withPin).scrollIntoViewIfNeeded();
  await screenshot(page, "officer-import-done");
  await expectAccessible(page);
});
