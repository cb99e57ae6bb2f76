/**
 * The foundation's paths as a person meets them: the widget on an agency page,
 * the hosted QR page, the dashboard sign-in and the kiosk's pairing.
 */
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config.ts";

const AGENCY = "disdukcapil-tebingtinggi";
const ADMIN = { email: "admin@demo.suara.id", password: E2E.password };
const OFFICER_NIP = "198803122010012004";

/** Fails the test on any console error or uncaught exception of the page. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("the widget demo page serves under a strict CSP with no console error", async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto("/widget/");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  // No inline styles either: the widget's styles live in its shadow roots' stylesheets.
  expect(response?.headers()["content-security-policy"]).toContain("style-src 'self';");
  await expect(page.getByRole("button", { name: "Puas", exact: true }).first()).toBeVisible();
  await expect(page.locator("suara-ikm-badge").getByRole("group")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a QR ticket rates the officer who served, once", async ({ page, request }) => {
  const login = await request.post("/api/v1/auth/login", { data: { nip: OFFICER_NIP, password: E2E.password } });
  const { token } = await login.json();
  const issued = await request.post("/api/v1/tickets", {
    data: { service: "akta-kelahiran" },
    headers: { authorization: `Bearer ${token}` },
  });
  const { url } = await issued.json();
  await page.goto(new URL(url).pathname);
  await expect(page.getByText("Dilayani oleh Siti Rahmawati, S.Kom")).toBeVisible();
  await page.getByRole("button", { name: "Sangat puas" }).click();
  await expect(page.getByRole("status")).toHaveText("Terima kasih atas penilaian Anda.");
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Tiket ini sudah dipakai untuk menilai.");
});

test("an admin signs in to the dashboard and sees the agency's IKM", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill("wrong password");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("alert")).toHaveText("NIP/e-mail atau kata sandi salah.");
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText(/^Admin Disdukcapil · Admin instansi/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^IKM Semester I{1,2} \d{4}$/ })).toBeVisible();
  await expect(page.getByText(/^Responden SKM/).first()).toBeVisible();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("heading", { name: "Masuk ke Suara" })).toBeVisible();
  // Failed sign-ins log a 401 in the console; nothing else may.
  expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
});

test("an officer signs in with NIP and sees their own indicator", async ({ page }) => {
  await page.goto("/dashboard/");
  await page.getByLabel("NIP atau e-mail").fill(OFFICER_NIP);
  await page.getByLabel("Kata sandi").fill(E2E.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: /^Nilai saya/ })).toBeVisible();
});

test("a tablet pairs with a counter using the admin's code and follows who serves", async ({ page, request }, info) => {
  // The projects share one server: each checks in at its own counter.
  const counter =
    info.project.name === "tablet" ? { code: "loket-3", name: "Loket 3" } : { code: "loket-4", name: "Loket 4" };
  const { token } = await (await request.post("/api/v1/auth/login", { data: ADMIN })).json();
  const auth = { authorization: `Bearer ${token}` };
  const made = await request.post(`/api/v1/agencies/${AGENCY}/devices`, {
    data: { counter: counter.code, name: `Tablet ${counter.name}` },
    headers: auth,
  });
  const { pairingCode } = await made.json();
  await page.goto("/kiosk/");
  await page.getByLabel("Kode pemasangan").fill("12345678");
  await page.getByRole("button", { name: "Pasangkan" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Kode pemasangan salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada admin.",
  );
  await page.getByLabel("Kode pemasangan").fill(pairingCode);
  await page.getByRole("button", { name: "Pasangkan" }).click();
  await expect(page.getByText(counter.name, { exact: true })).toBeVisible();
  await expect(page.getByText("Petugas belum memulai tugas di loket ini")).toBeVisible();
  // An officer checks in from the dashboard side: the tablet names whom the citizen rates within 30 s.
  const officer = await request.post("/api/v1/auth/login", { data: { nip: OFFICER_NIP, password: E2E.password } });
  const checkIn = await request.post(`/api/v1/counters/${counter.code}/duty`, {
    data: {},
    headers: { authorization: `Bearer ${(await officer.json()).token}` },
  });
  expect(checkIn.ok()).toBe(true);
  await expect(page.getByText("Siti Rahmawati, S.Kom")).toBeVisible({ timeout: 30_000 });
});
