/**
 * Kelola → Widget as an agency's admin uses it: each kind of embed (inline,
 * mode="skm", floating, English, the IKM badge) picked from a radio group shows
 * its snippet, copies it with a spoken confirmation, and previews the real
 * element, which sends no rating. And the badge names its period in words.
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";
import { ADMIN, AGENCY, expectAccessible, screenshot } from "./helpers.ts";

test("the IKM badge names its period in words, in Bahasa Indonesia and in English", async ({ page }) => {
  await page.goto("/widget/");
  const badges = page.locator("suara-ikm-badge");
  // Without a period: the demo's published past semester.
  await expect(badges.first().getByRole("group")).toContainText(/^IKM Semester I{1,2} \d{4}/);
  await expect(badges.first().getByRole("group")).not.toContainText(/\d{4}-S\d/);
  // Two more, as an agency would write them: a quarter in English, a month in Bahasa Indonesia.
  await page.evaluate((agency) => {
    for (const [period, locale] of [
      ["2026-Q4", "en"],
      ["2026-11", "id"],
    ]) {
      const badge = document.createElement("suara-ikm-badge");
      badge.setAttribute("agency", agency);
      badge.setAttribute("period", period);
      badge.setAttribute("locale", locale);
      document.querySelector("main")?.append(badge);
    }
  }, AGENCY);
  // Periods nobody published say so, in words, never a live figure.
  await expect(badges.nth(1).getByRole("group")).toContainText(
    /^(IKM Q4 2026|Survey results Q4 2026 not published yet)/,
  );
  await expect(badges.nth(2).getByRole("group")).toContainText(
    /^(IKM November 2026|Hasil survei November 2026 belum diterbitkan)/,
  );
  await expectAccessible(page);
});

/** Signs in as the agency's admin and opens Kelola → Widget. */
async function openWidgetPage(page: Page) {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  // Signed in once the agency's IKM shows, then to the page as its link leads.
  await expect(page.getByRole("heading", { name: /^IKM / })).toBeVisible();
  await page.goto(`/dashboard/a/${AGENCY}/manage/widget`);
  await expect(page.getByRole("heading", { name: "Kode pemasangan" })).toBeVisible();
}

test("each kind of embed shows its snippet, copies it and previews it without sending a rating", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/v1/ratings")) sent.push(r.url());
  });
  await openWidgetPage(page);
  const kinds = page.getByRole("group", { name: "Bentuk widget" });
  const code = (kind: string) => page.getByRole("region", { name: `Kode ${kind}` });
  const preview = (kind: string) => page.getByRole("region", { name: `Pratinjau: ${kind}` });
  const service = page.getByLabel("Layanan", { exact: true });
  const chosen = await service.inputValue();
  const tag = `<suara-rating agency="${AGENCY}" service="${chosen}"`;

  // Inline, the default: the basic tag; a tap in the preview thanks and sends nothing.
  await expect(kinds.getByRole("radio", { name: "Sebaris" })).toBeChecked();
  await expect(kinds.getByRole("radio", { name: "Sebaris" })).toHaveAccessibleDescription(/satu ketukan/);
  await expect(code("Sebaris")).toContainText(`${tag}></suara-rating>`);
  await expect(code("Sebaris")).toContainText(`/widget/suara.js"></script>`);
  await code("Sebaris").getByRole("button", { name: "Salin kode Sebaris" }).click();
  await expect(code("Sebaris").getByRole("status")).toHaveText("Kode Sebaris tersalin. Tempel di halaman situs Anda.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await code("Sebaris").locator("code").textContent(),
  );
  await preview("Sebaris").getByRole("button", { name: "Puas", exact: true }).click();
  await expect(preview("Sebaris").getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await expectAccessible(page);
  await screenshot(page, "widget-page-inline");

  // The keyboard moves through the kinds as through any radio group: the next one is the survey.
  await kinds.getByRole("radio", { name: "Sebaris" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(kinds.getByRole("radio", { name: "Survei SKM lengkap" })).toBeChecked();
  await expect(code("Survei SKM lengkap")).toContainText(`${tag} mode="skm"></suara-rating>`);
  // The copy line speaks for the snippet on screen, not for one copied before.
  await expect(code("Survei SKM lengkap").getByRole("status")).toHaveText("");
  await preview("Survei SKM lengkap").getByRole("button", { name: "Sangat puas" }).click();
  await expect(preview("Survei SKM lengkap").getByText("Pertanyaan 1 dari 9")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "widget-page-skm");

  // Floating: the corner button stays in the preview's box and opens the dialog.
  await kinds.getByRole("radio", { name: "Tombol melayang" }).check();
  await expect(code("Tombol melayang")).toContainText(`${tag} display="floating"></suara-rating>`);
  const launcher = preview("Tombol melayang").getByRole("button", { name: "Nilai layanan kami" });
  const box = (await preview("Tombol melayang").locator(".preview").boundingBox())!;
  const button = (await launcher.boundingBox())!;
  expect(button.y + button.height).toBeLessThanOrEqual(box.y + box.height);
  expect(button.x + button.width).toBeLessThanOrEqual(box.x + box.width);
  await launcher.click();
  const dialog = preview("Tombol melayang").getByRole("dialog", { name: "Nilai layanan kami" });
  await expect(dialog.getByRole("button", { name: "Puas", exact: true })).toBeVisible();
  await screenshot(page, "widget-page-floating-open");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(launcher).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, "widget-page-floating");

  // English: the attribute, and the preview in English.
  await kinds.getByRole("radio", { name: "Bahasa Inggris" }).check();
  await expect(code("Bahasa Inggris")).toContainText(`${tag} locale="en"></suara-rating>`);
  await preview("Bahasa Inggris").getByRole("button", { name: "Very satisfied" }).click();
  await expect(preview("Bahasa Inggris").getByRole("status")).toHaveText("Thank you for your rating.");
  await expectAccessible(page);
  await screenshot(page, "widget-page-english");

  // The badge: its own script, no service to pick, the real badge with the period in words.
  await kinds.getByRole("radio", { name: "Lencana IKM" }).check();
  await expect(service).toBeHidden();
  await expect(code("Lencana IKM")).toContainText(`/widget/badge.js"></script>`);
  await expect(code("Lencana IKM")).toContainText(`<suara-ikm-badge agency="${AGENCY}"></suara-ikm-badge>`);
  await code("Lencana IKM").getByRole("button", { name: "Salin kode Lencana IKM" }).click();
  await expect(code("Lencana IKM").getByRole("status")).toContainText("Kode Lencana IKM tersalin.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("<suara-ikm-badge");
  await expect(preview("Lencana IKM").locator("suara-ikm-badge").getByRole("group")).toContainText(
    /Semester I{1,2} \d{4}/,
  );
  await expectAccessible(page);
  await preview("Lencana IKM").scrollIntoViewIfNeeded();
  await screenshot(page, "widget-page-badge");

  // Three taps in previews, not one rating sent.
  expect(sent).toEqual([]);
});

test("without a clipboard the code is selected and the page says to press Ctrl+C", async ({ page }) => {
  await openWidgetPage(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { value: undefined });
  });
  await page.getByRole("button", { name: "Salin kode Sebaris" }).click();
  await expect(page.getByRole("region", { name: "Kode Sebaris" }).getByRole("status")).toContainText("tekan Ctrl+C");
  expect(await page.evaluate(() => getSelection()?.toString())).toContain("<suara-rating");
});
