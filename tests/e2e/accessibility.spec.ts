/** Every page of the foundation passes axe's WCAG 2.1 A/AA rules, shadow roots included. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { expectAccessible, screenshot } from "./helpers.ts";

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the widget page", async ({ page }) => {
  await page.goto("/widget/");
  await page.getByRole("button", { name: "Puas", exact: true }).first().waitFor();
  await expectNoViolations(page);
});

test("the dashboard, signed out and signed in", async ({ page }) => {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").waitFor();
  await expectNoViolations(page);
  await page.getByLabel("NIP atau e-mail").fill("admin@demo.suara.id");
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page
    .getByText(/^Responden SKM/)
    .first()
    .waitFor();
  await expectNoViolations(page);
});

test("the kiosk pairing screen", async ({ page }) => {
  await page.goto("/kiosk/");
  await page.getByLabel("Kode pemasangan").waitFor();
  await expectNoViolations(page);
});

test("every management screen and the duty board, with the demo agency's data, and the region page", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const a = "/dashboard/a/disdukcapil-tebingtinggi";
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill("regional@demo.suara.id");
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("region", { name: "Tambah instansi" }).waitFor();
  await expectAccessible(page);
  const screens: [string, string][] = [
    ["setup", "Persiapan instansi"],
    ["manage/services", "Tambah layanan"],
    ["manage/counters", "Tambah loket"],
    ["manage/officers", "Impor dari Excel atau CSV"],
    ["manage/accounts", "Tambah akun"],
    ["manage/tablets", "Tablet terdaftar"],
    ["manage/widget", "Kode pemasangan"],
    ["manage/posters", "Poster QR per loket"],
    ["manage/integrations", "Kunci terdaftar"],
    ["manage/audit", "Log audit"],
    ["duties", "Petugas bertugas"],
  ];
  for (const [path, region] of screens) {
    await page.goto(`${a}/${path}`);
    await page.getByRole("region", { name: region }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Memuat" })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, `manage-${path.replace("/", "-")}`);
  }
});
