/**
 * The right of reply (keberatan) as its people meet it: an officer on a phone
 * contests a comment about them, the agency's supervisor at a desk reads it on
 * the Keberatan page and excludes the rating with a reason, and the officer
 * then reads the decision under the comment.
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { expectAccessible, screenshot } from "./helpers.ts";

const OFFICER = { nip: "198803122010012004", name: "Siti Rahmawati, S.Kom" };
const SUPERVISOR = "supervisor@demo.suara.id";
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

async function signIn(page: Page, identity: string) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(identity);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** No sideways scrolling: wide content wraps or scrolls in its own box. */
async function fitsWidth(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("an officer contests a rating, a supervisor excludes it, and the officer reads the decision", {
  tag: "@once",
}, async ({ page }) => {
  // The officer, on a phone.
  await page.setViewportSize(PHONE);
  await signIn(page, OFFICER.nip);
  const comments = page.getByRole("region", { name: "Komentar warga" });
  const first = comments.getByRole("listitem").first();
  await expect(first.getByRole("button", { name: "Ajukan keberatan" })).toBeVisible();
  const said = (await first.locator(".comment-text").textContent())!;
  await first.getByRole("button", { name: "Ajukan keberatan" }).click();
  const form = first.getByRole("form", { name: "Keberatan atas penilaian ini" });
  await expect(form.getByRole("radio", { name: "Bukan saya yang melayani warga ini" })).toBeFocused();
  // Cancel puts focus back on the button; opening again starts afresh.
  await form.getByRole("button", { name: "Batal" }).click();
  await expect(first.getByRole("button", { name: "Ajukan keberatan" })).toBeFocused();
  await first.getByRole("button", { name: "Ajukan keberatan" }).click();
  await form.getByRole("button", { name: "Kirim keberatan" }).click();
  await expect(form.getByText("Pilih salah satu alasan.")).toBeVisible();
  await form.getByRole("radio", { name: "Lainnya" }).check();
  await form.getByRole("button", { name: "Kirim keberatan" }).click();
  await expect(form.getByText("Tulis catatan bila alasannya “Lainnya”.")).toBeVisible();
  await expect(form.getByLabel("Catatan")).toBeFocused();
  await form.getByRole("radio", { name: "Bukan saya yang melayani warga ini" }).check();
  await form.getByLabel("Catatan").fill("Saya sedang istirahat siang; Loket 1 dilayani rekan.");
  await expectAccessible(page);
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, "contest-form");
  await fitsWidth(page);
  await form.getByRole("button", { name: "Kirim keberatan" }).click();
  const pending = first.getByText("Keberatan diajukan — menunggu keputusan");
  await expect(pending).toBeVisible();
  await expect(pending).toBeFocused();
  await expect(first.getByRole("button", { name: "Ajukan keberatan" })).toHaveCount(0);
  await page.getByRole("button", { name: "Keluar" }).click();

  // The supervisor, at a desk.
  await page.setViewportSize(DESK);
  await signIn(page, SUPERVISOR);
  await page.getByRole("link", { name: /^Keberatan/ }).click();
  await expect(page.getByRole("heading", { name: "Keberatan petugas", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Keberatan (1 menunggu keputusan)" })).toBeVisible();
  const open = page.getByRole("region", { name: /^Menunggu keputusan/ });
  const item = open.getByRole("listitem").filter({ hasText: said });
  await expect(item.getByRole("heading", { name: new RegExp(`^${OFFICER.name}`) })).toBeVisible();
  await expect(item.getByText("Bukan saya yang melayani warga ini")).toBeVisible();
  await expect(item.getByText("Saya sedang istirahat siang; Loket 1 dilayani rekan.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Sudah diputuskan" }).getByText("Belum ada keberatan yang diputuskan."),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "contests-open");
  await page.setViewportSize(PHONE);
  await screenshot(page, "contests-open");
  await fitsWidth(page);
  await page.setViewportSize(DESK);

  await item.getByRole("button", { name: "Kecualikan" }).click();
  const why = item.getByLabel("Alasan keputusan");
  await expect(why).toBeFocused();
  await item.getByRole("button", { name: "Simpan: kecualikan" }).click();
  await expect(item.getByText("Tulis alasan keputusan.")).toBeVisible();
  await why.fill("Jadwal tugas menunjukkan Loket 1 dilayani rekan pada jam itu.");
  await expectAccessible(page);
  await screenshot(page, "contests-decide");
  await item.getByRole("button", { name: "Simpan: kecualikan" }).click();
  const status = page.getByRole("status").filter({ hasText: `Keberatan ${OFFICER.name} diputuskan: Dikecualikan.` });
  await expect(status).toBeFocused();
  await expect(open.getByText("Tidak ada keberatan yang menunggu keputusan.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Keberatan", exact: true })).toBeVisible();
  const decided = page
    .getByRole("region", { name: "Sudah diputuskan" })
    .getByRole("listitem")
    .filter({ hasText: said });
  await expect(decided.getByText(/^Dikecualikan\./)).toBeVisible();
  await expect(decided.getByText(/oleh Kepala Bidang Pelayanan$/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "contests-decided");
  await page.setViewportSize(PHONE);
  await decided.scrollIntoViewIfNeeded();
  await screenshot(page, "contests-decided");
  await fitsWidth(page);
  // The flagged tab words the flags, no codes.
  await page.getByRole("link", { name: "Penilaian bertanda" }).click();
  await expect(page.getByRole("heading", { name: "Penilaian bertanda" })).toBeVisible();
  await expect(page.getByText(/[a-z]_[a-z]/)).toHaveCount(0);
  await page.getByRole("button", { name: "Keluar" }).click();

  // The officer again, on the phone: the decision and why, under the comment.
  await signIn(page, OFFICER.nip);
  const again = page.getByRole("region", { name: "Komentar warga" }).getByRole("listitem").first();
  await expect(again.getByText(said)).toBeVisible();
  await expect(again.getByText(/^Dikecualikan\./)).toBeVisible();
  await expect(
    again.getByText("Catatan keputusan: Jadwal tugas menunjukkan Loket 1 dilayani rekan pada jam itu."),
  ).toBeVisible();
  await expectAccessible(page);
  await again.scrollIntoViewIfNeeded();
  await screenshot(page, "contest-decided-officer");
  await page.setViewportSize(DESK);
  await again.scrollIntoViewIfNeeded();
  await screenshot(page, "contest-decided-officer");
});
