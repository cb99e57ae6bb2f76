/**
 * Accounts people own, in the browser: a refused sign-in says in words why and for how long
 * (never a code); a password an admin made takes its owner straight to choosing their own,
 * with errors beside the fields; the account menu leads to changing it again later.
 */
import { expect, type Page, test } from "@playwright/test";
import { AGENCY, adminApi, expectAccessible, screenshot } from "./helpers.ts";

/** Fills the sign-in form (in Bahasa Indonesia unless `en`) and waits for the API's answer. */
async function signIn(page: Page, identity: string, password: string, en = false) {
  await page.getByLabel(en ? "NIP or e-mail" : "NIP atau e-mail").fill(identity);
  await page.getByLabel(en ? "Password" : "Kata sandi").fill(password);
  await Promise.all([
    page.waitForResponse("**/api/v1/auth/login"),
    page.getByRole("button", { name: en ? "Sign in" : "Masuk" }).click(),
  ]);
}

test("a sign-in refused for too many attempts says why and for how long, in both languages", async ({ page }, info) => {
  // An e-mail nobody has: its attempts lock nobody out for the other specs.
  const identity = `nobody-${info.project.name}-${Date.now()}@demo.suara.id`;
  await page.goto("/dashboard/");
  for (let i = 0; i < 5; i++) {
    await signIn(page, identity, `wrong-password-${i}`);
    await expect(page.getByRole("alert")).toHaveText("NIP/e-mail atau kata sandi salah.");
  }
  await signIn(page, identity, "wrong-password-5");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(
    /^Terlalu banyak percobaan masuk yang gagal ke akun ini\. Demi keamanan, coba lagi dalam (1[0-5]|[1-9]) menit\.$/,
  );
  await expect(alert).not.toContainText("_");
  await screenshot(page, "sign-in-refused");
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await signIn(page, identity, "wrong-password-6", true);
  await expect(page.getByRole("alert")).toHaveText(
    /^Too many failed sign-ins to this account\. For its safety, try again in (1[0-5] minutes|[2-9] minutes|1 minute)\.$/,
  );
});

test("a password an admin made must be changed first; later it is changed from the account menu", async ({
  page,
  request,
}, info) => {
  const admin = await adminApi(request);
  const email = `staf-${info.project.name}-${Date.now()}@demo.suara.id`;
  const made = await request.post(`/api/v1/agencies/${AGENCY}/users`, {
    data: { email, name: "Staf Baru", role: "supervisor", password: "dari-admin-123" },
    headers: admin.headers,
  });
  expect(made.ok()).toBe(true);

  await page.goto("/dashboard/");
  await signIn(page, email, "dari-admin-123");
  await expect(page.getByRole("heading", { name: "Pilih kata sandi Anda sendiri" })).toBeVisible();
  await expect(page.getByText("Kata sandi Anda dibuat oleh admin")).toBeVisible();
  // Nothing else is reachable: no navigation, only the form, the language and sign-out.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await screenshot(page, "password-forced");
  await expectAccessible(page);

  const current = page.getByLabel("Kata sandi dari admin");
  const next = page.getByLabel("Kata sandi baru", { exact: true });
  const repeat = page.getByLabel("Ulangi kata sandi baru");
  const save = page.getByRole("button", { name: "Simpan kata sandi" });
  await save.click();
  await expect(current).toHaveAccessibleDescription("Wajib diisi.");
  await expect(current).toBeFocused();
  await current.fill("dari-admin-123");
  await next.fill(email.toUpperCase());
  await repeat.fill(email.toUpperCase());
  await save.click();
  await expect(next).toHaveAccessibleDescription(/tidak boleh sama dengan e-mail Anda/);
  await next.fill("pendek");
  await save.click();
  await expect(next).toHaveAccessibleDescription(/minimal 10 karakter/);
  await next.fill("kata-sandi-milik-saya");
  await repeat.fill("kata-sandi-lain-saya");
  await save.click();
  await expect(repeat).toHaveAccessibleDescription("Kedua kata sandi baru tidak sama.");
  await screenshot(page, "password-forced-errors");
  await repeat.fill("kata-sandi-milik-saya");
  await save.click();

  // Chosen: the dashboard opens, and the account menu leads to changing it again.
  await expect(page.getByRole("heading", { name: "Pilih kata sandi Anda sendiri" })).toHaveCount(0);
  await expect(page.getByText(/^Staf Baru · Supervisor/)).toBeVisible();
  await page.getByRole("link", { name: "Ganti kata sandi" }).click();
  await expect(page.getByRole("heading", { name: "Ganti kata sandi" })).toBeVisible();
  await page.getByLabel("Kata sandi sekarang").fill("dari-admin-123");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("kata-sandi-kedua-saya");
  await page.getByLabel("Ulangi kata sandi baru").fill("kata-sandi-kedua-saya");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByLabel("Kata sandi sekarang")).toHaveAccessibleDescription("Kata sandi sekarang salah.");
  await page.getByLabel("Kata sandi sekarang").fill("kata-sandi-milik-saya");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kata sandi sudah diganti" })).toHaveText(
    "Kata sandi sudah diganti. Sesi Anda di perangkat lain telah diakhiri.",
  );
  await screenshot(page, "password-change");
  await expectAccessible(page);

  // The old ones no longer sign in; the new one does, without being asked again.
  const old = await request.post("/api/v1/auth/login", { data: { email, password: "kata-sandi-milik-saya" } });
  expect(old.status()).toBe(401);
  const fresh = await request.post("/api/v1/auth/login", { data: { email, password: "kata-sandi-kedua-saya" } });
  expect((await fresh.json()).user.passwordChangeRequired).toBe(false);
});
