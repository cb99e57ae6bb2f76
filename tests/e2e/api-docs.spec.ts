/** The integrators' API docs render in Chromium from Suara's own origin, with nothing fetched elsewhere. */
import { expect, test } from "@playwright/test";

test("the API docs render every operation without a request leaving the origin", async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:")) elsewhere.push(r.url());
  });
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto("/api/v1/docs");
  expect(response?.status()).toBe(200);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  await expect(page.getByRole("heading", { name: /Suara API/, level: 1 })).toBeVisible({ timeout: 15_000 });
  // Swagger UI lists the operations by tag; the ratings endpoint is the one every integrator needs.
  await expect(page.getByText("/ratings", { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByText("/ratings", { exact: true }).first().click();
  await expect(page.getByText("One result per rating, in order").first()).toBeVisible();
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
});
