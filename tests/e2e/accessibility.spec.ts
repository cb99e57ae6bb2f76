/** Every page of the foundation passes axe's WCAG 2.1 A/AA rules, shadow roots included. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the widget page", async ({ page }) => {
  await page.goto("/widget/");
  await page.getByRole("button", { name: "Kirim" }).waitFor();
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
