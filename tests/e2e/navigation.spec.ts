/**
 * The dashboard's frame on a phone and a tablet (issue 19 item 10): the page's content starts in
 * the first screen (on a phone each navigation is one line that scrolls sideways), the current
 * page is announced, and every link of both navigations is reached and followed by keyboard.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, AGENCY, expectAccessible, screenshot } from "./helpers.ts";

test("the content starts in the first screen, and both navigations work by keyboard", async ({ page }) => {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("navigation", { name: "Suara" })).toBeVisible();
  await page.goto(`/dashboard/a/${AGENCY}/manage/counters`);
  await expect(page.getByRole("heading", { level: 1, name: "Loket", exact: true })).toBeVisible();

  // Less than 40% of the first screen is frame (a phone showed 70% before: content began at 590 of 844 px).
  const { height } = page.viewportSize()!;
  const contentTop = (await page.getByRole("main").boundingBox())!.y;
  expect(contentTop).toBeLessThan(height * 0.4);

  // The current page is announced and in sight, even when it sits far along its line on a phone.
  const manage = page.getByRole("navigation", { name: "Kelola" });
  const current = manage.getByRole("link", { name: "Loket", exact: true });
  await expect(current).toHaveAttribute("aria-current", "page");
  await expect(current).toBeInViewport();
  await expectAccessible(page);
  await screenshot(page, "navigation-counters");

  // Tab walks every link of both navigations in order, each scrolled into sight as it takes focus.
  const links = await page.getByRole("navigation").getByRole("link").all();
  expect(links.length).toBe(19);
  await links[0].focus();
  for (const link of links.slice(1)) {
    await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await expect(link).toBeInViewport();
  }
  // The last one, "Log audit", is followed with Enter: its page opens and becomes the current one.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Log audit" })).toBeVisible();
  await expect(manage.getByRole("link", { name: "Log audit" })).toHaveAttribute("aria-current", "page");
  await expect(manage.getByRole("link", { name: "Log audit" })).toBeInViewport();
  await expect(page.getByRole("main")).toBeFocused();
  await screenshot(page, "navigation-audit");
});
